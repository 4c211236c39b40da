import Foundation

/// Finds the header row of a table whose first rows may be a title block, and names its columns.
///
/// Partners put titles, extract dates and notes above their tables. The header is the first row that
/// is all text and about as wide as the rows below it; a row of headers merged across columns with
/// a row of sub-headers under it (Address → Line 1, Postcode) is read as one header, "Address Line 1".
public enum HeaderDetector {
    /// How many non-blank rows at the top of a sheet are looked at.
    public static let rowsExamined = 30

    /// The outcome: which buffered rows are the header, and the column names.
    public struct Detection: Equatable, Sendable {
        /// Indexes into the examined rows of the rows that make up the header (one, or two for a merged group header).
        public var headerRows: ClosedRange<Int>
        public var columnNames: [String]
        /// Index of an HXL hashtag row under the header, if there is one.
        public var hashtagRow: Int?
    }

    /// Detects the header among `rows` (non-blank rows from the top of the sheet), using merged ranges when given.
    public static func detect(in rows: [SheetRow], mergedRanges: [CellRange] = []) -> Detection? {
        guard !rows.isEmpty else { return nil }
        let filled = rows.map { row in row.cells.count { !$0.trimmingCharacters(in: .whitespaces).isEmpty } }
        var chosen = 0
        for index in rows.indices {
            let widestBelow = filled[(index + 1)...].max() ?? filled[index]
            let isWideEnough =
                filled[index] >= max(2, Int((Double(widestBelow) * 0.6).rounded(.up)))
                || (filled[index] == 1 && widestBelow <= 1)
            if isWideEnough && isTextual(rows[index]) {
                chosen = index
                break
            }
            if index == rows.count - 1 { chosen = rows.firstIndex { !$0.isBlank } ?? 0 }
        }
        let header = rows[chosen]
        var names = expand(header, mergedRanges: mergedRanges)
        var last = chosen
        // A group header merged across columns, with sub-headers on the next row.
        let groupMerges = mergedRanges.filter { $0.firstRow == header.number - 1 && $0.lastColumn > $0.firstColumn }
        if !groupMerges.isEmpty, chosen + 1 < rows.count, rows[chosen + 1].number == header.number + 1,
            isTextual(rows[chosen + 1]), filled[chosen + 1] >= 2
        {
            let subHeaders = expand(rows[chosen + 1], mergedRanges: mergedRanges.filter { $0.lastRow > $0.firstRow })
            let width = max(names.count, subHeaders.count)
            names = (0..<width).map { column in
                let top = column < names.count ? names[column].trimmingCharacters(in: .whitespaces) : ""
                let bottom = column < subHeaders.count ? subHeaders[column].trimmingCharacters(in: .whitespaces) : ""
                if top.isEmpty || top == bottom { return bottom }
                if bottom.isEmpty { return top }
                return top + " " + bottom
            }
            last = chosen + 1
        }
        var hashtagRow: Int?
        if isHashtagRow(rows[last]) {
            // A file with only a hashtag row and no human header: the tags are the names too.
            hashtagRow = last
        } else if last + 1 < rows.count, isHashtagRow(rows[last + 1]) {
            hashtagRow = last + 1
        }
        return Detection(headerRows: chosen...last, columnNames: names, hashtagRow: hashtagRow)
    }

    /// Whether every non-empty cell of a row is an HXL tag specification (`#hashtag +attribute …`), as in HXL's hashtag row.
    public static func isHashtagRow(_ row: SheetRow) -> Bool {
        var tags = 0
        for cell in row.cells {
            let trimmed = cell.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { continue }
            guard trimmed.hasPrefix("#"), let first = trimmed.unicodeScalars.dropFirst().first, first.isASCII,
                first.properties.isAlphabetic,
                trimmed.unicodeScalars.allSatisfy({
                    $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "#+_ ".unicodeScalars.contains($0))
                })
            else { return false }
            tags += 1
        }
        return tags > 0
    }

    /// The row's cells with each merged range's value copied into every column it covers on that row.
    static func expand(_ row: SheetRow, mergedRanges: [CellRange]) -> [String] {
        var cells = row.cells
        let zeroBasedRow = row.number - 1
        for range in mergedRanges where zeroBasedRow >= range.firstRow && zeroBasedRow <= range.lastRow {
            guard range.lastColumn < 16_384 else { continue }
            // Only the top-left cell of a merge holds the value; on lower rows of a vertical merge the value sits above.
            let value = zeroBasedRow == range.firstRow && range.firstColumn < cells.count ? cells[range.firstColumn] : ""
            guard !value.isEmpty else { continue }
            if cells.count <= range.lastColumn {
                cells.append(contentsOf: repeatElement("", count: range.lastColumn + 1 - cells.count))
            }
            for column in range.firstColumn...range.lastColumn where cells[column].isEmpty {
                cells[column] = value
            }
        }
        return cells
    }

    /// Whether every non-empty cell reads as a label: not a number and not a date.
    static func isTextual(_ row: SheetRow) -> Bool {
        var labels = 0
        for cell in row.cells {
            let trimmed = cell.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { continue }
            if Double(trimmed) != nil || looksLikeDate(trimmed) { return false }
            labels += 1
        }
        return labels > 0
    }

    private static func looksLikeDate(_ text: String) -> Bool {
        let digits = text.count { $0.isNumber }
        let separators = text.count { $0 == "/" || $0 == "-" || $0 == "." }
        return digits >= 4 && separators >= 2 && digits + separators + text.count { $0 == " " || $0 == ":" } >= text.count - 3
    }
}
