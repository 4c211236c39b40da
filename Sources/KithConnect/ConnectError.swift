/// Why a directory action could not be done, in words for the person who asked.
public enum ConnectError: Error, Equatable, CustomStringConvertible {
    /// No service has this id.
    case unknownService(String)
    /// No callback request has this id, or it is already closed.
    case unknownCallback(Int64)
    /// The account does not keep this service's organisation.
    case notYours(service: String)
    /// The account may not do this at all.
    case notAllowed(String)

    public var description: String {
        switch self {
        case .unknownService(let id): "No service in the directory has the id \(id)."
        case .unknownCallback(let id): "There is no open callback request \(id)."
        case .notYours(let service):
            "\(service) belongs to another organisation: only its own partners and the council's administrators may change it."
        case .notAllowed(let what): "This account may not \(what)."
        }
    }
}
