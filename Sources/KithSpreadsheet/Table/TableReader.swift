import Foundation

/// Reads a partner's file, CSV or XLSX, as one table: finds its header under any title block, then
/// streams its data rows. Holds only the first rows in memory, to find the header.
///
/// ```swift
/// let reader = try TableReader(url: url)
/// let statistics = try reader.read(sheet: nil) { layout in
///     print(layout.columnNames)
/// } onRow: { row in
///     store(row)
/// }
/// ```
public final class TableReader {
    public let url: URL
    public let fingerprint: FileFingerprint
    public let limits: ReadLimits
    private let workbook: XLSXReader?

    /// How many ragged row numbers are kept for the report.
    public static let raggedRowsReported = 20

    /// Inspects the file (one pass: SHA-256, kind, encoding) and opens it. Throws a readable
    /// ``SpreadsheetError`` for files that are not spreadsheets or are unsafe.
    public init(url: URL, limits: ReadLimits = ReadLimits()) throws {
        self.url = url
        self.limits = limits
        fingerprint = try FileFingerprint.inspect(url, limits: limits)
        workbook = fingerprint.format == .xlsx ? try XLSXReader(url: url, limits: limits) : nil
    }

    /// The workbook's sheet names; empty for CSV.
    public var sheetNames: [String] { workbook?.sheetNames ?? [] }

    /// The workbook's tabs with what each holds and whether it is hidden; empty for CSV.
    public var sheets: [XLSXReader.SheetDescription] { workbook?.sheets ?? [] }

    /// Whether a sheet of the workbook holds any value; false for CSV and for a sheet it does not have.
    public func sheetHasData(_ name: String) throws -> Bool {
        try workbook?.hasData(inSheet: name) ?? false
    }

    /// Reads the table, first handing `onStart` the layout and up to `lookahead` data rows to look at
    /// (to suggest tags, say), then every data row to `onRow`, those first ones included.
    @discardableResult
    public func read(
        sheet: String?, lookahead: Int, onStart: (TableLayout, [SheetRow]) throws -> Void, onRow: (SheetRow) throws -> Void
    ) throws -> TableStatistics {
        var layout: TableLayout?
        var firstRows: [SheetRow] = []
        var started = false
        let statistics = try read(sheet: sheet) { found in
            layout = found
        } onRow: { row in
            if started {
                try onRow(row)
            } else if firstRows.count < lookahead {
                firstRows.append(row)
            } else {
                started = true
                try onStart(layout!, firstRows)
                for earlier in firstRows { try onRow(earlier) }
                firstRows = []
                try onRow(row)
            }
        }
        if !started, let layout {
            try onStart(layout, firstRows)
            for earlier in firstRows { try onRow(earlier) }
        }
        return statistics
    }

    /// Reads the table. `onLayout` is called once, with the header, before the first `onRow`.
    /// - Parameter sheet: for workbooks, the sheet to read; nil for the first with data. Ignored for CSV.
    @discardableResult
    public func read(
        sheet: String?, onLayout: (TableLayout) throws -> Void, onRow: (SheetRow) throws -> Void
    ) throws -> TableStatistics {
        var statistics = TableStatistics()
        var buffered: [SheetRow] = []
        var layout: TableLayout?
        var lastNumber = 0
        let sheetName = try workbook?.resolveSheet(named: sheet)
        // A merge reaching past the column limit is cut at it: no value is read beyond it, so no header is named there.
        let maximumColumns = limits.maximumColumns
        let mergedRanges = try (sheetName.map { try workbook!.mergedRanges(inSheet: $0) } ?? []).compactMap { range -> CellRange? in
            guard range.firstColumn < maximumColumns else { return nil }
            var clipped = range
            clipped.lastColumn = min(range.lastColumn, maximumColumns - 1)
            return clipped
        }
        let isCSV = fingerprint.format == .csv
        let delimiter = isCSV ? CSVDialect.sniffDelimiter(in: fingerprint.sample) : nil

        func deliver(_ row: SheetRow, columns: Int) throws {
            var row = row
            if isCSV {
                // Trailing empty fields beyond the header (a trailing delimiter) hold nothing; drop them.
                while row.cells.count > columns, row.cells.last?.isEmpty == true { row.cells.removeLast() }
            }
            statistics.blankRows += max(0, row.number - lastNumber - 1)
            lastNumber = row.number
            statistics.dataRows += 1
            statistics.widestRow = max(statistics.widestRow, row.cells.count)
            if row.cells.count > columns || (isCSV && row.cells.count < columns) {
                statistics.raggedRows += 1
                if statistics.raggedRowNumbers.count < Self.raggedRowsReported {
                    statistics.raggedRowNumbers.append(row.number)
                }
            }
            try onRow(row)
        }

        func settleLayout() throws {
            let detection = HeaderDetector.detect(in: buffered, mergedRanges: mergedRanges)
            let headerRange = detection?.headerRows ?? 0...0
            let found = TableLayout(
                format: fingerprint.format, sheet: sheetName, encoding: fingerprint.encoding, delimiter: delimiter,
                headerRowNumber: buffered.isEmpty ? 0 : buffered[headerRange.upperBound].number,
                columnNames: detection?.columnNames ?? [],
                preamble: Array(buffered[..<min(headerRange.lowerBound, buffered.count)]),
                headerRows: buffered.isEmpty ? [] : Array(buffered[headerRange]),
                hashtagRow: detection?.hashtagRow.map { buffered[$0] }
            )
            layout = found
            try onLayout(found)
            lastNumber = found.hashtagRow?.number ?? found.headerRowNumber
            let firstDataIndex = max(headerRange.upperBound, detection?.hashtagRow ?? 0) + 1
            for row in buffered.dropFirst(firstDataIndex) {
                try deliver(row, columns: found.columnNames.count)
            }
            buffered.removeAll()
        }

        let handle: (SheetRow) throws -> Void = { row in
            if row.isBlank { return }
            if let layout {
                try deliver(row, columns: layout.columnNames.count)
            } else {
                buffered.append(row)
                if buffered.count >= HeaderDetector.rowsExamined { try settleLayout() }
            }
        }
        var encodingFindings: EncodingFindings?
        if let workbook, let sheetName {
            try workbook.forEachRow(inSheet: sheetName, handle)
        } else {
            let (warnings, encoding) = try CSVReader(url: url, fingerprint: fingerprint, limits: limits).read(handle)
            statistics.warnings += warnings
            encodingFindings = encoding
        }
        if layout == nil {
            guard !buffered.isEmpty else {
                throw SpreadsheetError(
                    .noData, file: url.lastPathComponent, sheet: sheetName, problem: "There are no rows with data.",
                    remedy: "Check this is the right file; the partner may have sent an empty template."
                )
            }
            try settleLayout()
        }
        // Bytes that do not fit the encoding come first: they can garble every name in the list.
        if let layout, let warning = encodingFindings?.warning(columnNames: layout.columnNames, headerRowNumber: layout.headerRowNumber) {
            statistics.warnings.insert(warning, at: 0)
        }
        return statistics
    }
}
