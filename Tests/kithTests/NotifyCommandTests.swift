import Foundation
import KithStore
import KithTestSupport
import Testing

/// `kith notify` as a user runs it: reminders queued at most once a week, kept in the outbox without a relay, and
/// kept with the relay's answer when it cannot be reached.
struct NotifyCommandTests {
    @Test func remindersWaitInTheOutboxUntilARelayTakesThem() throws {
        let folder = try DirectoryCommandTests.borough()
        let imported = try DirectoryCommandTests.kith(["directory", "import", "borough/directory/services.json"], in: folder)
        #expect(imported.status == 0, "\(imported.errors)")

        let queued = try DirectoryCommandTests.kith(["notify", "--site", "https://kith.example.gov.uk"], in: folder)
        #expect(queued.status == 0, "\(queued.errors)")
        let count = try #require(Int(queued.output.split(separator: " ")[1]), "\(queued.output)")
        #expect(count > 0, "the generated directory has organisations with stale services and an address")
        #expect(queued.output.contains("\(count) waiting in the outbox. Give --smtp-host and --from to send them."))
        let notices = try KithDatabase.open(path: folder.path("kith.sqlite").path).directory.notices(unsentOnly: true)
        #expect(notices.count == count && notices.allSatisfy { $0.body.contains("https://kith.example.gov.uk/directory/manage") })

        let again = try DirectoryCommandTests.kith(["notify"], in: folder)
        #expect(again.output.hasPrefix("Queued 0 reminders"), "at most one a week")

        // Port 9 (discard) answers nothing here: every message is kept to try again, and the run fails.
        let unreachable = try DirectoryCommandTests.kith(
            ["notify", "--send-only", "--smtp-host", "127.0.0.1", "--smtp-port", "9", "--from", "directory@kith.example.gov.uk"], in: folder)
        #expect(unreachable.status == 1)
        #expect(unreachable.errors.contains("not sent, kept to try again: The SMTP relay could not be reached"))
        let kept = try KithDatabase.open(path: folder.path("kith.sqlite").path).directory.notices(unsentOnly: true)
        #expect(kept.count == count && kept.allSatisfy { $0.attempts == 1 && $0.lastError != nil })

        let noSender = try DirectoryCommandTests.kith(["notify", "--smtp-host", "127.0.0.1"], in: folder)
        #expect(noSender.status != 0 && noSender.errors.contains("Give the sender's address with --from"))
    }
}
