/// Where in a file something is, in the words every error message uses: `calls.xlsx, sheet "Clients", row 12,
/// column D`. One home, so that import, checking and reading a reviewed workbook all name places alike.
public enum FilePlace {
    /// The place, naming only the parts that are known.
    public static func describe(file: String, sheet: String? = nil, row: Int? = nil, column: String? = nil) -> String {
        var place = file
        if let sheet { place += ", sheet \"\(sheet)\"" }
        if let row { place += ", row \(row)" }
        if let column { place += ", column \(column)" }
        return place
    }
}
