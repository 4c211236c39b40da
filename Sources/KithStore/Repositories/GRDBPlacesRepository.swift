import Foundation
import GRDB

/// ``PlacesRepository`` over Kith's SQLite store.
struct GRDBPlacesRepository: PlacesRepository {
    let writer: any DatabaseWriter

    func saveAreas(_ areas: [AreaRecord], audit: AuditNote) throws {
        try writer.write { db in
            for area in areas { try area.save(db) }
            try GRDBAuditRepository.insert(audit, in: db)
        }
    }

    func areas(level: String?, withGeometry: Bool) throws -> [AreaRecord] {
        try writer.read { db in
            let columns = "code, name, level, parentCode, " + (withGeometry ? "geometry" : "NULL AS geometry")
            if let level {
                return try AreaRecord.fetchAll(db, sql: "SELECT \(columns) FROM area WHERE level = ? ORDER BY code", arguments: [level])
            }
            return try AreaRecord.fetchAll(db, sql: "SELECT \(columns) FROM area ORDER BY level, code")
        }
    }

    func area(code: String) throws -> AreaRecord? {
        try writer.read { db in try AreaRecord.fetchOne(db, key: code) }
    }

    func areaLevels() throws -> [(level: String, areas: Int)] {
        try writer.read { db in
            try Row.fetchAll(db, sql: "SELECT level, COUNT(*) FROM area GROUP BY level ORDER BY level").map { ($0[0], $0[1]) }
        }
    }

    func savePostcodeAreas(_ entries: [PostcodeAreaRecord], centroids: [PostcodeCentroidRecord], audit: AuditNote) throws {
        try writer.write { db in
            let insert = try db.makeStatement(sql: "INSERT OR REPLACE INTO postcodeArea (postcode, level, areaCode) VALUES (?, ?, ?)")
            for entry in entries { try insert.execute(arguments: [entry.postcode, entry.level, entry.areaCode]) }
            for centroid in centroids { try centroid.save(db) }
            if !centroids.isEmpty {
                // The directory measures distances from these centroids: its readers must read them again.
                try db.execute(sql: "UPDATE directoryRevision SET revision = revision + 1 WHERE id = 1")
            }
            try GRDBAuditRepository.insert(audit, in: db)
        }
    }

