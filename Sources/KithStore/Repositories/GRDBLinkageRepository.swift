import Foundation
import GRDB

/// The SQLite implementation of ``LinkageRepository``. Bulk reads go through cursors and bulk writes through
/// prepared statements reused for every row, so that a run over a million rows reads and saves in seconds.
struct GRDBLinkageRepository: LinkageRepository {
    let writer: any DatabaseWriter

    func forEachLinkableRow(after rowId: Int64, _ body: (LinkableRow) throws -> Void) throws {
        try writer.read { db in
            var sourceNames: [Int64: String] = [:]
            let imports = try Row.fetchCursor(
                db,
                sql: "SELECT fileImport.id, source.name FROM fileImport JOIN source ON source.id = fileImport.sourceId WHERE fileImport.status = ?",
                arguments: [FileImport.Status.complete.rawValue]
            )
            while let row = try imports.next() { sourceNames[row[0]] = row[1] }
            let rows = try Row.fetchCursor(
                db, sql: "SELECT id, importId, rowNumber, cells, normalised FROM sourceRow WHERE id > ? ORDER BY id", arguments: [rowId]
            )
            while let row = try rows.next() {
                let importId: Int64 = row[1]
                guard let sourceName = sourceNames[importId] else { continue }
                let normalised: String? = row[4]
                try body(
                    LinkableRow(
                        rowId: row[0], importId: importId, sourceName: sourceName, rowNumber: row[2], cells: CellsCoding.decode(row[3]),
                        normalised: normalised.map(CellsCoding.decodeChanges) ?? [:]
                    )
                )
            }
        }
    }

    func linkableRows(ids: [Int64]) throws -> [LinkableRow] {
        try writer.read { db in try Self.linkableRows(ids: ids, in: db) }
    }

