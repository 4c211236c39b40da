import Foundation
import HTTPTypes
import Hummingbird
import KithAccess

/// Refuses any form post that did not come from one of Kith's own pages: the form must carry the session's CSRF
/// token (the sign-in form, before there is a session, the token of its own cookie), and a browser's `Origin`, when
/// sent, must be this server. Multipart uploads, whose body is streamed later, carry the token in the query string
/// of the form's action. The JSON API, authenticated by bearer tokens rather than cookies, needs neither; nor do
/// the public forms (``isPublicForm(_:)``), which act for no account and carry their own signed stamp.
struct CSRFMiddleware: RouterMiddleware {
    typealias Context = WebRequestContext

    let origins: TrustedOrigins

    static let fieldName = "csrf"

    /// The forms anyone may send without signing in: a resident's callback request, a request for help, an offer to
    /// volunteer.
    static func isPublicForm(_ path: String) -> Bool {
        if path == "/ask" || path == "/volunteer" { return true }
        let parts = path.split(separator: "/")
        return parts.count == 4 && parts[0] == "directory" && parts[1] == "services" && parts[3] == "callback"
    }
    static let signInCookieName = "kith_signin"

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let safe: Set<HTTPRequest.Method> = [.get, .head, .options]
        let path = request.uri.path
        guard !safe.contains(request.method), !path.hasPrefix("/api/") else { return try await next(request, context) }
        guard origins.allow(origin: request.headers[.origin], host: request.head.authority) else { throw WebError.invalidForm }
        // A public form has no session to protect; its controller checks its own signed stamp (FormStamp).
        if Self.isPublicForm(path) { return try await next(request, context) }
        var request = request
        let given: String?
        if request.headers[.contentType]?.lowercased().hasPrefix("multipart/form-data") == true {
            given = FormFields.query(of: request)[Self.fieldName]
        } else {
            given = try await FormFields.read(&request, context: context)[Self.fieldName]
        }
        let expected: String?
        if path == "/sign-in" {
            expected = request.cookies[Self.signInCookieName]?.value
        } else {
            guard context.signedIn != nil else { throw WebError.signInRequired(next: "/") }
            expected = context.signedIn?.csrfToken
        }
        guard let given, let expected, !expected.isEmpty, SecretToken.matches(given, expected) else { throw WebError.invalidForm }
        return try await next(request, context)
    }
}
