import Foundation
import KithDirectory
import KithSpreadsheet
import KithStore
import Testing

@testable import KithConnect

/// The 30-day nudge: who is reminded, how often, and the reminder sent by SMTP to a real (local) SMTP server.
struct StaleProfileNoticesTests {
    static let today = CivilDate(year: 2026, month: 12, day: 3)!

    @Test func organisationsWithServicesUnconfirmedFor30DaysAreListedMostStaleFirst() throws {
        let fixture = try ConnectFixture()
        let overview = try StaleProfileNotices(database: fixture.database).overview(today: Self.today)
        // One stale service each: then by name.
        #expect(overview.map(\.name) == ["Hollin Money Advice", "Kithmoor Food Bank"])
        let foodBank = try #require(overview.first { $0.id == ConnectFixture.foodBankID })
        // The pantry was confirmed three days ago; the parcels in September.
        #expect(foodBank.services.map(\.service.name) == ["Food parcels"])
        #expect(foodBank.services.first?.daysSince == 93)
        #expect(overview.first { $0.id == ConnectFixture.adviceID }?.services.first?.lastConfirmed == nil)
    }

    @Test func aReminderIsQueuedForEachOrganisationWithAnAddressAtMostOnceAWeek() throws {
        let fixture = try ConnectFixture()
        let notices = StaleProfileNotices(database: fixture.database)
        let now = Date()
        let queued = try notices.queueReminders(today: Self.today, siteAddress: "https://kith.example.gov.uk/", now: now)
        // The money advice charity gives no email address, so only the food bank is reminded.
        #expect(queued.map(\.recipient) == ["hello@kithmoorfoodbank.example.org.uk"])
        let body = try #require(queued.first?.body)
        #expect(body.contains("Food parcels (last confirmed 2026-09-01)"))
        #expect(body.contains("https://kith.example.gov.uk/directory/services/\(ConnectFixture.parcelsID)"))
        #expect(body.contains("https://kith.example.gov.uk/directory/manage"))
        #expect(
            try notices.queueReminders(today: Self.today, siteAddress: "https://kith.example.gov.uk", now: now.addingTimeInterval(86_400)).isEmpty)
        #expect(
            try notices.queueReminders(today: Self.today, siteAddress: "https://kith.example.gov.uk", now: now.addingTimeInterval(8 * 86_400)).count
                == 1)
    }

    @Test func theOutboxIsSentThroughARealSMTPServerAndAFailureIsKeptToTryAgain() throws {
        let fixture = try ConnectFixture()
        let sink = try SMTPSink()
        try StaleProfileNotices(database: fixture.database).queueReminders(today: Self.today, siteAddress: "https://kith.example.gov.uk")
        _ = try fixture.database.directory.queueNotices([
            DirectoryNotice(
                organizationId: ConnectFixture.adviceID, recipient: "nobody@refused.example", subject: "Please check 1 service",
                body: ".A line that starts with a dot", createdAt: AuditTrail.now())
        ])
        let mailer = SMTPMailer(host: "127.0.0.1", port: sink.port, from: "directory@kith.example.gov.uk", timeout: 5)
        let outcome = try NoticeSender(database: fixture.database, mailer: mailer).sendWaiting()
        #expect(outcome.sent == 1 && outcome.failed.count == 1)
        #expect(outcome.failed.first?.error.contains("550") == true)
        let message = try #require(sink.messages.first)
        #expect(message.from == "<directory@kith.example.gov.uk>" && message.recipients == ["<hello@kithmoorfoodbank.example.org.uk>"])
        #expect(message.data.contains("Subject: Please check 1 service in the local services directory\r\n"))
        #expect(message.data.contains("\r\n\r\nHello Kithmoor Food Bank,\r\n"))
        let waiting = try fixture.database.directory.notices(unsentOnly: true)
        #expect(waiting.map(\.recipient) == ["nobody@refused.example"] && waiting.first?.attempts == 1)
        #expect(waiting.first?.lastError?.contains("No such mailbox") == true)
    }

    @Test func aBodyLineStartingWithADotIsDoubledAndHeadersCannotBeInjected() throws {
        let text = SMTPMailer.message(from: "a@example.org", to: "b@example.org", subject: "Café", body: ".hidden\nnext", date: Date())
        #expect(text.contains("\r\n..hidden\r\nnext"))
        #expect(text.contains("Subject: =?UTF-8?B?"))
        #expect(throws: SMTPError.self) {
            try SMTPMailer(host: "127.0.0.1", port: 1, from: "a@example.org").send(to: "b@example.org\r\nBcc: c@example.org", subject: "x", body: "y")
        }
    }

    @Test func anUnreachableRelayIsSaidInWords() throws {
        let error = #expect(throws: SMTPError.self) {
            try SMTPMailer(host: "127.0.0.1", port: 9, from: "a@example.org", timeout: 2).send(to: "b@example.org", subject: "x", body: "y")
        }
        #expect(error?.description.hasPrefix("The SMTP relay could not be reached") == true)
    }
}

/// The gap view places a service by its postcode's district when the residents' areas are districts.
struct DirectoryGapsTests {
    @Test func aPostcodesDistrictIsItsOutwardCode() {
        #expect(DirectoryGaps.district("hy5 2ab") == "HY5")
        #expect(DirectoryGaps.district("SW1A1AA") == "SW1A")
        #expect(DirectoryGaps.district("not a postcode") == nil)
    }
}
