import KithStore

/// Why an account, session or token could not be set up or used, in words for the person at the keyboard.
public enum AccessError: Error, Equatable, CustomStringConvertible {
    case nameTaken(String)
    case invalidName(String)
    case unknownAccount(String)
    case missingScope(Role)
    case weakPassword(String)
    case unknownToken(Int64)
    case invalidOrganisation(String)
    case unknownVolunteer(Int64)

    public var description: String {
        switch self {
        case .nameTaken(let name): "There is already an account called \(name). Choose another name."
        case .invalidName(let name):
            "\"\(name)\" cannot be an account name: use 3 to 64 letters, digits, dots, hyphens, underscores or @."
        case .unknownAccount(let name): "There is no account called \(name). See them with `kith user list`."
        case .missingScope(let role):
            switch role {
            case .caseworker: "A caseworker account needs --area: the neighbourhood, ward or postcode district it covers."
            case .partner: "A partner account needs --organisation: the VCS organisation whose lists it sees."
            case .school: "A school account needs --school: the school's name or URN."
            case .volunteer: "A volunteer account needs --volunteer: their number in the volunteer bureau (V-00012), from `kith volunteers list`."
            default: "This role needs no area, organisation or school."
            }
        case .weakPassword(let reason): "That password is too weak. \(reason)"
        case .unknownToken(let id): "There is no token \(id). See them with `kith token list`."
        case .unknownVolunteer(let id):
            "There is no volunteer \(VolunteerRecord.reference(id)) in the bureau. See them with `kith volunteers list`."
        case .invalidOrganisation: "Give the organisation's name, or take the list away from its organisation with --clear."
        }
    }
}
