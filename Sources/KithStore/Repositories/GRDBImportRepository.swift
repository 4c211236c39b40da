import GRDB

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
        _ draft: FileImport, sourceName: String, _ body: (any ImportWriter) throws -> ImportTotals
    ) throws -> FileImport {
        try writer.write { db in
            var source = try Source.filter(Column("name") == sourceName).fetchOne(db)
            if source == nil {
                var created = Source(name: sourceName, createdAt: draft.startedAt)
                try created.insert(db)
                source = created
            }
            var record = draft
            record.sourceId = source!.id!
            try record.insert(db)
            let writer = try GRDBImportWriter(db: db, importId: record.id!)
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
}

/// Writes one import's rows through a prepared statement, reused for every row.
final class GRDBImportWriter: ImportWriter {
    let importId: Int64
    private let db: Database
    private let insertRow: Statement

    init(db: Database, importId: Int64) throws {
        self.db = db
        self.importId = importId
        insertRow = try db.makeStatement(sql: "INSERT INTO sourceRow (importId, rowNumber, cells) VALUES (?, ?, ?)")
    }

    func writeColumns(_ headers: [(letter: String, header: String)], startingAt first: Int) throws {
        for (offset, column) in headers.enumerated() {
            try ImportColumn(importId: importId, position: first + offset, letter: column.letter, header: column.header).insert(db)
        }
    }

    func writeRow(number: Int, encodedCells: String) throws {
        insertRow.setUncheckedArguments([importId, number, encodedCells])
        try insertRow.execute()
    }

    func writeFinding(severity: ImportFinding.Severity, rowNumber: Int?, columnLetter: String?, message: String) throws {
        var finding = ImportFinding(
            importId: importId, severity: severity, rowNumber: rowNumber, columnLetter: columnLetter, message: message
        )
        try finding.insert(db)
    }
}
