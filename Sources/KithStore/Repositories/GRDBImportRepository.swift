import GRDB
import GRDBSQLite

/// The SQLite implementation of ``ImportRepository``.
struct GRDBImportRepository: ImportRepository {
    let writer: any DatabaseWriter

    func completedImports(withSHA256 sha256: String) throws -> [FileImport] {
        try writer.read { db in
            try FileImport.filter(Column("fileSHA256") == sha256 && Column("status") == FileImport.Status.complete.rawValue)
                .order(Column("id")).fetchAll(db)
        }
    }

    func performImport(
        _ draft: FileImport, sourceName: String, audit: (FileImport) -> AuditNote, _ body: (any ImportWriter) throws -> ImportTotals
    ) throws -> FileImport {
        try writer.write { db in
            let source = try Self.findOrCreateSource(named: sourceName, at: draft.startedAt, in: db)
            var record = draft
            record.sourceId = source.id!
            try record.insert(db)
            let writer = try GRDBImportWriter(db: db, importId: record.id!, sourceId: source.id!)
            let totals = try body(writer)
            record.sheetName = totals.sheetName
            record.encoding = totals.encoding
            record.delimiter = totals.delimiter
            record.headerRowNumber = totals.headerRowNumber
            record.rowCount = totals.rowCount
            record.columnCount = totals.columnCount
            record.blankRowCount = totals.blankRowCount
            record.raggedRowCount = totals.raggedRowCount
            record.preamble = totals.preamble
            record.finishedAt = totals.finishedAt
            try record.update(db)
            try GRDBAuditRepository.insert(audit(record), in: db)
            return record
        }
    }

    func sources() throws -> [Source] {
        try writer.read { db in try Source.order(Column("name")).fetchAll(db) }
    }

    func imports(ofSourceNamed name: String?) throws -> [FileImport] {
        try writer.read { db in
            var request = FileImport.order(Column("id").desc)
            if let name {
                guard let source = try Source.filter(Column("name") == name).fetchOne(db) else { return [] }
                request = request.filter(Column("sourceId") == source.id)
            }
            return try request.fetchAll(db)
        }
    }

    func columns(ofImport importId: Int64) throws -> [ImportColumn] {
        try writer.read { db in
            try ImportColumn.filter(Column("importId") == importId).order(Column("position")).fetchAll(db)
        }
    }

    func rows(ofImport importId: Int64, limit: Int?) throws -> [SourceRow] {
        try writer.read { db in
            try SourceRow.filter(Column("importId") == importId).order(Column("rowNumber")).limit(limit ?? Int.max).fetchAll(db)
        }
    }

    func findings(ofImport importId: Int64) throws -> [ImportFinding] {
        try writer.read { db in
            try ImportFinding.filter(Column("importId") == importId).order(Column("id")).fetchAll(db)
        }
    }

    func rowCount() throws -> Int {
        try writer.read { db in try SourceRow.fetchCount(db) }
    }

    func mapping(forSourceNamed name: String) throws -> SourceMapping? {
        try writer.read { db in
            guard let source = try Source.filter(Column("name") == name).fetchOne(db) else { return nil }
            return try SourceMapping.filter(Column("sourceId") == source.id).fetchOne(db)
        }
    }

    func saveMapping(_ mapping: String, forSourceNamed name: String, by person: String, at time: String) throws {
        try writer.write { db in
            let source = try Self.findOrCreateSource(named: name, at: time, in: db)
            try SourceMapping(sourceId: source.id!, mapping: mapping, savedAt: time, savedBy: person).save(db)
        }
    }

    func importHistory(limit: Int) async throws -> ImportHistory {
        try await writer.readAwaiting { db in
            let sources = try Source.order(Column("name")).fetchAll(db)
            let names = Dictionary(uniqueKeysWithValues: sources.map { ($0.id ?? 0, $0.name) })
            let records = try FileImport.order(Column("id").desc).limit(limit).fetchAll(db)
            return ImportHistory(
                latest: try records.map { try Self.details(of: $0, sourceName: names[$0.sourceId] ?? "?", in: db) },
                total: try FileImport.fetchCount(db), sourceNames: sources.map(\.name), rowCount: try SourceRow.fetchCount(db)
            )
        }
    }

    func importDetails(id importId: Int64) async throws -> ImportDetails? {
        try await writer.readAwaiting { db in
            guard let record = try FileImport.fetchOne(db, key: importId) else { return nil }
            let source = try Source.fetchOne(db, key: record.sourceId)
            return try Self.details(of: record, sourceName: source?.name ?? "?", in: db)
        }
    }

    func sourceNames() async throws -> [String] {
        try await writer.readAwaiting { db in try Source.select(Column("name"), as: String.self).order(Column("name")).fetchAll(db) }
    }

    func countRows() async throws -> Int {
        try await writer.readAwaiting { db in try SourceRow.fetchCount(db) }
    }

