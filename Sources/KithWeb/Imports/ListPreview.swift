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

    /// Reads the layout and the first rows, tagged as every door tags them (``TaggedSample``); blocking, so run it
    /// with ``offload(_:)``. Throws ``SpreadsheetError`` for a file it cannot read or that has no rows.
    static func read(_ file: URL, sheet: String?, mapping: ColumnMapping?, referenceDate: CivilDate) throws -> ListPreview {
        let tagger = Tagger(referenceDate: referenceDate)
        guard let sample = try TableReader(url: file).readTaggedSample(sheet: sheet, mapping: mapping, tagger: tagger) else {
            throw SpreadsheetError(
                .noData, file: file.lastPathComponent, sheet: sheet, problem: "There are no rows with data.",
                remedy: "Check this is the right file; the partner may have sent an empty template."
            )
        }
        return ListPreview(
            layout: sample.layout, tagging: sample.tagging, examples: examples(of: sample.rows, columns: sample.layout.columnNames.count),
            mapping: mapping
        )
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
}
