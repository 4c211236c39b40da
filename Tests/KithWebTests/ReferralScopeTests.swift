import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KithDirectory
import KithAccess
import KithOutreach
import KithReferrals
import KithSpreadsheet
import KithStore
import KithWeb
import Testing

/// Proves that a partner sees only the referrals to its own organisation, and of each resident only the details the
/// referrer shared: through KithAccess, the pages and the API. Residents are referred to two organisations; each
/// page and answer the partner gets is checked for the other organisation's referrals and residents, and for the
/// referred residents' details that were not shared (birth date, postcode, address, person id).
@Suite struct ReferralScopeTests {
    @Test func aPartnerSeesOnlyReferralsToItsOwnOrganisationAndOnlyTheSharedDetails() async throws {
        let fixture = try await ReferralBorough.make()
        let people = Array(try fixture.caseworkerResidents().prefix(6))
        try #require(people.count == 6)
        let desk = ReferralDesk(database: fixture.database)
        let caseworker = try fixture.signedIn("caseworker")
        var own: [ReferralRecord] = [], others: [ReferralRecord] = []
        for (index, person) in people.enumerated() {
            let service = index.isMultiple(of: 2) ? fixture.food : fixture.otherFood
            let referral = try desk.refer(
                .init(
                    personID: person, serviceID: service.id, need: "Food", reason: "Short of food", urgency: .routine, consentGivenBy: "The resident",
                    consentWay: .spoken, sharedFields: ["name", "phone"]),
                by: caseworker, via: .web)
            if index.isMultiple(of: 2) { own.append(referral) } else { others.append(referral) }
        }
        let partner = try fixture.signedIn(ReferralBorough.partner)

        // KithAccess: the incoming list, what it may see, and what it sees of each resident.
        let access = ReferralAccess(database: fixture.database, signedIn: partner)
        #expect(Set(try access.incoming().map(\.id)) == Set(own.map(\.id)))
        for referral in others { #expect(try !access.maySee(referral) && !access.mayAnswer(referral)) }
        for referral in own { #expect(try access.maySee(referral) && access.mayAnswer(referral)) }
        let referred = try ResidentScope(database: fixture.database, scope: partner.scope).referredResidents()
        #expect(Set(referred.keys) == Set(own.map(\.personId)))
        #expect(referred.values.allSatisfy { Set($0.keys).isSubset(of: ["name", "phone"]) }, "only the shared details")

        // What was not shared, and the other organisation's residents, appear on no page or answer the partner gets.
        let reader = PersonProfileReader(database: fixture.database, referenceDate: WebBorough.asOf)
        var hidden: Set<String> = Set(others.map(\.id)).union(people)
        for person in people {
            let profile = try #require(try reader.profile(of: person))
            hidden.formUnion([profile.birthDate?.description, profile.postcode, profile.address].compactMap { $0 }.filter { $0.count >= 5 })
            // Another organisation's resident's surname, unless one of its own residents shares it.
            let ownNames = own.compactMap { referred[$0.personId]?["name"] }.joined(separator: " ")
            if others.contains(where: { $0.personId == person }), profile.familyName.count >= 3, !ownNames.contains(profile.familyName) {
                hidden.insert(profile.familyName)
            }
        }
        let token = try TokenIssuer(database: fixture.database).issue(toAccountNamed: ReferralBorough.partner, label: "t", validForDays: 1, by: "t")
            .token
        let (ownReferrals, otherReferrals, hiddenWords) = (own, others, hidden)
        try await Application(router: fixture.app.makeRouter()).test(.router) { client in
            let (own, others, hidden) = (ownReferrals, otherReferrals, hiddenWords)
            let browser = BrowserSession(client: client)
            try await browser.signIn(ReferralBorough.partner, password: WebBorough.password)
            let api = BrowserSession(client: client)
            api.bearer = token
            var pages: [(String, BrowserSession.Page)] = [
                ("/referrals", try await browser.get("/referrals")), ("/api/referrals", try await api.get("/api/referrals")),
            ]
            for referral in own {
                pages.append(("/referrals/\(referral.id)", try await browser.get("/referrals/\(referral.id)")))
                pages.append(("/api/referrals/\(referral.id)", try await api.get("/api/referrals/\(referral.id)")))
            }
            for (path, page) in pages {
                #expect(page.status == .ok, "\(path)")
                for text in hidden where page.text.contains(text) {
                    Issue.record("\(path) shows \(text), which the partner may not see")
                }
            }
            for (index, referral) in own.enumerated() {
                let name = try #require(referred[referral.personId]?["name"])
                #expect(pages[2 + 2 * index].1.text.contains(name.replacingOccurrences(of: "'", with: "&#39;")), "the shared name is shown")
            }
            for referral in others {
                #expect(try await browser.get("/referrals/\(referral.id)").status == .notFound)
                #expect(try await api.get("/api/referrals/\(referral.id)").status == .notFound)
            }
        }
    }
}
