import Foundation
import KithAccess
import KithDirectory
import KithStore
import Testing

@testable import KithConnect

/// Callback requests land in the service's queue; only its own organisation reads them; each step is audited with
/// ids, never the resident's name or number.
struct CallbackDeskTests {
    static func request(to serviceID: String, name: String = "Amina Hussain") throws -> CallbackRequest {
        try CallbackRequest(
            serviceID: serviceID, name: name, phone: "07700 900123", bestTime: "Mornings", need: "Food for my family this week",
            requestedAt: AuditTrail.now())
    }

    @Test func aRequestLandsInItsServicesQueueAndOnlyThatOrganisationReadsIt() throws {
        let fixture = try ConnectFixture()
        let desk = CallbackDesk(database: fixture.database)
        let stored = try desk.leave(try Self.request(to: ConnectFixture.parcelsID))
        #expect(stored.id != nil && stored.isOpen)
        let queue = try desk.queue(for: fixture.foodBankPartner, through: .web)
        #expect(queue.map(\.callback.name) == ["Amina Hussain"] && queue.first?.serviceName == "Food parcels")
        #expect(try desk.queue(for: fixture.advicePartner, through: .web).isEmpty)
        #expect(try desk.queue(for: fixture.caseworker, through: .web).isEmpty)
        #expect(try desk.queue(for: fixture.admin, through: .web).count == 1)
        let left = try #require(try fixture.audited(.requestCallback).first)
        #expect(left.subject == "callback \(stored.id ?? 0)")
        let views = try fixture.audited(.viewCallbacks)
        #expect(views.map(\.actor).sorted() == ["ada", "sue"])
        for entry in try fixture.database.audit.events(AuditQuery(limit: 1_000)) {
            #expect(!entry.detail.contains("Amina") && !entry.detail.contains("07700") && !entry.subject.contains("Amina"))
        }
    }

    @Test func aServiceThatTakesNoCallbacksIsRefused() throws {
        let fixture = try ConnectFixture()
        #expect(throws: ConnectError.unknownService(ConnectFixture.pantryID)) {
            try CallbackDesk(database: fixture.database).leave(try Self.request(to: ConnectFixture.pantryID))
        }
        #expect(throws: ConnectError.unknownService("no-such-service")) {
            try CallbackDesk(database: fixture.database).leave(try Self.request(to: "no-such-service"))
        }
    }

    @Test func aServiceTakesAtMostItsHourlyNumberOfRequests() throws {
        let fixture = try ConnectFixture()
        let desk = CallbackDesk(database: fixture.database)
        for _ in 0..<CallbackDesk.mostPerServicePerHour { try desk.leave(try Self.request(to: ConnectFixture.debtID)) }
        #expect(throws: CallbackRefusal.busy) { try desk.leave(try Self.request(to: ConnectFixture.debtID)) }
        // Another service is not held up by this one's flood.
        try desk.leave(try Self.request(to: ConnectFixture.parcelsID))
    }

    @Test func theServiceClosesARequestWithItsOutcomeAndNobodyElseCan() throws {
        let fixture = try ConnectFixture()
        let desk = CallbackDesk(database: fixture.database)
        let id = try #require(try desk.leave(try Self.request(to: ConnectFixture.parcelsID)).id)
        #expect(throws: ConnectError.notYours(service: "Food parcels")) {
            try desk.close(callbackID: id, outcome: .rangBack, note: nil, by: fixture.advicePartner, through: .web)
        }
        try desk.close(callbackID: id, outcome: .rangBack, note: "Parcel on Thursday", by: fixture.foodBankPartner, through: .web)
        let closed = try #require(try fixture.database.directory.callback(id: id))
        #expect(!closed.isOpen && closed.closedBy == "sue" && closed.outcome == "rang back: Parcel on Thursday")
        #expect(throws: ConnectError.unknownCallback(id)) {
            try desk.close(callbackID: id, outcome: .noAnswer, note: nil, by: fixture.foodBankPartner, through: .web)
        }
        #expect(try desk.queue(for: fixture.foodBankPartner, through: .web).isEmpty)
        #expect(try desk.queue(for: fixture.foodBankPartner, openOnly: false, through: .web).count == 1)
        let entry = try #require(try fixture.audited(.closeCallback).first)
        #expect(!entry.detail.contains("Thursday"))
    }
}
