import Foundation
import Hummingbird
import KithAccess
import KithStore

extension WebApp {
    /// `/imports`: upload a partner's list, check its tags and its data, import it, then link and score.
    ///
    /// An upload waits in the staging folder under a random id until it is imported: `/imports/uploads/ID/tags`,
    /// `…/details` (source and sheet), `…/check`, then `POST …/import`, which leads to the import's page
    /// `/imports/N`. Every route needs the import capability; only the uploader sees an upload.
    func addImportRoutes(to router: RouterGroup<WebRequestContext>) {
        router.get("imports") { request, context -> Response in
            let signedIn = try require(.importLists, request, context)
            let query = FormFields.query(of: request)
            return try importsPage(for: signedIn, path: request.uri.path, notice: try linkNotice(query.text("linked")))
        }
        router.post("imports/upload") { request, context -> Response in
            let signedIn = try require(.importLists, request, context)
            return try await receiveUpload(request, by: signedIn)
        }
        router.get("imports/uploads/:upload/tags") { request, context -> Response in
            let signedIn = try require(.importLists, request, context)
            return try await tagsPage(for: try stagedUpload(context, signedIn), signedIn: signedIn, path: request.uri.path)
        }
        router.post("imports/uploads/:upload/tags") { request, context -> Response in
            let signedIn = try require(.importLists, request, context)
            var request = request
            let form = try await FormFields.read(&request, context: context)
            return try await saveTags(form, for: try stagedUpload(context, signedIn), signedIn: signedIn, path: request.uri.path)
        }
        router.get("imports/uploads/:upload/details") { request, context -> Response in
            let signedIn = try require(.importLists, request, context)
            let upload = try stagedUpload(context, signedIn)
            return try detailsPage(for: upload, source: upload.source, sheet: upload.sheet, signedIn: signedIn, path: request.uri.path)
        }
        router.post("imports/uploads/:upload/details") { request, context -> Response in
            let signedIn = try require(.importLists, request, context)
            var request = request
            let form = try await FormFields.read(&request, context: context)
            return try saveDetails(form, for: try stagedUpload(context, signedIn), signedIn: signedIn, path: request.uri.path)
        }
        router.get("imports/uploads/:upload/check") { request, context -> Response in
            let signedIn = try require(.importLists, request, context)
            return try await checkPage(for: try stagedUpload(context, signedIn), signedIn: signedIn, path: request.uri.path)
        }
        router.post("imports/uploads/:upload/import") { request, context -> Response in
            let signedIn = try require(.importLists, request, context)
            var request = request
            let form = try await FormFields.read(&request, context: context)
            let upload = try stagedUpload(context, signedIn)
            return try await importUpload(
                upload, force: form["force"] == "yes", acceptSmaller: form["acceptSmaller"] == "yes", signedIn: signedIn, path: request.uri.path
            )
        }
        router.post("imports/uploads/:upload/cancel") { request, context -> Response in
            let signedIn = try require(.importLists, request, context)
            let upload = try stagedUpload(context, signedIn)
            uploadStaging.delete(upload.id)
            return Self.redirect(to: "/imports")
        }
        router.get("imports/:import") { request, context -> Response in
            let signedIn = try require(.importLists, request, context)
            guard let id = context.parameters.get("import", as: Int64.self) else { throw WebError.notFound }
            return try importedPage(id, signedIn: signedIn, path: request.uri.path)
        }
        router.post("imports/link") { request, context -> Response in
            let signedIn = try require(.importLists, request, context)
            let linkAndScore = LinkAndScore(database: database, configuration: configuration)
            let runID = try await offload { try linkAndScore.run(by: signedIn.name) }
            return Self.redirect(to: "/imports?linked=" + (runID.map(String.init) ?? "none"))
        }
    }

    /// Where uploads wait to be imported.
    var uploadStaging: UploadStaging {
        UploadStaging(folder: configuration.stagingFolder)
    }

    /// The staged upload the route's `:upload` names, if the signed-in account uploaded it.
    private func stagedUpload(_ context: WebRequestContext, _ signedIn: SignedIn) throws -> StagedUpload {
        try uploadStaging.upload(context.parameters.get("upload") ?? "", uploadedBy: signedIn.name)
    }

    /// The notice after "Link and score now", from the run it names.
    private func linkNotice(_ linked: String?) throws -> String? {
        if linked == "none" { return "There was nothing to link: import a partner's list first." }
        guard let runID = linked.flatMap({ Int64($0) }) else { return nil }
        return try LinkAndScore.notice(forLinkRun: runID, in: database)
    }
}
