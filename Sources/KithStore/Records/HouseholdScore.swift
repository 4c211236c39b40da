import GRDB

/// A household's own score in one ``ScoreRun``: the factors of all its members, each counted once.
public struct HouseholdScore: Codable, Sendable, Equatable {
    public var runId: Int64
    public var householdId: String
    public var memberCount: Int
    public var score: Int
    public var band: String
    /// The reasons as JSON, as in ``PersonScore/reasons``.
    public var reasons: String

    public init(runId: Int64, householdId: String, memberCount: Int, score: Int, band: String, reasons: String) {
        self.runId = runId
        self.householdId = householdId
        self.memberCount = memberCount
        self.score = score
        self.band = band
        self.reasons = reasons
    }
}

extension HouseholdScore: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "householdScore"
}
