/// Stores what scoring and outreach produce: dated score snapshots and contacts recorded with residents.
public protocol OutreachRepository: Sendable {
    /// Saves a run with every person's and household's score, and the audit entry `audit` makes from the saved run,
    /// in one transaction, and returns the run with its id. The scores' run ids are set to the new run's.
    func saveScoreRun(
        _ run: ScoreRun, persons: [PersonScore], households: [HouseholdScore], audit: (ScoreRun) -> AuditNote
    ) throws -> ScoreRun
    /// Runs, newest first.
    func scoreRuns(limit: Int) throws -> [ScoreRun]
    /// The latest run, read on the store's own queue.
    func latestScoreRun() async throws -> ScoreRun?
    /// How many persons a run put in each band, by band.
    func bandCounts(inRun runId: Int64) async throws -> [String: Int]
    func personScores(inRun runId: Int64) throws -> [PersonScore]
    func personScore(inRun runId: Int64, personId: String) throws -> PersonScore?
    /// The scores of these persons in a run, by person id.
    func personScores(inRun runId: Int64, personIds: [String]) throws -> [String: PersonScore]
    /// Every person's band in a run, by person id, without their reasons.
    func bands(inRun runId: Int64) throws -> [String: String]
    func householdScores(inRun runId: Int64) throws -> [HouseholdScore]
    func householdScore(inRun runId: Int64, householdId: String) throws -> HouseholdScore?
    /// A person's scores in the latest runs that scored them, newest first.
    func scoreHistory(ofPerson personId: String, limit: Int) throws -> [(run: ScoreRun, score: PersonScore)]
    /// As ``scoreHistory(ofPerson:limit:)``, read on the store's own queue, so that a web request waiting for it holds no
    /// thread.
    func recentScores(ofPerson personId: String, limit: Int) async throws -> [(run: ScoreRun, score: PersonScore)]
    /// The scores of a household's members in a run.
    func personScores(inRun runId: Int64, householdId: String) throws -> [PersonScore]

    /// Stores a contact with its audit entry, in one transaction, and returns it with its id.
    func recordContact(_ contact: ContactRecord, audit: AuditNote) throws -> ContactRecord
    /// Every recorded contact, oldest first.
    func contacts() throws -> [ContactRecord]
    func contacts(ofPersons personIds: [String]) throws -> [ContactRecord]
    /// The id of the latest contact recorded, if any: it changes whenever a contact is recorded.
    func latestContactID() throws -> Int64?

    /// Every merged person id with the id it was merged into (one step; follow the chain for the current id).
    func personMerges() throws -> [String: String]
}
