import Foundation
import KithSpreadsheet
import KithStandard
import KithStore

/// What an import stored, for the person who ran it.
public struct ImportSummary: Sendable {
    public var record: FileImport
    public var sourceName: String
    /// Numbers of the first rows whose cell count differs from the header.
    public var raggedRowNumbers: [Int]
    /// Oddities that did not stop the import.
    public var warnings: [TableWarning]
    /// The tags the columns were given.
    public var tagging: TableTagging?
    /// Whether the source's saved mapping was used.
    public var usedSavedMapping: Bool
    public var seconds: Double

    /// A few lines for the terminal.
    public var text: String {
        var lines: [String] = []
        let place =
            record.sheetName.map { "sheet \"\($0)\"" }
            ?? [record.encoding, record.delimiter.map { "\($0)-separated" }]
            .compactMap { $0 }.joined(separator: ", ")
        lines.append("Imported \(record.fileName) as \"\(sourceName)\" (import \(record.id ?? 0), \(record.format), \(place))")
        lines.append(
            "  \(Self.count(record.rowCount, "row")) × \(Self.count(record.columnCount, "column")), header on row \(record.headerRowNumber)"
                + (record.blankRowCount > 0 ? ", \(Self.count(record.blankRowCount, "blank row")) skipped" : "")
                + String(format: ", %.2f s (%.0f rows/s)", seconds, seconds > 0 ? Double(record.rowCount) / seconds : 0)
        )
        if record.raggedRowCount > 0 {
            let shown = raggedRowNumbers.map(String.init).joined(separator: ", ")
            lines.append(
                "  Warning: \(Self.count(record.raggedRowCount, "row")) with a different number of cells from the header "
                    + "(rows \(shown)\(record.raggedRowCount > raggedRowNumbers.count ? ", …" : "")); they are stored as they are."
            )
        }
        if let tagging {
            let tagged = tagging.columns.filter { $0.tag != nil }
            var origins: [String] = []
            for origin in [ColumnTagging.Origin.hashtagRow, .mapping, .suggestion] {
                let count = tagged.count { $0.origin == origin }
                guard count > 0 else { continue }
                switch origin {
                case .hashtagRow: origins.append("\(count) from the file's hashtag row")
                case .mapping: origins.append("\(count) from the \(usedSavedMapping ? "source's saved" : "given") mapping")
                default: origins.append("\(count) suggested by Kith")
                }
            }
            lines.append(
                "  Tagged \(tagged.count) of \(tagging.columns.count) columns" + (origins.isEmpty ? "" : " (" + origins.joined(separator: ", ") + ")")
                    + "; normalised values stored beside the raw ones."
            )
        }
        for warning in warnings {
            let place = [warning.row.map { "row \($0)" }, warning.column.map { "column \($0)" }].compactMap { $0 }.joined(separator: ", ")
            lines.append("  Warning: \(place.isEmpty ? "" : place + ": ")\(warning.message)")
        }
        if record.preamble != "[]" {
            lines.append("  Rows above the header (a title block) were kept with the import.")
        }
        return lines.joined(separator: "\n")
    }

    private static func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : "s")"
    }
}
