import Foundation

/// A service an organisation offers residents, fully nested as ORUK's `/services/{id}` returns it
/// (ORUK `service`), with Kith's extensions under `kith_` keys (see `docs/directory-extensions.md`).
public struct Service: Codable, Sendable, Equatable {
    public var id: String
    public var organizationId: String?
    public var name: String
    public var description: String?
    /// The service's web page; the ORUK 3.0 profile requires it.
    public var url: String?
    public var email: String?
    public var status: ServiceStatus
    /// Deprecated by ORUK in favour of `costOptions`; read and written as found.
    public var fees: String?
    public var accreditations: String?
    /// Who the service is for, in words (HSDS 3.0; dropped from the ORUK profile, kept by Kith).
    public var eligibilityDescription: String?
    public var minimumAge: Double?
    public var maximumAge: Double?
    /// The day someone last checked the profile (`YYYY-MM-DD`).
    public var assuredDate: String?
    public var assurerEmail: String?
    /// A short-term notice: "Closed over Christmas".
    public var alert: String?
    /// When anything about the service last changed (ISO 8601 date-time).
    public var lastModified: String?
    public var phones: [Phone]?
    public var schedules: [Schedule]?
    public var serviceAreas: [ServiceArea]?
    public var serviceAtLocations: [ServiceAtLocation]?
    public var languages: [Language]?
    public var organization: Organization?
    public var funding: [Funding]?
    public var costOptions: [CostOption]?
    public var contacts: [Contact]?
    /// Needs, circumstances and eligibility terms, each a taxonomy term.
    public var attributes: [Attribute]?
    /// The change history.
    public var metadata: [Metadata]?

    // Kith's extensions: ORUK has no field for these.
    public var capacity: Capacity?
    public var volunteersWanted: VolunteersWanted?
    public var spaceToShare: SpaceToShare?
    /// Safety or infection-control notes for visitors and referrers.
    public var safetyNotes: String?
    /// Whether residents may ask the service to ring them back through Kith.
    public var acceptsCallbacks: Bool?

    public init(id: String, organizationId: String? = nil, name: String, status: ServiceStatus = .active) {
        self.id = id
        self.organizationId = organizationId
        self.name = name
        self.status = status
    }

    /// The locations the service is offered at, in order.
    public var locations: [Location] { (serviceAtLocations ?? []).compactMap(\.location) }

    /// The taxonomy term ids of the attributes with a link type, such as `eligibility`.
    public func termIDs(linkType: String) -> [String] {
        (attributes ?? []).filter { $0.linkType == linkType }.compactMap(\.taxonomyTermId)
    }

    enum CodingKeys: String, CodingKey {
        case id, name, description, url, email, status, fees, accreditations, alert, phones, schedules, languages
        case organization, funding, contacts, attributes, metadata
        case organizationId = "organization_id"
        case eligibilityDescription = "eligibility_description"
        case minimumAge = "minimum_age"
        case maximumAge = "maximum_age"
        case assuredDate = "assured_date"
        case assurerEmail = "assurer_email"
        case lastModified = "last_modified"
        case serviceAreas = "service_areas"
        case serviceAtLocations = "service_at_locations"
        case costOptions = "cost_options"
        case capacity = "kith_capacity"
        case volunteersWanted = "kith_volunteers_wanted"
        case spaceToShare = "kith_space_to_share"
        case safetyNotes = "kith_safety_notes"
        case acceptsCallbacks = "kith_accepts_callbacks"
    }
}
