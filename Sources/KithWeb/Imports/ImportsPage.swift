import Foundation
import HTTPTypes
import Hummingbird
import KithAccess
import KithStore

extension ImportController {
    /// The imports page: the upload form (with what was typed and any problems, after a refused upload), the
    /// account's uploads still waiting, and the import history.
    func importsPage(
        for signedIn: SignedIn, path: String, source: String = "", sheet: String = "", notice: String? = nil,
        errors: [PageRenderer.FieldError] = [], status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let stored = try await imports.importHistory(limit: ImportWording.historyLength)
        let history = stored.latest.map(ImportHistoryEntry.init)
        let waiting = try await offload { staging.uploads(by: signedIn.name) }
        let model = ImportsPage(
            source: source, sheet: sheet, sources: stored.sourceNames, maximumMegabytes: configuration.maximumUploadBytes / (1024 * 1024),
            waiting: waiting.map(ImportsPage.Waiting.init), history: history.map(ImportsPage.Entry.init),
            historyCut: stored.total > history.count ? ImportsPage.Cut(shown: history.count, total: stored.total) : nil,
            hasRows: stored.rowCount > 0
        )
        return pages.page("imports", title: "Imports", model: model, signedIn: signedIn, path: path, notice: notice, errors: errors, status: status)
    }
}

/// What `imports.mustache` shows.
struct ImportsPage {
    /// An upload of the account's, not yet imported.
    struct Waiting {
        var id: String
        var fileName: String
        var source: String
        var uploadedAt: String
        /// The page it continues on: `tags` until its tags are chosen, then `check`.
        var next: String

        init(_ upload: StagedUpload) {
            id = upload.id
            fileName = upload.fileName
            source = upload.source
            uploadedAt = DisplayTime.text(upload.uploadedAt)
            next = upload.mapping == nil ? "tags" : "check"
        }
    }

    /// One import in the history.
    struct Entry {
        var id: Int64
        var source: String
        var fileName: String
        /// `–` for a CSV file.
        var sheet: String
        var rows: String
        var columns: Int
        var tagged: Int
        var findings: String
        var importedBy: String
        var importedAt: String

        init(_ entry: ImportHistoryEntry) {
            id = entry.id
            source = entry.source
            fileName = entry.fileName
            sheet = entry.sheet ?? "–"
            rows = entry.rows.formatted()
            columns = entry.columns
            tagged = entry.taggedColumns
            findings = ImportWording.findingsText(warnings: entry.warnings, notes: entry.notes)
            importedBy = entry.importedBy
            importedAt = DisplayTime.text(entry.importedAt)
        }
    }

    /// How much of a long history is shown.
    struct Cut {
        var shown: Int
        var total: Int
    }

    /// The partner list's name as typed, after a refused upload.
    var source: String
    var sheet: String
    /// The partner lists Kith knows, offered as the name is typed.
    var sources: [String]
    var maximumMegabytes: Int
    var waiting: [Waiting]
    var history: [Entry]
    /// Set when the history is longer than shown.
    var historyCut: Cut?
    /// Whether any rows are stored, so that "Link and score now" has something to do.
    var hasRows: Bool
}
