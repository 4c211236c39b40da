/// Something odd about a file that did not stop it being read, tied to a row and column where it can be.
public struct TableWarning: Sendable, Equatable {
    /// A stable identifier for the kind of warning, such as `file.unclosed-quote`.
    public var check: String
    /// The row as Excel numbers it.
    public var row: Int?
    /// The column letter.
    public var column: String?
    public var message: String

    public init(check: String, row: Int?, column: String?, message: String) {
        self.check = check
        self.row = row
        self.column = column
        self.message = message
    }
}
