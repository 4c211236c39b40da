/// Something odd about a file that did not stop it being read, tied to a row and column where it can be.
public struct TableWarning: Sendable, Equatable {
    /// The row as Excel numbers it.
    public var row: Int?
    /// The column letter.
    public var column: String?
    public var message: String

    public init(row: Int?, column: String?, message: String) {
        self.row = row
        self.column = column
        self.message = message
    }
}
