import GRDB

/// ``AccessRepository`` over Kith's SQLite store.
struct GRDBAccessRepository: AccessRepository {
    let writer: any DatabaseWriter

    func insertAccount(_ account: Account, audit: (Account) -> AuditNote) throws -> Account {
        try writer.write { db in
            var account = account
            try account.insert(db)
            try GRDBAuditRepository.insert(audit(account), in: db)
            return account
        }
    }

    func updateAccount(_ account: Account, endingSessions: Bool, audit: AuditNote) throws {
        try writer.write { db in
            try account.update(db)
            if endingSessions, let id = account.id {
                try WebSession.filter(Column("accountId") == id).deleteAll(db)
            }
            try GRDBAuditRepository.insert(audit, in: db)
        }
    }

    func account(named name: String) throws -> Account? {
        try writer.read { db in try Account.filter(Column("name").collating(.nocase) == name).fetchOne(db) }
    }

    func account(id: Int64) throws -> Account? {
        try writer.read { db in try Account.fetchOne(db.cachedStatement(sql: "SELECT * FROM account WHERE id = ?"), arguments: [id]) }
    }

    func accounts() throws -> [Account] {
        try writer.read { db in try Account.order(Column("name").collating(.nocase)).fetchAll(db) }
    }

    func insertSession(_ session: WebSession) throws {
        try writer.write { db in try session.insert(db) }
    }

    func session(tokenDigest: String) throws -> WebSession? {
        // Every request with a cookie reads its session: prepared once per connection.
        try writer.read { db in
            try WebSession.fetchOne(db.cachedStatement(sql: "SELECT * FROM webSession WHERE tokenDigest = ?"), arguments: [tokenDigest])
        }
    }

    func touchSession(tokenDigest: String, lastSeenAt: String) throws {
        try writer.write { db in
            try db.execute(sql: "UPDATE webSession SET lastSeenAt = ? WHERE tokenDigest = ?", arguments: [lastSeenAt, tokenDigest])
        }
    }

    func deleteSession(tokenDigest: String) throws {
        _ = try writer.write { db in try WebSession.deleteOne(db, key: tokenDigest) }
    }

    func endSession(tokenDigest: String, audit: AuditNote) throws {
        try writer.write { db in
            _ = try WebSession.deleteOne(db, key: tokenDigest)
            try GRDBAuditRepository.insert(audit, in: db)
        }
    }

    func deleteSessions(expiredBefore time: String) throws {
        _ = try writer.write { db in try WebSession.filter(Column("expiresAt") < time).deleteAll(db) }
    }

    func insertToken(_ token: APIToken, audit: (APIToken) -> AuditNote) throws -> APIToken {
        try writer.write { db in
            var token = token
            try token.insert(db)
            try GRDBAuditRepository.insert(audit(token), in: db)
            return token
        }
    }

    func token(id: Int64) throws -> APIToken? {
        try writer.read { db in try APIToken.fetchOne(db, key: id) }
    }

    func token(digest: String) throws -> APIToken? {
        try writer.read { db in try APIToken.filter(Column("tokenDigest") == digest).fetchOne(db) }
    }

    func tokens() throws -> [APIToken] {
        try writer.read { db in try APIToken.order(Column("id").desc).fetchAll(db) }
    }

    func revokeToken(id: Int64, at time: String, audit: AuditNote) throws -> Bool {
        try writer.write { db in
            try db.execute(sql: "UPDATE apiToken SET revokedAt = ? WHERE id = ? AND revokedAt IS NULL", arguments: [time, id])
            guard db.changesCount == 1 else { return false }
            try GRDBAuditRepository.insert(audit, in: db)
            return true
        }
    }

    func setOrganisation(_ organisation: String?, ofSourceNamed name: String, at time: String, audit: AuditNote) throws {
        try writer.write { db in
            if try Source.filter(Column("name") == name).fetchOne(db) == nil {
                var source = Source(name: name, createdAt: time)
                try source.insert(db)
            }
            try db.execute(sql: "UPDATE source SET organisation = ? WHERE name = ?", arguments: [organisation, name])
            try GRDBAuditRepository.insert(audit, in: db)
        }
    }

    func organisation(ofSourceNamed name: String) throws -> String? {
        try writer.read { db in try String.fetchOne(db, sql: "SELECT organisation FROM source WHERE name = ?", arguments: [name]) }
    }

    func sourceNames(ofOrganisation organisation: String) throws -> [String] {
        try writer.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM source WHERE organisation = ? COLLATE NOCASE ORDER BY name", arguments: [organisation])
        }
    }

    func personIds(inRun runId: Int64, area: String) throws -> [String] {
        try writer.read { db in
            try String.fetchAll(
                db, sql: "SELECT personId FROM personScore WHERE runId = ? AND area = ? COLLATE NOCASE", arguments: [runId, area]
            )
        }
    }

    func personIds(inRun runId: Int64, school: String) throws -> [String] {
        try writer.read { db in
            try String.fetchAll(
                db,
                sql: """
                    SELECT personId FROM personScore WHERE runId = ? AND school = ? COLLATE NOCASE
                    UNION SELECT personId FROM personScore WHERE runId = ? AND schoolURN = ?
                    """,
                arguments: [runId, school, runId, school]
            )
        }
    }

    func personIds(listedByOrganisation organisation: String) throws -> [String] {
        try writer.read { db in
            try String.fetchAll(db, sql: "SELECT DISTINCT r.personId " + Self.organisationRows, arguments: [organisation])
        }
    }

    func isPerson(_ personId: String, listedByOrganisation organisation: String) throws -> Bool {
        try writer.read { db in
            try Bool.fetchOne(
                db, sql: "SELECT EXISTS (SELECT 1 " + Self.organisationRows + " AND r.personId = ?)", arguments: [organisation, personId]
            ) ?? false
        }
    }

    /// The person records on the lists of the organisation given as the first argument.
    private static let organisationRows = """
        FROM source s
        JOIN fileImport i ON i.sourceId = s.id AND i.status = 'complete'
        JOIN sourceRow sr ON sr.importId = i.id
        JOIN personRecord r ON r.sourceRowId = sr.id
        WHERE s.organisation = ? COLLATE NOCASE
        """
}
