/// Counts from reading a table, for the import summary.
public struct TableStatistics: Sendable, Equatable {
    /// Data rows passed on (blank rows are not counted).
    public var dataRows = 0
    /// Blank rows skipped among the data.
    public var blankRows = 0
    /// Data rows with a different number of cells from the header (CSV), or with cells beyond the last named column.
    public var raggedRows = 0
    /// Numbers of the first ragged rows, for the report.
    public var raggedRowNumbers: [Int] = []
    /// Widest row seen, in cells.
    public var widestRow = 0
    /// Oddities found while reading, such as a quote left open at the end of a CSV file.
    public var warnings: [TableWarning] = []

    public init() {}
}
