import Foundation
import HTTPTypes
import Hummingbird
import KithAccess
import KithStore

/// Authenticates JSON API calls by their `Authorization: Bearer` token. Without a valid one the answer is 401,
/// whatever the route, so the API tells an unauthenticated caller nothing.
struct BearerTokenMiddleware: RouterMiddleware {
    typealias Context = WebRequestContext

    let tokens: TokenIssuer

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        // The API's description is public: it says what the API does, not what the store holds.
        if request.uri.path == "/api/openapi.json" { return try await next(request, context) }
        let header = request.headers[.authorization]
        let bearer = header.flatMap { $0.lowercased().hasPrefix("bearer ") ? String($0.dropFirst(7)).trimmingCharacters(in: .whitespaces) : nil }
        // Off the request's thread: authenticating reads the store.
        guard let bearer, let signedIn = try await offload({ [tokens] in try tokens.authenticate(bearer) }) else {
            var headers = HTTPFields()
            headers[.wwwAuthenticate] = "Bearer realm=\"kith\""
            headers[.contentType] = "application/json"
            return Response(
                status: .unauthorized, headers: headers,
                body: .init(byteBuffer: ByteBuffer(string: #"{"error":"A bearer token is needed: Authorization: Bearer kith_…"}"#))
            )
        }
        var context = context
        context.signedIn = signedIn
        return try await next(request, context)
    }
}
