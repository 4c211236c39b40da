import Foundation
import GRDB

/// ``HelpRepository`` over Kith's SQLite store.
struct GRDBHelpRepository: HelpRepository {
    let writer: any DatabaseWriter

    // MARK: Hubs

    func saveHub(_ hub: HubRecord, audit: AuditNote) throws {
        try writer.write { db in
            try hub.save(db)
            try GRDBAuditRepository.insert(audit, in: db)
        }
    }

    func hubs() throws -> [HubRecord] {
        try writer.read { db in try HubRecord.order(Column("kind"), Column("name")).fetchAll(db) }
    }

    // MARK: Requests

    func createRequest(
        _ request: HelpRequestRecord, helpline: HelplineRows, sameAsRow: Int64?, audit: (HelpRequestRecord) -> AuditNote
    ) throws -> HelpRequestRecord {
        try writer.write { db in
            let request = try Self.insert(request, helpline: helpline, sameAsRow: sameAsRow, in: db)
            try GRDBAuditRepository.insert(audit(request), in: db)
            return request
        }
    }

    func importRequests(_ items: [HelpHistoryItem], audit: AuditNote) throws -> Int {
        try writer.write { db in
            for item in items {
                let request = try Self.insert(item.request, helpline: item.helpline, sameAsRow: nil, in: db)
                for task in item.tasks {
                    var task = task
                    task.requestId = request.id ?? 0
                    try task.insert(db)
                }
            }
            try GRDBAuditRepository.insert(audit, in: db)
            return items.count
        }
    }

    /// Stores a request with its rows in the helpline's own list and, if given, the verdict that its first row is
    /// the same person as `sameAsRow`.
    private static func insert(_ request: HelpRequestRecord, helpline: HelplineRows, sameAsRow: Int64?, in db: Database) throws -> HelpRequestRecord {
        var request = request
        try request.insert(db)
        guard let id = request.id else { throw HelpStoreError.unknownRequest(0) }
        let importId = try Self.dayImport(for: helpline, in: db)
        var rowNumber = try Int.fetchOne(db, sql: "SELECT MAX(rowNumber) FROM sourceRow WHERE importId = ?", arguments: [importId]) ?? 1
        var firstRow: Int64?
        for row in helpline.rows(id) {
            rowNumber += 1
            var changes: [UInt8] = []
            CellsCoding.append(changes: row.changes, to: &changes)
            var stored = SourceRow(
                importId: importId, rowNumber: rowNumber, cells: CellsCoding.encode(row.cells), normalised: String(decoding: changes, as: UTF8.self))
            try stored.insert(db)
            if firstRow == nil { firstRow = stored.id }
        }
        try db.execute(
            sql: "UPDATE fileImport SET rowCount = ?, finishedAt = ? WHERE id = ?", arguments: [rowNumber - 1, request.createdAt, importId])
        request.firstRowId = firstRow
        try request.update(db)
        if let sameAsRow, let firstRow {
            var decision = LinkDecision(
                leftRowId: min(firstRow, sameAsRow), rightRowId: max(firstRow, sameAsRow), verdict: .same, decidedBy: request.createdBy,
                decidedAt: request.createdAt, note: "The caller on \(request.reference), found by the call handler")
            try decision.insert(db)
        }
        return request
    }

    /// The helpline list's import for the rows' day, made with its columns on the day's first request.
    private static func dayImport(for helpline: HelplineRows, in db: Database) throws -> Int64 {
        let sourceId: Int64
        if let id = try Int64.fetchOne(db, sql: "SELECT id FROM source WHERE name = ?", arguments: [helpline.sourceName]) {
            sourceId = id
        } else {
            var source = Source(name: helpline.sourceName, createdAt: Timestamp.text(Date()))
            try source.insert(db)
            sourceId = source.id ?? 0
        }
        let fileName = "\(helpline.sourceName.lowercased().replacingOccurrences(of: " ", with: "-"))-\(helpline.day).csv"
        if let id = try Int64.fetchOne(
            db, sql: "SELECT id FROM fileImport WHERE sourceId = ? AND fileName = ?", arguments: [sourceId, fileName])
        {
            return id
        }
        let now = Timestamp.text(Date())
        var fileImport = FileImport(
            sourceId: sourceId, fileName: fileName, sheetName: nil, fileSHA256: "kith:\(fileName)", fileBytes: 0, format: "kith",
            encoding: nil, delimiter: nil, importedBy: helpline.recordedBy, startedAt: now, finishedAt: now, status: .complete,
            headerRowNumber: 1, rowCount: 0, columnCount: helpline.columns.count, blankRowCount: 0, raggedRowCount: 0, preamble: "")
        try fileImport.insert(db)
        guard let importId = fileImport.id else { throw HelpStoreError.unknownRequest(0) }
        for (position, column) in helpline.columns.enumerated() {
            try ImportColumn(importId: importId, position: position, letter: column.letter, header: column.header, tag: column.tag)
                .insert(db)
        }
        return importId
    }

