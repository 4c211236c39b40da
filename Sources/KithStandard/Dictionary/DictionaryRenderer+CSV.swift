import Foundation

extension DictionaryRenderer {
    /// The columns of the CSV form, in order.
    static let csvHeader = ["tag", "label", "description", "type", "format", "sensitivity", "allowed", "examples", "synonyms"]

    /// What joins the items of a list field in one CSV cell.
    static let csvListSeparator = " | "

    /// One RFC 4180 record per entry under a header row, CRLF line ends. List fields are joined with " | ";
    /// an allowed value is written `code = label`.
    static func csv(_ dictionary: DataDictionary) -> String {
        var records = [csvHeader]
        for entry in dictionary.entries {
            records.append([
                entry.tag,
                entry.label,
                entry.description,
                entry.type.rawValue,
                entry.format,
                entry.sensitivity.rawValue,
                entry.allowed.map { "\($0.code) = \($0.label)" }.joined(separator: csvListSeparator),
                entry.examples.joined(separator: csvListSeparator),
                entry.synonyms.joined(separator: csvListSeparator),
            ])
        }
        return records.map { $0.map(csvField).joined(separator: ",") + "\r\n" }.joined()
    }

    /// A field quoted when RFC 4180 needs it (comma, quote, line break), quotes doubled.
    ///
    /// A field Excel would run as a formula (starting `=`, `+`, `-` or `@`) is prefixed with `'`, as OWASP
    /// advises for CSV meant for spreadsheets: "+44 7700 900456" is written "'+44 7700 900456".
    static func csvField(_ text: String) -> String {
        var field = text
        if let first = field.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) {
            field = "'" + field
        }
        let needsQuotes = field.contains { $0 == "," || $0 == "\"" || $0.isNewline }
        guard needsQuotes else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
