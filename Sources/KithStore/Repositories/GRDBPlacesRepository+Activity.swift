import GRDB

extension GRDBPlacesRepository {
    func activity(inArea code: String?, from: String, to: String) throws -> AreaActivity {
        try writer.read { db in
            var activity = AreaActivity()
            // A resident, request or service is in the area when its postcode is; with no area, everyone counts.
            func inArea(_ postcode: String) -> String {
                code == nil ? "1" : "EXISTS (SELECT 1 FROM postcodeArea WHERE postcodeArea.postcode = \(postcode) AND postcodeArea.areaCode = :area)"
            }
            let area: [String: (any DatabaseValueConvertible)?] = ["area": code, "from": from, "to": to]
            let runs = try Int64.fetchAll(db, sql: "SELECT id FROM scoreRun ORDER BY id DESC LIMIT 2")
            activity.latestRunId = runs.first
            activity.previousRunId = runs.count > 1 ? runs[1] : nil
            if let latest = runs.first {
                var arguments = StatementArguments(area)
                arguments += ["latest": latest, "previous": runs.count > 1 ? runs[1] : -1]
                activity.bands = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT personScore.cohort, personScore.band, COUNT(*) FROM personScore
                        JOIN personProfile ON personProfile.personId = personScore.personId AND personProfile.onLatestList = 1
                        WHERE personScore.runId = :latest AND \(inArea("personProfile.postcode"))
                        GROUP BY personScore.cohort, personScore.band
                        """, arguments: arguments
                ).map { AreaActivity.Count(cohort: $0[0], band: $0[1], persons: $0[2]) }
                // Moves: each person's band in the run before and the latest, a missing side meaning not identified
                // then. Persons are placed by their latest profile.
                // Everyone in the latest run with their band in the one before (if any), then those of the run before
                // who are in the latest no more: two passes down the (runId, personId) key. The profile that places a
                // person is joined only when an area is asked for.
                let placed = { (side: String) in
                    code == nil ? "" : "JOIN personProfile ON personProfile.personId = \(side).personId AND \(inArea("personProfile.postcode"))"
                }
                activity.moves = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT previous.band, latest.band, COUNT(*) FROM personScore AS latest
                        \(placed("latest"))
                        LEFT JOIN personScore AS previous ON previous.runId = :previous AND previous.personId = latest.personId
                        WHERE latest.runId = :latest
                        GROUP BY previous.band, latest.band
                        UNION ALL
                        SELECT previous.band, NULL, COUNT(*) FROM personScore AS previous
                        \(placed("previous"))
                        WHERE previous.runId = :previous
                            AND NOT EXISTS (SELECT 1 FROM personScore AS now WHERE now.runId = :latest AND now.personId = previous.personId)
                        GROUP BY previous.band
                        """, arguments: arguments
                ).map { AreaActivity.Move(from: $0[0], to: $0[1], persons: $0[2]) }
                let reference = try String.fetchOne(db, sql: "SELECT referenceDate FROM scoreRun WHERE id = ?", arguments: [latest]) ?? from
                arguments += ["reference": reference]
                if let row = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT COUNT(*), COUNT(reached.personId) FROM personScore
                        JOIN personProfile ON personProfile.personId = personScore.personId AND personProfile.onLatestList = 1
                        LEFT JOIN (
                            SELECT DISTINCT COALESCE(person.mergedInto, person.id) AS personId FROM contact
                            JOIN person ON person.id = contact.personId
                            WHERE contact.outcome = 'reached' AND contact.contactedOn >= :reference
                        ) AS reached ON reached.personId = personScore.personId
                        WHERE personScore.runId = :latest AND \(inArea("personProfile.postcode"))
                            -- A plain text test first, so that only the few persons it could be have their reasons parsed.
                            AND instr(personScore.reasons, 'vulnerable-child-not-attending') > 0
                            AND EXISTS (
                                SELECT 1 FROM json_each(personScore.reasons)
                                WHERE json_extract(json_each.value, '$.factor') = 'vulnerable-child-not-attending')
                        """, arguments: arguments)
                {
                    activity.welfareChecksTriggered = row[0]
                    activity.welfareChecksDone = row[1]
                }
            }
            var scored: [Int64: AreaActivity.Run] = [:]
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT scoreRun.id, scoreRun.referenceDate, personScore.band, COUNT(*) FROM scoreRun
                    JOIN personScore ON personScore.runId = scoreRun.id
                    LEFT JOIN personProfile ON personProfile.personId = personScore.personId
                    WHERE scoreRun.referenceDate >= :from AND scoreRun.referenceDate < :to AND \(inArea("personProfile.postcode"))
                    GROUP BY scoreRun.id, personScore.band
                    """, arguments: StatementArguments(area))
            {
                let id: Int64 = row[0]
                scored[id, default: AreaActivity.Run(id: id, day: row[1], bands: [:])].bands[row[2]] = row[3]
            }
            activity.runs = scored.values.sorted { ($0.day, $0.id) < ($1.day, $1.id) }
            let arguments = StatementArguments(area)
            func byDay(_ sql: String) throws -> [String: Int] {
                var counts: [String: Int] = [:]
                for row in try Row.fetchAll(db, sql: sql, arguments: arguments) { counts[row[0]] = row[1] }
                return counts
            }
            activity.contactsByDay = try byDay(
                """
                SELECT contact.contactedOn, COUNT(*) FROM contact
                JOIN person ON person.id = contact.personId
                LEFT JOIN personProfile ON personProfile.personId = COALESCE(person.mergedInto, person.id)
                WHERE contact.contactedOn >= :from AND contact.contactedOn < :to AND \(inArea("personProfile.postcode"))
                GROUP BY contact.contactedOn
                """)
            activity.requestsTakenByDay = try byDay(
                """
                SELECT substr(createdAt, 1, 10), COUNT(*) FROM helpRequest
                WHERE createdAt >= :from AND createdAt < :to AND \(inArea("helpRequest.postcode"))
                GROUP BY substr(createdAt, 1, 10)
                """)
            activity.requestsClosedByDay = try byDay(
                """
                SELECT substr(closedAt, 1, 10), COUNT(*) FROM helpRequest
                WHERE closedAt >= :from AND closedAt < :to AND \(inArea("helpRequest.postcode"))
                GROUP BY substr(closedAt, 1, 10)
                """)
            activity.requestsOpen =
                try Int.fetchOne(
                    db,
                    sql: """
                        SELECT COUNT(*) FROM helpRequest
                        WHERE status IN ('to-do', 'in-progress', 'blocked') AND \(inArea("helpRequest.postcode"))
                        """, arguments: arguments) ?? 0
            activity.referralsByDay = try byDay(
                """
                SELECT substr(referral.referredAt, 1, 10), COUNT(*) FROM referral
                JOIN person ON person.id = referral.personId
                LEFT JOIN personProfile ON personProfile.personId = COALESCE(person.mergedInto, person.id)
                WHERE referral.referredAt >= :from AND referral.referredAt < :to AND \(inArea("personProfile.postcode"))
                GROUP BY substr(referral.referredAt, 1, 10)
                """)
            activity.referralsOpen =
                try Int.fetchOne(
                    db,
                    sql: """
                        SELECT COUNT(*) FROM referral
                        JOIN person ON person.id = referral.personId
                        LEFT JOIN personProfile ON personProfile.personId = COALESCE(person.mergedInto, person.id)
                        WHERE referral.status IN ('sent', 'accepted') AND \(inArea("personProfile.postcode"))
                        """, arguments: arguments) ?? 0
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT IFNULL(service.acceptingReferrals, 'unknown'), COUNT(*) FROM service
                    WHERE \(code == nil ? "1" : "EXISTS (SELECT 1 FROM servicePostcode JOIN postcodeArea ON postcodeArea.postcode = servicePostcode.postcode WHERE servicePostcode.serviceId = service.id AND postcodeArea.areaCode = :area)")
                    GROUP BY 1
                    """, arguments: arguments)
            {
                activity.services[row[0]] = row[1]
            }
            return activity
        }
    }
}
