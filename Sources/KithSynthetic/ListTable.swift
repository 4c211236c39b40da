import KithSpreadsheet

/// A text cell, or an empty cell for empty text (so a workbook holds no zero-length strings).
func textCell(_ text: String) -> CellValue {
    text.isEmpty ? .empty : .text(text)
}

/// One partner list held in memory before it is written: its file format, any title rows, the header,
/// the data rows and, for the truth, which resident each row describes.
struct ListTable: Sendable {
    /// How the partner's file is stored.
    enum Format: Sendable {
        case csv(delimiter: Character, encoding: TextEncoding)
        case xlsx(sheet: String)
    }

    var source: String
    var fileName: String
    var format: Format
    /// Rows above the header (a title block), written as they are.
    var preamble: [[CellValue]] = []
    /// Ranges to merge, such as the title across the table.
    var merges: [String] = []
    var header: [String]
    var rows: [[CellValue]] = []
    /// The resident (index into the borough) each row describes.
    var people: [Int] = []

    init(source: String, fileName: String, format: Format, header: [String]) {
        self.source = source
        self.fileName = fileName
        self.format = format
        self.header = header
    }

    /// The row number Excel shows for the first data row: after the preamble and the header.
    var firstDataRow: Int { preamble.count + 2 }

    /// The worksheet name, for XLSX lists.
    var sheet: String? {
        if case .xlsx(let sheet) = format { return sheet }
        return nil
    }

    /// Appends a data row of text cells.
    mutating func append(_ fields: [String], person: Int) {
        rows.append(fields.map { CellValue.text($0) })
        people.append(person)
    }

    /// Appends a data row of typed cells.
    mutating func append(cells: [CellValue], person: Int) {
        rows.append(cells)
        people.append(person)
    }

    /// Reorders the rows by a key (ties keep their order), keeping the truth aligned.
    mutating func sort<Key: Comparable>(by key: (Int) -> Key) {
        let keys = rows.indices.map(key)
        let order = rows.indices.sorted { keys[$0] < keys[$1] || (keys[$0] == keys[$1] && $0 < $1) }
        rows = order.map { rows[$0] }
        people = order.map { people[$0] }
    }
}
