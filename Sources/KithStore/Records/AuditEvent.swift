import GRDB

/// One entry in the audit trail: who viewed, exported or changed what about residents, and when. Entries are
/// never changed or deleted. They hold record ids and counts, never a resident's personal details.
public struct AuditEvent: Codable, Sendable, Equatable, Identifiable {
    public var id: Int64?
    /// ISO 8601 time.
    public var at: String
    public var actor: String
    /// What was done: `export-outreach`, `view-person`, `record-contact`, `score`.
    public var action: String
    /// What it was done to: a person id, a file path.
    public var subject: String
    /// How many people it touched.
    public var personCount: Int
    /// Filters and settings, in words.
    public var detail: String

    public init(id: Int64? = nil, at: String, actor: String, action: String, subject: String, personCount: Int, detail: String) {
        self.id = id
        self.at = at
        self.actor = actor
        self.action = action
        self.subject = subject
        self.personCount = personCount
        self.detail = detail
    }
}

extension AuditEvent: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "auditEvent"

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
