/// Everything a later run needs to link new records without linking everything again: the encoded records, the
/// model, the thresholds, each record's person and the links that made the persons.
public struct LinkageState: Sendable {
    public internal(set) var records: EncodedRecords
    public internal(set) var model: LinkageModel
    public internal(set) var thresholds: LinkageThresholds
    /// Each record's person number (see ``personID(ofRecord:)``).
    public internal(set) var personNumbers: [Int32]
    public internal(set) var nextPersonNumber: Int32
    /// Accepted links, kept to rebuild a person when a decision or a new record breaks a rule.
    var links: [Clusterer.Link]

    /// The person id of record `index`, such as `KP-0000042`.
    public func personID(ofRecord index: Int) -> String {
        PersonNumbering.identifier(personNumbers[index])
    }

    /// The number of distinct persons.
    public var personCount: Int { PersonNumbering.distinctCount(personNumbers) }
}

/// The outcome of a linkage run.
public struct LinkageResult: Sendable {
    /// The state after the run, for the next one.
    public var state: LinkageState
    /// Pairs compared in this run scoring at or above the minimum probability asked for, decided pairs included.
    public var pairs: [ScoredPair]
    public var report: LinkageReport
    /// Indices of records whose person was set or changed by this run.
    public var changedRecords: [Int]

    /// Each field's evidence for a pair of this run. For many pairs, ask ``scorer`` once and call its
    /// ``MatchScorer/evidence(_:_:_:)``.
    public func evidence(for pair: ScoredPair) -> [FieldEvidence] {
        scorer.evidence(pair.levels, Int(pair.left), Int(pair.right))
    }

    /// The run's model, ready to explain pairs.
    public var scorer: MatchScorer { MatchScorer(model: state.model, records: state.records) }
}
