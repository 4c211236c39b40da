import Foundation

/// A named person or desk to contact about a service (ORUK `contact`).
public struct Contact: Codable, Sendable, Equatable {
    public var id: String
    public var organizationId: String?
    public var serviceId: String?
    public var serviceAtLocationId: String?
    public var locationId: String?
    public var name: String?
    /// Job title: "Volunteer coordinator".
    public var title: String?
    public var department: String?
    public var email: String?
    public var phones: [Phone]?
    public var attributes: [Attribute]?
    public var metadata: [Metadata]?

    public init(id: String, name: String? = nil, title: String? = nil) {
        self.id = id
        self.name = name
        self.title = title
    }

    enum CodingKeys: String, CodingKey {
        case id, name, title, department, email, phones, attributes, metadata
        case organizationId = "organization_id"
        case serviceId = "service_id"
        case serviceAtLocationId = "service_at_location_id"
        case locationId = "location_id"
    }
}

/// A telephone number for a service, location or contact (ORUK `phone`).
public struct Phone: Codable, Sendable, Equatable {
    public var id: String
    public var locationId: String?
    public var serviceId: String?
    public var organizationId: String?
    public var contactId: String?
    public var serviceAtLocationId: String?
    public var number: String
    public var `extension`: Double?
    public var type: PhoneType?
    public var description: String?
    public var languages: [Language]?
    public var attributes: [Attribute]?
    public var metadata: [Metadata]?

    public init(id: String, number: String, type: PhoneType? = nil) {
        self.id = id
        self.number = number
        self.type = type
    }

    enum CodingKeys: String, CodingKey {
        case id, number, `extension`, type, description, languages, attributes, metadata
        case locationId = "location_id"
        case serviceId = "service_id"
        case organizationId = "organization_id"
        case contactId = "contact_id"
        case serviceAtLocationId = "service_at_location_id"
    }
}

/// A language spoken at a service, location or on a phone line, without an interpreter (ORUK `language`).
public struct Language: Codable, Sendable, Equatable {
    public var id: String
    public var serviceId: String?
    public var locationId: String?
    public var phoneId: String?
    /// "Polish". HSDS 3.0 field, dropped by the ORUK 3.0 profile; Kith keeps it (a resident asks in words).
    public var name: String?
    /// ISO 639-1 or 639-3: `pl`, `pan`.
    public var code: String?
    public var note: String?
    public var attributes: [Attribute]?
    public var metadata: [Metadata]?

    public init(id: String, name: String? = nil, code: String? = nil) {
        self.id = id
        self.name = name
        self.code = code
    }

    enum CodingKeys: String, CodingKey {
        case id, name, code, note, attributes, metadata
        case serviceId = "service_id"
        case locationId = "location_id"
        case phoneId = "phone_id"
    }
}

/// When a service or location is open, as an RFC 5545 recurrence (ORUK `schedule`).
public struct Schedule: Codable, Sendable, Equatable {
    public var id: String
    public var serviceId: String?
    public var locationId: String?
    public var serviceAtLocationId: String?
    /// `YYYY-MM-DD`.
    public var validFrom: String?
    public var validTo: String?
    public var dtstart: String?
    /// Hours from UTC (HSDS 3.0; dropped by the ORUK profile).
    public var timezone: Double?
    public var until: String?
    public var count: Double?
    public var wkst: Weekday?
    public var freq: ScheduleFrequency?
    /// 2 with `WEEKLY` is fortnightly.
    public var interval: Double?
    /// Comma-separated days: `MO,WE`; with `MONTHLY` each may carry an occurrence: `2MO`, `-1FR`.
    public var byday: String?
    public var byweekno: String?
    public var bymonthday: String?
    public var byyearday: String?
    public var description: String?
    /// `HH:MM` (seconds and a zone allowed): `09:30`, `17:00:00Z`.
    public var opensAt: String?
    public var closesAt: String?
    public var scheduleLink: String?
    /// How to attend, in words: "drop in", "by appointment", "online".
    public var attendingType: String?
    public var notes: String?
    public var attributes: [Attribute]?
    public var metadata: [Metadata]?

    public init(id: String, freq: ScheduleFrequency? = nil, byday: String? = nil, opensAt: String? = nil, closesAt: String? = nil) {
        self.id = id
        self.freq = freq
        self.byday = byday
        self.opensAt = opensAt
        self.closesAt = closesAt
    }

    enum CodingKeys: String, CodingKey {
        case id, dtstart, timezone, until, count, wkst, freq, interval, byday, byweekno, bymonthday, byyearday
        case description, notes, attributes, metadata
        case serviceId = "service_id"
        case locationId = "location_id"
        case serviceAtLocationId = "service_at_location_id"
        case validFrom = "valid_from"
        case validTo = "valid_to"
        case opensAt = "opens_at"
        case closesAt = "closes_at"
        case scheduleLink = "schedule_link"
        case attendingType = "attending_type"
    }
}

/// The area a service covers (ORUK `service_area`).
public struct ServiceArea: Codable, Sendable, Equatable {
    public var id: String
    public var serviceId: String?
    public var serviceAtLocationId: String?
    public var name: String?
    public var description: String?
    /// The area's outline, in the format `extentType` names (`geojson`, `topojson`, `kml`, `text`).
    public var extent: String?
    public var extentType: String?
    public var uri: String?
    /// The area in words, as the ORUK 3.0 profile also allows.
    public var serviceArea: String?
    public var attributes: [Attribute]?
    public var metadata: [Metadata]?

    public init(id: String, name: String? = nil) {
        self.id = id
        self.name = name
    }

    enum CodingKeys: String, CodingKey {
        case id, name, description, extent, uri, attributes, metadata
        case serviceId = "service_id"
        case serviceAtLocationId = "service_at_location_id"
        case extentType = "extent_type"
        case serviceArea = "service_area"
    }
}

/// What a service costs, for whom, when (ORUK `cost_option`).
public struct CostOption: Codable, Sendable, Equatable {
    public var id: String
    public var serviceId: String?
    public var validFrom: String?
    public var validTo: String?
    /// Who or when this price applies: "Under 18s and over 60s".
    public var option: String?
    /// Three letters, `GBP` in the UK.
    public var currency: String?
    public var amount: Double?
    public var amountDescription: String?
    public var attributes: [Attribute]?
    public var metadata: [Metadata]?

    public init(id: String, option: String? = nil, amount: Double? = nil, currency: String? = "GBP") {
        self.id = id
        self.option = option
        self.amount = amount
        self.currency = currency
    }

    enum CodingKeys: String, CodingKey {
        case id, option, currency, amount, attributes, metadata
        case serviceId = "service_id"
        case validFrom = "valid_from"
        case validTo = "valid_to"
        case amountDescription = "amount_description"
    }
}

/// Where a service's money comes from, in words (ORUK `funding`).
public struct Funding: Codable, Sendable, Equatable {
    public var id: String
    public var organizationId: String?
    public var serviceId: String?
    public var source: String?
    public var attributes: [Attribute]?
    public var metadata: [Metadata]?

    public init(id: String, source: String? = nil) {
        self.id = id
        self.source = source
    }

    enum CodingKeys: String, CodingKey {
        case id, source, attributes, metadata
        case organizationId = "organization_id"
        case serviceId = "service_id"
    }
}
