import Foundation
import Hummingbird
import KithAccess
import KithStore

/// The JSON API's imports: `POST /api/imports` imports a file sent as the body; `GET /api/imports` lists every
/// import, newest first.
struct ImportAPIController<Imports: ImportRepository>: Sendable {
    typealias Context = WebRequestContext

    let imports: Imports
    let roles: RoleCheck
    /// Receives, checks and imports a file (`importThroughAPI`), as the import pages do; KithIngest audits it.
    let importer: WebApp

    func addRoutes(to group: RouterGroup<Context>) {
        group.get("imports", use: list)
        group.post("imports", use: receive)
    }

    /// `GET /api/imports`: every import, newest first.
    @Sendable func list(_ request: Request, context: Context) async throws -> Response {
        _ = try await roles.require(.importLists, request, context)
        // The history is the import pages' (`ImportHistoryEntry`), read synchronously: off the request threads.
        let imports = imports
        return try WebApp.json(["imports": try await offload { try ImportHistoryEntry.latest(in: imports) }])
    }

    /// `POST /api/imports?source=NAME&file=NAME.csv`: imports the body (201 with what was stored).
    @Sendable func receive(_ request: Request, context: Context) async throws -> Response {
        let signedIn = try await roles.require(.importLists, request, context)
        return try await importer.importThroughAPI(request, by: signedIn)
    }
}
