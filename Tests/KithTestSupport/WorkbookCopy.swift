import Foundation
import KithSpreadsheet

/// A workbook's sheets as text, and back: how a test stands in for a person who opens a workbook Kith wrote,
/// types into some cells and saves it.
public enum WorkbookCopy {
    /// One sheet: its name and its rows that hold anything, numbered as Excel shows them.
    public struct Sheet: Sendable {
        public var name: String
        public var rows: [SheetRow]

        public init(name: String, rows: [SheetRow]) {
            self.name = name
            self.rows = rows
        }

        /// The rows after the first (the header), as text.
        public var body: [[String]] { rows.dropFirst().map(\.cells) }

        /// The position of a header in the first row.
        public func column(_ header: String) -> Int? { rows.first?.cells.firstIndex(of: header) }
    }

    /// Every worksheet of the workbook in tab order.
    public static func read(_ url: URL) throws -> [Sheet] {
        let reader = try XLSXReader(url: url)
        return try reader.sheetNames.map { name in
            var rows: [SheetRow] = []
            try reader.forEachRow(inSheet: name) { rows.append($0) }
            return Sheet(name: name, rows: rows)
        }
    }

    /// Writes the sheets as a new workbook, every cell as text, each row at its own number.
    public static func write(_ sheets: [Sheet], to url: URL) throws {
        let writer = try XLSXWriter(url: url)
        for sheet in sheets {
            try writer.beginSheet(named: sheet.name)
            var next = 1
            for row in sheet.rows {
                while next < row.number {
                    try writer.appendRow([])
                    next += 1
                }
                try writer.appendRow(row.cells.map { $0.isEmpty ? CellValue.empty : .text($0) })
                next += 1
            }
        }
        try writer.finish()
    }

    /// Sets a cell of a row (0-based column), padding the row with empty cells.
    public static func set(_ value: String, in row: inout SheetRow, column: Int) {
        while row.cells.count <= column { row.cells.append("") }
        row.cells[column] = value
    }
}
