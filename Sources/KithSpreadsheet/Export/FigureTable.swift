import Foundation

/// A table of figures written for a spreadsheet: CSV or XLSX by the file's extension, the first row bold as the
/// header, numbers stored as numbers in a workbook, and every text cell made safe from formula injection.
public enum FigureTable {
    /// Writes `rows` (the header first) to `url`, a `.csv` or `.xlsx` file.
    public static func write(_ rows: [[String]], to url: URL, sheet: String, columnWidths: [Double] = []) throws {
        if url.pathExtension.lowercased() == "xlsx" {
            let writer = try XLSXWriter(url: url)
            try writer.beginSheet(named: String(sheet.prefix(31)), columnWidths: columnWidths, frozenRows: 1)
            for (index, row) in rows.enumerated() {
                let cells: [CellValue] = row.map { text in
                    // A leading zero (`007`, `08`) is part of a code or a label, and stays text.
                    let isCode = text.count > 1 && text.first == "0" && text.dropFirst().first?.isNumber == true
                    guard index > 0, !isCode else { return .text(FormulaGuard.neutralise(text)) }
                    if let integer = Int(text) { return .integer(integer) }
                    if let number = Double(text), number.isFinite, text.first != "+" { return .number(number) }
                    return .text(FormulaGuard.neutralise(text))
                }
                try writer.appendRow(cells, style: index == 0 ? .bold : .plain)
            }
            try writer.finish()
        } else {
            let writer = try CSVWriter(url: url)
            for row in rows { try writer.appendRow(row.map(FormulaGuard.neutralise)) }
            try writer.finish()
        }
    }
}
