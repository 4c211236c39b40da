import Foundation
import KithSpreadsheet
import KithStandard
import KithStore
import Logging

/// Imports a partner's file into the store: reads it (CSV or XLSX), finds its header, tags its columns
/// (the file's hashtag row, else the mapping given or saved for the source, else Kith's suggestions),
/// and stores every row verbatim with the normalised values of its tagged cells, in one transaction.
/// The tagging is saved as the source's mapping for next time, and the import is written to the audit trail in the
/// same transaction, whichever door (command line, web, API) asked for it. Logs ids and counts only, never a
/// resident's data.
public struct Importer: Sendable {
    /// Where the import is stored, with its audit entry.
    public let repository: any ImportRepository
    public let limits: ReadLimits
    public let logger: Logger
    public let dictionary: DataDictionary

    public init(
        repository: any ImportRepository, limits: ReadLimits = ReadLimits(),
        dictionary: DataDictionary = .standard, logger: Logger = Logger(label: "kith.ingest")
    ) {
        self.repository = repository
        self.limits = limits
        self.dictionary = dictionary
        self.logger = logger
    }

    /// Imports the file and records the import in the audit trail, by ``ImportRequest/importedBy``, in the import's
    /// transaction. Throws ``ImportError`` when the file is refused; then the store is as it was, and nothing is
    /// audited.
    @discardableResult
    public func run(_ request: ImportRequest) throws -> ImportSummary {
        let started = Date()
        let sourceName = request.sourceName.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !sourceName.isEmpty else { throw ImportError.invalidSourceName }
        let reader: TableReader
        do {
            reader = try TableReader(url: request.file, limits: limits)
        } catch let error as SpreadsheetError {
            throw ImportError.unreadable(error)
        }
        let fingerprint = reader.fingerprint
        if !request.force, let previous = try repository.completedImports(withSHA256: fingerprint.sha256).last {
            let sourceName = try repository.sources().first { $0.id == previous.sourceId }?.name ?? "?"
            throw ImportError.duplicate(fileName: request.file.lastPathComponent, previous: previous, previousSource: sourceName)
        }
        let draft = FileImport(
            sourceId: 0, fileName: request.file.lastPathComponent, sheetName: request.sheet, fileSHA256: fingerprint.sha256,
            fileBytes: fingerprint.byteCount, format: fingerprint.format.rawValue, encoding: fingerprint.encoding?.rawValue,
            delimiter: nil, importedBy: request.importedBy, startedAt: Timestamp.text(started), finishedAt: Timestamp.text(started),
            status: .complete, headerRowNumber: 0, rowCount: 0, columnCount: 0, blankRowCount: 0, raggedRowCount: 0, preamble: "[]"
        )
        var savedMapping: ColumnMapping?
        if request.mapping == nil, let saved = try repository.mapping(forSourceNamed: sourceName) {
            savedMapping = try? ColumnMapping(yaml: saved.mapping)
        }
        let mapping = request.mapping ?? savedMapping
        let previousImport = try ListSizeCheck.previousImport(ofSourceNamed: sourceName, in: repository)
        let tagger = Tagger(dictionary: dictionary, referenceDate: request.referenceDate)
        var tagging: TableTagging?
        var raggedRowNumbers: [Int] = []
        var warnings: [TableWarning] = []
        let record: FileImport
        do {
            let auditNote = { (stored: FileImport) in
                Self.auditNote(stored, sourceName: sourceName, taggedColumns: tagging?.columns.count { $0.tag != nil } ?? 0, request)
            }
            record = try repository.performImport(draft, sourceName: sourceName, audit: auditNote) { writer in
                var layout: TableLayout?
                let context = ReadingContext(referenceDate: request.referenceDate)
                let statistics = try reader.readInBackground(
                    sheet: request.sheet, mapping: mapping, tagger: tagger,
                    prepare: { sample in
                        let tagging = sample.tagging
                        return (tagging, RowNormaliser(tagging: tagging, context: context), Self.dateOrderNotes(tagging, sample.rows, context))
                    },
                    transform: { prepared, row in PreparedRow(row, normaliser: prepared.1) },
                    onStart: { found, prepared in
                        layout = found
                        tagging = prepared.0
                        try writer.writeColumns(prepared.0.columns.map { ($0.letter, $0.header, $0.tag?.description) }, startingAt: 0)
                        for (letter, message) in prepared.2 {
                            try writer.writeFinding(severity: .info, rowNumber: nil, columnLetter: letter, message: message)
                        }
                    },
                    onItems: { rows in
                        for row in rows {
                            try writer.writeRow(number: row.number, encodedCells: row.cells, encodedNormalised: row.normalised)
                        }
                    }
                )
                guard let layout else { throw ImportError.unreadable(Self.noData(request)) }
                if !request.acceptSmaller,
                    let concern = ListSizeCheck(rows: statistics.dataRows, previous: previousImport)
                        .concern(fileName: request.file.lastPathComponent, sourceName: sourceName)
                {
                    throw ImportError.smallerThanBefore(concern: concern)  // rolls the transaction back
                }
                // Cells beyond the last header get columns of their own, with no header, so that every cell sits under one.
                if statistics.widestRow > layout.columnNames.count {
                    try writer.writeColumns(
                        (layout.columnNames.count..<statistics.widestRow).map { (ColumnLetters.letters(forIndex: $0), "", nil) },
                        startingAt: layout.columnNames.count
                    )
                }
                for number in statistics.raggedRowNumbers {
                    try writer.writeFinding(
                        severity: .warning, rowNumber: number, columnLetter: nil,
                        message: "The row has a different number of cells from the header (\(layout.columnNames.count)); stored as it is."
                    )
                }
                for warning in statistics.warnings {
                    try writer.writeFinding(severity: .warning, rowNumber: warning.row, columnLetter: warning.column, message: warning.message)
                }
                warnings = statistics.warnings
                raggedRowNumbers = statistics.raggedRowNumbers
                if let tagging {
                    try writer.saveMapping(
                        try tagging.mapping(forSource: sourceName).yaml(), by: request.importedBy, at: Timestamp.text(Date())
                    )
                }
                return ImportTotals(
                    sheetName: layout.sheet, encoding: layout.encoding?.rawValue,
                    delimiter: layout.delimiter.map(CSVDialect.name(of:)), headerRowNumber: layout.headerRowNumber,
                    rowCount: statistics.dataRows, columnCount: max(layout.columnNames.count, statistics.widestRow),
                    blankRowCount: statistics.blankRows, raggedRowCount: statistics.raggedRows,
                    preamble: Self.preambleJSON(layout.preamble), finishedAt: Timestamp.text(Date())
                )
            }
        } catch let error as SpreadsheetError {
            logger.warning("import refused", metadata: ["reason": "\(error.reason.rawValue)", "row": "\(error.row ?? 0)"])
            throw ImportError.unreadable(error)
        }
        let seconds = Date().timeIntervalSince(started)
        logger.debug("import stored", metadata: ["import": "\(record.id ?? 0)", "rows": "\(record.rowCount)"])
        let summary = ImportSummary(
            record: record, sourceName: sourceName, raggedRowNumbers: raggedRowNumbers, warnings: warnings,
            tagging: tagging, usedSavedMapping: request.mapping == nil && mapping != nil, seconds: seconds
        )
        return summary
    }

