import Foundation
import GRDB
import Testing

@testable import KithStore

struct LinkageRepositoryTests {
    struct Refused: Error {}

    /// A store in a fresh SQLite file, removed with its WAL files when `body` returns.
    static func withStore(_ body: (KithDatabase) throws -> Void) throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kith-linkage-\(UUID().uuidString).sqlite").path
        defer {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        try body(try KithDatabase.open(path: path))
    }

    /// Imports rows of `[name, date of birth]`, the second column tagged, each with its date normalised; returns their ids.
    @discardableResult
    static func importRows(_ rows: [[String]], source: String, into database: KithDatabase) throws -> [Int64] {
        let stored = try database.imports.performImport(ImportRepositoryTests.draft(sha: UUID().uuidString), sourceName: source) { writer in
            try writer.writeColumns([("A", "Name", "#x_person +name"), ("B", "DOB", "#x_person +birth +date")], startingAt: 0)
            for (offset, cells) in rows.enumerated() {
                var normalised: [UInt8] = []
                CellsCoding.append(changes: [(position: 1, value: cells[1].isEmpty ? nil : "1950-02-0\(offset + 1)")], to: &normalised)
                try writer.writeRow(number: offset + 2, encodedCells: Array(CellsCoding.encode(cells).utf8)[...], encodedNormalised: normalised[...])
            }
            return ImportRepositoryTests.totals(rows: rows.count)
        }
        return try database.imports.rows(ofImport: stored.id!, limit: nil).map { $0.id! }
    }

    static func run(mode: LinkRun.Mode = .full, lastSourceRowId: Int64) -> LinkRun {
        LinkRun(
            startedAt: "2026-11-22T10:00:00Z", finishedAt: "2026-11-22T10:00:05Z", mode: mode, recordCount: 4, newRecordCount: 4,
            personCount: 2, candidatePairs: 3, autoLinks: 1, reviewPairs: 1, upperThreshold: 0.95, lowerThreshold: 0.5,
            lastSourceRowId: lastSourceRowId, model: #"{"lambda":0.01}"#, report: "{}"
        )
    }

    static func pair(_ left: Int64, _ right: Int64, _ probability: Double, _ decision: RecordPair.Decision) -> RecordPair {
        RecordPair(
            leftRowId: left, rightRowId: right, matchProbability: probability, matchWeight: log2(probability / (1 - probability)),
            decision: decision, evidence: #"{"name":"exact"}"#
        )
    }

    /// Four rows in two sources, saved as two persons by a first run.
    static func firstRun(in database: KithDatabase) throws -> (rows: [Int64], run: LinkRun) {
        let rows =
            try importRows([["Ann Smith", "01/02/1950"], ["Bob Jones", "02/02/1950"]], source: "Adult social care", into: database)
            + importRows([["Ann Smyth", "01/02/1950"], ["Robert Jones", ""]], source: "Food bank referrals", into: database)
        let run = try database.linkage.saveRun(
            Self.run(lastSourceRowId: rows[3]), replacingPairs: true, newPersons: [Person(id: "KP-0000001"), Person(id: "KP-0000002")],
            merges: [],
            assignments: [(rows[0], "KP-0000001"), (rows[2], "KP-0000001"), (rows[1], "KP-0000002"), (rows[3], "KP-0000002")],
            pairs: [
                Self.pair(rows[2], rows[0], 0.99, .linked), Self.pair(rows[1], rows[3], 0.7, .review),
                Self.pair(rows[0], rows[1], 0.01, .notLinked),
            ],
            snapshot: (format: 1, data: Data([1, 2, 3]))
        )
        return (rows, run)
    }

    @Test func savesARunAndReadsItBack() throws {
        try Self.withStore { database in
            let linkage = database.linkage
            #expect(try linkage.latestRun() == nil)
            #expect(try linkage.latestSnapshot() == nil)
            let (rows, run) = try Self.firstRun(in: database)
            let runId = try #require(run.id)

            #expect(try linkage.latestRun() == run)
            #expect(try linkage.runs(limit: 10) == [run])
            let snapshot = try #require(try linkage.latestSnapshot())
            #expect(snapshot.runId == runId && snapshot.format == 1 && snapshot.data == Data([1, 2, 3]))
            #expect(
                try linkage.personAssignments() == [rows[0]: "KP-0000001", rows[2]: "KP-0000001", rows[1]: "KP-0000002", rows[3]: "KP-0000002"]
            )
            #expect(
                try linkage.records(ofPerson: "KP-0000001")
                    == [
                        PersonMembership(sourceRowId: rows[0], personId: "KP-0000001", runId: runId),
                        PersonMembership(sourceRowId: rows[2], personId: "KP-0000001", runId: runId),
                    ]
            )
            #expect(try database.writer.read { db in try Person.fetchAll(db) }.map(\.createdRunId) == [runId, runId])

