/// What blocking did: how many pairs each rule added, and which blocks were too large to compare.
public struct BlockingReport: Sendable, Equatable, Codable {
    /// One rule's figures.
    public struct RuleFigures: Sendable, Equatable, Codable {
        public var rule: String
        /// Blocks of two or more records.
        public var blocks: Int
        /// Pairs this rule added that no earlier rule had.
        public var newPairs: Int
        /// Blocks skipped because they held more than the cap, and the records in them.
        public var cappedBlocks: Int
        public var cappedRecords: Int
        /// The largest block's size, capped ones included.
        public var largestBlock: Int
    }

    public var rules: [RuleFigures] = []
    /// The cap on a block's size.
    public var maximumBlockSize: Int = 0
    /// Distinct pairs compared.
    public var candidatePairs: Int = 0

    public init() {}
}
