import Foundation
import HTTPTypes
import Hummingbird
import KithAccess
import KithStore

extension ImportController {
    /// The page to change which partner list an upload is a version of, and for a workbook which sheet to read.
    func detailsPage(
        for upload: StagedUpload, source: String, sheet: String?, signedIn: SignedIn, path: String, errors: [PageRenderer.FieldError] = [],
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let model = DetailsPage(
            upload: UploadFacts(upload), source: source, sources: try await imports.sourceNames(),
            sheets: upload.sheetNames.map { DetailsPage.Sheet(name: $0, selected: $0 == sheet) }, firstSheet: sheet == nil
        )
        return pages.page(
            "import-details", title: "Change the list's details", model: model, signedIn: signedIn, path: path, errors: errors, status: status
        )
    }

    /// `POST …/details`: a new source or sheet means new tag suggestions, so the tags page comes next; otherwise
    /// back to the check.
    func keepDetails(_ form: FormFields, for upload: StagedUpload, signedIn: SignedIn, path: String) async throws -> Response {
        let source = try await knownSpelling(ofSource: form.text("source") ?? "")
        let typedSheet = form.text("sheet") ?? ""
        let sheet = ImportWording.sheetChoice(named: typedSheet, in: upload.sheetNames)
        let errors = ImportWording.sourceNameProblems(source) + [sheet.problem].compactMap { $0 }
        guard errors.isEmpty else {
            return try await detailsPage(
                for: upload, source: source, sheet: sheet.name, signedIn: signedIn, path: path, errors: errors,
                status: .unprocessableContent
            )
        }
        var changed = upload
        changed.source = source
        changed.sheet = sheet.name
        let retag = changed.source.lowercased() != upload.source.lowercased() || changed.sheet != upload.sheet
        if retag { changed.mapping = nil }
        try staging.save(changed)
        return WebApp.redirect(to: "/imports/uploads/\(upload.id)/" + (retag || changed.mapping == nil ? "tags" : "check"))
    }
}

/// What `import-details.mustache` shows.
struct DetailsPage {
    /// One of a workbook's sheets, to choose.
    struct Sheet {
        var name: String
        var selected: Bool
    }

    var upload: UploadFacts
    /// The partner list's name: the upload's, or as typed after a refusal.
    var source: String
    var sources: [String]
    /// A workbook's sheets; empty for CSV.
    var sheets: [Sheet]
    /// Whether "the first sheet with data" is chosen.
    var firstSheet: Bool
}

/// An upload's own facts, for every page about it.
struct UploadFacts {
    var id: String
    var fileName: String
    var source: String
    var isWorkbook: Bool

    init(_ upload: StagedUpload) {
        id = upload.id
        fileName = upload.fileName
        source = upload.source
        isWorkbook = upload.isWorkbook
    }
}
