import Foundation
import KithSpreadsheet

/// Writes a ``ListTable`` as the partner would: CSV through ``CSVWriter`` or a workbook through ``XLSXWriter``.
enum ListFileWriter {
    /// - Parameter timestamp: the time workbooks record as their creation, so that output depends on the configuration alone.
    static func write(_ table: ListTable, to url: URL, timestamp: Date) throws {
        switch table.format {
        case .csv(let delimiter, let encoding):
            let writer = try CSVWriter(url: url, delimiter: delimiter, encoding: encoding)
            for row in table.preamble { try writer.appendRow(row.map(text)) }
            try writer.appendRow(table.header)
            for row in table.rows { try writer.appendRow(row.map(text)) }
            try writer.finish()
        case .xlsx(let sheet):
            let writer = try XLSXWriter(url: url, timestamp: timestamp)
            let widths = table.header.map { max(10, min(40, Double($0.count) + 4)) }
            try writer.beginSheet(named: sheet, columnWidths: widths, frozenRows: table.preamble.count + 1)
            for row in table.preamble {
                try writer.appendRow(row, style: row.isEmpty ? .plain : .bold)
            }
            for range in table.merges { try writer.mergeCells(range) }
            try writer.appendRow(table.header.map { CellValue.text($0) }, style: .bold)
            for row in table.rows { try writer.appendRow(row) }
            try writer.finish()
        }
    }

    /// A cell as CSV text: dates day-first, as a UK partner's spreadsheet would save them.
    static func text(_ cell: CellValue) -> String {
        switch cell {
        case .empty: ""
        case .text(let text): text
        case .number(let number): "\(number)"
        case .integer(let integer): String(integer)
        case .boolean(let value): value ? "TRUE" : "FALSE"
        case .date(let date): DateText.dayMonthYear(date)
        }
    }
}