    func updateRequest(
        _ request: HelpRequestRecord, notes: [HelpNoteRecord], contact: ContactRecord?, audit: AuditNote
    ) throws -> HelpRequestRecord {
        try writer.write { db in
            let request = try Self.update(request, in: db)
            for note in notes {
                var note = note
                try note.insert(db)
            }
            if var contact { try contact.insert(db) }
            try GRDBAuditRepository.insert(audit, in: db)
            return request
        }
    }

    /// Stores the request, its revision one up, if no one changed it since it was read; returns it as stored.
    private static func update(_ request: HelpRequestRecord, in db: Database) throws -> HelpRequestRecord {
        guard let id = request.id else { throw HelpStoreError.unknownRequest(0) }
        guard let stored = try Int.fetchOne(db, sql: "SELECT revision FROM helpRequest WHERE id = ?", arguments: [id]) else {
            throw HelpStoreError.unknownRequest(id)
        }
        guard stored == request.revision else { throw HelpStoreError.changed(request: id) }
        var request = request
        request.revision += 1
        try request.update(db)
        return request
    }

    func request(id: Int64) throws -> HelpRequestRecord? {
        try writer.read { db in try HelpRequestRecord.fetchOne(db, key: id) }
    }

    /// Queue order: due first, then today before within 3 days before this week, then the oldest.
    private static let queueOrder = """
        ORDER BY dueOn, CASE urgency WHEN 'today' THEN 0 WHEN 'within-3-days' THEN 1 ELSE 2 END, id
        """

    /// The statuses a hub's queue sorts most pressing first; the others (done, cancelled) are read newest first.
    private static let openStatuses: Set<String> = ["to-do", "in-progress", "blocked"]

    func queue(hub: String?, statuses: [String], limit: Int, offset: Int) throws -> (requests: [HelpRequestRecord], total: Int) {
        try writer.read { db in
            let marks = Array(repeating: "?", count: statuses.count).joined(separator: ", ")
            let hubClause = hub == nil ? "hubId IS NULL" : "hubId = ?"
            var arguments: StatementArguments = hub.map { [$0] } ?? []
            arguments += StatementArguments(statuses)
            let total =
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM helpRequest WHERE \(hubClause) AND status IN (\(marks))", arguments: arguments) ?? 0
            let order = Set(statuses).isSubset(of: Self.openStatuses) ? Self.queueOrder : "ORDER BY id DESC"
            let requests = try HelpRequestRecord.fetchAll(
                db, sql: "SELECT * FROM helpRequest WHERE \(hubClause) AND status IN (\(marks)) \(order) LIMIT ? OFFSET ?",
                arguments: arguments + [limit, offset])
            return (requests, total)
        }
    }

