/// Stores partner files and reads them back. Each import is written in one transaction:
/// it is either all there or not there at all.
public protocol ImportRepository: Sendable {
    /// Complete imports of a file with this SHA-256, oldest first.
    func completedImports(withSHA256 sha256: String) throws -> [FileImport]

    /// Stores one import: finds or creates the source by name, inserts `draft`, then lets `body` write the
    /// columns, rows and findings. Commits when `body` returns its totals, which complete the import record;
    /// if anything throws, nothing is stored.
    func performImport(
        _ draft: FileImport, sourceName: String, _ body: (any ImportWriter) throws -> ImportTotals
    ) throws -> FileImport

    func sources() throws -> [Source]
    /// Imports, newest first; of one source when its name is given.
    func imports(ofSourceNamed name: String?) throws -> [FileImport]
    func columns(ofImport importId: Int64) throws -> [ImportColumn]
    func rows(ofImport importId: Int64, limit: Int?) throws -> [SourceRow]
    func findings(ofImport importId: Int64) throws -> [ImportFinding]
    /// Number of stored rows across all imports.
    func rowCount() throws -> Int
}

/// Writes into the import being stored, inside its transaction.
public protocol ImportWriter: AnyObject {
    /// The id the import will have once committed.
    var importId: Int64 { get }
    /// Records columns in order, the first at `position` (zero-based).
    func writeColumns(_ headers: [(letter: String, header: String)], startingAt position: Int) throws
    /// Stores one row whose cells are already encoded by ``CellsCoding``.
    func writeRow(number: Int, encodedCells: String) throws
    func writeFinding(severity: ImportFinding.Severity, rowNumber: Int?, columnLetter: String?, message: String) throws
}

/// What an import's body reports back, to complete the import record.
public struct ImportTotals: Sendable, Equatable {
    public var sheetName: String?
    public var encoding: String?
    public var delimiter: String?
    public var headerRowNumber: Int
    public var rowCount: Int
    public var columnCount: Int
    public var blankRowCount: Int
    public var raggedRowCount: Int
    public var preamble: String
    public var finishedAt: String

    public init(
        sheetName: String?, encoding: String?, delimiter: String?, headerRowNumber: Int, rowCount: Int, columnCount: Int,
        blankRowCount: Int, raggedRowCount: Int, preamble: String, finishedAt: String
    ) {
        self.sheetName = sheetName
        self.encoding = encoding
        self.delimiter = delimiter
        self.headerRowNumber = headerRowNumber
        self.rowCount = rowCount
        self.columnCount = columnCount
        self.blankRowCount = blankRowCount
        self.raggedRowCount = raggedRowCount
        self.preamble = preamble
        self.finishedAt = finishedAt
    }
}

extension ImportWriter {
    public func writeRow(number: Int, cells: [String]) throws {
        try writeRow(number: number, encodedCells: CellsCoding.encode(cells))
    }

    public func writeColumns(_ headers: [(letter: String, header: String)]) throws {
        try writeColumns(headers, startingAt: 0)
    }
}
