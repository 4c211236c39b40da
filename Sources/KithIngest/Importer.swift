import Foundation
import KithSpreadsheet
import KithStore
import Logging

/// Imports a partner's file into the store: reads it (CSV or XLSX), finds its header, and stores every
/// row verbatim in one transaction. Logs ids and counts only, never a resident's data.
public struct Importer: Sendable {
    public let repository: any ImportRepository
    public let limits: ReadLimits
    public let logger: Logger

    public init(repository: any ImportRepository, limits: ReadLimits = ReadLimits(), logger: Logger = Logger(label: "kith.ingest")) {
        self.repository = repository
        self.limits = limits
        self.logger = logger
    }

    /// Imports the file. Throws ``ImportError`` when the file is refused; then the store is as it was.
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
            delimiter: nil, importedBy: request.importedBy, startedAt: Self.timestamp(started), finishedAt: Self.timestamp(started),
            status: .complete, headerRowNumber: 0, rowCount: 0, columnCount: 0, blankRowCount: 0, raggedRowCount: 0, preamble: "[]"
        )
        var raggedRowNumbers: [Int] = []
        var warnings: [TableWarning] = []
        let record: FileImport
        do {
            record = try repository.performImport(draft, sourceName: sourceName) { writer in
                let pipeline = RowPipeline(reader: reader, sheet: request.sheet)
                var layout: TableLayout?
                var statistics = TableStatistics()
                do {
                    reading: while true {
                        switch pipeline.next() {
                        case .layout(let found):
                            layout = found
                            try writer.writeColumns(
                                found.columnNames.enumerated().map { (ColumnLetters.letters(forIndex: $0.offset), $0.element) }
                            )
                        case .rows(let rows):
                            for row in rows { try writer.writeRow(number: row.number, encodedCells: row.encodedCells) }
                        case .finished(let totals):
                            statistics = totals
                            break reading
                        case .failed(let error):
                            throw error
                        }
                    }
                } catch {
                    pipeline.stop()
                    throw error
                }
                guard let layout else { throw ImportError.unreadable(Self.noData(request)) }
                // Cells beyond the last header get columns of their own, with no header, so that every cell sits under one.
                if statistics.widestRow > layout.columnNames.count {
                    try writer.writeColumns(
                        (layout.columnNames.count..<statistics.widestRow).map { (ColumnLetters.letters(forIndex: $0), "") },
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
                return ImportTotals(
                    sheetName: layout.sheet, encoding: layout.encoding?.rawValue,
                    delimiter: layout.delimiter.map(CSVDialect.name(of:)), headerRowNumber: layout.headerRowNumber,
                    rowCount: statistics.dataRows, columnCount: max(layout.columnNames.count, statistics.widestRow),
                    blankRowCount: statistics.blankRows, raggedRowCount: statistics.raggedRows,
                    preamble: Self.preambleJSON(layout.preamble), finishedAt: Self.timestamp(Date())
                )
            }
        } catch let error as SpreadsheetError {
            logger.warning("import refused", metadata: ["reason": "\(error.reason.rawValue)", "row": "\(error.row ?? 0)"])
            throw ImportError.unreadable(error)
        }
        let seconds = Date().timeIntervalSince(started)
        logger.debug("import stored", metadata: ["import": "\(record.id ?? 0)", "rows": "\(record.rowCount)"])
        return ImportSummary(
            record: record, sourceName: sourceName, raggedRowNumbers: raggedRowNumbers, warnings: warnings, seconds: seconds
        )
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

    static func timestamp(_ date: Date) -> String {
        date.formatted(.iso8601)
    }
}
