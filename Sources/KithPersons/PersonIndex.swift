import Foundation
import KithLinkage
import KithSpreadsheet
import KithStandard
import KithStore

#if canImport(Glibc)
    import Glibc
#endif

/// The person index kept in the store: links every imported row into persons, keeps their ids stable, and
/// remembers people's decisions. The first run links everything; later runs link only rows imported since,
/// starting from the engine's saved state, unless a full run is asked for. Every run is written to the audit trail,
/// in the transaction that saves it, whichever door (command line, web) started it.
public struct PersonIndex: Sendable {
    public let database: any Store
    public let referenceDate: CivilDate
    /// Where the engine's state is kept between runs: a file beside the store (`kith.sqlite.linkage`), which is
    /// written in a fraction of the time a 100 MB value takes in SQLite; nil keeps it in the store itself. Either
    /// way it is a cache: without it the next run links everything again, and persons keep their ids.
    public let snapshotFile: URL?

    public init(database: any Store, referenceDate: CivilDate, snapshotFile: URL? = nil) {
        self.database = database
        self.referenceDate = referenceDate
        self.snapshotFile = snapshotFile
    }

    /// The snapshot file kept beside a store at `path`.
    public static func snapshotFile(forStoreAt path: String) -> URL {
        URL(fileURLWithPath: path + ".linkage")
    }

    /// Links the store, saves the run and records it in the audit trail as run by `account`, in one transaction.
    /// Returns the run's report.
    @discardableResult
    public func link(by account: String, options: LinkageOptions = LinkageOptions(), full: Bool = false) throws -> LinkageReport {
        let started = Date()
        let repository = database.linkage
        let latest = try repository.latestRun()
        var state: LinkageState?
        if !full, let latest, let snapshot = try loadSnapshot(), snapshot.runId == latest.id,
            snapshot.format == LinkageStateCoding.format
        {
            state = try? LinkageStateCoding.decode(snapshot.data)
        }
        var afterRow = state == nil ? 0 : latest?.lastSourceRowId ?? 0
        var (records, lastRowId) = try loadRecords(after: afterRow)
        // A model trained before most of the rows arrived knows too little of them: when the new rows are many
        // against those linked, link everything again and retrain (persons still keep their ids).
        if let known = state?.records.count, records.count > max(Self.smallestRetrainingBatch, known / 4) {
            state = nil
            afterRow = 0
            (records, lastRowId) = try loadRecords(after: 0)
        }
        let loaded = Date()
        options.progress?("load from the store", 0.05)
        let decisions = try repository.decisions().map {
            HumanDecision(leftKey: String($0.leftRowId), rightKey: String($0.rightRowId), isSamePerson: $0.verdict == .same)
        }

        let linker = Linker(options: options)
        let result: LinkageResult
        let firstNewNumber: Int32
        if let known = state.take() {
            firstNewNumber = known.nextPersonNumber
            result = linker.link(records, onto: known, decisions: decisions)
        } else {
            var previous: [String: String] = [:]
            for (rowId, person) in try repository.personAssignments() { previous[String(rowId)] = person }
            let next = (try repository.highestPersonId().flatMap(PersonNumbering.number) ?? 0) + 1
            firstNewNumber = next
            result = linker.link(records, decisions: decisions, previousPersons: previous, nextPersonNumber: next)
        }
        records = []  // encoded in the result: the rows as read are not needed while saving
        var report = result.report
        report.stageSeconds.insert(.init(stage: "load from the store", seconds: loaded.timeIntervalSince(started)), at: 0)
        let saved = try save(result, started: started, lastRowId: max(lastRowId, afterRow), firstNewNumber: firstNewNumber) { run in
            AuditTrail.note(
                .link, by: account, subject: "link run \(run.id ?? 0)", personCount: run.personCount,
                detail: "\(run.newRecordCount) new of \(run.recordCount) records; \(run.personCount) persons, \(run.reviewPairs) pairs for review"
            )
        }
        report.stageSeconds.append(.init(stage: "save persons and pairs", seconds: saved.store))
        report.stageSeconds.append(.init(stage: "save the state", seconds: saved.state))
        return report
    }

