import HTTPTypes
import Hummingbird

/// Puts the security headers on every response: a strict Content-Security-Policy (only Kith's own scripts and
/// styles, no framing), nosniff, a same-origin referrer policy, and no caching of pages about residents.
struct SecurityHeadersMiddleware: RouterMiddleware {
    typealias Context = WebRequestContext

    /// Set when Kith is reached over TLS: browsers then refuse plain HTTP to it for a year.
    let strictTransport: Bool

    static let contentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
        + "frame-ancestors 'none'; base-uri 'none'; object-src 'none'"

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        Self.apply(to: &response.headers, strictTransport: strictTransport, path: request.uri.path)
        return response
    }

    static func apply(to headers: inout HTTPFields, strictTransport: Bool, path: String) {
        headers[.contentSecurityPolicy] = contentSecurityPolicy
        headers[.xContentTypeOptions] = "nosniff"
        headers[HTTPField.Name("Referrer-Policy")!] = "same-origin"
        headers[HTTPField.Name("X-Frame-Options")!] = "DENY"
        headers[HTTPField.Name("Permissions-Policy")!] = "camera=(), microphone=(), geolocation=()"
        headers[HTTPField.Name("Cross-Origin-Opener-Policy")!] = "same-origin"
        if !path.hasPrefix("/assets/") { headers[.cacheControl] = "no-store" }
        if strictTransport { headers[.strictTransportSecurity] = "max-age=31536000" }
    }
}
