import Foundation
import Hummingbird
import KithAccess
import KithStandard
import KithStore

extension WebApp {
    /// How many of an import's findings its page lists.
    static let importFindingsShown = 100

    /// One import's page, where an import through the web ends: what was stored, what the import noticed, and
    /// "Link and score now".
    func importedPage(_ id: Int64, signedIn: SignedIn, path: String) throws -> Response {
        let repository = database.imports
        guard let record = try repository.imports(ofSourceNamed: nil).first(where: { $0.id == id }) else { throw WebError.notFound }
        let source = try repository.sources().first { $0.id == record.sourceId }?.name ?? "?"
        let findings = try repository.findings(ofImport: id)
        let entry = ImportHistoryEntry(record, source: source, columns: try repository.columns(ofImport: id), findings: findings)
        let listed = findings.prefix(Self.importFindingsShown).map { finding -> [String: Any] in
            let severity = Self.severityTag(Severity(rawValue: finding.severity.rawValue) ?? .info)
            return [
                "severity": severity.text, "severityClass": severity.style, "row": finding.rowNumber.map(String.init) ?? "–",
                "column": finding.columnLetter ?? "–", "message": finding.message,
            ]
        }
        return pages.page(
            "imported", title: "List imported",
            values: [
                "id": entry.id, "source": entry.source, "fileName": entry.fileName, "sheet": entry.sheet ?? "", "hasSheet": entry.sheet != nil,
                "rows": entry.rows.formatted(), "columns": entry.columns, "tagged": entry.taggedColumns, "importedBy": entry.importedBy,
                "importedAt": DisplayTime.text(entry.importedAt), "findingsText": Self.findingsText(warnings: entry.warnings, notes: entry.notes),
                "findings": listed, "findingsCut": findings.count > listed.count, "findingsTotal": findings.count.formatted(),
            ],
            signedIn: signedIn, path: path
        )
    }
}
