import Foundation

/// Turns a number cell's stored value into the text Kith keeps: dates as ISO 8601, times as `HH:MM:SS`,
/// other numbers as Excel shows them in General format (integers without `.0`, 15 significant digits).
///
/// A date or time Excel cannot show (a negative serial, a day after 31 December 9999, a time of a day or more), which it
/// shows as `#####`, is kept as its number, so that nothing in a hostile cell is converted to an integer unchecked.
enum NumberText {
    /// One past the last serial day any date system shows: 31 December 9999 is serial 2,958,465 in the 1900 system.
    static let serialDayLimit = 2_958_466.0

    static func format(_ stored: String, as kind: CellFormats.Kind, dateSystem: ExcelDateSystem) -> String {
        let trimmed = stored.trimmingCharacters(in: .whitespaces)
        guard let value = Double(trimmed), value.isFinite else { return trimmed }
        switch kind {
        case .number:
            return general(value, stored: trimmed)
        case .date, .dateTime:
            guard value >= 0, value < serialDayLimit else { return general(value, stored: trimmed) }
            let day = Int(value.rounded(.down))
            let seconds = Int(((value - Double(day)) * 86_400).rounded())
            guard let date = dateSystem.date(fromSerial: day + seconds / 86_400) else { return general(value, stored: trimmed) }
            let remainder = seconds % 86_400
            return kind == .date || remainder == 0 ? date.description : date.description + " " + clock(remainder)
        case .time:
            guard value >= 0, value < 1 else { return general(value, stored: trimmed) }
            return clock(Int((value * 86_400).rounded()) % 86_400)
        }
    }

    private static func clock(_ seconds: Int) -> String {
        String(seconds / 3600).leftPadded(to: 2) + ":" + String(seconds / 60 % 60).leftPadded(to: 2) + ":"
            + String(seconds % 60).leftPadded(to: 2)
    }

    private static func general(_ value: Double, stored: String) -> String {
        if value == value.rounded(), abs(value) < 1e15 {
            return String(Int64(value))
        }
        if !stored.contains("e"), !stored.contains("E"), stored.filter(\.isNumber).count <= 15 {
            return stored
        }
        var text = String(format: "%.15g", value)
        if text.contains("e") { return text }
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text
    }
}
