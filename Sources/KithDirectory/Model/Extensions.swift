import Foundation

/// Whether a service can take someone now, and since when that is known (Kith extension `kith_capacity`).
public struct Capacity: Codable, Sendable, Equatable {
    public var acceptingReferrals: ReferralAcceptance
    /// Places free now, if the service counts places.
    public var placesFree: Int?
    /// How long, in days, someone referred today typically waits.
    public var typicalWaitDays: Int?
    /// When this was last said (ISO 8601 date-time).
    public var updatedAt: String
    /// Who said it: a name or an account.
    public var updatedBy: String

    public init(acceptingReferrals: ReferralAcceptance, placesFree: Int? = nil, typicalWaitDays: Int? = nil, updatedAt: String, updatedBy: String) {
        self.acceptingReferrals = acceptingReferrals
        self.placesFree = placesFree
        self.typicalWaitDays = typicalWaitDays
        self.updatedAt = updatedAt
        self.updatedBy = updatedBy
    }

    enum CodingKeys: String, CodingKey {
        case acceptingReferrals = "accepting_referrals"
        case placesFree = "places_free"
        case typicalWaitDays = "typical_wait_days"
        case updatedAt = "updated_at"
        case updatedBy = "updated_by"
    }
}

/// The volunteers a service is looking for (Kith extension `kith_volunteers_wanted`).
public struct VolunteersWanted: Codable, Sendable, Equatable {
    /// "Driver", "Befriender".
    public var roles: [String]
    /// "Polish speaker", "Food hygiene certificate".
    public var skills: [String]
    public var description: String?

    public init(roles: [String], skills: [String] = [], description: String? = nil) {
        self.roles = roles
        self.skills = skills
        self.description = description
    }
}

/// Room, kit or time a service can lend to others (Kith extension `kith_space_to_share`).
public struct SpaceToShare: Codable, Sendable, Equatable {
    /// "Church hall with kitchen".
    public var what: String
    /// How many people it holds, if it is a space.
    public var people: Int?
    public var description: String?

    public init(what: String, people: Int? = nil, description: String? = nil) {
        self.what = what
        self.people = people
        self.description = description
    }
}
