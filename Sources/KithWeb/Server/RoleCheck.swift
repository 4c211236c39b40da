import Hummingbird
import KithAccess
import KithStore

/// Who is signed in, and whether their role may do what a request asks: the first thing every handler that touches
/// residents does. Held by each controller so that none needs the whole app to check a role.
struct RoleCheck: Sendable {
    let audit: AuditTrail

    /// The signed-in account, or a trip to the sign-in page and back.
    func signedIn(_ request: Request, _ context: WebRequestContext) throws -> SignedIn {
        guard let signedIn = context.signedIn else {
            throw WebError.signInRequired(next: request.uri.path + (request.uri.query.map { "?" + $0 } ?? ""))
        }
        return signedIn
    }

    /// The signed-in account, if its role has the capability; a refusal is audited (off the request's thread, as
    /// every store write from a handler is).
    func require(_ capability: Capability, _ request: Request, _ context: WebRequestContext) async throws -> SignedIn {
        let signedIn = try signedIn(request, context)
        guard signedIn.can(capability) else {
            let (audit, path) = (audit, request.uri.path)
            try await offload { try audit.record(.deniedAccess, by: signedIn.name, subject: path, detail: "needs: \(capability.rawValue)") }
            throw WebError.forbidden(capability)
        }
        return signedIn
    }
}
