import GRDB

/// One column of an imported table: its position, its spreadsheet letter and the header the partner gave it.
public struct ImportColumn: Codable, Sendable, Equatable {
    public var importId: Int64
    /// Zero-based position; the cell at this index of every stored row sat under this header.
    public var position: Int
    /// The column letter in the partner's spreadsheet: A, B, … AA.
    public var letter: String
    /// The header as written (empty when the column had none).
    public var header: String
    /// The column's tag in Kith's data standard (`#x_person +name +given`), or nil when it was left untagged.
    public var tag: String?

    public init(importId: Int64, position: Int, letter: String, header: String, tag: String? = nil) {
        self.importId = importId
        self.position = position
        self.letter = letter
        self.header = header
        self.tag = tag
    }
}

extension ImportColumn: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "importColumn"
}
