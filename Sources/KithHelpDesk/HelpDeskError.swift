import KithStore

/// Why the help desk refused an action, in words for the person at the keyboard.
public enum HelpDeskError: Error, Equatable, CustomStringConvertible {
    case notAllowed
    case unknownRequest(Int64)
    case unknownPerson(String)
    case unknownHub(String)
    case unknownVolunteer(Int64)
    case unknownTask(Int64)
    case noConsent
    case safeguarding(String)
    case notNext(from: String, to: String)
    case invalid(field: String, message: String)

    public var description: String {
        switch self {
        case .notAllowed: "Your account may not do that."
        case .unknownRequest(let id): "There is no request \(HelpRequestRecord.reference(id))."
        case .unknownPerson(let id): "There is no resident \(id)."
        case .unknownHub(let id): "There is no hub or team called \(id). See them with `kith hubs list`."
        case .unknownVolunteer(let id): "There is no volunteer \(VolunteerRecord.reference(id))."
        case .unknownTask(let id): "There is no task \(id)."
        case .noConsent:
            "The resident did not agree that partners be told what they need, so no volunteer can be given this request. Ask them again and record their answer."
        case .safeguarding(let why): why
        case .notNext(let from, let to): "A task that is \(from) cannot become \(to)."
        case .invalid(_, let message): message
        }
    }
}
