import Foundation
import KithStore

/// Adds, lists, unlocks and disables accounts, and changes passwords: what `kith user` and the admin pages do. Each
/// change is audited, by the operator named, in the transaction that makes it; the audit says which account and
/// what was done, never a password.
public struct AccountBook: Sendable {
    public let database: any Store
    public let hasher: PasswordHasher

    public init(database: any Store, hasher: PasswordHasher = PasswordHasher()) {
        self.database = database
        self.hasher = hasher
    }

    /// Adds an account. A caseworker needs an area, a partner an organisation, a school a school and a volunteer their
    /// record in the volunteer bureau.
    @discardableResult
    public func add(
        name: String, role: Role, password: String, area: String? = nil, organisation: String? = nil, school: String? = nil,
        volunteer: Int64? = nil, by creator: String
    ) throws -> Account {
        let name = name.trimmingCharacters(in: .whitespaces)
        guard (3...64).contains(name.count), name.allSatisfy({ $0.isLetter || $0.isNumber || ".-_@".contains($0) }) else {
            throw AccessError.invalidName(name)
        }
        let scope: (area: String?, organisation: String?, school: String?)
        switch role {
        case .admin, .analyst, .callHandler: scope = (nil, nil, nil)
        case .volunteer:
            guard let volunteer else { throw AccessError.missingScope(role) }
            guard try database.help.volunteer(id: volunteer) != nil else { throw AccessError.unknownVolunteer(volunteer) }
            scope = (nil, nil, nil)
        case .caseworker: scope = (try Self.required(area, for: role), nil, nil)
        case .partner: scope = (nil, try Self.required(organisation, for: role), nil)
        case .school: scope = (nil, nil, try Self.required(school, for: role))
        }
        if let weakness = PasswordHasher.weakness(of: password, accountName: name) { throw AccessError.weakPassword(weakness) }
        if try database.access.account(named: name) != nil { throw AccessError.nameTaken(name) }
        return try database.access.insertAccount(
            Account(
                name: name, role: role.rawValue, area: scope.area, organisation: scope.organisation, school: scope.school,
                volunteerId: role == .volunteer ? volunteer : nil, passwordHash: hasher.hash(password), createdAt: AuditTrail.now(),
                createdBy: creator
            )
        ) { account in
            AuditTrail.note(
                .addAccount, by: creator, subject: Self.subject(account),
                detail: "\(name) as \(role.rawValue), \(AccessScope(account: account))"
            )
        }
    }

    public func accounts() throws -> [Account] {
        try database.access.accounts()
    }

    /// Sets a new password, clears any lock and signs the account out everywhere, as `actor` did.
    public func setPassword(_ password: String, forAccountNamed name: String, by actor: String) throws {
        var account = try existing(name)
        if let weakness = PasswordHasher.weakness(of: password, accountName: account.name) { throw AccessError.weakPassword(weakness) }
        account.passwordHash = hasher.hash(password)
        account.failedSignIns = 0
        account.lockedUntil = nil
        try database.access.updateAccount(
            account, endingSessions: true,
            audit: AuditTrail.note(
                .changePassword, by: actor, subject: Self.subject(account), detail: "\(account.name); signed out everywhere"
            )
        )
    }

    /// Lifts a lock-out after failed sign-ins, as `actor` did.
    public func unlock(accountNamed name: String, by actor: String) throws {
        var account = try existing(name)
        let detail = account.lockedUntil.map { "\(account.name), locked until \($0)" } ?? "\(account.name), not locked"
        account.failedSignIns = 0
        account.lockedUntil = nil
        try database.access.updateAccount(
            account, endingSessions: false, audit: AuditTrail.note(.unlockAccount, by: actor, subject: Self.subject(account), detail: detail)
        )
    }

    /// Stops an account signing in, and signs it out everywhere; or lets it sign in again; as `actor` did.
    public func setDisabled(_ isDisabled: Bool, accountNamed name: String, by actor: String) throws {
        var account = try existing(name)
        account.isDisabled = isDisabled
        let note =
            isDisabled
            ? AuditTrail.note(.disableAccount, by: actor, subject: Self.subject(account), detail: "\(account.name); signed out everywhere")
            : AuditTrail.note(.enableAccount, by: actor, subject: Self.subject(account), detail: account.name)
        try database.access.updateAccount(account, endingSessions: isDisabled, audit: note)
    }

    /// How the audit trail names an account: by its id, which a rename would not change.
    static func subject(_ account: Account) -> String {
        "account \(account.id ?? 0)"
    }

    private func existing(_ name: String) throws -> Account {
        guard let account = try database.access.account(named: name) else { throw AccessError.unknownAccount(name) }
        return account
    }

    private static func required(_ value: String?, for role: Role) throws -> String {
        guard let value = value?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { throw AccessError.missingScope(role) }
        return value
    }
}
