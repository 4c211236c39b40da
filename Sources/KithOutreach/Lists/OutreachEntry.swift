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
        if lhs.band != rhs.band { return lhs.band > rhs.band }
        let left = lhs.profile.lastContact?.daysSinceEpoch ?? Int.min
        let right = rhs.profile.lastContact?.daysSinceEpoch ?? Int.min
        if left != right { return left < right }
        if lhs.score != rhs.score { return lhs.score > rhs.score }
        return lhs.profile.personID < rhs.profile.personID
    }
}
