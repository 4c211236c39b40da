/// A stored row as record linkage reads it: its cells and normalised values already decoded, with the source
/// it came from, so that the engine can stream every row without knowing how the store keeps them.
public struct LinkableRow: Sendable, Equatable {
    /// The row's `sourceRow.id`: stable, and increasing in the order rows were stored.
    public var rowId: Int64
    public var importId: Int64
    public var sourceName: String
    /// The row number as the partner sees it in Excel.
    public var rowNumber: Int
    /// Cell `i` sat under the import's column at position `i`.
    public var cells: [String]
    /// The normalised values of the row's tagged cells where they differ from ``cells``, by column position; a nil
    /// value means the cell could not be read as its tag's kind (see ``SourceRow/normalised``).
    public var normalised: [Int: String?]

    public init(rowId: Int64, importId: Int64, sourceName: String, rowNumber: Int, cells: [String], normalised: [Int: String?]) {
        self.rowId = rowId
        self.importId = importId
        self.sourceName = sourceName
        self.rowNumber = rowNumber
        self.cells = cells
        self.normalised = normalised
    }

    /// The normalised value of the cell at `position`, for a tagged column: nil when the cell is blank or could
    /// not be read as its tag's kind.
    public func normalisedValue(at position: Int) -> String? {
        CellsCoding.normalisedValue(at: position, cells: cells, changes: normalised)
    }
}
