import GRDB

/// One data row of a partner's file, exactly as read: never changed once stored.
public struct SourceRow: Codable, Sendable, Equatable, Identifiable {
    public var id: Int64?
    public var importId: Int64
    /// The row number as the partner sees it in Excel.
    public var rowNumber: Int
    /// The cells in order, as a JSON array of strings; cell `i` sat under the import's column at position `i`.
    public var cells: String
    /// The normalised values of the row's tagged cells where they differ from the cells as written, as a JSON
    /// object keyed by column position: `{"3":"1948-07-05","5":null}`. A null value means the cell could not be
    /// read as its tag's kind; a tagged, non-blank cell that is absent is already in normal form. Nil when no
    /// column was tagged. Keeping only differences keeps the store small and imports fast.
    public var normalised: String?

    public init(id: Int64? = nil, importId: Int64, rowNumber: Int, cells: String, normalised: String? = nil) {
        self.id = id
        self.importId = importId
        self.rowNumber = rowNumber
        self.cells = cells
        self.normalised = normalised
    }

    /// The cells decoded from their stored JSON.
    public var cellValues: [String] {
        CellsCoding.decode(cells)
    }

    /// The normalised value of the cell at `position`, for a tagged column: nil when the cell is blank or could
    /// not be read, or when no column of the row was tagged.
    public func normalisedValue(at position: Int) -> String? {
        guard let normalised else { return nil }
        return CellsCoding.normalisedValue(at: position, cells: cellValues, changes: CellsCoding.decodeChanges(normalised))
    }
}

extension SourceRow: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "sourceRow"

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
