/// A rectangle of cells such as `A1:F3`, zero-based, as used by merged cells.
public struct CellRange: Hashable, Sendable {
    public var firstRow: Int
    public var firstColumn: Int
    public var lastRow: Int
    public var lastColumn: Int

    /// Parses `A1:F3` or a single cell `B2`; nil for anything else.
    public init?(parsing text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 1 || parts.count == 2,
            let first = CellReference(parsing: parts[0]),
            let last = parts.count == 2 ? CellReference(parsing: parts[1]) : first
        else { return nil }
        firstRow = min(first.row, last.row)
        lastRow = max(first.row, last.row)
        firstColumn = min(first.column, last.column)
        lastColumn = max(first.column, last.column)
    }

    public func contains(row: Int, column: Int) -> Bool {
        (firstRow...lastRow).contains(row) && (firstColumn...lastColumn).contains(column)
    }
}

/// One cell's address, such as `B12`, as zero-based row and column.
public struct CellReference: Hashable, Sendable {
    public var row: Int
    public var column: Int

    public init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }

    /// Parses `B12` (with or without `$` signs); nil for anything else.
    public init?(parsing text: some StringProtocol) {
        var letters = 0
        var column = 0
        var row = 0
        var digits = 0
        for byte in text.utf8 where byte != UInt8(ascii: "$") {
            let upper = byte & ~0x20
            if digits == 0, upper >= 65, upper <= 90 {
                column = column * 26 + Int(upper - 64)
                letters += 1
                if letters > 3 { return nil }
            } else if byte >= 48, byte <= 57, letters > 0 {
                row = row * 10 + Int(byte - 48)
                digits += 1
                if digits > 7 { return nil }
            } else {
                return nil
            }
        }
        guard letters > 0, digits > 0, row > 0 else { return nil }
        self.row = row - 1
        self.column = column - 1
    }
}