    func mainArea(ofDistrict district: String, level: String) throws -> String? {
        try writer.read { db in
            try String.fetchOne(
                db,
                sql: """
                    SELECT areaCode FROM postcodeArea WHERE level = ? AND postcode LIKE ? ESCAPE '\\'
                    GROUP BY areaCode ORDER BY COUNT(*) DESC, areaCode LIMIT 1
                    """,
                arguments: [level, district.replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_") + " %"])
        }
    }

    func postcodeAreas(level: String) throws -> [String: String] {
        try writer.read { db in
            var lookup: [String: String] = [:]
            let rows = try Row.fetchCursor(db, sql: "SELECT postcode, areaCode FROM postcodeArea WHERE level = ?", arguments: [level])
            while let row = try rows.next() { lookup[row[0]] = row[1] }
            return lookup
        }
    }

    func postcodeLevels() throws -> [(level: String, postcodes: Int)] {
        try writer.read { db in
            try Row.fetchAll(db, sql: "SELECT level, COUNT(*) FROM postcodeArea GROUP BY level ORDER BY level").map { ($0[0], $0[1]) }
        }
    }

    func saveIndicators(_ indicators: [IndicatorRecord], values: [IndicatorValueRecord], audit: AuditNote) throws {
        try writer.write { db in
            let forget = try db.makeStatement(sql: "DELETE FROM indicatorValue WHERE indicatorId = ?")
            for indicator in indicators {
                try indicator.save(db)
                try forget.execute(arguments: [indicator.id])
            }
            let insert = try db.makeStatement(
                sql: "INSERT OR REPLACE INTO indicatorValue (indicatorId, areaCode, value, denominator) VALUES (?, ?, ?, ?)"
            )
            for value in values { try insert.execute(arguments: [value.indicatorId, value.areaCode, value.value, value.denominator]) }
            try GRDBAuditRepository.insert(audit, in: db)
        }
    }

    func indicators(project: String?) throws -> [IndicatorRecord] {
        try writer.read { db in
            if let project {
                return try IndicatorRecord.filter(Column("project") == project).order(Column("domain"), Column("id")).fetchAll(db)
            }
            return try IndicatorRecord.filter(Column("project") == nil).order(Column("domain"), Column("id")).fetchAll(db)
        }
    }

    func allIndicators() throws -> [IndicatorRecord] {
        try writer.read { db in try IndicatorRecord.order(Column("project"), Column("domain"), Column("id")).fetchAll(db) }
    }

    func indicatorValues(of indicatorIds: [String]) throws -> [IndicatorValueRecord] {
        try writer.read { db in
            try IndicatorValueRecord.fetchAll(
                db,
                sql: """
                    SELECT indicatorId, areaCode, value, denominator FROM indicatorValue
                    WHERE indicatorId IN (SELECT value FROM json_each(?)) ORDER BY indicatorId, areaCode
                    """,
                arguments: [SQLList.json(indicatorIds)]
            )
        }
    }

    func revision() throws -> String {
        try writer.read { db in
            // Each part is a lookup at one end of an index (a rowid, or the audit trail's action index).
            try String.fetchOne(
                db,
                sql: """
                    SELECT (SELECT IFNULL(MAX(id), 0) FROM fileImport) || '-' || (SELECT IFNULL(MAX(id), 0) FROM linkRun)
                        || '-' || (SELECT IFNULL(MAX(id), 0) FROM scoreRun) || '-' || (SELECT IFNULL(MAX(id), 0) FROM contact)
                        || '-' || (SELECT IFNULL(MAX(id), 0) FROM helpRequest) || '-' || (SELECT IFNULL(MAX(referredAt), '') FROM referral)
                        || '-' || (SELECT IFNULL(MAX(id), 0) FROM auditEvent WHERE action = 'import-places')
                        || '-' || IFNULL((SELECT linkRunId || ':' || importId || ':' || contactId FROM profileState WHERE id = 1), 'none')
                    """
            ) ?? ""
        }
    }

    // MARK: - Community insights projects

    func saveProject(_ project: InsightProjectRecord, audit: AuditNote) throws {
        try writer.write { db in
            try project.save(db)
            try GRDBAuditRepository.insert(audit, in: db)
        }
    }

    func projects() throws -> [InsightProjectRecord] {
        try writer.read { db in try InsightProjectRecord.order(Column("name")).fetchAll(db) }
    }

    func project(named name: String) throws -> InsightProjectRecord? {
        try writer.read { db in try InsightProjectRecord.fetchOne(db, key: name) }
    }

    func saveContribution(
        _ contributions: [InsightContributionRecord], indicators: [IndicatorRecord], values: [IndicatorValueRecord], audit: AuditNote
    ) throws {
        try writer.write { db in
            let forget = try db.makeStatement(sql: "DELETE FROM indicatorValue WHERE indicatorId = ?")
            for indicator in indicators {
                try indicator.save(db)
                try forget.execute(arguments: [indicator.id])
            }
            for contribution in contributions { try contribution.save(db) }
            let insert = try db.makeStatement(
                sql: "INSERT OR REPLACE INTO indicatorValue (indicatorId, areaCode, value, denominator) VALUES (?, ?, ?, ?)")
            for value in values { try insert.execute(arguments: [value.indicatorId, value.areaCode, value.value, value.denominator]) }
            try GRDBAuditRepository.insert(audit, in: db)
        }
    }

    func contributions(toProject name: String) throws -> [InsightContributionRecord] {
        try writer.read { db in
            try InsightContributionRecord.filter(Column("project") == name).order(Column("measure"), Column("contributor")).fetchAll(db)
        }
    }

    // MARK: - Counting by area

    func personsByArea(level: String) throws -> [String: Int] {
        try counts(
            sql: """
                SELECT postcodeArea.areaCode, COUNT(*) FROM personProfile
                JOIN postcodeArea ON postcodeArea.postcode = personProfile.postcode AND postcodeArea.level = ?
                WHERE personProfile.onLatestList = 1
                GROUP BY postcodeArea.areaCode
                """,
            arguments: [level]
        )
    }

    func bandsByArea(level: String, runId: Int64) throws -> [(area: String, cohort: String, band: String, persons: Int)] {
        try writer.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT postcodeArea.areaCode, personScore.cohort, personScore.band, COUNT(*) FROM personScore
                    JOIN personProfile ON personProfile.personId = personScore.personId AND personProfile.onLatestList = 1
                    JOIN postcodeArea ON postcodeArea.postcode = personProfile.postcode AND postcodeArea.level = ?
                    WHERE personScore.runId = ?
                    GROUP BY postcodeArea.areaCode, personScore.cohort, personScore.band
                    """,
                arguments: [level, runId]
            ).map { ($0[0], $0[1], $0[2], $0[3]) }
        }
    }

    func factorsByArea(level: String, runId: Int64, factors: [String]) throws -> [(area: String, factor: String, persons: Int)] {
        try writer.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT postcodeArea.areaCode, json_extract(reason.value, '$.factor') AS factor, COUNT(DISTINCT personScore.personId)
                    FROM personScore
                    JOIN personProfile ON personProfile.personId = personScore.personId AND personProfile.onLatestList = 1
                    JOIN postcodeArea ON postcodeArea.postcode = personProfile.postcode AND postcodeArea.level = ?
                    JOIN json_each(personScore.reasons) AS reason
                    WHERE personScore.runId = ? AND json_extract(reason.value, '$.throughHousehold') = 0
                        AND factor IN (SELECT value FROM json_each(?))
                    GROUP BY postcodeArea.areaCode, factor
                    """,
                arguments: [level, runId, SQLList.json(factors)]
            ).map { ($0[0], $0[1], $0[2]) }
        }
    }

