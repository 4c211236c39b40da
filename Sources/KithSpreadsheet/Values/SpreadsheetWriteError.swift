/// Why a spreadsheet could not be written.
public enum SpreadsheetWriteError: Error, CustomStringConvertible, Equatable {
    case cannotCreate(path: String)
    case noSheetOpen
    case finished
    case invalidMergeRange(String)
    case tooManyRows(limit: Int)
    case tooManyColumns(limit: Int)
    case invalidChoices([String])

    public var description: String {
        switch self {
        case .cannotCreate(let path): "Cannot create \(path): check that its folder exists and is writable."
        case .noSheetOpen: "No sheet is open: call beginSheet(named:) before appending rows."
        case .finished: "The workbook is already finished; make a new writer to write another."
        case .invalidMergeRange(let range): "\(range) is not a cell range such as A1:F1."
        case .tooManyRows(let limit): "A sheet holds at most \(limit) rows."
        case .tooManyColumns(let limit): "A sheet holds at most \(limit) columns."
        case .invalidChoices(let choices):
            "A drop-down's choices must be some text without commas or double quotes, at most 255 characters in all: \(choices)."
        }
    }
}