    /// The saved state, from the file when there is one, else from the store.
    private func loadSnapshot() throws -> (runId: Int64, format: Int, data: Data)? {
        guard let snapshotFile else { return try database.linkage.latestSnapshot() }
        guard let data = try? Data(contentsOf: snapshotFile, options: .alwaysMapped), data.count > 16 else { return nil }
        let format = data.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: 0, as: Int64.self) }
        let runId = data.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: 8, as: Int64.self) }
        return (runId, Int(format), data[16...])  // a slice of the mapped file, not a copy of its 150 MB
    }

    /// New rows fewer than this, or than a quarter of those already linked, are linked onto the saved state.
    static let smallestRetrainingBatch = 1_000

    /// The stored rows after `rowId` as linkage records, keyed by their row id.
    private func loadRecords(after rowId: Int64) throws -> ([PersonRecord], Int64) {
        let repository = database.linkage
        let columns = try repository.linkableColumns()
        var builders: [Int64: PersonRecordBuilder] = [:]
        for (importId, importColumns) in columns {
            var tags = [HXLTag?](repeating: nil, count: (importColumns.map(\.position).max() ?? -1) + 1)
            for column in importColumns { tags[column.position] = column.tag.flatMap { HXLTag(parsing: $0) } }
            builders[importId] = PersonRecordBuilder(tags: tags)
        }
        var records: [PersonRecord] = []
        var lastRowId = rowId
        try repository.forEachLinkableRow(after: rowId) { row in
            lastRowId = max(lastRowId, row.rowId)
            guard let builder = builders[row.importId], builder.canLink else { return }
            records.append(
                builder.record(key: String(row.rowId), source: row.sourceName, cells: row.cells) { position in
                    row.normalised[position]
                }
            )
        }
        return (records, lastRowId)
    }

    /// Saves the run, its persons and pairs, and the engine's state, with the audit entry `audit` makes from the
    /// saved run; returns the run as saved and the seconds each took.
    private func save(
        _ result: LinkageResult, started: Date, lastRowId: Int64, firstNewNumber: Int32, audit: (LinkRun) -> AuditNote
    ) throws -> (run: LinkRun, store: Double, state: Double) {
        let saving = Date()
        let state = result.state
        let report = result.report
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var newPersons: [Person] = []
        var seen = Set<Int32>()
        for number in state.personNumbers where number >= firstNewNumber && seen.insert(number).inserted {
            newPersons.append(Person(id: PersonNumbering.identifier(number)))
        }
        let assignments = result.changedRecords.compactMap { index -> (rowId: Int64, personId: String)? in
            Int64(state.records.keys[index]).map { ($0, state.personID(ofRecord: index)) }
        }
        var pairs: [RecordPair] = []
        let scorer = result.scorer
        for pair in result.pairs where pair.decision != .notLinked || pair.reason != nil {
            guard let left = Int64(state.records.keys[Int(pair.left)]), let right = Int64(state.records.keys[Int(pair.right)]) else {
                continue
            }
            // Each field's evidence is kept for the pairs a person reviews, which is all that reads it; a linked pair
            // keeps its reason. At a million records that is hundreds of thousands of strings not made.
            let fields = pair.decision == .review ? scorer.evidence(pair.levels, Int(pair.left), Int(pair.right)) : []
            let evidence = Self.evidenceJSON(reason: pair.reason, fields: fields)
            pairs.append(
                RecordPair(
                    leftRowId: left, rightRowId: right, runId: 0, matchProbability: pair.matchProbability,
                    matchWeight: pair.matchWeight, decision: Self.storedDecision(pair.decision),
                    evidence: evidence
                )
            )
        }
        let run = LinkRun(
            startedAt: Timestamp.text(started), finishedAt: Timestamp.text(Date()),
            mode: report.mode == .full ? .full : .incremental, recordCount: report.records, newRecordCount: report.newRecords,
            personCount: report.persons, candidatePairs: report.candidatePairs, autoLinks: report.automaticLinks,
            reviewPairs: report.reviewPairs, upperThreshold: report.thresholds.link, lowerThreshold: report.thresholds.review,
            lastSourceRowId: lastRowId, model: String(decoding: try encoder.encode(state.model), as: UTF8.self),
            report: String(decoding: try encoder.encode(report), as: UTF8.self)
        )
        guard let snapshotFile else {
            let snapshot = try LinkageStateCoding.encode(state)
            let saved = try database.linkage.saveRun(
                run, replacingPairs: report.mode == .full, newPersons: newPersons, merges: report.merges.map { ($0.from, $0.into) },
                assignments: assignments, pairs: pairs, snapshot: (LinkageStateCoding.format, snapshot), audit: audit
            )
            return (saved, Date().timeIntervalSince(saving), 0)
        }
        let saved = try database.linkage.saveRun(
            run, replacingPairs: report.mode == .full, newPersons: newPersons, merges: report.merges.map { ($0.from, $0.into) },
            assignments: assignments, pairs: pairs, snapshot: nil, audit: audit
        )
        pairs = []
        let savingState = Date()
        if let runId = saved.id {
            try Self.writeSnapshot(of: state, runId: runId, to: snapshotFile)
        }
        return (saved, savingState.timeIntervalSince(saving), Date().timeIntervalSince(savingState))
    }

    /// Writes the state beside the store, after a header of its format and run, replacing the file whole only once
    /// it is written (so a run stopped half-way leaves the last state), straight from the state's arrays.
    private static func writeSnapshot(of state: LinkageState, runId: Int64, to url: URL) throws {
        let temporary = url.appendingPathExtension("new")
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: temporary.path])
        }
        let handle = try FileHandle(forWritingTo: temporary)
        var header = [Int64(LinkageStateCoding.format), runId]
        do {
            try handle.write(contentsOf: Data(bytes: &header, count: 16))
            try LinkageStateCoding.write(state, to: handle)
            try handle.close()
        } catch {
            try? handle.close()
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
        guard rename(temporary.path, url.path) == 0 else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
        }
    }

    /// Why a stored pair was decided as it was, as the JSON of ``PairEvidence``; fields that were missing said
    /// nothing, so they are left out.
    static func evidenceJSON(reason: String?, fields: [FieldEvidence]) -> String {
        PairEvidence(reason: reason, fields: fields.filter { $0.level != "missing" }).json
    }

    static func storedDecision(_ decision: ScoredPair.Decision) -> RecordPair.Decision {
        switch decision {
        case .linked: .linked
        case .review: .review
        case .notLinked: .notLinked
        }
    }
}
