import Foundation
import KithStore

/// Starts, resumes and ends browser sessions. A session ends after half an hour without use, or twelve hours
/// after sign-in, whichever comes first.
public struct SessionKeeper: Sendable {
    public static let idleTimeout: TimeInterval = 30 * 60
    public static let lifetime: TimeInterval = 12 * 60 * 60

    public let database: any Store

    public init(database: any Store) {
        self.database = database
    }

    /// Starts a session for a signed-in account; returns the token for the cookie and the session stored.
    public func start(for account: Account, now: Date = Date()) throws -> (token: String, session: WebSession) {
        let token = SecretToken.make()
        let session = WebSession(
            tokenDigest: SecretToken.digest(of: token), accountId: account.id ?? 0, csrfToken: SecretToken.make(),
            createdAt: Timestamp.text(now), lastSeenAt: Timestamp.text(now),
            expiresAt: Timestamp.text(now.addingTimeInterval(Self.lifetime))
        )
        try database.access.deleteSessions(expiredBefore: Timestamp.text(now))
        try database.access.insertSession(session)
        return (token, session)
    }

    /// The signed-in account of a cookie's token, if its session is still open and the account may still sign in.
    public func resume(token: String, now: Date = Date()) throws -> SignedIn? {
        let digest = SecretToken.digest(of: token)
        guard let session = try database.access.session(tokenDigest: digest) else { return nil }
        let nowText = Timestamp.text(now)
        let idleSince = Timestamp.text(now.addingTimeInterval(-Self.idleTimeout))
        guard session.expiresAt > nowText, session.lastSeenAt > idleSince,
            let account = try database.access.account(id: session.accountId), !account.isDisabled, let role = Role(rawValue: account.role)
        else {
            try database.access.deleteSession(tokenDigest: digest)
            return nil
        }
        // Write the last use at most once a minute: most requests then only read.
        if let lastSeen = Timestamp.date(session.lastSeenAt), now.timeIntervalSince(lastSeen) > 60 {
            try database.access.touchSession(tokenDigest: digest, lastSeenAt: nowText)
        }
        return SignedIn(account: account, role: role, csrfToken: session.csrfToken, sessionDigest: digest)
    }

    /// Ends the session of a cookie's token: its account signs out, and the audit trail says so, once, whichever
    /// door ends it.
    public func signOut(_ signedIn: SignedIn, token: String) throws {
        try database.access.endSession(
            tokenDigest: SecretToken.digest(of: token),
            audit: AuditTrail.note(.signOut, by: signedIn.name, subject: "account \(signedIn.account.id ?? 0)", detail: "")
        )
    }
}

/// Who is making a request: the account, its role and scope, and (for a browser) the session's CSRF token.
public struct SignedIn: Sendable, Equatable {
    public var account: Account
    public var role: Role
    /// The token the session's forms carry; nil for an API token, which needs none.
    public var csrfToken: String?
    /// The session's digest; nil for an API token.
    public var sessionDigest: String?

    public init(account: Account, role: Role, csrfToken: String?, sessionDigest: String?) {
        self.account = account
        self.role = role
        self.csrfToken = csrfToken
        self.sessionDigest = sessionDigest
    }

    public var name: String { account.name }
    public var scope: AccessScope { AccessScope(account: account) }

    public func can(_ capability: Capability) -> Bool {
        role.can(capability)
    }
}
