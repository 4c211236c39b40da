import Foundation
import KithStore

/// Checks a name and password, locks an account out after repeated wrong passwords, and writes every attempt to
/// the audit trail.
public struct SignInDesk: Sendable {
    /// Wrong passwords in a row before the account is locked.
    public static let failuresBeforeLockOut = 5
    /// How long a lock-out lasts.
    public static let lockOutDuration: TimeInterval = 15 * 60

    /// What came of an attempt. The page says the same for a wrong name as for a wrong password.
    public enum Outcome: Sendable, Equatable {
        case signedIn(Account)
        case refused
        /// Too many wrong passwords: refused, even with the right one, until this ISO 8601 time.
        case lockedOut(until: String)
        case disabled
    }

    public let database: any Store
    public let hasher: PasswordHasher
    /// A hash of a random password, checked against when no account has the name given.
    private let unusedHash: String
    /// Wrong passwords given for names no account has, so that those names lock out as real ones do.
    private let unknownNames = UnknownNameLockOuts()

    /// Makes the desk; keep one for the life of a server, as making it hashes once.
    public init(database: any Store, hasher: PasswordHasher = PasswordHasher()) {
        self.database = database
        self.hasher = hasher
        self.unusedHash = hasher.hash(SecretToken.make())
    }

    /// Checks the password of the account called `name`. `client` (an address, "command line") goes in the audit.
    public func signIn(name: String, password: String, from client: String, now: Date = Date()) throws -> Outcome {
        let audit = AuditTrail(database: database)
        let nowText = Timestamp.text(now)
        guard var account = try database.access.account(named: name) else {
            // Spend the same time and give the same answers as for a real account (including its lock-out after
            // repeated wrong passwords), so that neither tells which names exist.
            _ = hasher.verify(password, against: unusedHash)
            let outcome = unknownNames.fail(name: name, now: now)
            try audit.record(.signInFailed, by: Self.auditName(name), subject: "unknown account", detail: "from \(client)")
            switch outcome {
            case .refused: return .refused
            case .lockedOut(let until): return .lockedOut(until: Timestamp.text(until))
            }
        }
        let subject = "account \(account.id ?? 0)"
        if account.isDisabled {
            _ = hasher.verify(password, against: account.passwordHash)  // the same time as any other answer
            try audit.record(.signInFailed, by: account.name, subject: subject, detail: "disabled account, from \(client)")
            return .disabled
        }
        if let lockedUntil = account.lockedUntil, lockedUntil > nowText {
            _ = hasher.verify(password, against: account.passwordHash)  // the same time as any other answer
            try audit.record(.signInFailed, by: account.name, subject: subject, detail: "locked out until \(lockedUntil), from \(client)")
            return .lockedOut(until: lockedUntil)
        }
        guard hasher.verify(password, against: account.passwordHash) else {
            account.failedSignIns += 1
            if account.failedSignIns >= Self.failuresBeforeLockOut {
                account.lockedUntil = Timestamp.text(now.addingTimeInterval(Self.lockOutDuration))
                account.failedSignIns = 0
                try database.access.updateAccount(
                    account, endingSessions: false,
                    audit: AuditTrail.note(
                        .accountLocked, by: account.name, subject: subject,
                        detail: "\(Self.failuresBeforeLockOut) wrong passwords in a row, from \(client); locked until \(account.lockedUntil ?? "")"
                    )
                )
                return .lockedOut(until: account.lockedUntil ?? nowText)
            }
            try database.access.updateAccount(
                account, endingSessions: false,
                audit: AuditTrail.note(.signInFailed, by: account.name, subject: subject, detail: "wrong password, from \(client)")
            )
            return .refused
        }
        account.failedSignIns = 0
        account.lockedUntil = nil
        account.lastSignInAt = nowText
        try database.access.updateAccount(
            account, endingSessions: false, audit: AuditTrail.note(.signIn, by: account.name, subject: subject, detail: "from \(client)")
        )
        return .signedIn(account)
    }

    /// A name typed at the sign-in page goes in the audit only if it could be an account name, so that a
    /// password typed into the name box by mistake is not written down.
    static func auditName(_ name: String) -> String {
        let looksLikeName = (1...64).contains(name.count) && name.allSatisfy { $0.isLetter || $0.isNumber || ".-_@".contains($0) }
        return looksLikeName ? name : "(not an account name)"
    }
}
