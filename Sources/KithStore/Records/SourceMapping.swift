import GRDB

/// The column mapping saved for a source: which tag each of its columns carries, as YAML, so that the
/// partner's next list is tagged the same way without asking again.
public struct SourceMapping: Codable, Sendable, Equatable {
    public var sourceId: Int64
    /// The mapping as YAML (see `ColumnMapping` in KithStandard).
    public var mapping: String
    public var savedAt: String
    public var savedBy: String

    public init(sourceId: Int64, mapping: String, savedAt: String, savedBy: String) {
        self.sourceId = sourceId
        self.mapping = mapping
        self.savedAt = savedAt
        self.savedBy = savedBy
    }
}

extension SourceMapping: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "sourceMapping"
}
