/// Why a partner's file could not be read, with where and what to do, in words a data analyst can act on.
public struct SpreadsheetError: Error, CustomStringConvertible, Equatable, Sendable {
    /// What went wrong, in a few words a program can test for.
    public enum Reason: String, Sendable, Equatable {
        case cannotOpen
        case emptyFile
        case notASpreadsheet
        case passwordProtected
        case legacyWorkbook
        case unsupportedEncoding
        case brokenWorkbook
        case zipBomb
        case unsafeXML
        case notAWorksheet
        case sheetNotFound
        case noData
        case tooLarge
        case cellTooLong
    }

    public var reason: Reason
    public var file: String
    public var sheet: String?
    /// The row as Excel numbers it, when the problem is in one row.
    public var row: Int?
    /// The column letter, when the problem is in one cell.
    public var column: String?
    /// What is wrong.
    public var problem: String
    /// What the person importing can do about it.
    public var remedy: String

    public init(
        _ reason: Reason, file: String, sheet: String? = nil, row: Int? = nil, column: String? = nil,
        problem: String, remedy: String
    ) {
        self.reason = reason
        self.file = file
        self.sheet = sheet
        self.row = row
        self.column = column
        self.problem = problem
        self.remedy = remedy
    }

    /// "file.xlsx, sheet "Clients", row 12, column D: problem. remedy"
    public var description: String {
        "\(FilePlace.describe(file: file, sheet: sheet, row: row, column: column)): \(problem) \(remedy)"
    }
}

extension SpreadsheetError {
    /// A row with values in more columns than ``ReadLimits/maximumColumns``.
    /// - Parameter columns: the columns the row spans, to its last value.
    static func tooManyColumns(_ columns: Int, file: String, sheet: String?, row: Int, limits: ReadLimits) -> SpreadsheetError {
        SpreadsheetError(
            .tooLarge, file: file, sheet: sheet, row: row,
            problem:
                "The \(sheet == nil ? "file" : "sheet") has \(grouped(columns)) columns; Kith reads at most \(grouped(limits.maximumColumns)) columns.",
            remedy: "Delete the empty or unneeded columns and save it again."
        )
    }

    /// A count with commas between thousands, `16,384`, whatever the machine's locale.
    static func grouped(_ number: Int) -> String {
        let digits = String(number.magnitude)
        var text = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { text.append(",") }
            text.append(digit)
        }
        return number < 0 ? "-" + text : text
    }
}
