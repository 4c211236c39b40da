import KithSpreadsheet
import KithVulnerability

/// One person on a contact list: their profile and their latest score.
public struct OutreachEntry: Sendable {
    public var profile: PersonProfile
    public var band: Band
    public var score: Int
    public var cohort: Cohort
    public var reasons: [ScoreReason]
    public var action: String

    public var reasonText: String { ScoreReason.text(of: reasons) }

    /// Purple first, then the least recent contact with any service (never contacted first), then the highest score.
    public static func isBefore(_ lhs: OutreachEntry, _ rhs: OutreachEntry) -> Bool {
        OutreachSort.priority.isBefore(lhs.sortKey, rhs.sortKey)
    }

    /// What the entry is sorted by.
    public var sortKey: OutreachSort.Key<String> {
        .init(band: band, lastContact: profile.lastContact?.daysSinceEpoch ?? Int.min, score: score, tie: profile.personID)
    }
}
