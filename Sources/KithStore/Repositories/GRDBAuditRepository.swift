import GRDB

/// ``AuditRepository`` over Kith's SQLite store.
struct GRDBAuditRepository: AuditRepository {
    let writer: any DatabaseWriter

    func record(_ event: AuditEvent, personIds: [String]) throws -> AuditEvent {
        try writer.write { db in try Self.insert(event, personIds: personIds, in: db) }
    }

    /// Writes a note in the transaction of the action it records (every repository method that performs an audited
    /// action calls this inside its own `write`).
    static func insert(_ note: AuditNote, in db: Database) throws {
        _ = try insert(note.event, personIds: note.personIDs, in: db)
    }

    /// The one place the trail's rows are inserted: the event, then the residents it touched.
    private static func insert(_ event: AuditEvent, personIds: [String], in db: Database) throws -> AuditEvent {
        var event = event
        try event.insert(db)
        guard let eventId = event.id else { return event }
        let statement = try db.cachedStatement(sql: "INSERT OR IGNORE INTO auditPerson (eventId, personId) VALUES (?, ?)")
        for personId in personIds {
            try statement.execute(arguments: [eventId, personId])
        }
        return event
    }

    func events(_ query: AuditQuery) throws -> [AuditEvent] {
        try writer.read { db in
            try request(query).order(Column("id").desc).limit(query.limit, offset: query.offset).fetchAll(db)
        }
    }

    func count(_ query: AuditQuery) throws -> Int {
        try writer.read { db in try request(query).fetchCount(db) }
    }

    func personIds(ofEvents eventIds: [Int64]) throws -> [Int64: [String]] {
        guard !eventIds.isEmpty else { return [:] }
        return try writer.read { db in try Self.personIds(ofEvents: eventIds, in: db) }
    }

    func eventPage(_ query: AuditQuery) async throws -> AuditEventPage {
        let request = request(query)
        return try await writer.readAwaiting { db in
            let events = try request.order(Column("id").desc).limit(query.limit, offset: query.offset).fetchAll(db)
            let persons = try Self.personIds(ofEvents: events.compactMap(\.id), in: db)
            return AuditEventPage(events: events, personIds: persons, total: try request.fetchCount(db))
        }
    }

    private static func personIds(ofEvents eventIds: [Int64], in db: Database) throws -> [Int64: [String]] {
        guard !eventIds.isEmpty else { return [:] }
        var result: [Int64: [String]] = [:]
        let places = databaseQuestionMarks(count: eventIds.count)
        let rows = try Row.fetchCursor(
            db, sql: "SELECT eventId, personId FROM auditPerson WHERE eventId IN (\(places)) ORDER BY eventId, personId",
            arguments: StatementArguments(eventIds)
        )
        while let row = try rows.next() {
            result[row["eventId"], default: []].append(row["personId"])
        }
        return result
    }

    private func request(_ query: AuditQuery) -> QueryInterfaceRequest<AuditEvent> {
        var request = AuditEvent.all()
        if let actor = query.actor, !actor.isEmpty { request = request.filter(Column("actor").collating(.nocase) == actor) }
        if let action = query.action, !action.isEmpty { request = request.filter(Column("action") == action) }
        if let personId = query.personId, !personId.isEmpty {
            request = request.filter(sql: "id IN (SELECT eventId FROM auditPerson WHERE personId = ?)", arguments: [personId])
        }
        if let from = query.from, !from.isEmpty { request = request.filter(Column("at") >= from) }
        if let until = query.until, !until.isEmpty {
            // A bare date means "to the end of that day": every time on it sorts below the date followed by "~".
            request = request.filter(Column("at") < (until.count == 10 ? until + "~" : until))
        }
        return request
    }
}
