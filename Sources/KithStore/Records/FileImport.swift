import GRDB

/// One file received from a source and stored: what it was, who imported it, when, and what was read.
public struct FileImport: Codable, Sendable, Equatable, Identifiable {
    /// The outcome of an import. Only complete imports are ever stored: a failed one leaves no trace.
    public enum Status: String, Codable, Sendable {
        case complete
    }

    public var id: Int64?
    public var sourceId: Int64
    public var fileName: String
    /// The sheet read, for workbooks.
    public var sheetName: String?
    /// SHA-256 of the file's bytes, in hex: the same file imported twice is refused unless forced.
    public var fileSHA256: String
    public var fileBytes: Int64
    /// "CSV" or "XLSX".
    public var format: String
    /// For CSV: "UTF-8", "UTF-8 with BOM" or "Windows-1252".
    public var encoding: String?
    /// For CSV: "comma", "semicolon", "tab" or "pipe".
    public var delimiter: String?
    public var importedBy: String
    /// ISO 8601 time the import started and finished.
    public var startedAt: String
    public var finishedAt: String
    public var status: Status
    /// Excel row number of the header.
    public var headerRowNumber: Int
    /// Data rows stored.
    public var rowCount: Int
    public var columnCount: Int
    public var blankRowCount: Int
    public var raggedRowCount: Int
    /// Rows above the header (title block), as JSON: `[{"row":1,"cells":["…"]}]`.
    public var preamble: String

    public init(
        id: Int64? = nil, sourceId: Int64, fileName: String, sheetName: String?, fileSHA256: String, fileBytes: Int64,
        format: String, encoding: String?, delimiter: String?, importedBy: String, startedAt: String, finishedAt: String,
        status: Status, headerRowNumber: Int, rowCount: Int, columnCount: Int, blankRowCount: Int, raggedRowCount: Int,
        preamble: String
    ) {
        self.id = id
        self.sourceId = sourceId
        self.fileName = fileName
        self.sheetName = sheetName
        self.fileSHA256 = fileSHA256
        self.fileBytes = fileBytes
        self.format = format
        self.encoding = encoding
        self.delimiter = delimiter
        self.importedBy = importedBy
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.status = status
        self.headerRowNumber = headerRowNumber
        self.rowCount = rowCount
        self.columnCount = columnCount
        self.blankRowCount = blankRowCount
        self.raggedRowCount = raggedRowCount
        self.preamble = preamble
    }
}

extension FileImport: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "fileImport"

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
