import Foundation
import KithSpreadsheet
import KithStandard

/// Writes a copy of a list with an HXL hashtag row under its header, as HXL does, in CSV or XLSX.
enum TaggedCopy {
    /// Writes the copy; returns the number of data rows written.
    static func write(from source: URL, sheet: String?, tagging: TableTagging, to destination: URL) throws -> Int {
        let reader = try TableReader(url: source)
        let hashtags = tagging.columns.map { $0.tag?.description ?? "" }
        var count = 0
        if destination.pathExtension.lowercased() == "xlsx" {
            let writer = try XLSXWriter(url: destination)
            try reader.read(sheet: sheet) { layout in
                try writer.beginSheet(named: layout.sheet ?? "Tagged", frozenRows: layout.preamble.count + 2)
                for row in layout.preamble { try writer.appendRow(row.cells.map(CellValue.text)) }
                try writer.appendRow(layout.columnNames.map(CellValue.text), style: .bold)
                try writer.appendRow(hashtags.map(CellValue.text))
            } onRow: { row in
                try writer.appendRow(row.cells.map(CellValue.text))
                count += 1
            }
            try writer.finish()
        } else {
            let writer = try CSVWriter(url: destination, encoding: .utf8WithBOM)
            try reader.read(sheet: sheet) { layout in
                for row in layout.preamble { try writer.appendRow(row.cells) }
                try writer.appendRow(layout.columnNames)
                try writer.appendRow(hashtags)
            } onRow: { row in
                try writer.appendRow(row.cells)
                count += 1
            }
            try writer.finish()
        }
        return count
    }
}
