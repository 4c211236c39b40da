import Foundation
import Hummingbird
import KithAccess
import KithSpreadsheet
import KithStandard
import KithStore

extension WebApp {
    /// The tags page: each column with its examples, the tag Kith suggests and why, and a list to change it.
    func tagsPage(for upload: StagedUpload, signedIn: SignedIn, path: String) async throws -> Response {
        let preview: ListPreview
        do {
            preview = try await readPreview(of: upload)
        } catch let error as SpreadsheetError {
            return unreadablePage(error, upload: upload, signedIn: signedIn, path: path)
        } catch is UploadStaging.ReadingStoppedTheServer {
            return stoppedServerPage(upload: upload, signedIn: signedIn, path: path)
        }
        let rows = zip(preview.tagging.columns, preview.tagging.suggestions).map { column, suggestion -> [String: Any] in
            let mapped = preview.mapping?.column(forHeader: column.header) != nil
            let described = Self.describe(column, suggestion: suggestion, mapped: mapped, upload: upload)
            return [
                "position": column.position, "letter": column.letter, "header": column.header.isEmpty ? "(no header)" : column.header,
                "examples": column.position < preview.examples.count ? preview.examples[column.position] : [],
                "suggestion": described.suggestion, "why": described.why,
                "fromHashtagRow": column.origin == .hashtagRow, "tag": column.tag?.description ?? "",
                "untagged": column.tag == nil, "groups": TagChoices.selectGroups(selected: column.tag),
            ]
        }
        let tagged = preview.tagging.columns.count { $0.tag != nil }
        return pages.page(
            "import-tags", title: "Check the tags of each column",
            values: [
                "upload": Self.uploadValues(upload), "columns": rows, "headerRow": preview.layout.headerRowNumber,
                "taggedCount": tagged, "columnCount": preview.tagging.columns.count,
            ],
            signedIn: signedIn, path: path
        )
    }

    /// `POST …/tags`: keeps the chosen tags with the upload and goes on to the Data Checker.
    func saveTags(_ form: FormFields, for upload: StagedUpload, signedIn: SignedIn, path: String) async throws -> Response {
        let preview: ListPreview
        do {
            preview = try await readPreview(of: upload)
        } catch let error as SpreadsheetError {
            return unreadablePage(error, upload: upload, signedIn: signedIn, path: path)
        } catch is UploadStaging.ReadingStoppedTheServer {
            return stoppedServerPage(upload: upload, signedIn: signedIn, path: path)
        }
        var upload = upload
        upload.mapping = try TagChoices.mapping(from: form, tagging: preview.tagging, source: upload.source)
        try uploadStaging.save(upload)
        return Self.redirect(to: "/imports/uploads/\(upload.id)/check")
    }

    /// The mapping an upload is tagged with: the tags chosen for it, else the source's saved mapping.
    func mapping(for upload: StagedUpload) throws -> ColumnMapping? {
        if let chosen = upload.mapping { return chosen }
        guard let saved = try database.imports.mapping(forSourceNamed: upload.source) else { return nil }
        return try? ColumnMapping(yaml: saved.mapping)
    }

    private func readPreview(of upload: StagedUpload) async throws -> ListPreview {
        let file = uploadStaging.file(of: upload)
        let mapping = try mapping(for: upload)
        let today = configuration.today
        return try await uploadStaging.whileReading(upload) {
            try await offload { try ListPreview.read(file, sheet: upload.sheet, mapping: mapping, referenceDate: today) }
        }
    }

    /// The page for an upload whose reading once stopped the server: it is refused, not read again.
    func stoppedServerPage(upload: StagedUpload, signedIn: SignedIn, path: String) -> Response {
        pages.page(
            "message", title: "Kith cannot read this file",
            values: [
                "message": "\(upload.fileName): Kith stopped while reading this file, so it will not read it again. The file may be damaged "
                    + "or built to harm: open it in Excel, check it, save it again as a new file and upload that, or ask the partner "
                    + "for a new copy. Tell your Kith administrator, who can find the file's folder in the server's log.",
                "link": ["href": "/imports", "label": "Upload another file"],
            ],
            signedIn: signedIn, path: path, status: .unprocessableContent
        )
    }

    /// The page for a staged file Kith cannot read, saying where and why, with a way to another sheet or file.
    func unreadablePage(_ error: SpreadsheetError, upload: StagedUpload, signedIn: SignedIn, path: String) -> Response {
        let link: [String: Any] =
            upload.isWorkbook && error.reason == .noData
            ? ["href": "/imports/uploads/\(upload.id)/details", "label": "Choose another sheet"]
            : ["href": "/imports", "label": "Upload another file"]
        return pages.page(
            "message", title: "Kith cannot read this file", values: ["message": error.description, "link": link],
            signedIn: signedIn, path: path, status: .unprocessableContent
        )
    }

    /// The upload's own facts, for every page about it.
    static func uploadValues(_ upload: StagedUpload) -> [String: Any] {
        [
            "id": upload.id, "fileName": upload.fileName, "source": upload.source, "isWorkbook": upload.isWorkbook,
        ]
    }

    /// The suggestion shown for a column, and why: where its tag came from and how sure Kith is.
    /// - Parameter mapped: whether the mapping has the column, tagged or not.
    private static func describe(
        _ column: ColumnTagging, suggestion: ColumnSuggestion, mapped: Bool, upload: StagedUpload
    ) -> (suggestion: String, why: String) {
        func named(_ tag: HXLTag?, _ entry: DictionaryEntry?) -> String {
            guard let tag else { return "Not tagged" }
            guard let entry else { return "Not in the data dictionary (\(tag))" }
            return "\(entry.label) (\(entry.tag))"
        }
        let percent = "\(Int((suggestion.confidence * 100).rounded()))%"
        let fromMapping = upload.mapping == nil ? "Saved for \(upload.source) at its last import" : "Your choice"
        switch column.origin {
        case .hashtagRow:
            return (named(column.tag, column.entry), "From the file's own hashtag row, which Kith always follows")
        case .mapping:
            return (named(column.tag, column.entry), fromMapping)
        case .none where mapped:
            return ("Not tagged", fromMapping)
        case .suggestion:
            return (named(column.tag, column.entry), "\(percent) sure: \(suggestion.reason)")
        case .none:
            guard let guess = suggestion.tag else { return ("Not tagged", suggestion.reason) }
            return ("Not tagged", "Perhaps \(named(guess, suggestion.entry)), but only \(percent) sure: \(suggestion.reason)")
        }
    }
}
