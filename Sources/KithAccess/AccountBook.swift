import Foundation
import KithStore

/// Adds, lists, unlocks and disables accounts, and changes passwords: what `kith user` and the admin pages do.
public struct AccountBook: Sendable {
    public let database: KithDatabase
    public let hasher: PasswordHasher

    public init(database: KithDatabase, hasher: PasswordHasher = PasswordHasher()) {
        self.database = database
        self.hasher = hasher
    }

    /// Adds an account. A caseworker needs an area, a partner an organisation and a school a school.
    @discardableResult
    public func add(
        name: String, role: Role, password: String, area: String? = nil, organisation: String? = nil, school: String? = nil,
        by creator: String
    ) throws -> Account {
        let name = name.trimmingCharacters(in: .whitespaces)
        guard (3...64).contains(name.count), name.allSatisfy({ $0.isLetter || $0.isNumber || ".-_@".contains($0) }) else {
            throw AccessError.invalidName(name)
        }
        let scope: (area: String?, organisation: String?, school: String?)
        switch role {
        case .admin, .analyst: scope = (nil, nil, nil)
        case .caseworker: scope = (try Self.required(area, for: role), nil, nil)
        case .partner: scope = (nil, try Self.required(organisation, for: role), nil)
        case .school: scope = (nil, nil, try Self.required(school, for: role))
        }
        if let weakness = PasswordHasher.weakness(of: password, accountName: name) { throw AccessError.weakPassword(weakness) }
        if try database.access.account(named: name) != nil { throw AccessError.nameTaken(name) }
        let account = try database.access.insertAccount(
            Account(
                name: name, role: role.rawValue, area: scope.area, organisation: scope.organisation, school: scope.school,
                passwordHash: hasher.hash(password), createdAt: AuditTrail.now(), createdBy: creator
            )
        )
        try AuditTrail(database: database).record(
            .addAccount, by: creator, subject: "account \(account.id ?? 0)", detail: "\(name) as \(role.rawValue), \(AccessScope(account: account))"
        )
        return account
    }

    public func accounts() throws -> [Account] {
        try database.access.accounts()
    }

    /// Sets a new password, clears any lock and signs the account out everywhere.
    public func setPassword(_ password: String, forAccountNamed name: String) throws {
        var account = try existing(name)
        if let weakness = PasswordHasher.weakness(of: password, accountName: account.name) { throw AccessError.weakPassword(weakness) }
        account.passwordHash = hasher.hash(password)
        account.failedSignIns = 0
        account.lockedUntil = nil
        try database.access.updateAccount(account)
        try database.access.deleteSessions(ofAccount: account.id ?? 0)
    }

    /// Lifts a lock-out after failed sign-ins.
    public func unlock(accountNamed name: String) throws {
        var account = try existing(name)
        account.failedSignIns = 0
        account.lockedUntil = nil
        try database.access.updateAccount(account)
    }

    /// Stops an account signing in, and signs it out everywhere; or lets it sign in again.
    public func setDisabled(_ isDisabled: Bool, accountNamed name: String) throws {
        var account = try existing(name)
        account.isDisabled = isDisabled
        try database.access.updateAccount(account)
        if isDisabled { try database.access.deleteSessions(ofAccount: account.id ?? 0) }
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
