import Foundation
import Hummingbird
import KithAccess
import KithStore

extension WebApp {
    /// The JSON API's imports: `POST /api/imports` imports a file sent as the body; `GET /api/imports` lists every
    /// import, newest first.
    func addImportAPIRoutes(to router: RouterGroup<WebRequestContext>) {
        router.get("imports") { request, context -> Response in
            _ = try require(.importLists, request, context)
            return try Self.json(["imports": try ImportHistoryEntry.latest(in: database.imports)])
        }
        router.post("imports") { request, context -> Response in
            let signedIn = try require(.importLists, request, context)
            return try await importThroughAPI(request, by: signedIn)
        }
    }
}
