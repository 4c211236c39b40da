import Foundation

/// Stores what record linkage finds — persons, which rows belong to them, the scored pairs and the runs that
/// made them — and the reviewers' decisions that steer it. A run is saved in one transaction: it is either all
/// there or not there at all. Pairs are always stored with the lower row id on the left, whichever way round
/// they are given.
public protocol LinkageRepository: Sendable {
    /// Calls `body` with every stored row of a complete import whose id is greater than `rowId`, in id order,
    /// reading them one at a time from one consistent snapshot of the store.
    func forEachLinkableRow(after rowId: Int64, _ body: (LinkableRow) throws -> Void) throws
    /// The stored rows with these ids that belong to complete imports, in id order.
    func linkableRows(ids: [Int64]) throws -> [LinkableRow]
    /// The columns, with their tags, of every complete import, in position order, by import id.
    func linkableColumns() throws -> [Int64: [ImportColumn]]

    func latestRun() throws -> LinkRun?
    /// The id of the latest run, without reading its model and report: cheap enough to ask on every request.
    func latestRunID() throws -> Int64?
    /// The latest run and the review queue's length, for the home and imports pages, read on the store's own queue.
    func status() async throws -> LinkageStatus
    /// As ``latestRunID()``, read on the store's own queue, so that a web request waiting for it holds no thread.
    func idOfLatestRun() async throws -> Int64?
    /// Runs, newest first.
    func runs(limit: Int) throws -> [LinkRun]
    /// The engine's saved state from the run that last saved one; older than ``latestRun()`` when a later run
    /// saved none.
    func latestSnapshot() throws -> (runId: Int64, format: Int, data: Data)?

    /// The highest person id ever given, merged persons included, so that no id is given twice.
    func highestPersonId() throws -> String?
    /// The person each linked row belongs to, by `sourceRow.id`.
    func personAssignments() throws -> [Int64: String]
    /// The person a stored row belongs to, if it has been linked.
    func personOfRow(_ rowId: Int64) throws -> String?
    /// The id a person is now known by, following merges; nil for an unknown id.
    func resolvePerson(_ id: String) throws -> String?
    /// As ``resolvePerson(_:)``, read on the store's own queue, so that a web request waiting for it holds no thread.
    func currentID(ofPerson id: String) async throws -> String?
    /// The rows of a person, or of the person it was merged into, in row id order.
    func records(ofPerson personId: String) throws -> [PersonMembership]
    /// The pairs in which a row takes part, on either side.
    func pairs(involving rowId: Int64) throws -> [RecordPair]

    /// The latest decision on each decided pair, in the order they were made.
    func decisions() throws -> [LinkDecision]
    /// Records a reviewer's verdict on a pair, superseding any earlier one on the same pair, with the audit entry
    /// `audit` makes from the decision and the persons the pair's rows belong to now (read in the same transaction;
    /// one when both rows belong to the same person, none when neither is linked yet).
    func recordDecision(
        leftRowId: Int64, rightRowId: Int64, verdict: LinkDecision.Verdict, decidedBy: String, decidedAt: String, note: String?,
        audit: (_ decision: LinkDecision, _ personIDs: [String]) -> AuditNote
    ) throws -> LinkDecision
    /// Pairs left for review that no one has decided yet, the most likely matches first.
    func reviewQueue(limit: Int, offset: Int) throws -> [RecordPair]
    func reviewQueueCount() throws -> Int
    /// The pair `offset` places into the review queue and what a reviewer sees beside it, read in one snapshot on
    /// the store's own queue, so that a web request waiting for it holds no thread.
    func reviewQueueEntry(at offset: Int) async throws -> ReviewQueueEntry
    /// How many pairs wait for review and the first `limit` of them, read in one snapshot without holding a thread.
    func reviewQueueHead(limit: Int) async throws -> (waiting: Int, pairs: [RecordPair])

    /// Saves a run and what it found, in one transaction, and returns the run with its id. The run's id, if any,
    /// is ignored; the new id is set on every person, assignment, pair and snapshot saved with it.
    ///
    /// In order: inserts the run and `newPersons`; marks each merge's `from` person as merged into its `into`
    /// person and moves its rows to it; places each assigned row with its person; deletes every stored pair
    /// when `replacingPairs` (a full run); inserts or replaces `pairs`; and, when a snapshot is given, keeps it
    /// instead of the previous one (when none is given, the previous one stays); last, writes the audit entry
    /// `audit` makes from the run as saved. If anything throws, nothing is stored.
    func saveRun(
        _ run: LinkRun, replacingPairs: Bool, newPersons: [Person], merges: [(from: String, into: String)],
        assignments: [(rowId: Int64, personId: String)], pairs: [RecordPair], snapshot: (format: Int, data: Data)?,
        audit: (LinkRun) -> AuditNote
    ) throws -> LinkRun
}
