import Foundation
import HTTPTypes
import Hummingbird
import KithAccess
import KithStore

extension WebApp {
    /// How many imports the history on the imports page lists.
    static let importHistoryLength = 100

    /// The imports page: the upload form (with what was typed and any problems, after a refused upload), the
    /// account's uploads still waiting, and the import history.
    func importsPage(
        for signedIn: SignedIn, path: String, source: String = "", sheet: String = "", notice: String? = nil,
        errors: [PageRenderer.FieldError] = [], status: HTTPResponse.Status = .ok
    ) throws -> Response {
        let repository = database.imports
        let history = try ImportHistoryEntry.latest(in: repository, limit: Self.importHistoryLength)
        let total = try repository.imports(ofSourceNamed: nil).count
        let waiting = uploadStaging.uploads(by: signedIn.name).map { upload -> [String: Any] in
            [
                "id": upload.id, "fileName": upload.fileName, "source": upload.source,
                "uploadedAt": DisplayTime.text(upload.uploadedAt), "next": upload.mapping == nil ? "tags" : "check",
            ]
        }
        let values: [String: Any] = [
            "source": source, "sheet": sheet, "sources": try repository.sources().map(\.name),
            "maximumMegabytes": configuration.maximumUploadBytes / (1024 * 1024),
            "waiting": waiting,
            "history": history.map { entry -> [String: Any] in
                [
                    "id": entry.id, "source": entry.source, "fileName": entry.fileName, "sheet": entry.sheet ?? "–",
                    "rows": entry.rows.formatted(), "columns": entry.columns, "tagged": entry.taggedColumns,
                    "findings": Self.findingsText(warnings: entry.warnings, notes: entry.notes),
                    "importedBy": entry.importedBy, "importedAt": DisplayTime.text(entry.importedAt),
                ]
            },
            "historyCut": total > history.count ? ["shown": history.count, "total": total] as [String: Any] : false,
            "hasRows": try repository.rowCount() > 0,
        ]
        return pages.page(
            "imports", title: "Imports", values: values, signedIn: signedIn, path: path, notice: notice, errors: errors, status: status
        )
    }

    /// "2 warnings, 1 note", or "None".
    static func findingsText(warnings: Int, notes: Int) -> String {
        var parts: [String] = []
        if warnings > 0 { parts.append(plural(warnings, "warning")) }
        if notes > 0 { parts.append(plural(notes, "note")) }
        return parts.isEmpty ? "None" : parts.joined(separator: ", ")
    }
}
