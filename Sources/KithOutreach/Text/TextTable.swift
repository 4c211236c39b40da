/// Lines of left-aligned columns for the terminal.
enum TextTable {
    static func render(_ rows: [[String]], indent: String = "  ") -> [String] {
        guard let width = rows.map(\.count).max() else { return [] }
        var widths = Array(repeating: 0, count: width)
        for row in rows {
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) }
        }
        return rows.map { row in
            var line = indent
            for (index, cell) in row.enumerated() {
                line += cell + (index == row.count - 1 ? "" : String(repeating: " ", count: widths[index] - cell.count + 2))
            }
            return line
        }
    }
}
