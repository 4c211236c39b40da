import KithStore

/// The residents an account reaches: everyone, one area, the lists of one VCS organisation, or one school's pupils.
public enum AccessScope: Sendable, Equatable, Hashable, CustomStringConvertible {
    case everyone
    /// A neighbourhood, ward or postcode district, as the person's lists give it.
    case area(String)
    /// Residents with a row on any list belonging to the organisation.
    case organisation(String)
    /// Pupils of the school, by name or URN, in the latest attendance list.
    case school(String)
    /// A volunteer, by their bureau record: reaches no resident's record, only the tasks given to them.
    case volunteer(Int64)
    /// An account whose scope is not set up reaches no one.
    case nobody

    /// The scope of an account, from its role and the area, organisation or school set on it.
    public init(account: Account) {
        switch Role(rawValue: account.role) {
        case .admin?, .analyst?: self = .everyone
        case .caseworker?: self = account.area.map { .area($0) } ?? .nobody
        case .partner?: self = account.organisation.map { .organisation($0) } ?? .nobody
        case .school?: self = account.school.map { .school($0) } ?? .nobody
        case .callHandler?: self = .everyone
        case .volunteer?: self = account.volunteerId.map { .volunteer($0) } ?? .nobody
        case nil: self = .nobody
        }
    }

    public var description: String {
        switch self {
        case .everyone: "every resident"
        case .area(let area): "residents of \(area)"
        case .organisation(let organisation): "residents on the lists of \(organisation)"
        case .school(let school): "pupils of \(school)"
        case .volunteer(let id): "the tasks of volunteer \(VolunteerRecord.reference(id))"
        case .nobody: "no residents"
        }
    }
}
