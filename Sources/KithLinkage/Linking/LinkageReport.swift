/// What a linkage run did, for the summary a person reads and the run record the store keeps.
public struct LinkageReport: Sendable, Codable, Equatable {
    public enum Mode: String, Sendable, Codable {
        case full
        case incremental
    }

    public var mode: Mode = .full
    public var records = 0
    /// Records added by this run (all of them in a full run).
    public var newRecords = 0
    public var persons = 0
    /// Persons made or changed by this run.
    public var newPersons = 0
    public var candidatePairs = 0
    /// Pairs linked automatically by the model, by a rule (the same NHS number) and by people's decisions.
    public var automaticLinks = 0
    public var ruleLinks = 0
    public var decidedLinks = 0
    public var reviewPairs = 0
    public var blocking = BlockingReport()
    public var training: LinkageModel.TrainingFigures?
    public var thresholds = LinkageThresholds.standard
    public var splits: [ClusterSplit] = []
    /// Persons merged into another, by id: last week's id still leads to the resident.
    public var merges: [PersonMerge] = []
    /// Seconds spent in each stage, in order.
    public var stageSeconds: [StageTime] = []

    public init() {}

    /// Seconds spent in one stage.
    public struct StageTime: Sendable, Codable, Equatable {
        public var stage: String
        public var seconds: Double

        public init(stage: String, seconds: Double) {
            self.stage = stage
            self.seconds = seconds
        }
    }

    public var seconds: Double { stageSeconds.reduce(0) { $0 + $1.seconds } }
}

/// One person merged into another because new records showed they are one resident.
public struct PersonMerge: Sendable, Codable, Equatable {
    public var from: String
    public var into: String
}
