import Foundation
import Hummingbird
import KithAccess
import KithStandard
import KithStore

extension ImportController {
    /// One import's page, where an import through the web ends: what was stored, what the import noticed, and
    /// "Link and score now".
    func importedPage(_ id: Int64, signedIn: SignedIn, path: String) async throws -> Response {
        guard let details = try await imports.importDetails(id: id) else { throw WebError.notFound }
        let entry = ImportHistoryEntry(details)
        let listed = details.findings.prefix(ImportWording.importFindingsShown).map { finding in
            let severity = ImportWording.severityTag(Severity(rawValue: finding.severity.rawValue) ?? .info)
            return ImportedPage.Finding(
                severity: severity.text, severityClass: severity.style, row: finding.rowNumber.map(String.init) ?? "–",
                column: finding.columnLetter ?? "–", message: finding.message
            )
        }
        let model = ImportedPage(
            id: entry.id, source: entry.source, fileName: entry.fileName, sheet: entry.sheet ?? "", hasSheet: entry.sheet != nil,
            rows: entry.rows.formatted(), columns: entry.columns, tagged: entry.taggedColumns, importedBy: entry.importedBy,
            importedAt: DisplayTime.text(entry.importedAt), findingsText: ImportWording.findingsText(warnings: entry.warnings, notes: entry.notes),
            findings: listed, findingsCut: details.findings.count > listed.count, findingsTotal: details.findings.count.formatted()
        )
        return pages.page("imported", title: "List imported", model: model, signedIn: signedIn, path: path)
    }
}

/// What `imported.mustache` shows.
struct ImportedPage {
    /// Something the import noticed, as its row in the table.
    struct Finding {
        var severity: String
        var severityClass: String
        var row: String
        var column: String
        var message: String
    }

    var id: Int64
    var source: String
    var fileName: String
    var sheet: String
    var hasSheet: Bool
    var rows: String
    var columns: Int
    var tagged: Int
    var importedBy: String
    var importedAt: String
    /// "2 warnings, 1 note", or "None".
    var findingsText: String
    /// The first findings, up to ``ImportWording/importFindingsShown``.
    var findings: [Finding]
    var findingsCut: Bool
    var findingsTotal: String
}
