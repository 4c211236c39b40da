import Hummingbird
import KithAccess
import KithStore

/// Finds who is signed in from the session cookie and puts them on the request context, so that pages (error pages
/// too) know who is signed in. Pages that need an account then refuse anyone it did not find. The JSON API and the
/// assets ignore the cookie: the API is authenticated by bearer tokens only, and the ORUK API is public.
struct SessionMiddleware: RouterMiddleware {
    typealias Context = WebRequestContext

    static let cookieName = "kith_session"

    let sessions: SessionKeeper

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let path = request.uri.path
        if path.hasPrefix("/api/") || path.hasPrefix("/assets/") || path.hasPrefix("/openreferral") { return try await next(request, context) }
        var context = context
        if let token = request.cookies[Self.cookieName]?.value, !token.isEmpty {
            // Off the request's thread: the check reads (and once a minute writes) the store on every request.
            context.signedIn = try await offload { try sessions.resume(token: token) }
        }
        return try await next(request, context)
    }
}
