import GRDB

/// Which person a stored row belongs to: every linked row belongs to exactly one person.
public struct PersonMembership: Codable, Sendable, Equatable {
    public var sourceRowId: Int64
    public var personId: String
    /// The run that last placed the row with this person.
    public var runId: Int64

    public init(sourceRowId: Int64, personId: String, runId: Int64) {
        self.sourceRowId = sourceRowId
        self.personId = personId
        self.runId = runId
    }
}

extension PersonMembership: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "personRecord"
}
