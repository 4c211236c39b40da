import GRDB

/// A partner list Kith receives again and again, known by its name: "NHS shielding list", "Food bank referrals".
public struct Source: Codable, Sendable, Equatable, Identifiable {
    public var id: Int64?
    public var name: String
    public var createdAt: String
    /// The VCS organisation the list belongs to, if any: its partner accounts see the residents on it.
    public var organisation: String?

    public init(id: Int64? = nil, name: String, createdAt: String, organisation: String? = nil) {
        self.id = id
        self.name = name
        self.createdAt = createdAt
        self.organisation = organisation
    }
}

extension Source: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "source"

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
