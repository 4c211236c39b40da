import KithSpreadsheet

/// How many referrals a service received and completed in a recent window, by cohort and by neighbourhood, as its
/// page shows partners: counts from 1 to 4 are not shown, so that nobody can pick out a resident, and where hiding
/// one count in a column would let it be worked out from the total, the next smallest is hidden too.
public struct ReferralCounts: Sendable, Equatable {
    /// A count as shown.
    public enum Shown: Sendable, Equatable, CustomStringConvertible {
        case count(Int)
        /// Between 1 and 4.
        case fewerThanFive

        public var description: String {
            switch self {
            case .count(let count): String(count)
            case .fewerThanFive: "fewer than 5"
            }
        }
    }

    public struct Row: Sendable, Equatable {
        public var label: String
        public var received: Shown
        public var completed: Shown
    }

    /// The smallest count shown.
    public static let smallestShown = 5

    public var days: Int
    public var received: Shown
    public var completed: Shown
    public var byCohort: [Row]
    public var byNeighbourhood: [Row]

    /// Counts the referrals received in the `days` up to `today`, and those completed in them, by the cohort and
    /// neighbourhood `placeOf` gives each person (nil: "not known").
    public init(
        _ referrals: [Referral], days: Int = 90, today: CivilDate, placeOf: (String) -> (cohort: String?, neighbourhood: String?)
    ) {
        let since = today.adding(days: -(days - 1))
        func inWindow(_ time: String) -> Bool {
            guard let date = Schedule.date(time) else { return false }
            return date >= since && date <= today
        }
        var cohorts: [String: (received: Int, completed: Int)] = [:]
        var neighbourhoods: [String: (received: Int, completed: Int)] = [:]
        var total = (received: 0, completed: 0)
        for referral in referrals {
            let received = inWindow(referral.referredAt)
            let completed = referral.steps.contains { $0.status == .completed && inWindow($0.at) }
            guard received || completed else { continue }
            let place = placeOf(referral.personID)
            let cohort = place.cohort ?? "not known", neighbourhood = place.neighbourhood ?? "not known"
            if received {
                total.received += 1
                cohorts[cohort, default: (0, 0)].received += 1
                neighbourhoods[neighbourhood, default: (0, 0)].received += 1
            }
            if completed {
                total.completed += 1
                cohorts[cohort, default: (0, 0)].completed += 1
                neighbourhoods[neighbourhood, default: (0, 0)].completed += 1
            }
        }
        self.days = days
        received = Self.shown(total.received)
        completed = Self.shown(total.completed)
        byCohort = Self.rows(cohorts)
        byNeighbourhood = Self.rows(neighbourhoods)
    }

    static func shown(_ count: Int) -> Shown {
        (1..<smallestShown).contains(count) ? .fewerThanFive : .count(count)
    }

    /// The rows by label, each column's small counts hidden, and one more where a single hidden count could be
    /// worked out from the total.
    static func rows(_ counts: [String: (received: Int, completed: Int)]) -> [Row] {
        let labels = counts.keys.sorted()
        let received = hidden(labels.map { counts[$0]!.received })
        let completed = hidden(labels.map { counts[$0]!.completed })
        return labels.indices.map { index in
            Row(
                label: labels[index],
                received: received[index] ? .fewerThanFive : .count(counts[labels[index]]!.received),
                completed: completed[index] ? .fewerThanFive : .count(counts[labels[index]]!.completed)
            )
        }
    }

    /// Which counts of a column to hide: those from 1 to 4 and, when that hides exactly one, the smallest other
    /// count above 0 (its own value then says nothing exact either).
    static func hidden(_ column: [Int]) -> [Bool] {
        var hide = column.map { (1..<smallestShown).contains($0) }
        if hide.filter({ $0 }).count == 1,
            let next = column.indices.filter({ !hide[$0] && column[$0] > 0 }).min(by: { column[$0] < column[$1] })
        {
            hide[next] = true
        }
        return hide
    }
}
