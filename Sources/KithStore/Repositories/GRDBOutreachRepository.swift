import Foundation
import GRDB

/// ``OutreachRepository`` over Kith's SQLite store.
struct GRDBOutreachRepository: OutreachRepository {
    let writer: any DatabaseWriter

    func saveScoreRun(
        _ run: ScoreRun, persons: [PersonScore], households: [HouseholdScore], audit: (ScoreRun) -> AuditNote
    ) throws -> ScoreRun {
        try writer.write { db in
            var run = run
            run.id = nil
            try run.insert(db)
            let runId = run.id!
            // Prepared once: a million scores go in in seconds, not minutes.
            let person = try db.makeStatement(
                sql: """
                    INSERT INTO personScore (runId, personId, householdId, cohort, age, score, band, reasons, action, area, school, schoolURN)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """
            )
            for score in persons {
                try person.execute(
                    arguments: [
                        runId, score.personId, score.householdId, score.cohort, score.age, score.score, score.band, score.reasons, score.action,
                        score.area, score.school, score.schoolURN,
                    ]
                )
            }
            let household = try db.makeStatement(
                sql: "INSERT INTO householdScore (runId, householdId, memberCount, score, band, reasons) VALUES (?, ?, ?, ?, ?, ?)"
            )
            for score in households {
                try household.execute(arguments: [runId, score.householdId, score.memberCount, score.score, score.band, score.reasons])
            }
            try GRDBAuditRepository.insert(audit(run), in: db)
            return run
        }
    }

    func personScores(inRun runId: Int64, personIds: [String]) throws -> [String: PersonScore] {
        try writer.read { db in
            let list = SQLList.json(personIds)
            let scores = try PersonScore.fetchAll(
                db, sql: "SELECT * FROM personScore WHERE runId = ? AND personId IN (SELECT value FROM json_each(?))", arguments: [runId, list]
            )
            return Dictionary(scores.map { ($0.personId, $0) }) { first, _ in first }
        }
    }

    func bands(inRun runId: Int64) throws -> [String: String] {
        try writer.read { db in
            var bands: [String: String] = [:]
            let rows = try Row.fetchCursor(db, sql: "SELECT personId, band FROM personScore WHERE runId = ?", arguments: [runId])
            while let row = try rows.next() { bands[row[0]] = row[1] }
            return bands
        }
    }

    func scoreRuns(limit: Int) throws -> [ScoreRun] {
        // Every page asks for the latest run: the statement is prepared once per connection, not per request.
        try writer.read { db in try ScoreRun.fetchAll(db.cachedStatement(sql: "SELECT * FROM scoreRun ORDER BY id DESC LIMIT ?"), arguments: [limit])
        }
    }

    func latestScoreRun() async throws -> ScoreRun? {
        try await writer.readAwaiting { db in try ScoreRun.order(Column("id").desc).fetchOne(db) }
    }

    func bandCounts(inRun runId: Int64) async throws -> [String: Int] {
        try await writer.readAwaiting { db in
            let rows = try Row.fetchAll(
                db, sql: "SELECT band, COUNT(*) AS persons FROM personScore WHERE runId = ? GROUP BY band", arguments: [runId]
            )
            return Dictionary(uniqueKeysWithValues: rows.map { (row: Row) in (row["band"] as String, row["persons"] as Int) })
        }
    }

    func personScores(inRun runId: Int64) throws -> [PersonScore] {
        try writer.read { db in try PersonScore.filter(Column("runId") == runId).fetchAll(db) }
    }

    func personScore(inRun runId: Int64, personId: String) throws -> PersonScore? {
        try writer.read { db in
            try PersonScore.fetchOne(
                db.cachedStatement(sql: "SELECT * FROM personScore WHERE runId = ? AND personId = ?"), arguments: [runId, personId]
            )
        }
    }

    func scoreHistory(ofPerson personId: String, limit: Int) throws -> [(run: ScoreRun, score: PersonScore)] {
        try writer.read { db in try Self.scoreHistory(ofPerson: personId, limit: limit, in: db) }
    }

    func recentScores(ofPerson personId: String, limit: Int) async throws -> [(run: ScoreRun, score: PersonScore)] {
        try await writer.readAwaiting { db in try Self.scoreHistory(ofPerson: personId, limit: limit, in: db) }
    }

    private static func scoreHistory(ofPerson personId: String, limit: Int, in db: Database) throws -> [(run: ScoreRun, score: PersonScore)] {
        let scores = try PersonScore.fetchAll(
            db.cachedStatement(sql: "SELECT * FROM personScore WHERE personId = ? ORDER BY runId DESC LIMIT ?"), arguments: [personId, limit]
        )
        let runs = Dictionary(
            uniqueKeysWithValues: try ScoreRun.filter(keys: scores.map(\.runId)).fetchAll(db).compactMap { run in run.id.map { ($0, run) } }
        )
        return scores.compactMap { score in runs[score.runId].map { ($0, score) } }
    }

    func householdScores(inRun runId: Int64) throws -> [HouseholdScore] {
        try writer.read { db in try HouseholdScore.filter(Column("runId") == runId).fetchAll(db) }
    }

    func householdScore(inRun runId: Int64, householdId: String) throws -> HouseholdScore? {
        try writer.read { db in try HouseholdScore.fetchOne(db, key: ["runId": runId, "householdId": householdId]) }
    }

    func personScores(inRun runId: Int64, householdId: String) throws -> [PersonScore] {
        try writer.read { db in
            // Without the hint SQLite walks the whole run in key order rather than sort a household's few members.
            try PersonScore.fetchAll(
                db,
                sql: """
                    SELECT * FROM personScore INDEXED BY personScore_on_runId_householdId WHERE runId = ? AND householdId = ?
                    ORDER BY personId
                    """,
                arguments: [runId, householdId]
            )
        }
    }

    func recordContact(_ contact: ContactRecord, audit: AuditNote) throws -> ContactRecord {
        try writer.write { db in
            var contact = contact
            try contact.insert(db)
            try GRDBAuditRepository.insert(audit, in: db)
            return contact
        }
    }

    func contacts() throws -> [ContactRecord] {
        try writer.read { db in try ContactRecord.order(Column("id")).fetchAll(db) }
    }

    func latestContactID() throws -> Int64? {
        try writer.read { db in try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM contact") }
    }

    func contacts(ofPersons personIds: [String]) throws -> [ContactRecord] {
        try writer.read { db in try ContactRecord.filter(personIds.contains(Column("personId"))).order(Column("id")).fetchAll(db) }
    }

    func personMerges() throws -> [String: String] {
        try writer.read { db in
            var merges: [String: String] = [:]
            let rows = try Row.fetchCursor(db, sql: "SELECT id, mergedInto FROM person WHERE mergedInto IS NOT NULL")
            while let row = try rows.next() { merges[row[0]] = row[1] }
            return merges
        }
    }
}
