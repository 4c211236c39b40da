import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KithAccess
import KithDirectory
import KithStore
import KithWeb
import Testing

/// `/api/referrals` with bearer tokens, over a real store: a caseworker refers, the service's partner lists and
/// answers with only the shared details and no person id, another organisation's partner sees nothing, and the
/// OpenAPI document describes it all.
@Suite("Referral API")
struct ReferralAPITests {
    struct Referral: Decodable {
        struct Step: Decodable {
            var status: String
            var note: String?
        }

        var id: String
        var personId: String?
        var serviceId: String
        var status: String
        var sharedDetails: [String: String]
        var steps: [Step]
    }

    struct Referrals: Decodable {
        var count: Int
        var referrals: [Referral]
    }

    static func token(_ name: String, in fixture: ReferralBorough) throws -> String {
        try TokenIssuer(database: fixture.database).issue(toAccountNamed: name, label: "api test", validForDays: 1, by: "test").token
    }

    @Test("A caseworker refers through the API and the service's partner declines, with only the shared details")
    func referAndAnswer() async throws {
        let fixture = try await ReferralBorough.make()
        let person = try #require(try fixture.caseworkerResidents().first)
        let (caseworkerToken, partnerToken, otherToken) = (
            try Self.token("caseworker", in: fixture), try Self.token(ReferralBorough.partner, in: fixture),
            try Self.token(ReferralBorough.otherPartner, in: fixture)
        )
        try await Application(router: fixture.app.makeRouter()).test(.router) { client in
            let caseworker = BrowserSession(client: client)
            caseworker.bearer = caseworkerToken
            let body = """
                {"personId":"\(person)","serviceId":"\(fixture.food.id)","need":"Food","reason":"Nothing to eat","urgency":"urgent",
                 "consent":{"givenBy":"The resident","way":"spoken"},"share":["name"]}
                """
            let bad = try await caseworker.send("/api/referrals", method: .post, json: body.replacingOccurrences(of: "urgent", with: "yesterday"))
            #expect(bad.status == .badRequest && bad.text.contains("urgency must be one of"))
            let created = try await caseworker.send("/api/referrals", method: .post, json: body)
            #expect(created.status == .created)
            let referral = try JSONDecoder().decode(Referral.self, from: Data(created.text.utf8))
            #expect(referral.status == "sent" && referral.personId == person && Set(referral.sharedDetails.keys).isSubset(of: ["name"]))

            let partner = BrowserSession(client: client)
            partner.bearer = partnerToken
            let listed = try JSONDecoder().decode(Referrals.self, from: Data(try await partner.get("/api/referrals").text.utf8))
            #expect(listed.referrals.map(\.id) == [referral.id])
            #expect(listed.referrals.first?.personId == nil, "the partner is given no person id")
            let noNote = try await partner.send("/api/referrals/\(referral.id)/steps", method: .post, json: #"{"status":"declined"}"#)
            #expect(noNote.status == .badRequest && noNote.text.contains("why the service declined"))
            let declined = try await partner.send(
                "/api/referrals/\(referral.id)/steps", method: .post, json: #"{"status":"declined","note":"Full this week"}"#)
            #expect(declined.status == .created)
            let answered = try JSONDecoder().decode(Referral.self, from: Data(declined.text.utf8))
            #expect(answered.status == "declined" && answered.steps.map(\.note) == ["Full this week"])

            let other = BrowserSession(client: client)
            other.bearer = otherToken
            #expect(try await other.get("/api/referrals/\(referral.id)").status == .notFound)
            #expect(try await other.send("/api/referrals/\(referral.id)/steps", method: .post, json: #"{"status":"accepted"}"#).status == .notFound)
            #expect(try JSONDecoder().decode(Referrals.self, from: Data(try await other.get("/api/referrals").text.utf8)).count == 0)

            let mine = try JSONDecoder().decode(Referral.self, from: Data(try await caseworker.get("/api/referrals/\(referral.id)").text.utf8))
            #expect(mine.status == "declined")
            let withdrawn = try await caseworker.send("/api/referrals/\(referral.id)/steps", method: .post, json: #"{"status":"withdrawn"}"#)
            #expect(withdrawn.status == .badRequest, "a declined referral cannot be withdrawn")

            let openAPI = try await client.execute(uri: "/api/openapi.json", method: .get)
            for path in ["/api/referrals", "/api/referrals/{id}", "/api/referrals/{id}/steps", "ReferralRequest"] {
                #expect(openAPI.text.contains(path))
            }
        }
        #expect(try fixture.database.audit.events(AuditQuery(action: "referral-step")).count == 1)
        #expect(try fixture.database.audit.events(AuditQuery(action: "refer")).first?.detail.contains("the API") == true)
    }

    @Test("A partner may not refer, nor a caseworker refer a resident outside the area")
    func refusals() async throws {
        let fixture = try await ReferralBorough.make()
        let inside = Set(try fixture.caseworkerResidents())
        let outsider = try #require(try fixture.borough.scoredPersonIDs().first { !inside.contains($0) })
        let body = """
            {"personId":"\(outsider)","serviceId":"\(fixture.food.id)","need":"Food","reason":"r","urgency":"soon",
             "consent":{"givenBy":"The resident","way":"written"}}
            """
        let (caseworkerToken, partnerToken) = (try Self.token("caseworker", in: fixture), try Self.token(ReferralBorough.partner, in: fixture))
        try await Application(router: fixture.app.makeRouter()).test(.router) { client in
            let partner = BrowserSession(client: client)
            partner.bearer = partnerToken
            let refused = try await partner.send("/api/referrals", method: .post, json: body)
            #expect(refused.status == .forbidden)
            let caseworker = BrowserSession(client: client)
            caseworker.bearer = caseworkerToken
            let outside = try await caseworker.send("/api/referrals", method: .post, json: body)
            #expect(outside.status == .notFound)
        }
        #expect(try fixture.database.referrals.allReferrals().isEmpty)
    }
}
