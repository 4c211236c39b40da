import GRDB

/// A signed-in browser. The cookie holds a random token; only its SHA-256 digest is stored, so a copy of the
/// store does not let anyone take over a session.
public struct WebSession: Codable, Sendable, Equatable {
    public var tokenDigest: String
    public var accountId: Int64
    /// The token every form of this session must send back, against cross-site request forgery.
    public var csrfToken: String
    public var createdAt: String
    public var lastSeenAt: String
    /// After this time the session is over, however recently it was used.
    public var expiresAt: String

    public init(tokenDigest: String, accountId: Int64, csrfToken: String, createdAt: String, lastSeenAt: String, expiresAt: String) {
        self.tokenDigest = tokenDigest
        self.accountId = accountId
        self.csrfToken = csrfToken
        self.createdAt = createdAt
        self.lastSeenAt = lastSeenAt
        self.expiresAt = expiresAt
    }
}

extension WebSession: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "webSession"
}
