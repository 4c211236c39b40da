/// How wide text will be drawn, estimated from Arial's character widths (SVG cannot measure text before it is shown,
/// and Kith draws without a browser), and text wrapped or shortened to fit.
enum TextWidth {
    /// The width of `text` at `size`, a little generous so estimates err towards room to spare.
    static func of(_ text: String, size: Double, bold: Bool = false) -> Double {
        var ems = 0.0
        for character in text {
            ems += em(character)
        }
        return ems * size * (bold ? 1.08 : 1.0)
    }

    /// `text` broken between words into at most `maxLines` lines no wider than `width`; what does not fit ends in "…".
    static func lines(_ text: String, size: Double, width: Double, maxLines: Int, bold: Bool = false) -> [String] {
        let maxLines = max(1, maxLines)
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).map(String.init)
        guard !words.isEmpty else { return [""] }
        var lines: [String] = []
        var current = ""
        var remaining = words[...]
        while let word = remaining.first {
            let candidate = current.isEmpty ? word : current + " " + word
            if of(candidate, size: size, bold: bold) <= width || current.isEmpty {
                current = candidate
                remaining = remaining.dropFirst()
                continue
            }
            lines.append(current)
            current = ""
            if lines.count == maxLines { break }
        }
        if !current.isEmpty, lines.count < maxLines {
            lines.append(current)
        } else if !current.isEmpty || !remaining.isEmpty {
            lines[lines.count - 1] += " " + ([current].filter { !$0.isEmpty } + remaining).joined(separator: " ")
        }
        return lines.map { truncated($0, size: size, width: width, bold: bold) }
    }

    /// `text` cut to fit `width`, ending in "…" when anything was cut.
    static func truncated(_ text: String, size: Double, width: Double, bold: Bool = false) -> String {
        guard of(text, size: size, bold: bold) > width else { return text }
        var kept = Substring(text)
        while !kept.isEmpty, of(kept.trimmingSpaces + "…", size: size, bold: bold) > width {
            kept = kept.dropLast()
        }
        return kept.trimmingSpaces + "…"
    }

    private static func em(_ character: Character) -> Double {
        switch character {
        case "i", "j", "l", "I", "!", "|", "'", ".", ",", ":", ";": return 0.25
        case "f", "t", "r", " ", "(", ")", "[", "]", "/", "-": return 0.34
        case "m", "w", "M", "W", "@", "%": return 0.86
        case "0"..."9": return 0.56
        case "a"..."z": return 0.53
        case "A"..."Z": return 0.68
        default: return 0.62
        }
    }
}

extension Substring {
    fileprivate var trimmingSpaces: String {
        var text = self
        while text.last == " " { text = text.dropLast() }
        return String(text)
    }
}
