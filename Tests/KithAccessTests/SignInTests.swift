import Foundation
import KithAccess
import KithStore
import KithTestSupport
import Testing

/// Accounts, passwords, lock-out, sessions and API tokens against a real store.
@Suite struct SignInTests {
    let folder: TemporaryFolder
    let database: KithDatabase
    let hasher = PasswordHasher(cost: 4)

    init() throws {
        folder = try TemporaryFolder()
        database = try KithDatabase.open(path: folder.url.appendingPathComponent("kith.sqlite").path)
    }

    @Test func passwordsAreStoredOnlyAsSaltedBcryptHashes() throws {
        let book = AccountBook(database: database, hasher: hasher)
        let first = try book.add(name: "ana", role: .analyst, password: "correct horse battery", by: "test")
        let second = try book.add(name: "ben", role: .analyst, password: "correct horse battery", by: "test")
        #expect(first.passwordHash.hasPrefix("$2"))
        #expect(!first.passwordHash.contains("correct"))
        #expect(first.passwordHash != second.passwordHash, "the same password hashes differently with its own salt")
        #expect(hasher.verify("correct horse battery", against: first.passwordHash))
        #expect(!hasher.verify("correct horse batterz", against: first.passwordHash))
    }

    @Test func accountsNeedTheirScopeAStrongPasswordAndAFreeName() throws {
        let book = AccountBook(database: database, hasher: hasher)
        #expect(throws: AccessError.missingScope(.caseworker)) {
            try book.add(name: "case", role: .caseworker, password: "a long enough password", by: "t")
        }
        #expect(throws: AccessError.missingScope(.partner)) {
            try book.add(name: "partner", role: .partner, password: "a long enough password", by: "t")
        }
        #expect(throws: AccessError.missingScope(.school)) {
            try book.add(name: "school", role: .school, password: "a long enough password", by: "t")
        }
        #expect(throws: AccessError.self) { try book.add(name: "ana", role: .analyst, password: "short", by: "t") }
        #expect(throws: AccessError.self) { try book.add(name: "a b", role: .analyst, password: "a long enough password", by: "t") }
        try book.add(name: "Ana", role: .analyst, password: "a long enough password", by: "t")
        #expect(throws: AccessError.nameTaken("ana")) { try book.add(name: "ana", role: .admin, password: "another long password", by: "t") }
        let caseworker = try book.add(name: "case", role: .caseworker, password: "a long enough password", area: "HY1", by: "t")
        #expect(AccessScope(account: caseworker) == .area("HY1"))
    }

    @Test func fiveWrongPasswordsLockTheAccountEvenAgainstTheRightOne() throws {
        try AccountBook(database: database, hasher: hasher).add(name: "ana", role: .analyst, password: "correct horse battery", by: "t")
        let desk = SignInDesk(database: database, hasher: hasher)
        let now = Date()
        for attempt in 1...4 {
            #expect(try desk.signIn(name: "ana", password: "wrong \(attempt)", from: "test", now: now) == .refused)
        }
        guard case .lockedOut = try desk.signIn(name: "ana", password: "wrong 5", from: "test", now: now) else {
            Issue.record("the fifth wrong password should lock the account")
            return
        }
        guard case .lockedOut = try desk.signIn(name: "ana", password: "correct horse battery", from: "test", now: now.addingTimeInterval(60)) else {
            Issue.record("a locked account refuses even the right password")
            return
        }
        let later = now.addingTimeInterval(SignInDesk.lockOutDuration + 1)
        guard case .signedIn = try desk.signIn(name: "ana", password: "correct horse battery", from: "test", now: later) else {
            Issue.record("the lock lifts after its time")
            return
        }
        let actions = try database.audit.events(AuditQuery(actor: "ana", limit: 50)).map(\.action)
        #expect(actions.filter { $0 == "sign-in-failed" }.count == 5)
        #expect(actions.contains("account-locked"))
        #expect(actions.first == "sign-in")
    }

    @Test func anUnknownNameIsRefusedLikeAWrongPasswordAndAudited() throws {
        let desk = SignInDesk(database: database, hasher: hasher)
        #expect(try desk.signIn(name: "nobody", password: "whatever it is", from: "test") == .refused)
        #expect(try desk.signIn(name: "my secret password!", password: "x", from: "test") == .refused)
        let actors = try database.audit.events(AuditQuery(action: "sign-in-failed")).map(\.actor)
        #expect(actors.contains("nobody"))
        #expect(actors.contains("(not an account name)"), "a password typed in the name box is not written down")
    }

    /// A real account and an unknown name give the same answers, try by try, through lock-out and after it.
    @Test func lockOutDoesNotTellWhichNamesExist() throws {
        try AccountBook(database: database, hasher: hasher).add(name: "ana", role: .analyst, password: "correct horse battery", by: "t")
        let desk = SignInDesk(database: database, hasher: hasher)
        let now = Date()
        func answers(for name: String) throws -> [String] {
            try (0..<7).map { attempt in
                switch try desk.signIn(name: name, password: "wrong \(attempt)", from: "test", now: now.addingTimeInterval(Double(attempt))) {
                case .refused, .disabled: return "refused"
                case .lockedOut: return "locked"
                case .signedIn: return "signed in"
                }
            }
        }
        let real = try answers(for: "ana")
        let unknown = try answers(for: "anna")
        #expect(real == ["refused", "refused", "refused", "refused", "locked", "locked", "locked"])
        #expect(unknown == real)
        #expect(
            try answers(for: "ANNA") == ["locked", "locked", "locked", "locked", "locked", "locked", "locked"],
            "names are matched without case, as accounts are")
        let later = now.addingTimeInterval(SignInDesk.lockOutDuration + 60)
        #expect(try desk.signIn(name: "anna", password: "x", from: "test", now: later) == .refused, "an unknown name's lock lifts like a real one's")
    }

    /// Every answer checks a password hash, so a locked or disabled account answers no faster than an unknown name.
    /// The hashes are slow on purpose here (cost 8, some milliseconds); the margin is wide so a busy machine
    /// cannot fail it, while the old shortcut (no hash at all, well under a millisecond) always did.
    @Test func lockedDisabledAndUnknownAnswersTakeAsLong() throws {
        let slow = PasswordHasher(cost: 8)
        let book = AccountBook(database: database, hasher: slow)
        try book.add(name: "ana", role: .analyst, password: "correct horse battery", by: "t")
        try book.add(name: "ben", role: .analyst, password: "correct horse battery", by: "t")
        try book.setDisabled(true, accountNamed: "ben", by: "t")
        let desk = SignInDesk(database: database, hasher: slow)
        let now = Date()
        for attempt in 1...5 { _ = try desk.signIn(name: "ana", password: "wrong \(attempt)", from: "test", now: now) }
        func seconds(_ name: String) throws -> Double {
            var best = Double.infinity
            for _ in 0..<3 {
                let start = DispatchTime.now().uptimeNanoseconds
                _ = try desk.signIn(name: name, password: "wrong", from: "test", now: now.addingTimeInterval(1))
                best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
            }
            return best
        }
        let unknown = try seconds("nobody-here")
        #expect(try seconds("ana") > unknown / 3, "a locked account answers as slowly as an unknown name")
        #expect(try seconds("ben") > unknown / 3, "a disabled account answers as slowly as an unknown name")
    }

    @Test func sessionsEndWhenIdleExpiredOrTheAccountIsDisabled() throws {
        let book = AccountBook(database: database, hasher: hasher)
        let account = try book.add(name: "ana", role: .analyst, password: "correct horse battery", by: "t")
        let keeper = SessionKeeper(database: database)
        let now = Date()
        let started = try keeper.start(for: account, now: now)
        #expect(try keeper.resume(token: started.token, now: now.addingTimeInterval(60))?.name == "ana")
        #expect(try keeper.resume(token: started.token + "x", now: now) == nil)
        #expect(try keeper.resume(token: started.token, now: now.addingTimeInterval(SessionKeeper.idleTimeout + 120)) == nil)
        let second = try keeper.start(for: account, now: now)
        try book.setDisabled(true, accountNamed: "ana", by: "t")
        #expect(try keeper.resume(token: second.token, now: now) == nil)
        #expect(try database.access.session(tokenDigest: SecretToken.digest(of: second.token)) == nil)
    }

    @Test func signingOutEndsTheSessionAndIsAuditedOnce() throws {
        let account = try AccountBook(database: database, hasher: hasher).add(
            name: "ana", role: .analyst, password: "correct horse battery", by: "t"
        )
        let keeper = SessionKeeper(database: database)
        let started = try keeper.start(for: account)
        let signedIn = try #require(try keeper.resume(token: started.token))
        try keeper.signOut(signedIn, token: started.token)
        #expect(try keeper.resume(token: started.token) == nil)
        let entries = try database.audit.events(AuditQuery(action: "sign-out"))
        #expect(entries.map(\.actor) == ["ana"] && entries.first?.subject == "account \(account.id ?? 0)")
    }

    @Test func apiTokensActAsTheirAccountUntilRevokedOrExpired() throws {
        try AccountBook(database: database, hasher: hasher).add(name: "ana", role: .analyst, password: "correct horse battery", by: "t")
        let issuer = TokenIssuer(database: database)
        let now = Date()
        let issued = try issuer.issue(toAccountNamed: "ana", label: "dashboard", validForDays: 1, by: "admin", now: now)
        #expect(issued.token.hasPrefix("kith_"))
        #expect(issued.record.tokenDigest != issued.token)
        #expect(try issuer.authenticate(issued.token, now: now)?.name == "ana")
        #expect(try issuer.authenticate(issued.token, now: now.addingTimeInterval(2 * 86_400)) == nil)
        #expect(try issuer.authenticate("kith_not-a-token", now: now) == nil)
        try issuer.revoke(id: issued.record.id ?? 0, by: "t", now: now)
        #expect(try issuer.authenticate(issued.token, now: now) == nil)
    }

    @Test func rolesHoldOnlyTheirCapabilities() {
        #expect(Role.admin.can(.readAudit) && Role.admin.can(.manageAccounts))
        #expect(Role.analyst.can(.importLists) && !Role.analyst.can(.readAudit))
        for role in [Role.caseworker, .partner, .school] {
            #expect(!role.can(.importLists) && !role.can(.reviewMatches) && !role.can(.readAudit))
            #expect(role.can(.viewPersons) && role.can(.recordContacts))
        }
        #expect(!ResidentFields.fields(for: .partner).showsReasons && !ResidentFields.fields(for: .partner).showsEveryService)
        #expect(ResidentFields.fields(for: .school).showsBand && !ResidentFields.fields(for: .school).showsReasons)
    }
}