    func helpRequestsByArea(level: String, from: String, to: String) throws -> [String: Int] {
        try counts(
            sql: """
                SELECT postcodeArea.areaCode, COUNT(*) FROM helpRequest
                JOIN postcodeArea ON postcodeArea.postcode = helpRequest.postcode AND postcodeArea.level = ?
                WHERE helpRequest.createdAt >= ? AND helpRequest.createdAt < ?
                GROUP BY postcodeArea.areaCode
                """,
            arguments: [level, from, to]
        )
    }

    func helpRequestLanguagesByArea(level: String) throws -> [(area: String, language: String, requests: Int)] {
        try writer.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT postcodeArea.areaCode, helpRequest.language, COUNT(*) FROM helpRequest
                    JOIN postcodeArea ON postcodeArea.postcode = helpRequest.postcode AND postcodeArea.level = ?
                    WHERE helpRequest.language IS NOT NULL AND helpRequest.language != ''
                    GROUP BY postcodeArea.areaCode, helpRequest.language
                    """,
                arguments: [level]
            ).map { ($0[0], $0[1], $0[2]) }
        }
    }

    func contactsByArea(level: String, from: String, to: String) throws -> [String: Int] {
        try counts(
            sql: """
                SELECT postcodeArea.areaCode, COUNT(*) FROM contact
                JOIN person ON person.id = contact.personId
                JOIN personProfile ON personProfile.personId = COALESCE(person.mergedInto, person.id)
                JOIN postcodeArea ON postcodeArea.postcode = personProfile.postcode AND postcodeArea.level = ?
                WHERE contact.contactedOn >= ? AND contact.contactedOn < ?
                GROUP BY postcodeArea.areaCode
                """,
            arguments: [level, from, to]
        )
    }

    func referralsByArea(level: String, from: String, to: String) throws -> [String: Int] {
        try counts(
            sql: """
                SELECT postcodeArea.areaCode, COUNT(*) FROM referral
                JOIN person ON person.id = referral.personId
                JOIN personProfile ON personProfile.personId = COALESCE(person.mergedInto, person.id)
                JOIN postcodeArea ON postcodeArea.postcode = personProfile.postcode AND postcodeArea.level = ?
                WHERE referral.referredAt >= ? AND referral.referredAt < ?
                GROUP BY postcodeArea.areaCode
                """,
            arguments: [level, from, to]
        )
    }

    func persons(inArea code: String, level: String) throws -> [String] {
        try writer.read { db in
            try String.fetchAll(
                db,
                sql: """
                    SELECT personProfile.personId FROM postcodeArea
                    JOIN personProfile ON personProfile.postcode = postcodeArea.postcode AND personProfile.onLatestList = 1
                    WHERE postcodeArea.areaCode = ? AND postcodeArea.level = ?
                    ORDER BY personProfile.personId
                    """,
                arguments: [code, level]
            )
        }
    }

    private func counts(sql: String, arguments: StatementArguments) throws -> [String: Int] {
        try writer.read { db in
            var counts: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: sql, arguments: arguments) { counts[row[0]] = row[1] }
            return counts
        }
    }
}
