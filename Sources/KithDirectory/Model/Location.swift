import Foundation

/// A place where services are delivered, or a postal or online one (ORUK `location`).
public struct Location: Codable, Sendable, Equatable {
    public var id: String
    /// HSDS 3.0 requires it; the ORUK 3.0 profile drops it. Kith reads it when present.
    public var locationType: PlaceKind?
    public var name: String?
    public var description: String?
    /// Decimal degrees, WGS84.
    public var latitude: Double?
    public var longitude: Double?
    /// A third-party identifier, usually a UPRN.
    public var externalIdentifier: String?
    public var externalIdentifierType: String?
    public var addresses: [Address]?
    public var accessibility: [Accessibility]?
    /// Languages spoken here (HSDS 3.0; dropped from the ORUK 3.0 profile's location).
    public var languages: [Language]?
    public var attributes: [Attribute]?
    public var metadata: [Metadata]?

    public init(id: String, name: String? = nil) {
        self.id = id
        self.name = name
    }

    enum CodingKeys: String, CodingKey {
        case id, name, description, latitude, longitude, addresses, accessibility, languages, attributes, metadata
        case locationType = "location_type"
        case externalIdentifier = "external_identifier"
        case externalIdentifierType = "external_identifier_type"
    }
}

/// A location's address (ORUK `address`).
public struct Address: Codable, Sendable, Equatable {
    public var id: String
    public var locationId: String?
    /// "Care of": who to ask for.
    public var attention: String?
    public var address1: String
    public var address2: String?
    public var city: String
    public var region: String?
    /// The county, in a UK address. ORUK requires the field; it may be empty.
    public var stateProvince: String
    public var postalCode: String
    /// ISO 3166-1 two-letter code: `GB`.
    public var country: String
    public var addressType: PlaceKind
    public var attributes: [Attribute]?
    public var metadata: [Metadata]?

    public init(
        id: String, address1: String, city: String, stateProvince: String = "", postalCode: String, country: String = "GB",
        addressType: PlaceKind = .physical
    ) {
        self.id = id
        self.address1 = address1
        self.city = city
        self.stateProvince = stateProvince
        self.postalCode = postalCode
        self.country = country
        self.addressType = addressType
    }

    enum CodingKeys: String, CodingKey {
        case id, attention, city, region, country, attributes, metadata
        case locationId = "location_id"
        case address1 = "address_1"
        case address2 = "address_2"
        case stateProvince = "state_province"
        case postalCode = "postal_code"
        case addressType = "address_type"
    }
}

/// What a location offers people with disabilities: step-free access, a hearing loop (ORUK `accessibility`).
public struct Accessibility: Codable, Sendable, Equatable {
    public var id: String
    public var locationId: String?
    public var description: String?
    public var details: String?
    public var url: String?
    /// The same description in a single field, as the ORUK 3.0 profile also allows.
    public var accessibility: String?
    public var attributes: [Attribute]?
    public var metadata: [Metadata]?

    public init(id: String, description: String? = nil) {
        self.id = id
        self.description = description
    }

    enum CodingKeys: String, CodingKey {
        case id, description, details, url, accessibility, attributes, metadata
        case locationId = "location_id"
    }
}

/// A service offered at one location (ORUK `service_at_location`).
public struct ServiceAtLocation: Codable, Sendable, Equatable {
    public var id: String
    public var serviceId: String?
    public var locationId: String?
    public var description: String?
    public var location: Location?
    public var contacts: [Contact]?
    public var phones: [Phone]?
    public var schedules: [Schedule]?
    public var serviceAreas: [ServiceArea]?
    public var attributes: [Attribute]?
    public var metadata: [Metadata]?

    public init(id: String, serviceId: String? = nil, locationId: String? = nil, location: Location? = nil) {
        self.id = id
        self.serviceId = serviceId
        self.locationId = locationId
        self.location = location
    }

    enum CodingKeys: String, CodingKey {
        case id, description, location, contacts, phones, schedules, attributes, metadata
        case serviceId = "service_id"
        case locationId = "location_id"
        case serviceAreas = "service_areas"
    }
}
