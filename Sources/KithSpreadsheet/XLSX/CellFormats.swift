import Foundation

/// Which cell styles show numbers as dates or times, read from `xl/styles.xml`.
///
/// Excel stores a date as a serial number; only the cell's number format says it is a date. Built-in
/// formats 14–22, 27–36, 45–47 and 50–58 are dates or times; a custom format is one if it has day,
/// month-with-day-or-year, year, hour or second codes outside quotes and brackets.
struct CellFormats {
    /// How a number in a cell of a given style should be read.
    enum Kind: Equatable {
        case number
        case date
        case dateTime
        case time
    }

    private var kinds: [Kind] = []

    init() {}

    init(data: Data) {
        var customFormats: [Int: String] = [:]
        var formatIDs: [Int] = []
        var inCellFormats = false
        let collector = XMLElementCollector(
            onStart: { name, attributes, _ in
                switch name {
                case "numFmt":
                    if let id = attributes["numFmtId"].flatMap(Int.init), let code = attributes["formatCode"] {
                        customFormats[id] = code
                    }
                case "cellXfs":
                    inCellFormats = true
                case "xf" where inCellFormats:
                    formatIDs.append(attributes["numFmtId"].flatMap(Int.init) ?? 0)
                default:
                    break
                }
            },
            onEnd: { name in
                if name == "cellXfs" { inCellFormats = false }
            }
        )
        _ = collector.parse(data)
        kinds = formatIDs.map { id in
            if let code = customFormats[id] { return Self.kind(ofFormatCode: code) }
            return Self.kind(ofBuiltInFormat: id)
        }
    }

    /// The kind of numbers in cells with style index `style` (the `s` attribute).
    func kind(ofStyle style: Int) -> Kind {
        style >= 0 && style < kinds.count ? kinds[style] : .number
    }

    static func kind(ofBuiltInFormat id: Int) -> Kind {
        switch id {
        case 14...17, 27...31, 34...36, 50...58: .date
        case 22: .dateTime
        case 18...21, 32, 33, 45...47: .time
        default: .number
        }
    }

    /// Reads a custom format code such as `dd/mm/yyyy`, `[$-809]d mmmm yyyy;@` or `#,##0.00`.
    static func kind(ofFormatCode code: String) -> Kind {
        // Only the first section (positive numbers) matters.
        var hasDate = false
        var hasTime = false
        var hasMonthOrMinute = false
        var inQuotes = false
        var inBrackets = false
        var bracket = ""
        var escapeNext = false
        for character in code.lowercased().replacingOccurrences(of: "general", with: "") {
            if escapeNext {
                escapeNext = false
                continue
            }
            if inQuotes {
                if character == "\"" { inQuotes = false }
                continue
            }
            if inBrackets {
                if character == "]" {
                    inBrackets = false
                    // Elapsed time: [h], [mm], [ss].
                    if ["h", "hh", "m", "mm", "s", "ss"].contains(bracket) { hasTime = true }
                } else {
                    bracket.append(character)
                }
                continue
            }
            switch character {
            case "\"": inQuotes = true
            case "\\", "_", "*": escapeNext = true
            case "[":
                inBrackets = true
                bracket = ""
            case ";": break
            case "d", "y": hasDate = true
            case "h", "s": hasTime = true
            case "m": hasMonthOrMinute = true
            case "0", "#", "?": if !hasDate && !hasTime && !hasMonthOrMinute { return .number }
            default: break
            }
            if character == ";" { break }
        }
        if hasDate { return hasTime ? .dateTime : .date }
        if hasTime { return .time }
        return hasMonthOrMinute ? .date : .number
    }
}
