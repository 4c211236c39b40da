/// One thing the Data Checker found: where it is, what it is, and what to do about it.
public struct Finding: Codable, Sendable, Equatable {
    public var severity: Severity
    /// The row as the partner sees it in Excel (the header row is 1 when it is the first row); nil for a whole column or table.
    public var row: Int?
    /// The spreadsheet column letter; nil for a whole row or table.
    public var column: String?
    public var header: String?
    /// The column's tag, `#x_person +id +nhs`.
    public var tag: String?
    /// The cell's value as the partner wrote it.
    public var value: String?
    /// A stable identifier for the check, such as `nhs-number.check-digit`.
    public var check: String
    /// What is wrong, in plain English.
    public var message: String
    /// A fix, when one is known.
    public var suggestion: String?

    public init(
        severity: Severity, row: Int?, column: String?, header: String?, tag: String?, value: String?, check: String,
        message: String, suggestion: String? = nil
    ) {
        self.severity = severity
        self.row = row
        self.column = column
        self.header = header
        self.tag = tag
        self.value = value
        self.check = check
        self.message = message
        self.suggestion = suggestion
    }
}
