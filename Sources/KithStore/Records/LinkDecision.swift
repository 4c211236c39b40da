import GRDB

/// A reviewer's verdict on whether two stored rows are the same person. Decisions are never changed or deleted:
/// a later decision on the same pair supersedes an earlier one, and the trail of who decided what stays.
public struct LinkDecision: Codable, Sendable, Equatable, Identifiable {
    public enum Verdict: String, Codable, Sendable {
        case same
        case different
    }

    public var id: Int64?
    /// The pair, lower row id on the left.
    public var leftRowId: Int64
    public var rightRowId: Int64
    public var verdict: Verdict
    public var decidedBy: String
    /// ISO 8601 time of the decision.
    public var decidedAt: String
    public var note: String?

    public init(
        id: Int64? = nil, leftRowId: Int64, rightRowId: Int64, verdict: Verdict, decidedBy: String, decidedAt: String,
        note: String? = nil
    ) {
        self.id = id
        self.leftRowId = leftRowId
        self.rightRowId = rightRowId
        self.verdict = verdict
        self.decidedBy = decidedBy
        self.decidedAt = decidedAt
        self.note = note
    }
}

extension LinkDecision: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "linkDecision"

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
