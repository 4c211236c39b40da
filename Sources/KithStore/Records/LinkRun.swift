import GRDB

/// One run of record linkage over the stored rows: what it read, what it found and the model it used, so that
/// every link can be traced to the run that made it and the next incremental run knows where to start.
public struct LinkRun: Codable, Sendable, Equatable, Identifiable {
    /// Whether a run linked every stored row afresh or only the rows stored since the previous run.
    public enum Mode: String, Codable, Sendable {
        case full
        case incremental
    }

    public var id: Int64?
    /// ISO 8601 time the run started and finished.
    public var startedAt: String
    public var finishedAt: String
    public var mode: Mode
    /// Rows linked in all, and of them the rows not seen by an earlier run.
    public var recordCount: Int
    public var newRecordCount: Int
    /// Persons the rows form after the run.
    public var personCount: Int
    /// Pairs of rows compared, pairs linked without review, and pairs left for a reviewer.
    public var candidatePairs: Int
    public var autoLinks: Int
    public var reviewPairs: Int
    /// Match probabilities at or above the upper threshold link; between the two they go to review.
    public var upperThreshold: Double
    public var lowerThreshold: Double
    /// The highest `sourceRow.id` the run included: the next incremental run starts after it.
    public var lastSourceRowId: Int64
    /// The match model's parameters, as JSON.
    public var model: String
    /// What the run reports to a person (timings, counts by source), as JSON.
    public var report: String

    public init(
        id: Int64? = nil, startedAt: String, finishedAt: String, mode: Mode, recordCount: Int, newRecordCount: Int,
        personCount: Int, candidatePairs: Int, autoLinks: Int, reviewPairs: Int, upperThreshold: Double,
        lowerThreshold: Double, lastSourceRowId: Int64, model: String, report: String
    ) {
        self.id = id
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.mode = mode
        self.recordCount = recordCount
        self.newRecordCount = newRecordCount
        self.personCount = personCount
        self.candidatePairs = candidatePairs
        self.autoLinks = autoLinks
        self.reviewPairs = reviewPairs
        self.upperThreshold = upperThreshold
        self.lowerThreshold = lowerThreshold
        self.lastSourceRowId = lastSourceRowId
        self.model = model
        self.report = report
    }
}

extension LinkRun: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "linkRun"

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
