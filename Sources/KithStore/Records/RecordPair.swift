import GRDB

/// Two stored rows the linkage compared, how likely they are to be the same person and why, so that a link can
/// be explained and a doubtful one put before a reviewer. Stored with the lower row id on the left.
public struct RecordPair: Codable, Sendable, Equatable {
    /// What the run made of the pair: linked without review, left for a reviewer, or judged different people.
    public enum Decision: String, Codable, Sendable {
        case linked
        case review
        case notLinked = "not-linked"
    }

    public var leftRowId: Int64
    public var rightRowId: Int64
    /// The run that scored the pair; ``LinkageRepository/saveRun(_:replacingPairs:newPersons:merges:assignments:pairs:snapshot:)``
    /// sets it to the run being saved.
    public var runId: Int64
    public var matchProbability: Double
    /// The match weight, log2 of the Bayes factor: the sum of the fields' contributions and the prior.
    public var matchWeight: Double
    public var decision: Decision
    /// Each field's comparison and contribution to the weight, as JSON.
    public var evidence: String

    public init(
        leftRowId: Int64, rightRowId: Int64, runId: Int64 = 0, matchProbability: Double, matchWeight: Double,
        decision: Decision, evidence: String
    ) {
        self.leftRowId = leftRowId
        self.rightRowId = rightRowId
        self.runId = runId
        self.matchProbability = matchProbability
        self.matchWeight = matchWeight
        self.decision = decision
        self.evidence = evidence
    }
}

extension RecordPair: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "recordPair"
}