    private static func linkableRows(ids: [Int64], in db: Database) throws -> [LinkableRow] {
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT sourceRow.id, sourceRow.importId, sourceRow.rowNumber, sourceRow.cells, sourceRow.normalised, source.name
                FROM sourceRow JOIN fileImport ON fileImport.id = sourceRow.importId JOIN source ON source.id = fileImport.sourceId
                WHERE fileImport.status = ? AND sourceRow.id IN (SELECT value FROM json_each(?)) ORDER BY sourceRow.id
                """,
            arguments: [FileImport.Status.complete.rawValue, "[" + ids.map(String.init).joined(separator: ",") + "]"]
        )
        return rows.map { row in
            let normalised: String? = row[4]
            return LinkableRow(
                rowId: row[0], importId: row[1], sourceName: row[5], rowNumber: row[2], cells: CellsCoding.decode(row[3]),
                normalised: normalised.map(CellsCoding.decodeChanges) ?? [:]
            )
        }
    }

    func linkableColumns() throws -> [Int64: [ImportColumn]] {
        try writer.read { db in try Self.linkableColumns(in: db) }
    }

    private static func linkableColumns(in db: Database) throws -> [Int64: [ImportColumn]] {
        let columns = try ImportColumn.fetchAll(
            db,
            sql: """
                SELECT importColumn.* FROM importColumn JOIN fileImport ON fileImport.id = importColumn.importId
                WHERE fileImport.status = ? ORDER BY importColumn.importId, importColumn.position
                """,
            arguments: [FileImport.Status.complete.rawValue]
        )
        return Dictionary(grouping: columns, by: \.importId)
    }

    func latestRun() throws -> LinkRun? {
        try runs(limit: 1).first
    }

    func latestRunID() throws -> Int64? {
        try writer.read { db in try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM linkRun") }
    }

    func status() async throws -> LinkageStatus {
        try await writer.readAwaiting { db in
            LinkageStatus(latestRun: try LinkRun.order(Column("id").desc).fetchOne(db), reviewWaiting: try Self.reviewQueueCount(in: db))
        }
    }

    func idOfLatestRun() async throws -> Int64? {
        try await writer.readAwaiting { db in try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM linkRun") }
    }

    func runs(limit: Int) throws -> [LinkRun] {
        try writer.read { db in try LinkRun.order(Column("id").desc).limit(limit).fetchAll(db) }
    }

    func latestSnapshot() throws -> (runId: Int64, format: Int, data: Data)? {
        try writer.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT runId, format, data FROM linkSnapshot ORDER BY runId DESC LIMIT 1") else {
                return nil
            }
            return (row[0], row[1], row[2])
        }
    }

    public func highestPersonId() throws -> String? {

        try writer.read { db in try String.fetchOne(db, sql: "SELECT max(id) FROM person") }

    }

    func personAssignments() throws -> [Int64: String] {
        try writer.read { db in
            var assignments: [Int64: String] = [:]
            assignments.reserveCapacity(try PersonMembership.fetchCount(db))
            let rows = try Row.fetchCursor(db, sql: "SELECT sourceRowId, personId FROM personRecord")
            while let row = try rows.next() { assignments[row[0]] = row[1] }
            return assignments
        }
    }

    func resolvePerson(_ id: String) throws -> String? {
        try writer.read { db in try Self.resolve(id, in: db) }
    }

    func currentID(ofPerson id: String) async throws -> String? {
        try await writer.readAwaiting { db in try Self.resolve(id, in: db) }
    }

    func personOfRow(_ rowId: Int64) throws -> String? {
        try writer.read { db in try Self.personOfRow(rowId, in: db) }
    }

    private static func personOfRow(_ rowId: Int64, in db: Database) throws -> String? {
        try String.fetchOne(db, sql: "SELECT personId FROM personRecord WHERE sourceRowId = ?", arguments: [rowId])
    }

    func records(ofPerson personId: String) throws -> [PersonMembership] {
        try writer.read { db in
            guard let survivor = try Self.resolve(personId, in: db) else { return [] }
            return try PersonMembership.filter(Column("personId") == survivor).order(Column("sourceRowId")).fetchAll(db)
        }
    }

    func pairs(involving rowId: Int64) throws -> [RecordPair] {
        try writer.read { db in
            try RecordPair.filter(Column("leftRowId") == rowId || Column("rightRowId") == rowId)
                .order(Column("matchProbability").desc, Column("leftRowId"), Column("rightRowId"))
                .fetchAll(db)
        }
    }

    func decisions() throws -> [LinkDecision] {
        try writer.read { db in
            try LinkDecision.fetchAll(
                db, sql: "SELECT * FROM linkDecision WHERE id IN (SELECT MAX(id) FROM linkDecision GROUP BY leftRowId, rightRowId) ORDER BY id"
            )
        }
    }

    func recordDecision(
        leftRowId: Int64, rightRowId: Int64, verdict: LinkDecision.Verdict, decidedBy: String, decidedAt: String, note: String?,
        audit: (_ decision: LinkDecision, _ personIDs: [String]) -> AuditNote
    ) throws -> LinkDecision {
        try writer.write { db in
            var decision = LinkDecision(
                leftRowId: min(leftRowId, rightRowId), rightRowId: max(leftRowId, rightRowId), verdict: verdict, decidedBy: decidedBy,
                decidedAt: decidedAt, note: note
            )
            try decision.insert(db)
            var persons = try [decision.leftRowId, decision.rightRowId].compactMap { try Self.personOfRow($0, in: db) }
            if persons.count == 2, persons[0] == persons[1] { persons.removeLast() }
            try GRDBAuditRepository.insert(audit(decision, persons), in: db)
            return decision
        }
    }

    func reviewQueue(limit: Int, offset: Int) throws -> [RecordPair] {
        try writer.read { db in try Self.reviewQueue(limit: limit, offset: offset, in: db) }
    }

    private static func reviewQueue(limit: Int, offset: Int, in db: Database) throws -> [RecordPair] {
        try RecordPair.fetchAll(
            db,
            sql: """
                SELECT * FROM recordPair WHERE \(Self.undecidedReview)
                ORDER BY matchProbability DESC, leftRowId, rightRowId LIMIT ? OFFSET ?
                """,
            arguments: [RecordPair.Decision.review.rawValue, limit, offset]
        )
    }

    func reviewQueueCount() throws -> Int {
        try writer.read { db in try Self.reviewQueueCount(in: db) }
    }

    private static func reviewQueueCount(in db: Database) throws -> Int {
        try Int.fetchOne(
            db, sql: "SELECT COUNT(*) FROM recordPair WHERE \(Self.undecidedReview)", arguments: [RecordPair.Decision.review.rawValue]
        ) ?? 0
    }

    func reviewQueueEntry(at offset: Int) async throws -> ReviewQueueEntry {
        try await writer.readAwaiting { db in
            let waiting = try Self.reviewQueueCount(in: db)
            guard let pair = try Self.reviewQueue(limit: 1, offset: offset, in: db).first else {
                let decided = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM (SELECT 1 FROM linkDecision GROUP BY leftRowId, rightRowId)") ?? 0
                return ReviewQueueEntry(waiting: waiting, pair: nil, rows: [], columns: [:], personIDs: [], decided: decided)
            }
            let rowIDs = [pair.leftRowId, pair.rightRowId]
            return ReviewQueueEntry(
                waiting: waiting, pair: pair, rows: try Self.linkableRows(ids: rowIDs, in: db),
                columns: try Self.linkableColumns(in: db), personIDs: try rowIDs.compactMap { try Self.personOfRow($0, in: db) },
                decided: 0
            )
        }
    }

    func reviewQueueHead(limit: Int) async throws -> (waiting: Int, pairs: [RecordPair]) {
        try await writer.readAwaiting { db in (try Self.reviewQueueCount(in: db), try Self.reviewQueue(limit: limit, offset: 0, in: db)) }
    }

    func saveRun(
        _ run: LinkRun, replacingPairs: Bool, newPersons: [Person], merges: [(from: String, into: String)],
        assignments: [(rowId: Int64, personId: String)], pairs: [RecordPair], snapshot: (format: Int, data: Data)?,
        audit: (LinkRun) -> AuditNote
    ) throws -> LinkRun {
        try writer.write { db in
            var saved = run
            saved.id = nil
            try saved.insert(db)
            let runId = saved.id!

            try Self.insert(newPersons, in: db, into: "person (id, createdRunId)", placeholders: "(?, ?)") { person in
                [person.id, runId]
            }

            let mergePerson = try db.makeStatement(sql: "UPDATE person SET mergedInto = ?, mergedRunId = ? WHERE id = ? AND mergedInto IS NULL")
            let moveRecords = try db.makeStatement(sql: "UPDATE personRecord SET personId = ?, runId = ? WHERE personId = ?")
            for merge in merges {
                try mergePerson.execute(arguments: [merge.into, runId, merge.from])
                guard db.changesCount == 1 else {
                    throw DatabaseError(resultCode: .SQLITE_CONSTRAINT, message: "person \(merge.from) is unknown or already merged")
                }
                try moveRecords.execute(arguments: [merge.into, runId, merge.from])
            }

            // Rows go in in key order, which SQLite appends several times faster than rows at random.
            let orderedAssignments = assignments.indices.sorted { assignments[$0].rowId < assignments[$1].rowId }.lazy.map { assignments[$0] }
            try Self.insert(
                orderedAssignments, in: db, into: "personRecord (sourceRowId, personId, runId)", placeholders: "(?, ?, ?)",
                onConflict: "(sourceRowId) DO UPDATE SET personId = excluded.personId, runId = excluded.runId WHERE personId <> excluded.personId"
            ) { assignment in
                [assignment.rowId, assignment.personId, runId]
            }

            if replacingPairs {
                try db.execute(sql: "DELETE FROM recordPair")
            }
            // In the table's order, later row first, which SQLite appends several times faster than rows at random.
            let keys = pairs.map { (min($0.leftRowId, $0.rightRowId), max($0.leftRowId, $0.rightRowId)) }
            let orderedPairs = keys.indices.sorted { (keys[$0].1, keys[$0].0) < (keys[$1].1, keys[$1].0) }
            try Self.insert(
                orderedPairs, in: db,
                into: "recordPair (leftRowId, rightRowId, runId, matchProbability, matchWeight, decision, evidence)",
                placeholders: "(?, ?, ?, ?, ?, ?, ?)",
                onConflict: """
                    (leftRowId, rightRowId) DO UPDATE SET runId = excluded.runId, matchProbability = excluded.matchProbability,
                        matchWeight = excluded.matchWeight, decision = excluded.decision, evidence = excluded.evidence
                    """
            ) { index in
                let pair = pairs[index]
                return [keys[index].0, keys[index].1, runId, pair.matchProbability, pair.matchWeight, pair.decision.rawValue, pair.evidence]
            }

            if let snapshot {
                try db.execute(sql: "DELETE FROM linkSnapshot")
                try db.execute(
                    sql: "INSERT INTO linkSnapshot (runId, format, data) VALUES (?, ?, ?)", arguments: [runId, snapshot.format, snapshot.data]
                )
            }
            try GRDBAuditRepository.insert(audit(saved), in: db)
            return saved
        }
    }

    /// Inserts many rows, a batch of rows to each statement, through one prepared statement reused for every full
    /// batch. Batches matter because SQLite journals the pages a statement touches when a foreign key or an upsert
    /// could abort it: one statement a row copies the same pages again for every row, three times slower.
    private static func insert<Rows: Collection>(
        _ rows: Rows, in db: Database, into target: String, placeholders: String, onConflict: String? = nil,
        values: (Rows.Element) -> [(any DatabaseValueConvertible)?]
    ) throws {
        func statement(rowCount: Int) throws -> Statement {
            let values = repeatElement(placeholders, count: rowCount).joined(separator: ", ")
            return try db.makeStatement(sql: "INSERT INTO \(target) VALUES \(values)" + (onConflict.map { " ON CONFLICT \($0)" } ?? ""))
        }
        let batchSize = 256
        let fullBatch = try statement(rowCount: batchSize)
        var batch: [(any DatabaseValueConvertible)?] = []
        var rowsInBatch = 0
        for row in rows {
            batch.append(contentsOf: values(row))
            rowsInBatch += 1
            if rowsInBatch == batchSize {
                try fullBatch.execute(arguments: StatementArguments(batch))
                batch.removeAll(keepingCapacity: true)
                rowsInBatch = 0
            }
        }
        if rowsInBatch > 0 {
            try statement(rowCount: rowsInBatch).execute(arguments: StatementArguments(batch))
        }
    }

    /// Review pairs without a decision, for the review queue; its one argument is the review decision's raw value.
    private static let undecidedReview = """
        decision = ? AND NOT EXISTS (
            SELECT 1 FROM linkDecision
            WHERE linkDecision.leftRowId = recordPair.leftRowId AND linkDecision.rightRowId = recordPair.rightRowId
        )
        """

    /// Follows `mergedInto` from a person to the one that survives; nil for an unknown id.
    private static func resolve(_ id: String, in db: Database) throws -> String? {
        var current = id
        var visited: Set<String> = []
        while visited.insert(current).inserted {
            guard let person = try Person.fetchOne(db.cachedStatement(sql: "SELECT * FROM person WHERE id = ?"), arguments: [current]) else {
                return nil
            }
            guard let next = person.mergedInto else { return current }
            current = next
        }
        return nil
    }
}
