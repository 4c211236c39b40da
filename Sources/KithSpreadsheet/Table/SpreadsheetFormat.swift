/// The kinds of file Kith reads, told apart by their first bytes rather than their names.
public enum SpreadsheetFormat: String, Sendable, Equatable {
    case csv = "CSV"
    case xlsx = "XLSX"
}
