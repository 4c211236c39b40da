import GRDB

/// A bearer token for the JSON API, issued by an admin to an account. It acts with that account's role and scope.
/// Only the token's SHA-256 digest is stored; the token itself is shown once, when issued.
public struct APIToken: Codable, Sendable, Equatable, Identifiable {
    public var id: Int64?
    /// What the token is for, in words: "Nightly dashboard".
    public var label: String
    public var tokenDigest: String
    public var accountId: Int64
    public var createdAt: String
    public var createdBy: String
    public var expiresAt: String?
    public var revokedAt: String?

    public init(
        id: Int64? = nil, label: String, tokenDigest: String, accountId: Int64, createdAt: String, createdBy: String,
        expiresAt: String? = nil, revokedAt: String? = nil
    ) {
        self.id = id
        self.label = label
        self.tokenDigest = tokenDigest
        self.accountId = accountId
        self.createdAt = createdAt
        self.createdBy = createdBy
        self.expiresAt = expiresAt
        self.revokedAt = revokedAt
    }
}

extension APIToken: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "apiToken"

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
