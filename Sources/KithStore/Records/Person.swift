import GRDB

/// A resident as Kith knows them: the records linkage judged to be the same person, under an id that stays
/// stable across runs so that staff can refer to it. When two persons turn out to be one, the newer id is merged
/// into the other rather than deleted, and still resolves to it.
public struct Person: Codable, Sendable, Equatable, Identifiable {
    /// For example "KP-0000001".
    public var id: String
    /// The run that created the person; ``LinkageRepository/saveRun(_:replacingPairs:newPersons:merges:assignments:pairs:snapshot:)``
    /// sets it to the run being saved.
    public var createdRunId: Int64
    /// The person this one was merged into, and the run that merged it; nil while the person stands alone.
    public var mergedInto: String?
    public var mergedRunId: Int64?

    public init(id: String, createdRunId: Int64 = 0, mergedInto: String? = nil, mergedRunId: Int64? = nil) {
        self.id = id
        self.createdRunId = createdRunId
        self.mergedInto = mergedInto
        self.mergedRunId = mergedRunId
    }
}

extension Person: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "person"
}
