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

    @Test func anImportIsStoredWithItsEntryOrNotAtAll() throws {
        let database = try KithDatabase.inMemory()
        let stored = try database.imports.performImport(
            ImportRepositoryTests.draft(sha: "first"), sourceName: "Helpline", audit: { Self.note(.importList, subject: "import \($0.id ?? 0)") }
        ) { writer in
            try writer.writeColumns([("A", "Name")])
            try writer.writeRow(number: 2, cells: ["Ann"])
            return ImportRepositoryTests.totals(rows: 1)
        }
        #expect(try database.audit.events(AuditQuery()).map(\.subject) == ["import \(stored.id ?? 0)"])

        try Self.refuseAuditEntries(in: database)
        #expect(throws: DatabaseError.self) {
            try database.imports.performImport(
                ImportRepositoryTests.draft(sha: "second"), sourceName: "Food bank referrals",
                audit: { Self.note(.importList, subject: "import \($0.id ?? 0)") }
            ) { writer in
                try writer.writeColumns([("A", "Name")])
                try writer.writeRow(number: 2, cells: ["Bob"])
                return ImportRepositoryTests.totals(rows: 1)
            }
        }
        #expect(try database.imports.imports(ofSourceNamed: nil).map(\.id) == [stored.id])
        #expect(try database.imports.rowCount() == 1)
        #expect(try database.imports.sources().map(\.name) == ["Helpline"])
    }

    @Test func aDecisionIsStoredWithItsEntryAndThePersonsOfItsRows() throws {
        try LinkageRepositoryTests.withStore { database in
            let (rows, _) = try LinkageRepositoryTests.firstRun(in: database)
            let before = try database.linkage.decisions()
            let decision = try database.linkage.recordDecision(
                leftRowId: rows[3], rightRowId: rows[1], verdict: .same, decidedBy: "amira", decidedAt: "t1", note: nil
            ) { decision, persons in
                Self.note(.reviewDecision, subject: "rows \(decision.leftRowId) and \(decision.rightRowId)", personIDs: persons)
            }
            let event = try #require(try database.audit.events(AuditQuery(action: "review-decision")).first)
            #expect(event.subject == "rows \(rows[1]) and \(rows[3])" && event.personCount == 1)
            #expect(try database.audit.personIds(ofEvents: [event.id ?? 0]) == [event.id ?? 0: ["KP-0000002"]])

            try Self.refuseAuditEntries(in: database)
            #expect(throws: DatabaseError.self) {
                try database.linkage.recordDecision(
                    leftRowId: rows[0], rightRowId: rows[1], verdict: .different, decidedBy: "joe", decidedAt: "t2", note: nil
                ) { _, persons in Self.note(.reviewDecision, subject: "rows", personIDs: persons) }
            }
            #expect(try database.linkage.decisions() == before + [decision])
        }
    }

    @Test func aLinkRunIsStoredWithItsEntryOrNotAtAll() throws {
        try LinkageRepositoryTests.withStore { database in
            let (rows, first) = try LinkageRepositoryTests.firstRun(in: database)
            let events = try Self.eventCount(database)
            try Self.refuseAuditEntries(in: database)
            #expect(throws: DatabaseError.self) {
                try database.linkage.saveRun(
                    LinkageRepositoryTests.run(mode: .incremental, lastSourceRowId: rows[3]), replacingPairs: false,
                    newPersons: [Person(id: "KP-0000003")], merges: [(from: "KP-0000002", into: "KP-0000001")],
                    assignments: [(rows[3], "KP-0000003")], pairs: [], snapshot: (1, Data([1, 2, 3]))
                ) { Self.note(.link, subject: "link run \($0.id ?? 0)") }
            }
            #expect(try database.linkage.latestRun()?.id == first.id)
            #expect(try database.linkage.personOfRow(rows[3]) == "KP-0000002")
            #expect(try database.linkage.resolvePerson("KP-0000002") == "KP-0000002")
            #expect(try database.linkage.resolvePerson("KP-0000003") == nil)
            #expect(try Self.eventCount(database) == events)
        }
    }

    @Test func aScoreRunIsStoredWithItsEntryOrNotAtAll() throws {
        let database = try KithDatabase.inMemory()
        func save() throws -> ScoreRun {
            try database.outreach.saveScoreRun(
                ScoreRun(
                    scoredAt: "2026-11-22T10:00:00Z", scoredBy: "tester", referenceDate: "2026-11-22", matrixName: "m", matrixVersion: "1",
                    matrixDigest: "d", linkRunId: nil, personCount: 0, householdCount: 0
                ),
                persons: [], households: []
            ) { Self.note(.score, subject: "score run \($0.id ?? 0)") }
        }
        let saved = try save()
        #expect(try database.audit.events(AuditQuery()).map(\.subject) == ["score run \(saved.id ?? 0)"])
        try Self.refuseAuditEntries(in: database)
        #expect(throws: DatabaseError.self) { try save() }
        #expect(try database.outreach.scoreRuns(limit: 10).map(\.id) == [saved.id])
    }

    @Test func aReferralAndItsStepsAreStoredWithTheirEntriesOrNotAtAll() throws {
        try ReferralRepositoryTests.withStore { database in
            let referral = ReferralRepositoryTests.referral("R-1")
            _ = try database.referrals.createReferral(
                referral, contact: ReferralRepositoryTests.contact(for: referral), audit: Self.note(.refer, subject: "R-1"))
            #expect(try database.audit.events(AuditQuery(action: "refer")).map(\.subject) == ["R-1"])
            let contacts = try database.outreach.contacts().count
            var service = try #require(try database.directory.service(id: "s-1"))
            service.placesFree = 0

            try Self.refuseAuditEntries(in: database)
            let second = ReferralRepositoryTests.referral("R-2")
            #expect(throws: DatabaseError.self) {
                try database.referrals.createReferral(
                    second, contact: ReferralRepositoryTests.contact(for: second), audit: Self.note(.refer, subject: "R-2"))
            }
            #expect(throws: DatabaseError.self) {
                try database.referrals.recordStep(
                    ReferralStepRecord(referralId: "R-1", status: "accepted", at: "t", by: "sarah", note: nil), from: "sent", service: service,
                    audit: Self.note(.referralStep, subject: "R-1"))
            }
            #expect(try database.referrals.allReferrals().map(\.id) == ["R-1"])
            #expect(try database.referrals.referral(id: "R-1")?.status == "sent")
            #expect(try database.referrals.steps(ofReferrals: ["R-1"]).isEmpty)
            #expect(try database.outreach.contacts().count == contacts)
            #expect(try database.directory.service(id: "s-1")?.placesFree == 3)
        }
    }

    @Test func aContactIsStoredWithItsEntryOrNotAtAll() throws {
        try LinkageRepositoryTests.withStore { database in
            _ = try LinkageRepositoryTests.firstRun(in: database)
            let contact = ContactRecord(
                personId: "KP-0000001", outcome: .reached, contactedOn: "2026-11-20", note: nil, recordedBy: "t", recordedAt: "t"
            )
            let events = try Self.eventCount(database)
            _ = try database.outreach.recordContact(contact, audit: Self.note(.recordContact, subject: "KP-0000001", personIDs: ["KP-0000001"]))
            #expect(try Self.eventCount(database) == events + 1)
            try Self.refuseAuditEntries(in: database)
            #expect(throws: DatabaseError.self) {
                try database.outreach.recordContact(contact, audit: Self.note(.recordContact, subject: "KP-0000001", personIDs: ["KP-0000001"]))
            }
            #expect(try database.outreach.contacts().count == 1)
        }
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
