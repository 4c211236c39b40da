import GRDB

/// A contact with a person recorded in Kith — a call, a visit — and its outcome. Never changed or deleted.
public struct ContactRecord: Codable, Sendable, Equatable, Identifiable {
    /// What came of the contact.
    public enum Outcome: String, Codable, Sendable, CaseIterable {
        case reached
        case noAnswer = "no-answer"
        case referred
        case declined
        case moved
    }

    public var id: Int64?
    public var personId: String
    public var outcome: Outcome
    /// The day of the contact, `yyyy-mm-dd`.
    public var contactedOn: String
    public var note: String?
    public var recordedBy: String
    /// ISO 8601 time it was recorded.
    public var recordedAt: String

    public init(
        id: Int64? = nil, personId: String, outcome: Outcome, contactedOn: String, note: String?, recordedBy: String, recordedAt: String
    ) {
        self.id = id
        self.personId = personId
        self.outcome = outcome
        self.contactedOn = contactedOn
        self.note = note
        self.recordedBy = recordedBy
        self.recordedAt = recordedAt
    }
}

extension ContactRecord: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "contact"

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
