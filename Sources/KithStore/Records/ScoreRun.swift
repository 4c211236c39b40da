import GRDB

/// One scoring of every linked person and household under a vulnerability matrix: a dated snapshot that the
/// next scoring is compared with.
public struct ScoreRun: Codable, Sendable, Equatable, Identifiable {
    public var id: Int64?
    /// ISO 8601 time the scores were saved.
    public var scoredAt: String
    public var scoredBy: String
    /// The day the scores are for (`yyyy-mm-dd`): ages and "within days" count from it.
    public var referenceDate: String
    public var matrixName: String
    public var matrixVersion: String
    /// SHA-256 of the matrix file's text, so two runs can be told to use the very same matrix.
    public var matrixDigest: String
    /// The linkage run whose persons were scored.
    public var linkRunId: Int64?
    public var personCount: Int
    public var householdCount: Int

    public init(
        id: Int64? = nil, scoredAt: String, scoredBy: String, referenceDate: String, matrixName: String, matrixVersion: String,
        matrixDigest: String, linkRunId: Int64?, personCount: Int, householdCount: Int
    ) {
        self.id = id
        self.scoredAt = scoredAt
        self.scoredBy = scoredBy
        self.referenceDate = referenceDate
        self.matrixName = matrixName
        self.matrixVersion = matrixVersion
        self.matrixDigest = matrixDigest
        self.linkRunId = linkRunId
        self.personCount = personCount
        self.householdCount = householdCount
    }
}

extension ScoreRun: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "scoreRun"

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
