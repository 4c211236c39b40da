import Foundation
import KithSpreadsheet
import KithStandard

/// The first rows of a staged list, tagged as `kith tag` tags them (the file's hashtag row, then the mapping, then
/// Kith's suggestions), with a few example values of each column: what the tags page shows.
struct ListPreview: Sendable {
    var layout: TableLayout
    var tagging: TableTagging
    /// Up to ``examplesPerColumn`` values of each column, from the first rows that have one.
    var examples: [[String]]
    /// The mapping the columns were tagged with, if any.
    var mapping: ColumnMapping?

    static let examplesPerColumn = 3

    /// Reads the layout and the first ``DataChecker/rowsForTagging`` rows; blocking, so run it with ``offload(_:)``.
    /// Throws ``SpreadsheetError`` for a file it cannot read or that has no rows.
    static func read(_ file: URL, sheet: String?, mapping: ColumnMapping?, referenceDate: CivilDate) throws -> ListPreview {
        let tagger = Tagger(referenceDate: referenceDate)
        var found: ListPreview?
        do {
            try TableReader(url: file).read(sheet: sheet, lookahead: DataChecker.rowsForTagging) { layout, rows in
                let tagging = TableTagging(
                    columnNames: layout.columnNames, hashtagRow: layout.hashtagRow, rows: rows, mapping: mapping, tagger: tagger
                )
                found = ListPreview(
                    layout: layout, tagging: tagging, examples: examples(of: rows, columns: layout.columnNames.count),
                    mapping: mapping
                )
                throw StopReading()
            } onRow: { _ in }
        } catch is StopReading {}
        guard let found else {
            throw SpreadsheetError(
                .noData, file: file.lastPathComponent, sheet: sheet, problem: "There are no rows with data.",
                remedy: "Check this is the right file; the partner may have sent an empty template."
            )
        }
        return found
    }

    private static func examples(of rows: [SheetRow], columns: Int) -> [[String]] {
        var examples = Array(repeating: [String](), count: columns)
        for row in rows {
            for (position, cell) in row.cells.prefix(columns).enumerated() where examples[position].count < examplesPerColumn {
                let value = cell.trimmingCharacters(in: .whitespaces)
                if !value.isEmpty { examples[position].append(value) }
            }
            if examples.allSatisfy({ $0.count >= examplesPerColumn }) { break }
        }
        return examples
    }

    /// Ends the read once the first rows are in.
    private struct StopReading: Error {}
}
