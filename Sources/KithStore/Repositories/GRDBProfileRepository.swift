import Foundation
import GRDB

/// ``ProfileRepository`` over Kith's SQLite store.
struct GRDBProfileRepository: ProfileRepository {
    let writer: any DatabaseWriter

    func state() throws -> ProfileState? {
        try writer.read { db in
            try Row.fetchOne(db, sql: "SELECT linkRunId, importId, contactId FROM profileState WHERE id = 1").map { row in
                ProfileState(linkRunId: row[0], importId: row[1], contactId: row[2])
            }
        }
    }

    func currentSources() throws -> ProfileState {
        try writer.read { db in
            ProfileState(
                linkRunId: try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM linkRun"),
                importId: try Int64.fetchOne(
                    db, sql: "SELECT MAX(id) FROM fileImport WHERE status = ?", arguments: [FileImport.Status.complete.rawValue]),
                contactId: try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM contact")
            )
        }
    }

    func personIDsWithRows() throws -> [String] {
        try writer.read { db in try String.fetchAll(db, sql: "SELECT DISTINCT personId FROM personRecord ORDER BY personId") }
    }

    func rows(ofPersons personIds: [String]) throws -> [String: [LinkableRow]] {
        try writer.read { db in
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT personRecord.personId, sourceRow.id, sourceRow.importId, sourceRow.rowNumber, sourceRow.cells, sourceRow.normalised,
                        source.name
                    FROM personRecord JOIN sourceRow ON sourceRow.id = personRecord.sourceRowId
                        JOIN fileImport ON fileImport.id = sourceRow.importId JOIN source ON source.id = fileImport.sourceId
                    WHERE fileImport.status = ? AND personRecord.personId IN (SELECT value FROM json_each(?))
                    ORDER BY personRecord.personId, sourceRow.id
                    """,
                arguments: [FileImport.Status.complete.rawValue, SQLList.json(personIds)]
            )
            var byPerson: [String: [LinkableRow]] = [:]
            while let row = try rows.next() {
                let normalised: String? = row[5]
                byPerson[row[0], default: []].append(
                    LinkableRow(
                        rowId: row[1], importId: row[2], sourceName: row[6], rowNumber: row[3], cells: CellsCoding.decode(row[4]),
                        normalised: normalised.map(CellsCoding.decodeChanges) ?? [:]
                    )
                )
            }
            return byPerson
        }
    }

    func personsChanged(sinceLinkRun linkRunId: Int64?) throws -> Set<String> {
        try writer.read { db in
            var changed = Set(try String.fetchAll(db, sql: "SELECT DISTINCT personId FROM personRecord WHERE runId > ?", arguments: [linkRunId ?? 0]))
            // Rows lost (to a merge or to another person) show as a count that no longer matches the profile's.
            let counts = try Row.fetchCursor(
                db,
                sql: """
                    SELECT personProfile.personId FROM personProfile
                    LEFT JOIN (SELECT personId, COUNT(*) AS n FROM personRecord GROUP BY personId) AS counted
                        ON counted.personId = personProfile.personId
                    WHERE counted.n IS NOT personProfile.rowCount
                    """
            )
            while let row = try counts.next() { changed.insert(row[0]) }
            return changed
        }
    }

    func personsOnListsSuperseded(sinceImport importId: Int64?) throws -> Set<String> {
        try writer.read { db in
            Set(
                try String.fetchAll(
                    db,
                    sql: """
                        WITH superseded AS (
                            SELECT MAX(old.id) AS id FROM fileImport AS old
                            WHERE old.status = ?1 AND old.id <= ?2 AND EXISTS (
                                SELECT 1 FROM fileImport AS newer WHERE newer.sourceId = old.sourceId AND newer.status = ?1 AND newer.id > ?2
                            )
                            GROUP BY old.sourceId
                        )
                        SELECT DISTINCT personRecord.personId FROM sourceRow JOIN personRecord ON personRecord.sourceRowId = sourceRow.id
                        WHERE sourceRow.importId IN (SELECT id FROM superseded)
                        """,
                    arguments: [FileImport.Status.complete.rawValue, importId ?? 0]
                )
            )
        }
    }

    func personsContacted(sinceContact contactId: Int64?) throws -> Set<String> {
        try writer.read { db in
            Set(try String.fetchAll(db, sql: "SELECT DISTINCT personId FROM contact WHERE id > ?", arguments: [contactId ?? 0]))
        }
    }

    func unlinkedRowCount() throws -> Int {
        try writer.read { db in
            try Int.fetchOne(
                db,
                sql: """
                    SELECT COUNT(*) FROM sourceRow JOIN fileImport ON fileImport.id = sourceRow.importId
                    WHERE fileImport.status = ? AND NOT EXISTS (SELECT 1 FROM personRecord WHERE personRecord.sourceRowId = sourceRow.id)
                    """,
                arguments: [FileImport.Status.complete.rawValue]
            ) ?? 0
        }
    }

    func save(_ profiles: [StoredProfile], removing: [String], state: ProfileState?) throws {
        try writer.write { db in
            let delete = try db.makeStatement(sql: "DELETE FROM personProfile WHERE personId = ?")
            for personId in removing { try delete.execute(arguments: [personId]) }
            let insert = try db.makeStatement(
                sql: """
                    INSERT OR REPLACE INTO personProfile (personId, onLatestList, hasOwnArea, area, areaFromSchool, school, schoolURN, schoolKey,
                        lastContactDay, latestDay, isDeceased, doNotContact, hasMoved, rowCount, data, postcode)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """
            )
            for profile in profiles {
                try insert.execute(
                    arguments: [
                        profile.personId, profile.onLatestList, profile.hasOwnArea, profile.area, profile.areaFromSchool, profile.school,
                        profile.schoolURN, profile.schoolKey, profile.lastContactDay, profile.latestDay, profile.isDeceased, profile.doNotContact,
                        profile.hasMoved, profile.rowCount, profile.data, profile.postcode,
                    ]
                )
            }
            if let state {
                try db.execute(
                    sql: "INSERT OR REPLACE INTO profileState (id, linkRunId, importId, contactId) VALUES (1, ?, ?, ?)",
                    arguments: [state.linkRunId, state.importId, state.contactId]
                )
            }
        }
    }

    func removeAll() throws {
        try writer.write { db in
            try db.execute(sql: "DELETE FROM personProfile")
            try db.execute(sql: "DELETE FROM profileState")
        }
    }

    func schoolAreaCounts() throws -> [String: [String: Int]] {
        try writer.read { db in
            var counts: [String: [String: Int]] = [:]
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT schoolKey, area, COUNT(*) FROM personProfile
                    WHERE onLatestList = 1 AND hasOwnArea = 1 AND schoolKey IS NOT NULL AND area IS NOT NULL
                    GROUP BY schoolKey, area
                    """
            )
            while let row = try rows.next() { counts[row[0], default: [:]][row[1]] = row[2] }
            return counts
        }
    }

    func profilesWithoutOwnArea() throws -> [(personId: String, schoolKey: String?, area: String?, fromSchool: Bool)] {
        try writer.read { db in
            try Row.fetchAll(db, sql: "SELECT personId, schoolKey, area, areaFromSchool FROM personProfile WHERE hasOwnArea = 0").map { row in
                (row[0], row[1], row[2], row[3])
            }
        }
    }

    func place(_ areas: [(personId: String, area: String, fromSchool: Bool)]) throws {
        try writer.write { db in
            let update = try db.makeStatement(sql: "UPDATE personProfile SET area = ?, areaFromSchool = ? WHERE personId = ?")
            for placed in areas { try update.execute(arguments: [placed.area, placed.fromSchool, placed.personId]) }
        }
    }

    private static let columns = """
        personId, onLatestList, hasOwnArea, area, areaFromSchool, school, schoolURN, schoolKey, lastContactDay, latestDay, isDeceased,
        doNotContact, hasMoved, rowCount, data, postcode
        """

    private static func profile(_ row: Row) -> StoredProfile {
        StoredProfile(
            personId: row[0], onLatestList: row[1], hasOwnArea: row[2], area: row[3], areaFromSchool: row[4], school: row[5], schoolURN: row[6],
            schoolKey: row[7], lastContactDay: row[8], latestDay: row[9], isDeceased: row[10], doNotContact: row[11], hasMoved: row[12],
            rowCount: row[13], data: row[14], postcode: row[15]
        )
    }

    func profiles(of personIds: [String]) throws -> [StoredProfile] {
        try writer.read { db in
            try Row.fetchAll(
                db, sql: "SELECT \(Self.columns) FROM personProfile WHERE personId IN (SELECT value FROM json_each(?))",
                arguments: [SQLList.json(personIds)]
            ).map(Self.profile)
        }
    }

    func forEachProfile(onLatestListOnly: Bool, _ body: (StoredProfile) throws -> Void) throws {
        try writer.read { db in
            let rows = try Row.fetchCursor(
                db, sql: "SELECT \(Self.columns) FROM personProfile" + (onLatestListOnly ? " WHERE onLatestList = 1" : "") + " ORDER BY personId"
            )
            while let row = try rows.next() { try body(Self.profile(row)) }
        }
    }

    func outreachCandidates(inRun runId: Int64, _ query: OutreachQuery) throws -> [OutreachCandidate] {
        var conditions = ["personScore.runId = ?", "personProfile.onLatestList = 1"]
        var arguments: [(any DatabaseValueConvertible)?] = [runId]
        if let area = query.area {
            conditions.append("personProfile.area = ? COLLATE NOCASE")
            arguments.append(area)
        }
        if let school = query.school {
            conditions.append("(personProfile.schoolURN = ? OR instr(lower(personProfile.school), lower(?)) > 0)")
            arguments.append(contentsOf: [school, school])
        }
        if !query.bands.isEmpty {
            conditions.append("personScore.band IN (" + query.bands.map { _ in "?" }.joined(separator: ", ") + ")")
            arguments.append(contentsOf: query.bands)
        }
        if let cohort = query.cohort {
            conditions.append("personScore.cohort = ?")
            arguments.append(cohort)
        }
        // An area or school narrows the profiles first; otherwise the run's scores lead.
        let from =
            query.area != nil || query.school != nil
            ? "personProfile CROSS JOIN personScore ON personScore.runId = ? AND personScore.personId = personProfile.personId"
            : "personScore JOIN personProfile ON personProfile.personId = personScore.personId"
        if query.area != nil || query.school != nil { arguments.insert(runId, at: 0) }
        return try writer.read { db in
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT personScore.personId, personScore.band, personScore.score, personProfile.lastContactDay, personProfile.latestDay,
                        personProfile.isDeceased, personProfile.doNotContact, personProfile.hasMoved
                    FROM \(from) WHERE \(conditions.joined(separator: " AND "))
                    """,
                arguments: StatementArguments(arguments)
            )
            var found: [OutreachCandidate] = []
            while let row = try rows.next() {
                found.append(
                    OutreachCandidate(
                        personId: row[0], band: row[1], score: row[2], lastContactDay: row[3], latestDay: row[4], isDeceased: row[5],
                        doNotContact: row[6], hasMoved: row[7]
                    )
                )
            }
            return found
        }
    }

    func unscoredCount(inRun runId: Int64) throws -> Int {
        try writer.read { db in
            try Int.fetchOne(
                db,
                sql: """
                    SELECT COUNT(*) FROM personProfile WHERE onLatestList = 1
                    AND NOT EXISTS (SELECT 1 FROM personScore WHERE personScore.runId = ? AND personScore.personId = personProfile.personId)
                    """,
                arguments: [runId]
            ) ?? 0
        }
    }

    func forEachListedProfile(inRun runId: Int64, personIds: [String]?, _ body: (ListedProfile) throws -> Void) throws -> ProfileState? {
        // Two cursors side by side, both in person id order (the scores' primary key, `personProfile_for_lists`),
        // merged here: SQLite would otherwise look every profile up one by one.
        let only = personIds == nil ? "" : " AND personId IN (SELECT value FROM json_each(?))"
        let ids: String? = personIds.map(SQLList.json)
        return try writer.read { db in
            let state = try Row.fetchOne(db, sql: "SELECT linkRunId, importId, contactId FROM profileState WHERE id = 1").map { row in
                ProfileState(linkRunId: row[0], importId: row[1], contactId: row[2])
            }
            let scores = try Row.fetchCursor(
                db, sql: "SELECT personId, band, score, cohort FROM personScore WHERE runId = ?" + only + " ORDER BY personId",
                arguments: StatementArguments([runId] + (ids.map { [$0] } ?? []))
            )
            let profiles = try Row.fetchCursor(
                db,
                sql: """
                    SELECT personId, area, school, schoolURN, lastContactDay, latestDay, isDeceased, doNotContact, hasMoved
                    FROM personProfile WHERE onLatestList = 1
                    """ + only + " ORDER BY personId",
                arguments: StatementArguments(ids.map { [$0] } ?? [])
            )
            var score: (personId: String, band: String, score: Int, cohort: String)?
            func nextScore() throws {
                score = try scores.next().map { row in (row[0], row[1], row[2], row[3]) }
            }
            try nextScore()
            while let row = try profiles.next() {
                let personId: String = row[0]
                while let current = score, current.personId.utf8.lexicographicallyPrecedes(personId.utf8) { try nextScore() }
                let scored = score?.personId == personId ? score : nil
                try body(
                    ListedProfile(
                        personId: personId, area: row[1], school: row[2], schoolURN: row[3], lastContactDay: row[4], latestDay: row[5],
                        isDeceased: row[6], doNotContact: row[7], hasMoved: row[8], band: scored?.band, score: scored?.score, cohort: scored?.cohort
                    )
                )
            }
            return state
        }
    }

    func areasAndSchools(among personIds: Set<String>?) throws -> (areas: [String], schools: [String]) {
        try writer.read { db in
            guard let personIds else {
                return (
                    try String.fetchAll(db, sql: "SELECT DISTINCT area FROM personProfile WHERE onLatestList = 1 AND area IS NOT NULL").sorted(),
                    try String.fetchAll(db, sql: "SELECT DISTINCT school FROM personProfile WHERE onLatestList = 1 AND school IS NOT NULL").sorted()
                )
            }
            var areas: Set<String> = []
            var schools: Set<String> = []
            let rows = try Row.fetchCursor(
                db, sql: "SELECT area, school FROM personProfile WHERE onLatestList = 1 AND personId IN (SELECT value FROM json_each(?))",
                arguments: [SQLList.json(Array(personIds))]
            )
            while let row = try rows.next() {
                if let area: String = row[0] { areas.insert(area) }
                if let school: String = row[1] { schools.insert(school) }
            }
            return (areas.sorted(), schools.sorted())
        }
    }
}
