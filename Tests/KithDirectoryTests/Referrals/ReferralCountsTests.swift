import KithDirectory
import KithSpreadsheet
import Testing

/// What a service's page tells partners about its referrals: the last 90 days by cohort and neighbourhood, with
/// counts from 1 to 4 hidden, and a second count hidden where one hidden count could be worked out from the total.
struct ReferralCountsTests {
    static let today = CivilDate(year: 2026, month: 12, day: 3)!

    static func referrals(_ count: Int, person: String, on date: String, completedOn: String? = nil) throws -> [Referral] {
        try (0..<count).map { index in
            var referral = try Referral(
                id: "\(person)-\(index)", personID: person, serviceID: "pantry", organizationID: nil, need: "Food", reason: "r", urgency: .routine,
                consent: ReferralTests.consent, sharedDetails: [:], referredBy: "c", referredAt: date + "T10:00:00Z"
            )
            if let completedOn {
                try referral.record(.accepted, by: "p", at: date + "T11:00:00Z")
                try referral.record(.completed, by: "p", at: completedOn + "T11:00:00Z", note: "helped")
            }
            return referral
        }
    }

    @Test func smallCountsAreHiddenAndOneMoreWhereTheTotalWouldGiveThemAway() throws {
        let referrals =
            try Self.referrals(12, person: "adult-north", on: "2026-11-20", completedOn: "2026-11-25")
            + Self.referrals(6, person: "child-south", on: "2026-11-01")
            + Self.referrals(2, person: "older-south", on: "2026-10-01")
            + Self.referrals(40, person: "adult-north", on: "2026-08-01")  // before the 90 days
        let place: (String) -> (cohort: String?, neighbourhood: String?) = { person in
            let parts = person.split(separator: "-").map(String.init)
            return (parts[0], parts[1])
        }
        let counts = ReferralCounts(referrals, today: Self.today, placeOf: place)
        #expect(counts.received == .count(20) && counts.completed == .count(12))
        #expect(counts.byCohort.map(\.label) == ["adult", "child", "older"])
        // 12, 6 and 2 received: the 2 is hidden, and so is the 6, else 20 − 12 − 6 would give the 2 away.
        #expect(counts.byCohort.map(\.received) == [.count(12), .fewerThanFive, .fewerThanFive])
        #expect(counts.byCohort.map(\.completed) == [.count(12), .count(0), .count(0)])
        #expect(counts.byNeighbourhood.map(\.received) == [.count(12), .count(8)], "north 12, south 8: nothing small")
        #expect(ReferralCounts.Shown.fewerThanFive.description == "fewer than 5")
    }

    @Test func aWindowIsTheDaysUpToTodayInclusive() throws {
        let referrals = try Self.referrals(5, person: "adult-north", on: "2026-09-05") + Self.referrals(5, person: "adult-north", on: "2026-09-04")
        let counts = ReferralCounts(referrals, today: Self.today) { _ in (nil, nil) }
        #expect(counts.received == .count(5), "3 December and the 89 days before it start on 5 September")
        #expect(counts.byCohort.map(\.label) == ["not known"])
    }
}