    func openCounts(dueBy: String) throws -> [(hubId: String, open: Int, due: Int)] {
        try writer.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT IFNULL(hubId, ''), COUNT(*), SUM(dueOn <= ?) FROM helpRequest
                    WHERE status IN ('to-do', 'in-progress', 'blocked') GROUP BY hubId
                    """, arguments: [dueBy]
            ).map { ($0[0], $0[1], $0[2]) }
        }
    }

    func openRequests() throws -> [HelpRequestRecord] {
        try writer.read { db in
            try HelpRequestRecord.fetchAll(db, sql: "SELECT * FROM helpRequest WHERE status IN ('to-do', 'in-progress', 'blocked')")
        }
    }

    func openRequests(assignedTo name: String) throws -> [HelpRequestRecord] {
        try writer.read { db in
            try HelpRequestRecord.fetchAll(
                db, sql: "SELECT * FROM helpRequest WHERE assignedTo = ? AND status IN ('to-do', 'in-progress', 'blocked') \(Self.queueOrder)",
                arguments: [name])
        }
    }

    func requests(ofPersons personIds: [String]) throws -> [HelpRequestRecord] {
        guard !personIds.isEmpty else { return [] }
        return try writer.read { db in
            // A request belongs to a person by the id it was taken with (or one merged into theirs since), or by the
            // caller's row, once linkage placed it with them.
            let marks = Array(repeating: "?", count: personIds.count).joined(separator: ", ")
            return try HelpRequestRecord.fetchAll(
                db,
                sql: """
                    WITH RECURSIVE ids(id) AS (
                        SELECT id FROM person WHERE id IN (\(marks))
                        UNION SELECT person.id FROM person JOIN ids ON person.mergedInto = ids.id
                    )
                    SELECT * FROM helpRequest WHERE personId IN (SELECT id FROM ids)
                        OR firstRowId IN (SELECT sourceRowId FROM personRecord WHERE personId IN (SELECT id FROM ids))
                    ORDER BY createdAt DESC, id DESC
                    """, arguments: StatementArguments(personIds))
        }
    }

    func requests(createdFrom from: String, to: String) throws -> [HelpRequestRecord] {
        try writer.read { db in
            try HelpRequestRecord.filter(Column("createdAt") >= from && Column("createdAt") < to).order(Column("createdAt"), Column("id")).fetchAll(
                db)
        }
    }

    func notes(ofRequest requestId: Int64) throws -> [HelpNoteRecord] {
        try writer.read { db in try HelpNoteRecord.filter(Column("requestId") == requestId).order(Column("id")).fetchAll(db) }
    }

    // MARK: Volunteers

    func saveVolunteers(_ volunteers: [VolunteerRecord], hubs: [HubRecord], audit: AuditNote) throws -> [VolunteerRecord] {
        try writer.write { db in
            for hub in hubs { try hub.save(db) }
            let saved = try volunteers.map { volunteer in
                var volunteer = volunteer
                try volunteer.save(db)
                return volunteer
            }
            try GRDBAuditRepository.insert(audit, in: db)
            return saved
        }
    }

    func saveVolunteer(_ volunteer: VolunteerRecord, audit: (VolunteerRecord) -> AuditNote) throws -> VolunteerRecord {
        try writer.write { db in
            var volunteer = volunteer
            try volunteer.save(db)
            try GRDBAuditRepository.insert(audit(volunteer), in: db)
            return volunteer
        }
    }

    func volunteer(id: Int64) throws -> VolunteerRecord? {
        try writer.read { db in try VolunteerRecord.fetchOne(db, key: id) }
    }

    func volunteers(statuses: [String]) throws -> [VolunteerRecord] {
        try writer.read { db in
            let all = VolunteerRecord.order(Column("name"), Column("id"))
            return try (statuses.isEmpty ? all : all.filter(statuses.contains(Column("status")))).fetchAll(db)
        }
    }

    func matchableVolunteers() throws -> (revision: Int64, volunteers: [MatchableVolunteer]) {
        try writer.read { db in
            let revision = try Self.volunteerRevision(in: db)
            var volunteers: [MatchableVolunteer] = []
            // Read by column position, not decoded as records: a ranking reads thousands of these.
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT id, name, offers, slots, latitude, longitude, travelMetres, languages, drives, dbsLevel, dbsNumber, dbsValidUntil,
                    dbsVerifiedBy IS NOT NULL FROM volunteer WHERE status = 'active'
                    """)
            while let row = try rows.next() {
                volunteers.append(
                    MatchableVolunteer(
                        id: row[0], name: row[1], offers: row[2], slots: row[3], latitude: row[4], longitude: row[5], travelMetres: row[6],
                        languages: row[7], drives: row[8], dbsLevel: row[9], dbsNumber: row[10], dbsValidUntil: row[11], dbsVerified: row[12]))
            }
            return (revision, volunteers)
        }
    }

    func volunteerRevision() throws -> Int64 {
        try writer.read { db in try Self.volunteerRevision(in: db) }
    }

    private static func volunteerRevision(in db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT revision FROM volunteerRevision WHERE id = 1") ?? 0
    }

    func openTaskCounts() throws -> [Int64: Int] {
        try writer.read { db in
            var counts: [Int64: Int] = [:]
            let rows = try Row.fetchCursor(
                db, sql: "SELECT volunteerId, COUNT(*) FROM volunteerTask WHERE status IN ('assigned', 'contacted', 'confirmed') GROUP BY volunteerId"
            )
            while let row = try rows.next() { counts[row[0]] = row[1] }
            return counts
        }
    }

    // MARK: Tasks

    func assignTask(_ task: VolunteerTaskRecord, request: HelpRequestRecord, note: HelpNoteRecord, audit: AuditNote) throws -> VolunteerTaskRecord {
        try writer.write { db in
            _ = try Self.update(request, in: db)
            var task = task
            try task.insert(db)
            var note = note
            try note.insert(db)
            try GRDBAuditRepository.insert(audit, in: db)
            return task
        }
    }

    func stepTask(
        _ task: VolunteerTaskRecord, from: String, request: HelpRequestRecord?, note: HelpNoteRecord, contact: ContactRecord?, audit: AuditNote
    ) throws {
        try writer.write { db in
            guard let id = task.id, let status = try String.fetchOne(db, sql: "SELECT status FROM volunteerTask WHERE id = ?", arguments: [id])
            else { throw HelpStoreError.unknownRequest(task.requestId) }
            guard status == from else { throw HelpStoreError.taskMoved(task: id, now: status) }
            try task.update(db)
            if let request { _ = try Self.update(request, in: db) }
            var note = note
            try note.insert(db)
            if var contact { try contact.insert(db) }
            try GRDBAuditRepository.insert(audit, in: db)
        }
    }

    func task(id: Int64) throws -> VolunteerTaskRecord? {
        try writer.read { db in try VolunteerTaskRecord.fetchOne(db, key: id) }
    }

    func tasks(ofRequest requestId: Int64) throws -> [VolunteerTaskRecord] {
        try writer.read { db in try VolunteerTaskRecord.filter(Column("requestId") == requestId).order(Column("id")).fetchAll(db) }
    }

    func tasks(ofVolunteer volunteerId: Int64) throws -> [VolunteerTaskRecord] {
        try writer.read { db in
            try VolunteerTaskRecord.fetchAll(
                db,
                sql: """
                    SELECT * FROM volunteerTask WHERE volunteerId = ?
                    ORDER BY status IN ('completed', 'cancelled'), id DESC
                    """, arguments: [volunteerId])
        }
    }

    func tasks(ofRequestsCreatedFrom from: String, to: String) throws -> [VolunteerTaskRecord] {
        try writer.read { db in
            try VolunteerTaskRecord.fetchAll(
                db,
                sql: """
                    SELECT volunteerTask.* FROM volunteerTask JOIN helpRequest ON helpRequest.id = volunteerTask.requestId
                    WHERE helpRequest.createdAt >= ? AND helpRequest.createdAt < ? ORDER BY volunteerTask.id
                    """, arguments: [from, to])
        }
    }

    // MARK: Lead professionals

    func setLead(_ lead: LeadProfessionalRecord, audit: AuditNote) throws {
        try writer.write { db in
            try lead.save(db)
            try GRDBAuditRepository.insert(audit, in: db)
        }
    }

    func lead(ofPerson personId: String) throws -> LeadProfessionalRecord? {
        try writer.read { db in try LeadProfessionalRecord.fetchOne(db, key: personId) }
    }

    func cases(ofWorker worker: String) throws -> [LeadProfessionalRecord] {
        try writer.read { db in
            try LeadProfessionalRecord.fetchAll(
                db, sql: "SELECT * FROM leadProfessional WHERE worker = ? ORDER BY nextContactOn IS NULL, nextContactOn, personId",
                arguments: [worker])
        }
    }
}
