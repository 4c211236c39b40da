import Foundation
import Hummingbird
import KithAccess
import KithIngest
import KithStore

/// `/imports`: upload a partner's list, check its tags and its data, import it, then link and score.
///
/// An upload waits in the staging folder under a random id until it is imported: `/imports/uploads/ID/tags`,
/// `…/details` (source and sheet), `…/check`, then `POST …/import`, which leads to the import's page
/// `/imports/N`. Every route needs the import capability; only the uploader sees an upload. The importer audits
/// each import and the link and score runs audit themselves, as they do for `kith import`, `kith link` and the API.
struct ImportController<Imports: ImportRepository, Linkage: LinkageRepository, Outreach: OutreachRepository>: Sendable {
    typealias Context = WebRequestContext

    let imports: Imports
    let linkage: Linkage
    let outreach: Outreach
    /// Stores a staged list in one transaction and audits it.
    let importer: Importer
    /// "Link and score now": each run audits itself.
    let linkAndScore: LinkAndScore
    /// Where uploads wait to be imported.
    let staging: UploadStaging
    let configuration: WebConfiguration
    let roles: RoleCheck
    let pages: PageRenderer

    func addRoutes(to group: RouterGroup<Context>) {
        group.get("imports", use: history)
        group.post("imports/upload", use: upload)
        group.get("imports/uploads/:upload/tags", use: tags)
        group.post("imports/uploads/:upload/tags", use: saveTags)
        group.get("imports/uploads/:upload/details", use: details)
        group.post("imports/uploads/:upload/details", use: saveDetails)
        group.get("imports/uploads/:upload/check", use: check)
        group.post("imports/uploads/:upload/import", use: importUpload)
        group.post("imports/uploads/:upload/cancel", use: cancel)
        group.get("imports/:import", use: imported)
        group.post("imports/link", use: link)
    }

    /// The upload form, the account's uploads still waiting, the import history, and after "Link and score now"
    /// what it did.
    @Sendable func history(_ request: Request, context: Context) async throws -> Response {
        let signedIn = try await roles.require(.importLists, request, context)
        let notice = try await linkNotice(FormFields.query(of: request).text("linked"))
        return try await importsPage(for: signedIn, path: request.uri.path, notice: notice)
    }

    /// `POST /imports/upload`: see ``receiveUpload(_:by:)``.
    @Sendable func upload(_ request: Request, context: Context) async throws -> Response {
        let signedIn = try await roles.require(.importLists, request, context)
        return try await receiveUpload(request, by: signedIn)
    }

    /// Each column with its examples and the tag Kith suggests, to change.
    @Sendable func tags(_ request: Request, context: Context) async throws -> Response {
        let signedIn = try await roles.require(.importLists, request, context)
        return try await tagsPage(for: try stagedUpload(context, signedIn), signedIn: signedIn, path: request.uri.path)
    }

    /// Keeps the chosen tags with the upload, then on to the check.
    @Sendable func saveTags(_ request: Request, context: Context) async throws -> Response {
        let signedIn = try await roles.require(.importLists, request, context)
        var request = request
        let form = try await FormFields.read(&request, context: context)
        return try await keepTags(form, for: try stagedUpload(context, signedIn), signedIn: signedIn, path: request.uri.path)
    }

    /// Which partner list the upload is a version of, and for a workbook which sheet to read.
    @Sendable func details(_ request: Request, context: Context) async throws -> Response {
        let signedIn = try await roles.require(.importLists, request, context)
        let upload = try stagedUpload(context, signedIn)
        return try await detailsPage(for: upload, source: upload.source, sheet: upload.sheet, signedIn: signedIn, path: request.uri.path)
    }

    /// Keeps a new source or sheet, then on to the tags (when they must be chosen again) or the check.
    @Sendable func saveDetails(_ request: Request, context: Context) async throws -> Response {
        let signedIn = try await roles.require(.importLists, request, context)
        var request = request
        let form = try await FormFields.read(&request, context: context)
        return try await keepDetails(form, for: try stagedUpload(context, signedIn), signedIn: signedIn, path: request.uri.path)
    }

    /// The Data Checker's report and the import button.
    @Sendable func check(_ request: Request, context: Context) async throws -> Response {
        let signedIn = try await roles.require(.importLists, request, context)
        return try await checkPage(for: try stagedUpload(context, signedIn), signedIn: signedIn, path: request.uri.path)
    }

    /// Imports the upload, or comes back to the check saying why not.
    @Sendable func importUpload(_ request: Request, context: Context) async throws -> Response {
        let signedIn = try await roles.require(.importLists, request, context)
        var request = request
        let form = try await FormFields.read(&request, context: context)
        let upload = try stagedUpload(context, signedIn)
        return try await runImport(
            of: upload, force: form["force"] == "yes", acceptSmaller: form["acceptSmaller"] == "yes", signedIn: signedIn, path: request.uri.path
        )
    }

    /// Deletes the upload without importing it.
    @Sendable func cancel(_ request: Request, context: Context) async throws -> Response {
        let signedIn = try await roles.require(.importLists, request, context)
        let upload = try stagedUpload(context, signedIn)
        staging.delete(upload.id)
        return WebApp.redirect(to: "/imports")
    }

    /// One import's page.
    @Sendable func imported(_ request: Request, context: Context) async throws -> Response {
        let signedIn = try await roles.require(.importLists, request, context)
        guard let id = context.parameters.get("import", as: Int64.self) else { throw WebError.notFound }
        return try await importedPage(id, signedIn: signedIn, path: request.uri.path)
    }

    /// "Link and score now": links and scores off the request threads, then shows the imports page with what it did.
    @Sendable func link(_ request: Request, context: Context) async throws -> Response {
        let signedIn = try await roles.require(.importLists, request, context)
        let runID = try await offload { try linkAndScore.run(by: signedIn.name) }
        return WebApp.redirect(to: "/imports?linked=" + (runID.map(String.init) ?? "none"))
    }

    /// The staged upload the route's `:upload` names, if the signed-in account uploaded it.
    private func stagedUpload(_ context: Context, _ signedIn: SignedIn) throws -> StagedUpload {
        try staging.upload(context.parameters.get("upload") ?? "", uploadedBy: signedIn.name)
    }
}

extension WebApp {
    /// `/imports`, over the store's repositories, each opened from its existential so that the controller is
    /// specialised for the store's own types.
    func addImportController(to group: RouterGroup<WebRequestContext>) {
        func add(_ imports: some ImportRepository, _ linkage: some LinkageRepository, _ outreach: some OutreachRepository) {
            ImportController(
                imports: imports, linkage: linkage, outreach: outreach, importer: Importer(repository: imports),
                linkAndScore: LinkAndScore(database: database, configuration: configuration), staging: uploadStaging,
                configuration: configuration, roles: roles, pages: pages
            )
            .addRoutes(to: group)
        }
        add(database.imports, database.linkage, database.outreach)
    }
}
