import Foundation

/// Turns a number cell's stored value into the text Kith keeps: dates as ISO 8601, times as `HH:MM:SS`,
/// other numbers as Excel shows them in General format (integers without `.0`, 15 significant digits).
enum NumberText {
    static func format(_ stored: String, as kind: CellFormats.Kind, dateSystem: ExcelDateSystem) -> String {
        let trimmed = stored.trimmingCharacters(in: .whitespaces)
        guard let value = Double(trimmed), value.isFinite else { return trimmed }
        switch kind {
        case .number:
            return general(value, stored: trimmed)
        case .date, .dateTime:
            let day = Int(value.rounded(.down))
            let seconds = Int(((value - Double(day)) * 86_400).rounded())
            guard let date = dateSystem.date(fromSerial: day + seconds / 86_400) else { return general(value, stored: trimmed) }
            let remainder = seconds % 86_400
            return kind == .date || remainder == 0 ? date.description : date.description + " " + clock(remainder)
        case .time:
            let seconds = Int(((value - value.rounded(.down)) * 86_400).rounded()) % 86_400
            return value >= 1 ? general(value, stored: trimmed) : clock(seconds)
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
