import Foundation
import KithStore

/// Issues, checks and revokes bearer tokens for the JSON API. A token acts as the account it was issued to. Issuing
/// and revoking are audited, in the transaction that stores them, by the token's number, never the token.
public struct TokenIssuer: Sendable {
    public let database: any Store

    public init(database: any Store) {
        self.database = database
    }

    /// Issues a token to an account; the token is returned once and only its digest is kept.
    public func issue(
        toAccountNamed name: String, label: String, validForDays days: Int?, by issuer: String, now: Date = Date()
    ) throws -> (token: String, record: APIToken) {
        guard let account = try database.access.account(named: name) else { throw AccessError.unknownAccount(name) }
        let token = "kith_" + SecretToken.make()
        let record = try database.access.insertToken(
            APIToken(
                label: label, tokenDigest: SecretToken.digest(of: token), accountId: account.id ?? 0, createdAt: Timestamp.text(now),
                createdBy: issuer, expiresAt: days.map { Timestamp.text(now.addingTimeInterval(Double($0) * 86_400)) }
            )
        ) { record in
            AuditTrail.note(
                .issueToken, by: issuer, subject: "token \(record.id ?? 0)",
                detail: "\"\(label)\" for \(account.name)\(days.map { ", valid \($0) days" } ?? ", no expiry")"
            )
        }
        return (token, record)
    }

    /// The account a bearer token acts as, if the token is known, not revoked or expired, and its account enabled.
    public func authenticate(_ token: String, now: Date = Date()) throws -> SignedIn? {
        guard token.hasPrefix("kith_"), let record = try database.access.token(digest: SecretToken.digest(of: token)) else { return nil }
        let nowText = Timestamp.text(now)
        guard record.revokedAt == nil, record.expiresAt.map({ $0 > nowText }) ?? true,
            let account = try database.access.account(id: record.accountId), !account.isDisabled, let role = Role(rawValue: account.role)
        else { return nil }
        return SignedIn(account: account, role: role, csrfToken: nil, sessionDigest: nil)
    }

    /// Revokes a token by its number, as `revoker` did, and says whether it did: false when it was revoked already
    /// (and nothing is audited). Throws ``AccessError/unknownToken(_:)`` for a number no token has.
    @discardableResult
    public func revoke(id: Int64, by revoker: String, now: Date = Date()) throws -> Bool {
        guard let token = try database.access.token(id: id) else { throw AccessError.unknownToken(id) }
        let account = try database.access.account(id: token.accountId)?.name ?? "account \(token.accountId)"
        return try database.access.revokeToken(
            id: id, at: Timestamp.text(now),
            audit: AuditTrail.note(.revokeToken, by: revoker, subject: "token \(id)", detail: "\"\(token.label)\" for \(account)")
        )
    }
}
