import GRDB

/// One data row of a partner's file, exactly as read: never changed once stored.
public struct SourceRow: Codable, Sendable, Equatable, Identifiable {
    public var id: Int64?
    public var importId: Int64
    /// The row number as the partner sees it in Excel.
    public var rowNumber: Int
    /// The cells in order, as a JSON array of strings; cell `i` sat under the import's column at position `i`.
    public var cells: String

    public init(id: Int64? = nil, importId: Int64, rowNumber: Int, cells: String) {
        self.id = id
        self.importId = importId
        self.rowNumber = rowNumber
        self.cells = cells
    }

    /// The cells decoded from their stored JSON.
    public var cellValues: [String] {
        CellsCoding.decode(cells)
    }
}

extension SourceRow: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "sourceRow"

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
