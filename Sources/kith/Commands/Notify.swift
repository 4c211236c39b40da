import ArgumentParser
import Foundation
import KithConnect
import KithSpreadsheet
import KithStore

/// `kith notify`: the directory's reminders. Puts a reminder in the outbox for each organisation whose services have
/// not been confirmed in 30 days (at most one a week), then sends the outbox by SMTP when a relay is given.
struct Notify: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Remind organisations to confirm their services, and send the outbox by SMTP.",
        discussion: """
            Run it daily (cron or a systemd timer). Each organisation with a service not confirmed in 30 days, and an \
            email address in the directory, gets one reminder a week listing those services, with links to check them. \
            Without --smtp-host the reminders wait in the outbox (seen on /directory/reminders); with it, everything \
            waiting is sent and each message's result recorded. Kith speaks plain SMTP: point it at the council's \
            relay or a local one (Postfix) that handles TLS and sign-in. The SMTP settings may also come from \
            KITH_SMTP_HOST, KITH_SMTP_PORT and KITH_SMTP_FROM. Exit status 1 when a message could not be sent.
            """
    )

    @Option(help: "The address of Kith's pages, for the links in reminders (e.g. https://kith.example.gov.uk).")
    var site: String = ProcessInfo.processInfo.environment["KITH_SITE"] ?? "http://127.0.0.1:8080"

    @Option(help: "The SMTP relay's host name (default: KITH_SMTP_HOST; without either, nothing is sent).")
    var smtpHost: String?

    @Option(help: "The SMTP relay's port.")
    var smtpPort: Int = ProcessInfo.processInfo.environment["KITH_SMTP_PORT"].flatMap(Int.init) ?? 25

    @Option(help: "The sender's address (default: KITH_SMTP_FROM).")
    var from: String?

    @Flag(help: "Only send what is already in the outbox; queue no new reminders.")
    var sendOnly = false

    @OptionGroup var store: StoreOptions

    /// The relay and sender, from the options or else the environment.
    var relay: (host: String?, from: String?) {
        let environment = ProcessInfo.processInfo.environment
        return (smtpHost ?? environment["KITH_SMTP_HOST"], from ?? environment["KITH_SMTP_FROM"])
    }

    func validate() throws {
        if relay.host != nil, relay.from == nil {
            throw ValidationError("Give the sender's address with --from (or KITH_SMTP_FROM) to send by SMTP.")
        }
        guard (1...65_535).contains(smtpPort) else { throw ValidationError("--smtp-port must be from 1 to 65535.") }
    }

    func run() throws {
        let database = try store.open()
        if !sendOnly {
            let queued = try StaleProfileNotices(database: database).queueReminders(today: .today, siteAddress: site)
            print(
                "Queued \(queued.count == 1 ? "1 reminder" : "\(queued.count) reminders") for organisations with services not confirmed in 30 days.")
        }
        let waiting = try database.directory.notices(unsentOnly: true)
        guard let smtpHost = relay.host, let from = relay.from else {
            print("\(waiting.count) waiting in the outbox. Give --smtp-host and --from to send them.")
            return
        }
        let outcome = try NoticeSender(database: database, mailer: SMTPMailer(host: smtpHost, port: smtpPort, from: from)).sendWaiting()
        print("Sent \(outcome.sent) of \(waiting.count) through \(smtpHost):\(smtpPort).")
        for failure in outcome.failed {
            FileHandle.standardError.write(Data("Message \(failure.id) not sent, kept to try again: \(failure.error)\n".utf8))
        }
        if !outcome.failed.isEmpty { throw ExitCode(1) }
    }
}
