import Foundation

/// What Kith's maps and charts share in writing SVG by hand: text escaped so it reads the same in XML and in an HTML
/// page, numbers as short as they can be written without exponents or "-0", figures with thousands separators, safe ids
/// and links.
public enum SVG {
    public static let namespace = "http://www.w3.org/2000/svg"

    /// Text made safe for an element's content or an attribute's value. Apostrophes are written `&#39;` rather than
    /// `&apos;` because the SVG is also read inside HTML pages; control characters XML 1.0 cannot hold are dropped, so a
    /// stray one in a boundary file's name cannot make the whole drawing unreadable.
    public static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            case "\t", "\n", "\r": escaped.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }

    /// A coordinate or length as SVG reads it: rounded to `decimals` places, trailing zeros dropped, never in exponent
    /// notation and never "-0" (`12.5`, `-3`, `0`). Values that are not finite are written `0`.
    public static func number(_ value: Double, decimals: Int = 1) -> String {
        digits(value, decimals: decimals, grouped: false, trimmed: true)
    }

    /// A figure for people to read: exactly `decimals` places and thousands separators (`12,345.6`, `-0.5`, `0`).
    public static func figure(_ value: Double, decimals: Int = 0) -> String {
        digits(value, decimals: decimals, grouped: true, trimmed: false)
    }

    /// An id prefix made into a valid XML name: letters, digits, `-` and `_` kept, anything else turned into `-`, and
    /// `svg-` put in front when it would not start with a letter.
    public static func identifier(_ prefix: String) -> String {
        let kept = String(
            prefix.unicodeScalars.map { scalar -> Character in
                let allowed = scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || scalar == "-" || scalar == "_")
                return allowed ? Character(scalar) : "-"
            })
        guard let first = kept.unicodeScalars.first, first.isASCII, CharacterSet.letters.contains(first) else { return "svg-" + kept }
        return kept
    }

    /// Whether a link may be drawn: relative links and `http`, `https` and `mailto` ones. Anything else (`javascript:`,
    /// `data:`) is left off, so a mistake upstream cannot put a script behind a map area.
    public static func isSafeLink(_ href: String) -> Bool {
        let trimmed = href.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return false }
        guard let colon = trimmed.firstIndex(of: ":") else { return true }
        // A colon after the path, query or fragment has started is not a scheme's.
        if let start = trimmed.firstIndex(where: { "/?#".contains($0) }), start < colon { return true }
        return ["http", "https", "mailto"].contains(trimmed[..<colon].lowercased())
    }

    private static func digits(_ value: Double, decimals: Int, grouped: Bool, trimmed: Bool) -> String {
        let places = max(0, min(decimals, 9))
        guard value.isFinite else { return "0" }
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let scaled = (value * scale).rounded()
        // Beyond what an Int64 holds exactly nothing after the point is left to show.
        guard abs(scaled) < 9e15 else {
            let whole = String(format: "%.0f", abs(value.rounded()))
            return (value < 0 ? "-" : "") + (grouped ? group(whole) : whole)
        }
        let integer = Int64(scaled)
        if integer == 0 { return places > 0 && !trimmed ? "0." + String(repeating: "0", count: places) : "0" }
        // Whole and fractional parts by integer arithmetic: maps write hundreds of thousands of these.
        var power: UInt64 = 1
        for _ in 0..<places { power *= 10 }
        var whole = String(integer.magnitude / power)
        var fraction = integer.magnitude % power
        var fractionDigits = places
        if trimmed {
            while fractionDigits > 0, fraction % 10 == 0 {
                fraction /= 10
                fractionDigits -= 1
            }
        }
        if grouped { whole = group(whole) }
        var text = integer < 0 ? "-" + whole : whole
        if fractionDigits > 0 {
            let digits = String(fraction)
            text += "." + String(repeating: "0", count: fractionDigits - digits.count) + digits
        }
        return text
    }

    private static func group(_ whole: String) -> String {
        var grouped = ""
        for (offset, digit) in whole.enumerated() {
            if offset > 0, (whole.count - offset) % 3 == 0 { grouped.append(",") }
            grouped.append(digit)
        }
        return grouped
    }
}
