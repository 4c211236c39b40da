import GRDB

/// A message waiting in, or sent from, the directory's outbox: today the nudge to an organisation whose services
/// nobody has confirmed in 30 days. `kith notify` sends what waits, by SMTP when it is configured.
public struct DirectoryNotice: Codable, Sendable, Equatable, Identifiable {
    public var id: Int64?
    /// The organisation (its ORUK id) it is for.
    public var organizationId: String
    /// The email address it goes to.
    public var recipient: String
    public var subject: String
    public var body: String
    /// ISO 8601 times it was put in the outbox and, once it went, sent.
    public var createdAt: String
    public var sentAt: String?
    /// How many times sending it was tried, and why the last try failed.
    public var attempts: Int
    public var lastError: String?

    public init(
        id: Int64? = nil, organizationId: String, recipient: String, subject: String, body: String, createdAt: String, sentAt: String? = nil,
        attempts: Int = 0, lastError: String? = nil
    ) {
        self.id = id
        self.organizationId = organizationId
        self.recipient = recipient
        self.subject = subject
        self.body = body
        self.createdAt = createdAt
        self.sentAt = sentAt
        self.attempts = attempts
        self.lastError = lastError
    }
}

extension DirectoryNotice: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "directoryNotice"

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
