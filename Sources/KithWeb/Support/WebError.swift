import HTTPTypes
import Hummingbird
import KithAccess

/// Why a request cannot be answered as asked; ``ErrorPageMiddleware`` turns each into a page or a JSON error.
enum WebError: Error {
    /// Nobody is signed in: go to the sign-in page, then back to `next`.
    case signInRequired(next: String)
    /// Signed in, but the role may not do this.
    case forbidden(Capability)
    /// No such page or record, or one outside the account's scope: the two look the same, so that a scoped account
    /// cannot learn who else is in the store.
    case notFound
    /// The form's CSRF token is missing or wrong, or it came from another site.
    case invalidForm
    /// The request is malformed: the message says what is wrong.
    case badRequest(String)
    /// The store is not ready for this yet (nobody scored, say): the message says what to do first.
    case conflict(String)

    var status: HTTPResponse.Status {
        switch self {
        case .signInRequired: .seeOther
        case .forbidden: .forbidden
        case .notFound: .notFound
        case .invalidForm: .forbidden
        case .badRequest: .badRequest
        case .conflict: .conflict
        }
    }

    var message: String {
        switch self {
        case .signInRequired: "Sign in to continue."
        case .forbidden(let capability): "Your account cannot \(capability.rawValue). Ask an administrator if you need to."
        case .notFound: "There is nothing here, or nothing your account can see."
        case .invalidForm: "This form has expired or did not come from Kith. Go back, reload the page and try again."
        case .badRequest(let message), .conflict(let message): message
        }
    }
}
