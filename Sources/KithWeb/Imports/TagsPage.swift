import Foundation
import Hummingbird
import KithAccess
import KithSpreadsheet
import KithStandard
import KithStore

extension ImportController {
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
        let columns = zip(preview.tagging.columns, preview.tagging.suggestions).map { column, suggestion in
            let mapped = preview.mapping?.column(forHeader: column.header) != nil
            let described = TagsPage.describe(column, suggestion: suggestion, mapped: mapped, upload: upload)
            return TagsPage.Column(
                position: column.position, letter: column.letter, header: column.header.isEmpty ? "(no header)" : column.header,
                examples: column.position < preview.examples.count ? preview.examples[column.position] : [],
                suggestion: described.suggestion, why: described.why, fromHashtagRow: column.origin == .hashtagRow,
                tag: column.tag?.description ?? "", untagged: column.tag == nil, groups: TagChoices.selectGroups(selected: column.tag)
            )
        }
        let model = TagsPage(
            upload: UploadFacts(upload), columns: columns, headerRow: preview.layout.headerRowNumber,
            taggedCount: preview.tagging.columns.count { $0.tag != nil }, columnCount: preview.tagging.columns.count
        )
        return pages.page("import-tags", title: "Check the tags of each column", model: model, signedIn: signedIn, path: path)
    }

    /// `POST …/tags`: keeps the chosen tags with the upload and goes on to the Data Checker.
    func keepTags(_ form: FormFields, for upload: StagedUpload, signedIn: SignedIn, path: String) async throws -> Response {
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
        try staging.save(upload)
        return WebApp.redirect(to: "/imports/uploads/\(upload.id)/check")
    }

    /// The mapping an upload is tagged with: the tags chosen for it, else the source's saved mapping.
    func mapping(for upload: StagedUpload) async throws -> ColumnMapping? {
        if let chosen = upload.mapping { return chosen }
        guard let saved = try await imports.savedMapping(forSourceNamed: upload.source) else { return nil }
        return try? ColumnMapping(yaml: saved.mapping)
    }

    private func readPreview(of upload: StagedUpload) async throws -> ListPreview {
        let file = staging.file(of: upload)
        let mapping = try await mapping(for: upload)
        let today = configuration.today
        return try await staging.whileReading(upload) {
            try await offload { try ListPreview.read(file, sheet: upload.sheet, mapping: mapping, referenceDate: today) }
        }
    }

    /// The page for an upload whose reading once stopped the server: it is refused, not read again.
    func stoppedServerPage(upload: StagedUpload, signedIn: SignedIn, path: String) -> Response {
        let message =
            "\(upload.fileName): Kith stopped while reading this file, so it will not read it again. The file may be damaged "
            + "or built to harm: open it in Excel, check it, save it again as a new file and upload that, or ask the partner "
            + "for a new copy. Tell your Kith administrator, who can find the file's folder in the server's log."
        let model = MessagePage(message: message, link: .init(href: "/imports", label: "Upload another file"))
        return pages.page(
            "message", title: "Kith cannot read this file", model: model, signedIn: signedIn, path: path, status: .unprocessableContent
        )
    }

    /// The page for a staged file Kith cannot read, saying where and why, with a way to another sheet or file.
    func unreadablePage(_ error: SpreadsheetError, upload: StagedUpload, signedIn: SignedIn, path: String) -> Response {
        let link =
            upload.isWorkbook && error.reason == .noData
            ? MessagePage.Link(href: "/imports/uploads/\(upload.id)/details", label: "Choose another sheet")
            : MessagePage.Link(href: "/imports", label: "Upload another file")
        return pages.page(
            "message", title: "Kith cannot read this file", model: MessagePage(message: error.description, link: link),
            signedIn: signedIn, path: path, status: .unprocessableContent
        )
    }
}

/// What `import-tags.mustache` shows.
struct TagsPage {
    /// One column of the list, with its tag and the choice of another.
    struct Column {
        var position: Int
        var letter: String
        var header: String
        var examples: [String]
        /// The tag Kith suggests, in words.
        var suggestion: String
        /// Where the suggestion came from and how sure Kith is.
        var why: String
        /// The file's own hashtag row tags the column: it cannot be changed here.
        var fromHashtagRow: Bool
        var tag: String
        var untagged: Bool
        var groups: [TagChoices.SelectGroup]
    }

    var upload: UploadFacts
    var columns: [Column]
    var headerRow: Int
    var taggedCount: Int
    var columnCount: Int

    /// The suggestion shown for a column, and why: where its tag came from and how sure Kith is.
    /// - Parameter mapped: whether the mapping has the column, tagged or not.
    fileprivate static func describe(
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
