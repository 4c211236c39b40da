import KithAccess
import KithConnect
import KithStore

extension WebError {
    /// Runs a directory keeper's action (KithConnect) off the request's thread, turning its refusals into the web's:
    /// an unknown service or request is not found, another organisation's is forbidden. The pages and the API alike.
    static func keeping<Value: Sendable>(_ action: @escaping @Sendable () throws -> Value) async throws -> Value {
        do {
            return try await offload(action)
        } catch let error as ConnectError {
            switch error {
            case .unknownService, .unknownCallback: throw WebError.notFound
            case .notYours, .notAllowed: throw WebError.forbidden(.editDirectory)
            }
        }
    }
}
