import Foundation
import KithIngest
import KithStandard
import KithStore

/// How the import pages and the API put things in words, and the limits of what they list: shared by
/// ``ImportController`` and ``APIImport``.
enum ImportWording {
    /// How many findings the check page lists; the rest are counted.
    static let findingsShown = 300
    /// How many of an import's findings its page lists.
    static let importFindingsShown = 100
    /// How many imports the history on the imports page lists.
    static let historyLength = 100
    /// Room for a multipart form's boundaries and text fields on top of the largest file.
    static let formOverhead = 64 * 1024
    /// The longest name a partner list may have.
    static let longestSourceName = 100

    /// "1 error", "3 errors".
    static func plural(_ number: Int, _ noun: String) -> String {
        "\(number.formatted()) \(noun)\(number == 1 ? "" : "s")"
    }

    /// "2 warnings, 1 note", or "None".
    static func findingsText(warnings: Int, notes: Int) -> String {
        var parts: [String] = []
        if warnings > 0 { parts.append(plural(warnings, "warning")) }
        if notes > 0 { parts.append(plural(notes, "note")) }
        return parts.isEmpty ? "None" : parts.joined(separator: ", ")
    }

    /// How a severity is shown: its word and the tag's colour.
    static func severityTag(_ severity: Severity) -> (text: String, style: String) {
        switch severity {
        case .error: ("Error", "tag--red")
        case .warning: ("Warning", "tag--amber")
        case .info: ("Note", "tag--grey")
        }
    }

    /// An import's refusal in words for the web and the API: a duplicate says how to import it again there, not
    /// with the command line's `--force`, and a list far smaller than before how to confirm it there.
    static func explain(_ error: ImportError, remedy: String, acceptSmaller: String = "tick \"This is the whole list\"") -> String {
        if case .smallerThanBefore(let concern) = error {
            return concern + " Nothing was imported. If this really is the whole list, " + acceptSmaller + "."
        }
        guard case .duplicate(let fileName, let previous, let source) = error else { return error.description }
        return "\(fileName): this exact file was already imported as \"\(source)\" on \(DisplayTime.text(previous.startedAt)) "
            + "by \(previous.importedBy) (import \(previous.id ?? 0), \(plural(previous.rowCount, "row"))). Nothing was imported. " + remedy
    }

    /// What is wrong with a partner list's name as typed, if anything.
    static func sourceNameProblems(_ source: String) -> [PageRenderer.FieldError] {
        if source.isEmpty {
            return [.init(field: "source", message: "Enter the name of the partner list, for example Food bank referrals")]
        }
        if source.count > longestSourceName {
            return [.init(field: "source", message: "The name of the partner list must be \(longestSourceName) characters or fewer")]
        }
        return []
    }

    /// The sheet to read: nil for a CSV file or for "the first sheet with data", else the workbook's own spelling
    /// of the name typed (case aside); a problem when the workbook has no such sheet.
    static func sheetChoice(named typed: String, in sheetNames: [String]) -> (name: String?, problem: PageRenderer.FieldError?) {
        guard !typed.isEmpty, !sheetNames.isEmpty else { return (nil, nil) }
        if let name = sheetNames.first(where: { $0 == typed }) ?? sheetNames.first(where: { $0.lowercased() == typed.lowercased() }) {
            return (name, nil)
        }
        let names = sheetNames.map { "\"\($0)\"" }.joined(separator: ", ")
        return (nil, .init(field: "sheet", message: "The workbook has no sheet called \"\(typed)\": its sheets are \(names)"))
    }
}
