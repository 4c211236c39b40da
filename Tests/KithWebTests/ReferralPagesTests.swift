import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KithDirectory
import KithAccess
import KithReferrals
import KithStore
import KithWeb
import Testing

/// Referrals through the pages, over a real store: a caseworker refers a resident from the person page; the
/// service's partner declines with a reason; the caseworker sees other services and refers again; the partner
/// accepts (a place is taken) and completes with an outcome; the person page shows each step; forms with mistakes
/// come back with each on its field; every step is audited.
@Suite struct ReferralPagesTests {
    /// The fields of a complete referral form to `service` for `person`.
    static func form(person: String, service: String) -> [(String, String)] {
        [
            ("person", person), ("service", service), ("need", "Food"), ("reason", "No food in the house until payday"),
            ("urgency", "urgent"), ("consent_given_by", "The resident"), ("consent_way", "spoken"), ("share", "name"), ("share", "phone"),
        ]
    }

    /// The referral id a "see other" answer leads to.
    static func referralID(_ page: BrowserSession.Page) throws -> String {
        let location = try #require(page.location)
        return String(try #require(location.split(separator: "/").last?.split(separator: "?").first))
    }

    @Test func aCaseworkerRefersAndThePartnerDeclinesThenAcceptsAndCompletes() async throws {
        let fixture = try await ReferralBorough.make()
        let person = try #require(try fixture.caseworkerResidents().first)
        let food = fixture.food
        let placesBefore = try fixture.database.directory.service(id: food.id)?.placesFree
        try await Application(router: fixture.app.makeRouter()).test(.router) { client in
            let caseworker = BrowserSession(client: client)
            try await caseworker.signIn("caseworker", password: WebBorough.password)
            let personPage = try await caseworker.get("/persons/\(person)")
            #expect(personPage.text.contains("/referrals/new?person=\(person)"), "the person page offers a referral")
            let outreach = try await caseworker.get("/outreach")
            #expect(outreach.text.contains("/referrals/new?person="), "the contact list offers a referral")

            let form = try await caseworker.get("/referrals/new?person=\(person)")
            #expect(form.status == .ok && form.text.contains(food.id))
            #expect(form.text.contains(#"id="share-name" name="share" value="name" checked"#))
            #expect(form.text.contains(#"id="share-phone" name="share" value="phone" checked"#))
            #expect(!form.text.contains(#"id="share-address" name="share" value="address" checked"#), "name and phone unless chosen")

            let incomplete = try await caseworker.post("/referrals", form: [("person", person), ("service", food.id)])
            #expect(incomplete.status == .unprocessableContent)
            #expect(incomplete.text.contains("Say why the resident is referred") && incomplete.text.contains("Choose how consent was given"))
            #expect(incomplete.text.contains(#"id="reason-error""#), "the error is on its field")

            let sent = try await caseworker.post("/referrals", form: Self.form(person: person, service: food.id))
            #expect(sent.status == .seeOther)
            let first = try Self.referralID(sent)
            let shown = try await caseworker.get("/referrals/\(first)")
            #expect(shown.status == .ok && shown.text.contains("Waiting for an answer") && shown.text.contains("Withdraw the referral"))
            #expect(!shown.text.contains(">Accept</button>"), "the referrer does not answer for the service")

            // The partner of the service's organisation sees it, with only the shared details, and answers it.
            let partner = BrowserSession(client: client)
            try await partner.signIn(ReferralBorough.partner, password: WebBorough.password)
            let incoming = try await partner.get("/referrals")
            #expect(incoming.status == .ok && incoming.text.contains("/referrals/\(first)"))
            let toAnswer = try await partner.get("/referrals/\(first)")
            #expect(toAnswer.status == .ok && toAnswer.text.contains(">Accept</button>"))
            #expect(!toAnswer.text.contains("/persons/\(person)"), "the partner is not led to the resident's record")
            let noReason = try await partner.post("/referrals/\(first)/steps", form: [("status", "declined")])
            #expect(noReason.status == .unprocessableContent && noReason.text.contains("Say why the service cannot help"))
            #expect(noReason.text.contains(#"id="decline_reason-error""#))
            let declined = try await partner.post(
                "/referrals/\(first)/steps", form: [("status", "declined"), ("decline_reason", "No parcels until next week")])
            #expect(declined.status == .seeOther)

            // The caseworker sees the reason and other services for the need, and refers again.
            let afterDecline = try await caseworker.get("/referrals/\(first)")
            #expect(afterDecline.text.contains("No parcels until next week") && afterDecline.text.contains("Other services for Food"))
            #expect(afterDecline.text.contains("/referrals/new?person=\(person)&amp;service="), "each suggestion offers a referral")
            #expect(!afterDecline.text.contains("Withdraw the referral"), "a declined referral is over")
            let again = try await caseworker.post("/referrals", form: Self.form(person: person, service: food.id))
            let second = try Self.referralID(again)

            _ = try await partner.get("/referrals/\(second)")
            #expect(try await partner.post("/referrals/\(second)/steps", form: [("status", "accepted")]).status == .seeOther)
            if let placesBefore, placesBefore > 0 {
                #expect(try fixture.database.directory.service(id: food.id)?.placesFree == placesBefore - 1, "accepting takes a place")
            }
            let noOutcome = try await partner.post("/referrals/\(second)/steps", form: [("status", "completed")])
            #expect(noOutcome.status == .unprocessableContent && noOutcome.text.contains("Say what came of the referral"))
            let completed = try await partner.post(
                "/referrals/\(second)/steps", form: [("status", "completed"), ("outcome", "Parcels for four weeks; joined the pantry")])
            #expect(completed.status == .seeOther)
            let twice = try await partner.post("/referrals/\(second)/steps", form: [("status", "accepted")])
            #expect(twice.status == .unprocessableContent && twice.text.contains("cannot be marked accepted"))

            // The person page shows both referrals and each step.
            let steps = try await caseworker.get("/persons/\(person)")
            for text in [
                "/referrals/\(first)", "/referrals/\(second)", "Declined", "No parcels until next week", "Accepted", "Completed",
                "Parcels for four weeks; joined the pantry", "Referred to \(food.name)",
            ] {
                #expect(steps.text.contains(text.replacingOccurrences(of: "'", with: "&#39;")), "the person page shows \(text)")
            }
            let list = try await caseworker.get("/referrals")
            #expect(list.text.contains("Sent by you") && list.text.contains("/referrals/\(second)"))
        }
        let refer = try fixture.database.audit.events(AuditQuery(action: AuditTrail.Action.refer.rawValue))
        let steps = try fixture.database.audit.events(AuditQuery(action: AuditTrail.Action.referralStep.rawValue))
        #expect(refer.count == 2 && steps.count == 3, "two referrals and three steps, each audited")
        #expect(steps.allSatisfy { $0.actor == ReferralBorough.partner })
    }

    @Test func anotherOrganisationsPartnerAndTheSchoolCannotSeeOrAnswerAReferral() async throws {
        let fixture = try await ReferralBorough.make()
        let person = try #require(try fixture.caseworkerResidents().first)
        try await Application(router: fixture.app.makeRouter()).test(.router) { client in
            let caseworker = BrowserSession(client: client)
            try await caseworker.signIn("caseworker", password: WebBorough.password)
            _ = try await caseworker.get("/referrals/new?person=\(person)")
            let id = try Self.referralID(try await caseworker.post("/referrals", form: Self.form(person: person, service: fixture.food.id)))
            for name in [ReferralBorough.otherPartner, "school", "foodbank"] {
                let other = BrowserSession(client: client)
                try await other.signIn(name, password: WebBorough.password)
                #expect(try await other.get("/referrals/\(id)").status == .notFound, "\(name) does not see it")
                #expect(try await other.post("/referrals/\(id)/steps", form: [("status", "accepted")]).status == .notFound)
                #expect(!(try await other.get("/referrals")).text.contains(id))
            }
            // The partner refers no one, and the caseworker answers nothing.
            let partner = BrowserSession(client: client)
            try await partner.signIn(ReferralBorough.partner, password: WebBorough.password)
            #expect(try await partner.get("/referrals/new?person=\(person)").status == .forbidden)
            _ = try await caseworker.get("/referrals/\(id)")
            let answered = try await caseworker.post("/referrals/\(id)/steps", form: [("status", "accepted")])
            #expect(answered.status == .notFound)
            #expect(try fixture.database.referrals.referral(id: id)?.status == "sent")
        }
    }

    @Test func aServicePageShowsReferralCountsToStaffOnlyWithSmallNumbersHidden() async throws {
        let fixture = try await ReferralBorough.make()
        let people = try fixture.caseworkerResidents()
        let desk = ReferralDesk(database: fixture.database)
        let caseworker = try fixture.signedIn("caseworker")
        for person in people.prefix(3) {
            _ = try desk.refer(
                .init(
                    personID: person, serviceID: fixture.food.id, need: "Food", reason: "Short of food", urgency: .soon,
                    consentGivenBy: "The resident", consentWay: .written),
                by: caseworker, via: .web)
        }
        try await Application(router: fixture.app.makeRouter()).test(.router) { client in
            let path = "/directory/services/\(fixture.food.id)"
            let anyone = try await client.execute(uri: path, method: .get)
            #expect(anyone.status == .ok && !anyone.text.contains("Referrals in the last"), "the public sees no counts")
            let staff = BrowserSession(client: client)
            try await staff.signIn("caseworker", password: WebBorough.password)
            let page = try await staff.get(path)
            #expect(page.text.contains("Referrals in the last 90 days") && page.text.contains("Received: <strong>fewer than 5</strong>"))
            #expect(!page.text.contains(">3<"), "three referrals are never shown as 3")
        }
    }
}
