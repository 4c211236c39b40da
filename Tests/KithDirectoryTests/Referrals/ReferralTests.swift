import KithDirectory
import KithSpreadsheet
import Testing

/// A referral's life: made only with a need, a reason and recorded consent; accepted, declined with a reason,
/// completed with an outcome or withdrawn, in an order that makes sense; over once declined, completed or withdrawn.
struct ReferralTests {
    static let consent = Consent(givenBy: "the resident", way: .spoken, recordedBy: "caseworker-1", recordedAt: "2026-12-01T10:00:00Z")

    static func referral(need: String = "Food", reason: String = "No food in the house since Friday.") throws -> Referral {
        try Referral(
            id: "r1", personID: "KP-0000042", serviceID: "pantry", organizationID: "hope", need: need, reason: reason, urgency: .urgent,
            consent: consent, sharedDetails: ["name": "A. Resident", "phone": "01632 960000"], referredBy: "caseworker-1",
            referredAt: "2026-12-01T10:05:00Z"
        )
    }

    @Test func aReferralNeedsANeedAReasonAndConsent() throws {
        #expect(throws: ReferralError.missing("the need")) { try Self.referral(need: " ") }
        #expect(throws: ReferralError.missing("why the resident is referred")) { try Self.referral(reason: "") }
        var consent = Self.consent
        consent.givenBy = ""
        #expect(throws: ReferralError.missing("who gave consent")) {
            try Referral(
                id: "r", personID: "KP-1", serviceID: "s", organizationID: nil, need: "Food", reason: "r", urgency: .routine, consent: consent,
                sharedDetails: [:], referredBy: "x", referredAt: "2026-12-01T10:00:00Z")
        }
        #expect(try Self.referral().status == .sent)
    }

    @Test func aServiceAcceptsThenCompletesWithAnOutcome() throws {
        var referral = try Self.referral()
        try referral.record(.accepted, by: "pantry-lead", at: "2026-12-01T11:00:00Z")
        #expect(throws: ReferralError.missing("the outcome")) { try referral.record(.completed, by: "pantry-lead", at: "2026-12-02T09:00:00Z") }
        try referral.record(.completed, by: "pantry-lead", at: "2026-12-02T09:00:00Z", note: "Parcel delivered; signed up to the pantry.")
        #expect(referral.status == .completed && referral.steps.map(\.status) == [.accepted, .completed])
        #expect(throws: ReferralError.cannotMove(from: .completed, to: .declined)) {
            try referral.record(.declined, by: "pantry-lead", at: "2026-12-03T09:00:00Z", note: "x")
        }
    }

    @Test func aDeclineNeedsItsReasonAndEndsTheReferral() throws {
        var referral = try Self.referral()
        #expect(throws: ReferralError.cannotMove(from: .sent, to: .completed)) {
            try referral.record(.completed, by: "pantry-lead", at: "2026-12-01T11:00:00Z", note: "done")
        }
        #expect(throws: ReferralError.missing("why the service declined")) { try referral.record(.declined, by: "p", at: "t", note: "  ") }
        try referral.record(.declined, by: "pantry-lead", at: "2026-12-01T11:00:00Z", note: "Outside our area.")
        #expect(referral.status.isOver)
        let error = ReferralError.cannotMove(from: .declined, to: .accepted)
        #expect(throws: error) { try referral.record(.accepted, by: "pantry-lead", at: "2026-12-01T12:00:00Z") }
        #expect(error.description.contains("make a new referral"))
    }

    @Test func aDeclinedReferralSuggestsOtherServicesForTheNeed() {
        var services = DirectorySearchTests.directory
        var waitingShort = DirectorySearchTests.service("short", "Short Wait Larder", need: "Food", at: DirectorySearchTests.farPlace)
        waitingShort.capacity = Capacity(acceptingReferrals: .waitingList, typicalWaitDays: 2, updatedAt: "2026-12-01T09:00:00Z", updatedBy: "t")
        services.append(waitingShort)
        var foodbankWait = services.first { $0.id == "foodbank" }!
        foodbankWait.capacity?.typicalWaitDays = 10
        services = services.map { $0.id == "foodbank" ? foodbankWait : $0 }
        let others = OtherServices.suggest(for: "Food", instead: "pantry", among: services, near: DirectorySearchTests.home)
        #expect(others.map(\.service.id) == ["short", "foodbank"], "waiting lists, the shortest wait first; never the closed one")
        let fromFoodBank = OtherServices.suggest(for: "Food", instead: "foodbank", among: services)
        #expect(fromFoodBank.first?.service.id == "pantry", "a service taking referrals comes before any waiting list")
    }
}
