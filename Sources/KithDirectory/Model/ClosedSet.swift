import Foundation

/// A value drawn from a closed list that ORUK (or a Kith extension) fixes, such as a service's status.
/// Decoding an unknown value fails with a message that names the value and the allowed ones.
public protocol ClosedSetValue: RawRepresentable, CaseIterable, Codable, Sendable, Hashable where RawValue == String {
    /// What one value of the set is called, in words: "service status".
    static var valueName: String { get }
}

extension ClosedSetValue {
    /// Every allowed value, as written in JSON, joined for a message: "active, inactive, defunct".
    public static var allowedValues: String { allCases.map(\.rawValue).joined(separator: ", ") }

    /// Reads the value, refusing one outside the set with a message a volunteer can act on.
    static func decodeClosedSet(from decoder: any Decoder) throws -> Self {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = Self(rawValue: text) else {
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription: "\"\(text.prefix(40))\" is not a \(valueName); use one of: \(allowedValues)"
            )
        }
        return value
    }

    /// Parses a value typed into a spreadsheet cell, forgiving case and spaces.
    public init?(typed text: String) {
        let wanted = text.trimmingCharacters(in: .whitespaces)
        guard let match = Self.allCases.first(where: { $0.rawValue.caseInsensitiveCompare(wanted) == .orderedSame }) else {
            return nil
        }
        self = match
    }
}

/// A service's status in ORUK 3.0.
public enum ServiceStatus: String, ClosedSetValue {
    case active
    case inactive
    case defunct
    case temporarilyClosed = "temporarily closed"

    public static let valueName = "service status"
    public init(from decoder: any Decoder) throws { self = try Self.decodeClosedSet(from: decoder) }
}

/// Whether a location or address is a place to visit, a postal address or online (ORUK `location_type`, `address_type`).
public enum PlaceKind: String, ClosedSetValue {
    case physical
    case postal
    case virtual

    public static let valueName = "location or address type"
    public init(from decoder: any Decoder) throws { self = try Self.decodeClosedSet(from: decoder) }
}

/// How often a schedule repeats (ORUK allows only these two of RFC 5545's frequencies).
public enum ScheduleFrequency: String, ClosedSetValue {
    case weekly = "WEEKLY"
    case monthly = "MONTHLY"

    public static let valueName = "schedule frequency"
    public init(from decoder: any Decoder) throws { self = try Self.decodeClosedSet(from: decoder) }
}

/// A day of the week as RFC 5545 writes it, for a schedule's `wkst` and `byday`.
public enum Weekday: String, ClosedSetValue {
    case monday = "MO"
    case tuesday = "TU"
    case wednesday = "WE"
    case thursday = "TH"
    case friday = "FR"
    case saturday = "SA"
    case sunday = "SU"

    public static let valueName = "day of the week"
    public init(from decoder: any Decoder) throws { self = try Self.decodeClosedSet(from: decoder) }
}

/// A phone's kind, from the RFC 6350 list ORUK names.
public enum PhoneType: String, ClosedSetValue {
    case text
    case voice
    case fax
    case cell
    case video
    case pager
    case textphone

    public static let valueName = "phone type"
    public init(from decoder: any Decoder) throws { self = try Self.decodeClosedSet(from: decoder) }
}

/// Whether a service is taking referrals now (Kith's `kith_capacity` extension; after HL7 SDOHCC's capacity status).
public enum ReferralAcceptance: String, ClosedSetValue {
    case yes
    case waitingList = "waiting_list"
    case no

    public static let valueName = "answer to \"accepting referrals\""
    public init(from decoder: any Decoder) throws { self = try Self.decodeClosedSet(from: decoder) }
}
