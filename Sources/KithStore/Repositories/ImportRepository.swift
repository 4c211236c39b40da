/// Stores partner files and reads them back. Each import is written in one transaction, with its audit entry:
/// it is either all there or not there at all.
public protocol ImportRepository: Sendable {
    /// Complete imports of a file with this SHA-256, oldest first.
    func completedImports(withSHA256 sha256: String) throws -> [FileImport]

    /// Stores one import: finds or creates the source by name, inserts `draft`, then lets `body` write the
    /// columns, rows and findings. When `body` returns its totals, which complete the import record, writes the
    /// entry `audit` makes from the completed record, and commits; if anything throws, nothing is stored.
    func performImport(
        _ draft: FileImport, sourceName: String, audit: (FileImport) -> AuditNote, _ body: (any ImportWriter) throws -> ImportTotals
    ) throws -> FileImport

    func sources() throws -> [Source]
    /// Imports, newest first; of one source when its name is given.
    func imports(ofSourceNamed name: String?) throws -> [FileImport]
    func columns(ofImport importId: Int64) throws -> [ImportColumn]
    func rows(ofImport importId: Int64, limit: Int?) throws -> [SourceRow]
    func findings(ofImport importId: Int64) throws -> [ImportFinding]
    /// Number of stored rows across all imports.
    func rowCount() throws -> Int
    /// The saved column mapping (YAML) of a source, if it has one.
    func mapping(forSourceNamed name: String) throws -> SourceMapping?
    /// Saves a source's column mapping outside any import, creating the source if need be.
    func saveMapping(_ mapping: String, forSourceNamed name: String, by person: String, at time: String) throws

    // Reads for the web's pages, on the store's own queue, so that a request waiting for them holds no thread.

    /// The latest `limit` imports, newest first, with the figures the imports page shows beside them.
    func importHistory(limit: Int) async throws -> ImportHistory
    /// One import with its source's name, columns and findings; nil for an unknown id.
    func importDetails(id importId: Int64) async throws -> ImportDetails?
    /// Every partner list's name, in name order.
    func sourceNames() async throws -> [String]
    /// Number of stored rows across all imports.
    func countRows() async throws -> Int
    /// The saved column mapping (YAML) of a source, if it has one.
    func savedMapping(forSourceNamed name: String) async throws -> SourceMapping?
    /// The imports an upload of the file with this SHA-256, as a version of the named list, is compared with.
    func earlierImports(withSHA256 sha256: String, ofSourceNamed name: String) async throws -> EarlierImports
}

/// Writes into the import being stored, inside its transaction.
public protocol ImportWriter: AnyObject {
    /// The id the import will have once committed.
    var importId: Int64 { get }
    /// Records columns in order, the first at `position` (zero-based), with their tags.
    func writeColumns(_ columns: [(letter: String, header: String, tag: String?)], startingAt position: Int) throws
    /// Stores one row whose cells, and the normalised values of its tagged cells, are already encoded by ``CellsCoding``
    /// (UTF-8 JSON text).
    func writeRow(number: Int, encodedCells: ArraySlice<UInt8>, encodedNormalised: ArraySlice<UInt8>?) throws
    /// Saves the source's column mapping (YAML), to tag its next list the same way.
    func saveMapping(_ mapping: String, by person: String, at time: String) throws
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
        var encoded: [UInt8] = []
        CellsCoding.append(cells, to: &encoded)
        try writeRow(number: number, encodedCells: encoded[...], encodedNormalised: nil)
    }

    public func writeColumns(_ headers: [(letter: String, header: String)]) throws {
        try writeColumns(headers.map { ($0.letter, $0.header, nil) }, startingAt: 0)
    }
}
