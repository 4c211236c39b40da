/// One place in the review queue as a reviewer sees it: the pair there, if any, with its two rows, the columns that
/// say what the rows' cells are, and the persons the rows belong to; read together so that they agree.
public struct ReviewQueueEntry: Sendable {
    /// Pairs waiting for a decision, in all.
    public var waiting: Int
    /// The pair at this place; nil when the queue ends before it.
    public var pair: RecordPair?
    /// The pair's two rows, in id order; empty when there is no pair.
    public var rows: [LinkableRow]
    /// The columns of every complete import, by import id; empty when there is no pair.
    public var columns: [Int64: [ImportColumn]]
    /// The persons the pair's rows belong to, for the audit trail.
    public var personIDs: [String]
    /// Pairs decided so far; counted only when there is no pair, for the page that says the queue is done.
    public var decided: Int

    public init(
        waiting: Int, pair: RecordPair?, rows: [LinkableRow], columns: [Int64: [ImportColumn]], personIDs: [String], decided: Int
    ) {
        self.waiting = waiting
        self.pair = pair
        self.rows = rows
        self.columns = columns
        self.personIDs = personIDs
        self.decided = decided
    }
}
