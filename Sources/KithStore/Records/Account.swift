import GRDB

/// A person who signs in to Kith: their role, the part of the borough their role reaches, and the state of their
/// password and sign-in attempts. Passwords are kept only as slow salted hashes.
public struct Account: Codable, Sendable, Equatable, Identifiable {
    public var id: Int64?
    /// The sign-in name, unique regardless of case.
    public var name: String
    /// `admin`, `analyst`, `caseworker`, `partner`, `school`, `call-handler` or `volunteer`.
    public var role: String
    /// A caseworker's neighbourhood, ward or postcode district.
    public var area: String?
    /// A partner's VCS organisation.
    public var organisation: String?
    /// A school account's school, by name or URN.
    public var school: String?
    /// A volunteer account's record in the volunteer bureau.
    public var volunteerId: Int64?
    public var passwordHash: String
    public var createdAt: String
    public var createdBy: String
    /// Wrong passwords since the last successful sign-in.
    public var failedSignIns: Int
    /// While set and in the future, sign-in is refused even with the right password.
    public var lockedUntil: String?
    public var lastSignInAt: String?
    public var isDisabled: Bool

    public init(
        id: Int64? = nil, name: String, role: String, area: String? = nil, organisation: String? = nil, school: String? = nil,
        volunteerId: Int64? = nil, passwordHash: String, createdAt: String, createdBy: String, failedSignIns: Int = 0, lockedUntil: String? = nil,
        lastSignInAt: String? = nil, isDisabled: Bool = false
    ) {
        self.id = id
        self.name = name
        self.role = role
        self.area = area
        self.organisation = organisation
        self.school = school
        self.volunteerId = volunteerId
        self.passwordHash = passwordHash
        self.createdAt = createdAt
        self.createdBy = createdBy
        self.failedSignIns = failedSignIns
        self.lockedUntil = lockedUntil
        self.lastSignInAt = lastSignInAt
        self.isDisabled = isDisabled
    }
}

extension Account: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "account"

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
