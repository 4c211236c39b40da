/// Escapes text for XML 1.0 element content and attribute values, as OOXML requires.
///
/// Characters XML 1.0 forbids (most C0 controls) are written the way Excel writes them, `_x000B_`,
/// and a literal `_xHHHH_` in the text has its underscore escaped (`_x005F_`) so it reads back unchanged.
enum XMLEscaping {
    static func escape(_ text: String) -> String {
        var needsWork = false
        for byte in text.utf8 where byte < 0x20 || byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte == 0x5F {
            needsWork = true
            break
        }
        guard needsWork else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 16)
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "\t", "\n": result.unicodeScalars.append(scalar)
            case "\r": result += "&#13;"
            case "_" where looksLikeEscape(scalars, at: index): result += "_x005F_"
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
                    result += "_x" + String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 4) + "_"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
            index += 1
        }
        return result
    }

    /// Whether `_xHHHH_` starts at `index`.
    static func looksLikeEscape(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        guard index + 6 < scalars.count, scalars[index + 1] == "x", scalars[index + 6] == "_" else { return false }
        return scalars[(index + 2)...(index + 5)].allSatisfy { $0.properties.isASCIIHexDigit }
    }
}