    /// The stored import's audit entry: its id, the file and source, the door it came through and its counts; never
    /// a cell of it.
    private static func auditNote(_ record: FileImport, sourceName: String, taggedColumns tagged: Int, _ request: ImportRequest) -> AuditNote {
        AuditTrail.note(
            .importList, by: request.importedBy, subject: "import \(record.id ?? 0)",
            detail: "\(record.fileName) as \"\(sourceName)\" through \(request.door.rawValue): \(record.rowCount) rows, "
                + "\(tagged) of \(record.columnCount) columns tagged" + (request.force ? ", imported again on purpose" : "")
        )
    }

    /// What the first rows say about each date column's day/month order, recorded with the import so that
    /// anyone using the normalised dates knows how ambiguous ones were read.
    static func dateOrderNotes(_ tagging: TableTagging, _ rows: [SheetRow], _ context: ReadingContext) -> [(String, String)] {
        tagging.columns.compactMap { column in
            guard let entry = column.entry, entry.type == .date || entry.type == .dateOfBirth else { return nil }
            let reader = ValueReaders.reader(for: entry)
            var columnContext = context
            columnContext.dateOrder = column.dateOrder
            var summary = DateOrderSummary()
            for row in rows where column.position < row.cells.count && !row.cells[column.position].isEmpty {
                summary.add(reader.read(row.cells[column.position], context: columnContext))
            }
            guard let note = summary.note(readAs: column.dateOrder) else { return nil }
            return (column.letter, "Dates (first \(rows.count) rows): " + note.message)
        }
    }

    private static func noData(_ request: ImportRequest) -> SpreadsheetError {
        SpreadsheetError(
            .noData, file: request.file.lastPathComponent, sheet: request.sheet, problem: "There are no rows with data.",
            remedy: "Check this is the right file; the partner may have sent an empty template."
        )
    }

    private static func preambleJSON(_ rows: [SheetRow]) -> String {
        "[" + rows.map { "{\"row\":\($0.number),\"cells\":\(CellsCoding.encode($0.cells))}" }.joined(separator: ",") + "]"
    }
}
