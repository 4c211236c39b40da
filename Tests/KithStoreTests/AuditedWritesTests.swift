import Foundation
import GRDB
import Testing

@testable import KithStore

/// Each write that performs an audited action stores its audit entry in its own transaction: when the entry cannot
/// be written, the action is not stored either, so the store never holds an action the trail does not show.
struct AuditedWritesTests {
    /// Makes every insert into the audit trail fail, as a full disk or a crash between two transactions would have
    /// left the action without its entry.
    static func refuseAuditEntries(in database: KithDatabase) throws {
        try database.writer.write { db in
            try db.execute(
                sql: "CREATE TRIGGER refuseAuditEntries BEFORE INSERT ON auditEvent BEGIN SELECT RAISE(ABORT, 'audit refused'); END"
            )
        }
    }

    static func note(_ action: AuditTrail.Action, subject: String, personIDs: [String] = []) -> AuditNote {
        AuditTrail.note(action, by: "tester", subject: subject, personIDs: personIDs, detail: "")
    }

    static func eventCount(_ database: KithDatabase) throws -> Int {
        try database.audit.count(AuditQuery())
    }

    @Test func accountTokenAndListChangesAreStoredWithTheirEntriesOrNotAtAll() throws {
        let database = try KithDatabase.inMemory()
        let access = database.access
        let account = try access.insertAccount(
            Account(name: "ana", role: "analyst", passwordHash: "hash", createdAt: "t", createdBy: "tester")
        ) { Self.note(.addAccount, subject: "account \($0.id ?? 0)") }
        let accountId = try #require(account.id)
        try access.insertSession(
            WebSession(tokenDigest: "session", accountId: accountId, csrfToken: "c", createdAt: "t", lastSeenAt: "t", expiresAt: "9999")
        )
        let token = try access.insertToken(
            APIToken(label: "reports", tokenDigest: "digest", accountId: accountId, createdAt: "t", createdBy: "tester")
        ) {
            Self.note(.issueToken, subject: "token \($0.id ?? 0)")
        }
        let tokenId = try #require(token.id)
        #expect(try database.audit.events(AuditQuery()).map(\.subject) == ["token \(tokenId)", "account \(accountId)"])

        try Self.refuseAuditEntries(in: database)
        #expect(throws: DatabaseError.self) {
            try access.insertAccount(Account(name: "ben", role: "analyst", passwordHash: "hash", createdAt: "t", createdBy: "tester")) {
                Self.note(.addAccount, subject: "account \($0.id ?? 0)")
            }
        }
        #expect(try access.account(named: "ben") == nil)

        var disabled = account
        disabled.isDisabled = true
        disabled.passwordHash = "new hash"
        #expect(throws: DatabaseError.self) {
            try access.updateAccount(disabled, endingSessions: true, audit: Self.note(.disableAccount, subject: "account \(accountId)"))
        }
        #expect(try access.account(id: accountId) == account)
        #expect(try access.session(tokenDigest: "session") != nil)
        #expect(throws: DatabaseError.self) {
            try access.endSession(tokenDigest: "session", audit: Self.note(.signOut, subject: "account \(accountId)"))
        }
        #expect(try access.session(tokenDigest: "session") != nil)

        #expect(throws: DatabaseError.self) {
            try access.insertToken(APIToken(label: "more", tokenDigest: "other", accountId: accountId, createdAt: "t", createdBy: "tester")) {
                Self.note(.issueToken, subject: "token \($0.id ?? 0)")
            }
        }
        #expect(throws: DatabaseError.self) {
            try access.revokeToken(id: tokenId, at: "t", audit: Self.note(.revokeToken, subject: "token \(tokenId)"))
        }
        #expect(try access.tokens() == [token])

        #expect(throws: DatabaseError.self) {
            try access.setOrganisation(
                "Borough Food Bank", ofSourceNamed: "Food bank referrals", at: "t", audit: Self.note(.assignList, subject: "source"))
        }
        #expect(try database.imports.sources().isEmpty)
        #expect(try Self.eventCount(database) == 2)
    }

    @Test func aChangeThatChangesNothingIsNotAudited() throws {
        let database = try KithDatabase.inMemory()
        let access = database.access
        let account = try access.insertAccount(Account(name: "ana", role: "analyst", passwordHash: "h", createdAt: "t", createdBy: "tester")) {
            Self.note(.addAccount, subject: "account \($0.id ?? 0)")
        }
        let token = try access.insertToken(APIToken(label: "l", tokenDigest: "d", accountId: account.id ?? 0, createdAt: "t", createdBy: "t")) {
            Self.note(.issueToken, subject: "token \($0.id ?? 0)")
        }
        let id = try #require(token.id)
        #expect(try access.revokeToken(id: id, at: "t1", audit: Self.note(.revokeToken, subject: "token \(id)")))
        #expect(try !access.revokeToken(id: id, at: "t2", audit: Self.note(.revokeToken, subject: "token \(id)")))
        #expect(try !access.revokeToken(id: id + 1, at: "t2", audit: Self.note(.revokeToken, subject: "token \(id + 1)")))
        #expect(try access.token(id: id)?.revokedAt == "t1")
        #expect(try database.audit.events(AuditQuery(action: "revoke-token")).count == 1)
    }
}