            let pairs = try linkage.pairs(involving: rows[0])
            #expect(pairs.map { [$0.leftRowId, $0.rightRowId] } == [[rows[0], rows[2]], [rows[0], rows[1]]])
            #expect(pairs.allSatisfy { $0.runId == runId })
            #expect(pairs[0].decision == .linked && pairs[1].decision == .notLinked && pairs[0].evidence == #"{"name":"exact"}"#)
            #expect(try linkage.pairs(involving: rows[3]).map(\.decision) == [.review])

            let columns = try linkage.linkableColumns()
            #expect(columns.count == 2)
            #expect(columns.values.allSatisfy { $0.map(\.tag) == ["#x_person +name", "#x_person +birth +date"] })
        }
    }

    @Test func streamsEveryRowDecodedWithItsSourceAndOnlyRowsAfterAnId() throws {
        try Self.withStore { database in
            let first = try Self.importRows([["Ann Smith", "01/02/1950"], ["Bob Jones", ""]], source: "Adult social care", into: database)
            let second = try Self.importRows([["Cy Twombly", "03/02/1950"]], source: "Food bank referrals", into: database)

            var streamed: [LinkableRow] = []
            try database.linkage.forEachLinkableRow(after: 0) { streamed.append($0) }
            #expect(streamed.map(\.rowId) == first + second)
            #expect(streamed.map(\.sourceName) == ["Adult social care", "Adult social care", "Food bank referrals"])
            #expect(streamed[0].cells == ["Ann Smith", "01/02/1950"] && streamed[0].rowNumber == 2)
            #expect(streamed[0].normalisedValue(at: 1) == "1950-02-01" && streamed[0].normalisedValue(at: 0) == "Ann Smith")
            #expect(streamed[1].normalised == [1: String?.none] && streamed[1].normalisedValue(at: 1) == nil)

            var newer: [Int64] = []
            try database.linkage.forEachLinkableRow(after: first.last!) { newer.append($0.rowId) }
            #expect(newer == second)
            var none = 0
            try database.linkage.forEachLinkableRow(after: second.last!) { _ in none += 1 }
            #expect(none == 0)
            #expect(throws: Refused.self) { try database.linkage.forEachLinkableRow(after: 0) { _ in throw Refused() } }
        }
    }

    @Test func decodesStoredCellsAndChangesAsAnyJSONWriterWritesThem() throws {
        let cells = ["plain", "quote \" and \\ backslash", "tab\tnew\nline\r", "é€😀", "", "\u{0}\u{1F}", "a/b"]
        #expect(CellsCoding.decode(CellsCoding.encode(cells)) == cells)
        #expect(CellsCoding.decode(String(decoding: try JSONEncoder().encode(cells), as: UTF8.self)) == cells)
        let database = try KithDatabase.inMemory()
        let fromSQLite = try database.writer.read { db in
            try String.fetchOne(db, sql: "SELECT json_array('é€😀', 'x\\y', char(1), '')")
        }
        #expect(CellsCoding.decode(try #require(fromSQLite)) == ["é€😀", "x\\y", "\u{1}", ""])
        #expect(CellsCoding.decode(#" [ "\u00e9\ud83d\ude00" , "\b\f\/" ] "#) == ["é😀", "\u{8}\u{C}/"])
        #expect(CellsCoding.decode("[]") == [] && CellsCoding.decode(#"["unterminated"#) == [] && CellsCoding.decode("[1]") == [])

        #expect(CellsCoding.decodeChanges(#"{"3":"1948-07-05","5":null}"#) == [3: "1948-07-05", 5: String?.none])
        #expect(CellsCoding.decodeChanges(#" { "7" : "x\"y" , "8" : null } "#) == [7: "x\"y", 8: String?.none])
        #expect(CellsCoding.decodeChanges("{}").isEmpty && CellsCoding.decodeChanges(#"{"1":nul}"#).isEmpty)
        var written: [UInt8] = []
        CellsCoding.append(changes: [(position: 0, value: "a\u{2}b"), (position: 12, value: nil)], to: &written)
        #expect(CellsCoding.decodeChanges(String(decoding: written, as: UTF8.self)) == [0: "a\u{2}b", 12: String?.none])
    }

    @Test func aLaterRunMergesAPersonWhoseIdStillResolves() throws {
        try Self.withStore { database in
            let linkage = database.linkage
            let (rows, first) = try Self.firstRun(in: database)
            let newRows = try Self.importRows([["Ann Smith", "01/02/1950"]], source: "Helpline calls", into: database)
            // The new row joins Ann's person, which turns out to be Bob's too.
            let second = try linkage.saveRun(
                Self.run(mode: .incremental, lastSourceRowId: newRows[0]), replacingPairs: false, newPersons: [],
                merges: [(from: "KP-0000002", into: "KP-0000001")], assignments: [(newRows[0], "KP-0000001")],
                pairs: [Self.pair(newRows[0], rows[0], 0.999, .linked), Self.pair(rows[3], rows[1], 0.97, .linked)], snapshot: nil
            )
            let secondId = try #require(second.id)
            #expect(secondId > first.id!)
            #expect(try linkage.runs(limit: 10).map(\.id) == [second.id, first.id])
            #expect(try linkage.runs(limit: 1).map(\.mode) == [.incremental])

            #expect(try linkage.resolvePerson("KP-0000002") == "KP-0000001")
            #expect(try linkage.resolvePerson("KP-0000001") == "KP-0000001")
            #expect(try linkage.resolvePerson("KP-9999999") == nil)
            #expect(try linkage.records(ofPerson: "KP-9999999").isEmpty)
            let merged = try linkage.records(ofPerson: "KP-0000002")
            #expect(merged.map(\.sourceRowId) == rows + newRows)
            #expect(merged == (try linkage.records(ofPerson: "KP-0000001")))
            #expect(Set(try linkage.personAssignments().values) == ["KP-0000001"])
            let person = try database.writer.read { db in try Person.fetchOne(db, key: "KP-0000002") }
            #expect(person?.mergedInto == "KP-0000001" && person?.mergedRunId == secondId && person?.createdRunId == first.id)

            // Pairs are kept and updated, not replaced, by an incremental run; the snapshot stays the first run's.
            let bobPairs = try linkage.pairs(involving: rows[3])
            #expect(bobPairs.count == 1 && bobPairs[0].decision == .linked && bobPairs[0].runId == secondId)
            #expect(try linkage.pairs(involving: rows[0]).count == 3)
            #expect(try linkage.latestSnapshot()?.runId == first.id)

            // A full run replaces every pair and the snapshot.
            let third = try linkage.saveRun(
                Self.run(lastSourceRowId: newRows[0]), replacingPairs: true, newPersons: [], merges: [], assignments: [],
                pairs: [Self.pair(rows[0], rows[2], 0.98, .linked)], snapshot: (format: 2, data: Data([9]))
            )
            #expect(try linkage.pairs(involving: rows[3]).isEmpty)
            #expect(try linkage.pairs(involving: rows[0]).map(\.matchProbability) == [0.98])
            #expect(try linkage.latestSnapshot()?.runId == third.id)
            #expect(try database.writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM linkSnapshot") } == 1)
        }
    }

    @Test func decisionsAreAppendOnlyAndTheLatestWins() throws {
        try Self.withStore { database in
            let linkage = database.linkage
            let (rows, _) = try Self.firstRun(in: database)
            let first = try linkage.recordDecision(
                leftRowId: rows[3], rightRowId: rows[1], verdict: .same, decidedBy: "amira", decidedAt: "2026-11-22T11:00:00Z",
                note: "same NHS number"
            )
            #expect(first.id != nil && first.leftRowId == rows[1] && first.rightRowId == rows[3])
            let other = try linkage.recordDecision(
                leftRowId: rows[0], rightRowId: rows[1], verdict: .different, decidedBy: "amira", decidedAt: "2026-11-22T11:01:00Z", note: nil
            )
            let latest = try linkage.recordDecision(
                leftRowId: rows[1], rightRowId: rows[3], verdict: .different, decidedBy: "joe", decidedAt: "2026-11-22T12:00:00Z",
                note: "different middle names"
            )
            #expect(try linkage.decisions() == [other, latest])

            #expect(throws: DatabaseError.self) {
                try database.writer.write { db in try db.execute(sql: "UPDATE linkDecision SET verdict = 'same'") }
            }
            #expect(throws: DatabaseError.self) {
                try database.writer.write { db in try db.execute(sql: "DELETE FROM linkDecision") }
            }
            #expect(throws: DatabaseError.self) {
                try linkage.recordDecision(leftRowId: rows[0], rightRowId: rows[0], verdict: .same, decidedBy: "joe", decidedAt: "now", note: nil)
            }
            #expect(try database.writer.read { db in try LinkDecision.fetchCount(db) } == 3)
        }
    }

    @Test func theReviewQueueHoldsUndecidedReviewPairsMostLikelyFirst() throws {
        try Self.withStore { database in
            let linkage = database.linkage
            let rows = try Self.importRows((1...6).map { ["Person \($0)", ""] }, source: "School attendance", into: database)
            _ = try linkage.saveRun(
                Self.run(lastSourceRowId: rows[5]), replacingPairs: true, newPersons: [], merges: [], assignments: [],
                pairs: [
                    Self.pair(rows[0], rows[1], 0.6, .review), Self.pair(rows[2], rows[3], 0.9, .review),
                    Self.pair(rows[4], rows[5], 0.75, .review), Self.pair(rows[0], rows[5], 0.99, .linked),
                    Self.pair(rows[1], rows[2], 0.8, .review), Self.pair(rows[3], rows[4], 0.1, .notLinked),
                ],
                snapshot: nil
            )
            let probabilities = { (pairs: [RecordPair]) in pairs.map(\.matchProbability) }
            #expect(try linkage.reviewQueueCount() == 4)
            #expect(probabilities(try linkage.reviewQueue(limit: 10, offset: 0)) == [0.9, 0.8, 0.75, 0.6])
            #expect(probabilities(try linkage.reviewQueue(limit: 2, offset: 1)) == [0.8, 0.75])

            _ = try linkage.recordDecision(
                leftRowId: rows[3], rightRowId: rows[2], verdict: .same, decidedBy: "amira", decidedAt: "t1", note: nil
            )
            _ = try linkage.recordDecision(
                leftRowId: rows[4], rightRowId: rows[5], verdict: .different, decidedBy: "amira", decidedAt: "t2", note: nil
            )
            #expect(try linkage.reviewQueueCount() == 2)
            #expect(probabilities(try linkage.reviewQueue(limit: 10, offset: 0)) == [0.8, 0.6])
        }
    }

    @Test func aReviewQueueEntryHoldsThePairAtItsPlaceWithItsRowsColumnsAndPersons() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kith-linkage-\(UUID().uuidString).sqlite").path
        defer {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        let database = try KithDatabase.open(path: path)
        let linkage = database.linkage
        let (rows, _) = try Self.firstRun(in: database)

        let entry = try await linkage.reviewQueueEntry(at: 0)
        #expect(entry.waiting == 1)
        #expect(entry.pair == (try linkage.reviewQueue(limit: 1, offset: 0).first))
        #expect(entry.rows == (try linkage.linkableRows(ids: [rows[1], rows[3]])))
        #expect(entry.columns == (try linkage.linkableColumns()))
        #expect(entry.personIDs == ["KP-0000002", "KP-0000002"])

        _ = try linkage.recordDecision(leftRowId: rows[1], rightRowId: rows[3], verdict: .same, decidedBy: "amira", decidedAt: "t1", note: nil)
        _ = try linkage.recordDecision(leftRowId: rows[1], rightRowId: rows[3], verdict: .different, decidedBy: "joe", decidedAt: "t2", note: nil)
        let done = try await linkage.reviewQueueEntry(at: 0)
        #expect(done.waiting == 0 && done.pair == nil && done.rows.isEmpty && done.personIDs.isEmpty)
        #expect(done.decided == (try linkage.decisions().count), "a pair decided twice counts once")
    }

    @Test func aSaveThatFailsStoresNothing() throws {
        try Self.withStore { database in
            let linkage = database.linkage
            let (rows, first) = try Self.firstRun(in: database)
            let assignments = try linkage.personAssignments()
            let pairs = try linkage.pairs(involving: rows[0])
            let failures: [() throws -> LinkRun] = [
                // The last assignment names a person who does not exist.
                {
                    try linkage.saveRun(
                        Self.run(lastSourceRowId: rows[3]), replacingPairs: true, newPersons: [Person(id: "KP-0000003")],
                        merges: [(from: "KP-0000002", into: "KP-0000001")],
                        assignments: [(rows[1], "KP-0000003"), (rows[3], "KP-0000404")], pairs: [Self.pair(rows[0], rows[3], 0.5, .review)],
                        snapshot: (format: 1, data: Data([7]))
                    )
                },
                // A merge of a person who does not exist.
                {
                    try linkage.saveRun(
                        Self.run(lastSourceRowId: rows[3]), replacingPairs: true, newPersons: [Person(id: "KP-0000003")],
                        merges: [(from: "KP-0000404", into: "KP-0000001")], assignments: [(rows[1], "KP-0000003")], pairs: [],
                        snapshot: (format: 1, data: Data([7]))
                    )
                },
                // The last pair is a row paired with itself.
                {
                    try linkage.saveRun(
                        Self.run(lastSourceRowId: rows[3]), replacingPairs: true, newPersons: [Person(id: "KP-0000003")], merges: [],
                        assignments: [(rows[1], "KP-0000003")],
                        pairs: [Self.pair(rows[0], rows[3], 0.5, .review), Self.pair(rows[2], rows[2], 1, .linked)],
                        snapshot: (format: 1, data: Data([7]))
                    )
                },
            ]
            for failure in failures {
                #expect(throws: DatabaseError.self) { try failure() }
                #expect(try linkage.runs(limit: 10) == [first])
                #expect(try linkage.personAssignments() == assignments)
                #expect(try linkage.resolvePerson("KP-0000002") == "KP-0000002")
                #expect(try linkage.resolvePerson("KP-0000003") == nil)
                #expect(try linkage.pairs(involving: rows[0]) == pairs)
                #expect(try linkage.latestSnapshot()?.data == Data([1, 2, 3]))
            }
        }
    }
    @Test func migratingKeepsEveryPairAndKeysThemOnTheLaterRowFirst() throws {
        // A store made before v9, with pairs in it: after migrating, the same pairs, keyed (later row, earlier row)
        // so that an incremental run's pairs append, and still found from either row.
        let queue = try DatabaseQueue()
        try KithDatabase.migrator.migrate(queue, upTo: "v8: contact lists read in person id order")
        let before: [[any DatabaseValueConvertible]] = [
            [1, 9, 1, 0.99, 7.5, "linked", #"{"reason":null,"fields":[]}"#],
            [2, 3, 1, 0.6, 1.5, "review", #"{"reason":"a \"quote\"","fields":[]}"#],
            [3, 9, 1, 0.02, -3.0, "notLinked", "{}"],
        ]
        try queue.write { db in
            for row in before {
                try db.execute(sql: "INSERT INTO recordPair VALUES (?, ?, ?, ?, ?, ?, ?)", arguments: StatementArguments(row))
            }
        }
        try KithDatabase.migrator.migrate(queue)
        try queue.read { db in
            let after = try Row.fetchAll(db, sql: "SELECT * FROM recordPair ORDER BY leftRowId, rightRowId").map { row in
                Array(row.databaseValues.map(\.description))
            }
            #expect(after == before.map { $0.map(\.databaseValue.description) })
            let key = try Row.fetchAll(db, sql: "SELECT name FROM pragma_table_info('recordPair') WHERE pk > 0 ORDER BY pk")
                .map { $0["name"] as String }
            #expect(key == ["rightRowId", "leftRowId"])
            let indexes = try String.fetchAll(db, sql: "SELECT name FROM pragma_index_list('recordPair') WHERE origin = 'c' ORDER BY name")
            #expect(indexes == ["recordPair_on_decision", "recordPair_on_leftRowId"])
            let plan = try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN SELECT * FROM recordPair WHERE leftRowId = 3 OR rightRowId = 3")
                .map { $0["detail"] as String }.joined(separator: "; ")
            #expect(!plan.contains("SCAN recordPair"), "\(plan)")
        }
    }
}
