import Foundation
import KithLinkage
import KithSpreadsheet

/// The workbook `kith link FILES --out DIR --format xlsx` writes and a reviewer fills in: the names of its sheets
/// and columns and the words of its drop-down, in one place for ``LinkWorkbookWriter`` and ``ReviewedDecisions``.
///
/// The **Review** sheet holds one block of two rows per uncertain pair, one row per record, so that names sit over
/// names and dates over dates. Both rows carry the pair's number; the first carries its probability and a
/// **Decision** cell with a drop-down of ``same`` and ``notSame``; the **Why** column gives what speaks for the same
/// person on the first row and what speaks against on the second. The **Decided** sheet holds, in the same
/// layout, the pairs people have decided (read from `--decisions`), so that the next run's workbook still carries
/// them. The last two columns, **Key** and **Check**, name each record (`source:row`) and fingerprint its name and
/// date of birth, so a decision is matched back to the same two rows and never to whoever sits in those rows after
/// a list is pasted in again in another order.
public enum LinkWorkbook {
    /// The workbook's name in the output folder.
    public static let fileName = "kith-link.xlsx"

    public static let summarySheet = "Summary"
    public static let reviewSheet = "Review"
    public static let decidedSheet = "Decided"
    public static let personsSheet = "Persons"

    /// The drop-down's two choices.
    public static let same = "Same"
    public static let notSame = "Not the same"

    static let pairHeader = "Pair"
    static let probabilityHeader = "Probability"
    static let decisionHeader = "Decision"
    static let personHeader = "Person"
    static let sourceHeader = "List"
    static let rowHeader = "Row"
    static let idHeader = "Id"
    static let whyHeader = "Why"
    static let keyHeader = "Key"
    static let checkHeader = "Check"

    /// A record's details as review shows them, in order: the header and how to read it from a record.
    static let details: [(header: String, value: @Sendable (PersonRecord) -> CellValue)] = [
        ("Given name", { text($0.givenName) }),
        ("Family name", { text($0.familyName) }),
        ("Date of birth", { $0.birthDate.map(CellValue.date) ?? .empty }),
        ("Sex", { text($0.sex) }),
        ("NHS number", { text($0.nhsNumber) }),
        ("Address", { text($0.address) }),
        ("Postcode", { text($0.postcode) }),
        ("Phone", { text($0.phone) }),
        ("Email", { text($0.email) }),
    ]

    private static func text(_ value: String?) -> CellValue {
        guard let value, !value.isEmpty else { return .empty }
        return .text(value)
    }

    /// The columns of the Review and Decided sheets, in order; `Id` only when the lists have an id column.
    static func reviewHeaders(withIDs: Bool) -> [String] {
        [pairHeader, probabilityHeader, decisionHeader, personHeader, sourceHeader, rowHeader] + (withIDs ? [idHeader] : [])
            + details.map(\.header) + [whyHeader, keyHeader, checkHeader]
    }

    /// A short fingerprint of a record's given name, family name and date of birth (FNV-1a, 64 bits, as hex), to
    /// tell whether the row a decision names still holds the same resident. Case and surrounding spaces aside.
    public static func check(_ record: PersonRecord) -> String {
        let text = [record.givenName ?? "", record.familyName ?? "", record.birthDate?.description ?? ""]
            .map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.joined(separator: "|")
        let hex = String(StableHash.fnv1a(text), radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// The model's reasons for a pair in words: what speaks for the same person, strongest first, and what speaks
    /// against. `For: date of birth exact +6.1; surname exact (common name) +2.3.` and `Against: first name different −4.0.`
    static func reasons(_ evidence: [FieldEvidence]) -> (supporting: String, opposing: String) {
        let present = evidence.filter { $0.level != "missing" }
        func words(_ item: FieldEvidence) -> String {
            let label = LinkageField.allCases.first { $0.columnName == item.field }?.label ?? item.field
            let note = item.note.map { " (\($0))" } ?? ""
            let weight = String(format: "%.1f", abs(item.weight))
            return "\(label) \(item.level)\(note) \(item.weight < 0 ? "−" : "+")\(weight)"
        }
        let supporting = present.filter { $0.weight >= 0 }.sorted { $0.weight > $1.weight }.map(words)
        let opposing = present.filter { $0.weight < 0 }.sorted { $0.weight < $1.weight }.map(words)
        return (
            supporting.isEmpty ? "" : "For: " + supporting.joined(separator: "; ") + ".",
            opposing.isEmpty ? "" : "Against: " + opposing.joined(separator: "; ") + "."
        )
    }
}
