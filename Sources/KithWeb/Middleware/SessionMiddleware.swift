import Hummingbird
import KithAccess

/// Finds who is signed in from the session cookie and puts them on the request context. Pages that need an
/// account then refuse anyone it did not find.
struct SessionMiddleware: RouterMiddleware {
    typealias Context = WebRequestContext

    static let cookieName = "kith_session"

    let sessions: SessionKeeper

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        if let token = request.cookies[Self.cookieName]?.value, !token.isEmpty {
            context.signedIn = try sessions.resume(token: token)
        }
        return try await next(request, context)
    }
}
