import Foundation
import HTTPTypes
import Hummingbird
import KithAccess
import KithStore

extension WebApp {
    /// The page to change which partner list an upload is a version of, and for a workbook which sheet to read.
    func detailsPage(
        for upload: StagedUpload, source: String, sheet: String?, signedIn: SignedIn, path: String, errors: [PageRenderer.FieldError] = [],
        status: HTTPResponse.Status = .ok
    ) throws -> Response {
        let sheets = upload.sheetNames.map { name -> [String: Any] in ["name": name, "selected": name == sheet] }
        return pages.page(
            "import-details", title: "Change the list's details",
            values: [
                "upload": Self.uploadValues(upload), "source": source, "sources": try database.imports.sources().map(\.name),
                "sheets": sheets, "firstSheet": sheet == nil,
            ],
            signedIn: signedIn, path: path, errors: errors, status: status
        )
    }

    /// `POST …/details`: a new source or sheet means new tag suggestions, so the tags page comes next; otherwise
    /// back to the check.
    func saveDetails(_ form: FormFields, for upload: StagedUpload, signedIn: SignedIn, path: String) throws -> Response {
        let source = try knownSpelling(ofSource: form.text("source") ?? "")
        let typedSheet = form.text("sheet") ?? ""
        let sheet = Self.sheetChoice(named: typedSheet, in: upload.sheetNames)
        let errors = Self.sourceNameProblems(source) + [sheet.problem].compactMap { $0 }
        guard errors.isEmpty else {
            return try detailsPage(
                for: upload, source: source, sheet: sheet.name, signedIn: signedIn, path: path, errors: errors,
                status: .unprocessableContent
            )
        }
        var changed = upload
        changed.source = source
        changed.sheet = sheet.name
        let retag = changed.source.lowercased() != upload.source.lowercased() || changed.sheet != upload.sheet
        if retag { changed.mapping = nil }
        try uploadStaging.save(changed)
        return Self.redirect(to: "/imports/uploads/\(upload.id)/" + (retag || changed.mapping == nil ? "tags" : "check"))
    }
}
