import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KithAccess
import KithConnect
import KithDirectory
import KithStore
import KithSynthetic
import Testing

@testable import KithWeb

/// The directory's editing through the JSON API: a partner's token keeps its own services as the pages do, and no
/// other's; field problems are named; callback requests are read and closed.
struct DirectoryAPITests {
    @Test func aPartnersTokenKeepsItsOwnServicesThroughTheAPI() async throws {
        let (fixture, services) = try await ServiceKeepingPagesTests.fixture()
        let own = try #require(services.first { $0.organization?.name == DirectoryGenerator.demoFoodBank })
        let other = try #require(services.first { $0.organization?.name != DirectoryGenerator.demoFoodBank })
        let token = try fixture.apiToken(for: ServiceKeepingPagesTests.keeper)
        try await fixture.run { client in
            let api = BrowserSession(client: client)
            api.bearer = token
            let list = try await api.get("/api/directory/services")
            #expect(list.status == .ok)
            let listed = try JSONSerialization.jsonObject(with: Data(list.text.utf8)) as? [String: [[String: Any]]]
            #expect(Set(listed?["services"]?.compactMap { $0["name"] as? String } ?? []) == ["Food Bank", "Community Pantry"])

            let saved = try await api.send(
                "/api/directory/services/\(own.id)/capacity", method: .put,
                json: #"{"accepting_referrals": "no", "typical_wait_days": 14}"#)
            #expect(saved.status == .ok && saved.text.contains(#""accepting_referrals":"no""#))
            #expect(try fixture.database.directory.service(id: own.id)?.acceptingReferrals == "no")

            let bad = try await api.send("/api/directory/services/\(own.id)", method: .patch, json: #"{"email": "nope", "minimum_age": 300}"#)
            #expect(bad.status == .badRequest && bad.text.contains(#""field":"email""#) && bad.text.contains(#""field":"minimum-age""#))
            let good = try await api.send("/api/directory/services/\(own.id)", method: .patch, json: #"{"alert": "Open on Boxing Day"}"#)
            #expect(good.status == .ok)
            let stored = try await api.get("/api/directory/services/\(own.id)")
            #expect(stored.text.contains("Open on Boxing Day") && stored.text.contains(#""field_name":"alert""#))
            let malformed = try await api.send("/api/directory/services/\(own.id)/capacity", method: .put, json: #"{"places_free": 3}"#)
            #expect(malformed.status == .badRequest && malformed.text.contains("accepting_referrals is missing"))

            let refused = try await api.send("/api/directory/services/\(other.id)/capacity", method: .put, json: #"{"accepting_referrals": "no"}"#)
            #expect(refused.status == .forbidden)
            #expect(try await api.send("/api/directory/services/\(other.id)/confirm", method: .post, json: "{}").status == .forbidden)
            #expect(try fixture.auditEvents(.updateCapacity, by: ServiceKeepingPagesTests.keeper).first?.detail.contains("through the API") == true)
        }
    }

    @Test func callbackRequestsAreReadAndClosedThroughTheAPIByTheServicesKeepers() async throws {
        let (fixture, services) = try await ServiceKeepingPagesTests.fixture()
        let own = try #require(services.first { $0.organization?.name == DirectoryGenerator.demoFoodBank })
        // The partner lets residents ask for calls, then one does.
        var edit = ServiceEdit(own)
        edit.acceptsCallbacks = true
        try ServiceKeeper(database: fixture.database).edit(
            serviceID: own.id, edit, by: try #require(try fixture.database.access.account(named: ServiceKeepingPagesTests.keeper)), through: .web)
        let id = try #require(
            try CallbackDesk(database: fixture.database).leave(
                CallbackRequest(
                    serviceID: own.id, name: "Sam Generated", phone: "01632 960001", bestTime: nil, need: nil, requestedAt: "2026-12-04T09:00:00Z")
            ).id)
        let partner = try fixture.apiToken(for: ServiceKeepingPagesTests.keeper)
        let caseworker = try fixture.apiToken(for: WebFixture.caseworker)
        try await fixture.run { client in
            let api = BrowserSession(client: client)
            api.bearer = caseworker
            #expect(try await api.get("/api/directory/callbacks").status == .forbidden)
            api.bearer = partner
            let queue = try await api.get("/api/directory/callbacks")
            #expect(queue.status == .ok && queue.text.contains("Sam Generated") && queue.text.contains(#""service_id":"\#(own.id)""#))
            let wrong = try await api.send("/api/directory/callbacks/\(id)/close", method: .post, json: #"{"outcome": "done"}"#)
            #expect(wrong.status == .badRequest)
            let closed = try await api.send("/api/directory/callbacks/\(id)/close", method: .post, json: #"{"outcome": "rang back"}"#)
            #expect(closed.status == .ok)
            #expect(try await api.get("/api/directory/callbacks").text == #"{"callbacks":[]}"#)
        }
    }
}