    func savedMapping(forSourceNamed name: String) async throws -> SourceMapping? {
        try await writer.readAwaiting { db in
            guard let source = try Source.filter(Column("name") == name).fetchOne(db) else { return nil }
            return try SourceMapping.filter(Column("sourceId") == source.id).fetchOne(db)
        }
    }

    func earlierImports(withSHA256 sha256: String, ofSourceNamed name: String) async throws -> EarlierImports {
        try await writer.readAwaiting { db in
            let complete = FileImport.filter(Column("status") == FileImport.Status.complete.rawValue)
            let sameFile = try complete.filter(Column("fileSHA256") == sha256).order(Column("id").desc).fetchOne(db)
            let sameFileSource = try sameFile.flatMap { try Source.fetchOne(db, key: $0.sourceId)?.name }
            var sameSource: FileImport?
            if let source = try Source.filter(Column("name") == name).fetchOne(db) {
                sameSource = try complete.filter(Column("sourceId") == source.id).order(Column("id").desc).fetchOne(db)
            }
            return EarlierImports(sameFile: sameFile, sameFileSourceName: sameFileSource, sameSource: sameSource)
        }
    }

    private static func details(of record: FileImport, sourceName: String, in db: Database) throws -> ImportDetails {
        let id = record.id ?? 0
        return ImportDetails(
            record: record, sourceName: sourceName,
            columns: try ImportColumn.filter(Column("importId") == id).order(Column("position")).fetchAll(db),
            findings: try ImportFinding.filter(Column("importId") == id).order(Column("id")).fetchAll(db)
        )
    }

    static func findOrCreateSource(named name: String, at time: String, in db: Database) throws -> Source {
        if let source = try Source.filter(Column("name") == name).fetchOne(db) { return source }
        var created = Source(name: name, createdAt: time)
        try created.insert(db)
        return created
    }
}

/// Writes one import's rows through a prepared statement, reused for every row.
final class GRDBImportWriter: ImportWriter {
    let importId: Int64
    private let sourceId: Int64
    private let db: Database
    private let insertRow: Statement

    init(db: Database, importId: Int64, sourceId: Int64) throws {
        self.db = db
        self.importId = importId
        self.sourceId = sourceId
        insertRow = try db.makeStatement(sql: "INSERT INTO sourceRow (importId, rowNumber, cells, normalised) VALUES (?, ?, ?, ?)")
    }

    func writeColumns(_ columns: [(letter: String, header: String, tag: String?)], startingAt first: Int) throws {
        for (offset, column) in columns.enumerated() {
            try ImportColumn(importId: importId, position: first + offset, letter: column.letter, header: column.header, tag: column.tag)
                .insert(db)
        }
    }

    /// Binds the bytes straight to the prepared statement, without copying them into strings or argument values
    /// first: at a million rows, GRDB's general binding took a quarter of the writing thread's time.
    func writeRow(number: Int, encodedCells: ArraySlice<UInt8>, encodedNormalised: ArraySlice<UInt8>?) throws {
        let statement = insertRow.sqliteStatement
        var code = sqlite3_bind_int64(statement, 1, importId)
        if code == SQLITE_OK { code = sqlite3_bind_int64(statement, 2, Int64(number)) }
        // SQLite reads the bytes during the step below (no destructor: SQLITE_STATIC), while they are held here.
        code = encodedCells.withUnsafeBytes { cells in
            var code = code
            if code == SQLITE_OK { code = sqlite3_bind_text(statement, 3, cells.baseAddress, Int32(cells.count), nil) }
            guard code == SQLITE_OK else { return code }
            guard let encodedNormalised else {
                code = sqlite3_bind_null(statement, 4)
                return code == SQLITE_OK ? sqlite3_step(statement) : code
            }
            return encodedNormalised.withUnsafeBytes { normalised in
                code = sqlite3_bind_text(statement, 4, normalised.baseAddress, Int32(normalised.count), nil)
                return code == SQLITE_OK ? sqlite3_step(statement) : code
            }
        }
        let reset = sqlite3_reset(statement)
        guard code == SQLITE_DONE else { throw failure(code) }
        guard reset == SQLITE_OK else { throw failure(reset) }
    }

    /// SQLite's error, as GRDB would have thrown it.
    private func failure(_ code: Int32) -> DatabaseError {
        DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)), sql: insertRow.sql)
    }

    func saveMapping(_ mapping: String, by person: String, at time: String) throws {
        try SourceMapping(sourceId: sourceId, mapping: mapping, savedAt: time, savedBy: person).save(db)
    }

    func writeFinding(severity: ImportFinding.Severity, rowNumber: Int?, columnLetter: String?, message: String) throws {
        var finding = ImportFinding(
            importId: importId, severity: severity, rowNumber: rowNumber, columnLetter: columnLetter, message: message
        )
        try finding.insert(db)
    }
}
