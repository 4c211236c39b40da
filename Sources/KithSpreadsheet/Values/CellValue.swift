/// A value to write into one cell of a spreadsheet.
public enum CellValue: Sendable, Equatable {
    case empty
    case text(String)
    case number(Double)
    case integer(Int)
    case boolean(Bool)
    case date(CivilDate)
}

extension CellValue: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) {
        self = .text(value)
    }
}
