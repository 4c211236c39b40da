/// One row as a partner's file holds it: its number as Excel shows it (1 for the first row) and its cells as text.
public struct SheetRow: Sendable, Equatable {
    /// The row number a partner sees in Excel; for CSV, the record's position counting blank lines.
    public var number: Int
    /// The cells in order, as read; trailing empty cells of XLSX rows are not kept.
    public var cells: [String]

    public init(number: Int, cells: [String]) {
        self.number = number
        self.cells = cells
    }

    /// Whether every cell is empty or only spaces.
    public var isBlank: Bool {
        cells.allSatisfy { cell in cell.utf8.allSatisfy { $0 == 0x20 || $0 == 0x09 } }
    }
}
