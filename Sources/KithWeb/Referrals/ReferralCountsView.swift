import KithDirectory

/// What a service's directory page shows signed-in staff and partners of the referrals it received and completed
/// in the last 90 days, by cohort and neighbourhood, counts under 5 hidden (``ReferralCounts`` hides them).
struct ReferralCountsView {
    struct Row {
        var label: String
        var received: String
        var completed: String
    }

    var days: Int
    var received: String
    var completed: String
    var byCohort: [Row]
    var byNeighbourhood: [Row]

    init(_ counts: ReferralCounts) {
        days = counts.days
        received = counts.received.description
        completed = counts.completed.description
        byCohort = counts.byCohort.map { Row(label: $0.label, received: $0.received.description, completed: $0.completed.description) }
        byNeighbourhood = counts.byNeighbourhood.map { Row(label: $0.label, received: $0.received.description, completed: $0.completed.description) }
    }
}
