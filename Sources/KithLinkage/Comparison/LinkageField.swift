import KithStandard

/// The fields two records are compared on, each with its levels from closest agreement to plain disagreement.
///
/// Surname, address, postcode, phone and email are what a household shares, so address, postcode, phone and email
/// are one field, ``household``, whose levels say how strongly the two records share a home: two siblings gain that
/// evidence once, not four times over. Level 0 of every field means "missing on one side or both".
public enum LinkageField: Int, CaseIterable, Sendable {
    case givenName
    case familyName
    case birthDate
    case sex
    case household
    case nationalIdentifier
    case otherIdentifier

    /// The labels of levels 1…, as people read them in evidence.
    public var levels: [String] {
        switch self {
        case .givenName:
            [
                "exact", "nickname or middle name", "similar spelling (Jaro-Winkler ≥ 0.92)", "sounds the same (Double Metaphone)",
                "partly similar (Jaro-Winkler ≥ 0.80)", "initial agrees", "first and last names swapped", "different",
            ]
        case .familyName:
            [
                "exact", "previous or double-barrelled surname", "similar spelling (Jaro-Winkler ≥ 0.92)",
                "sounds the same (Double Metaphone)", "partly similar (Jaro-Winkler ≥ 0.80)", "first and last names swapped", "different",
            ]
        case .birthDate:
            [
                "exact", "day and month swapped", "one of day, month and year different, or a day or two apart", "within 5 years",
                "5 to 15 years apart", "more than 15 years apart",
            ]
        case .sex:
            ["same", "different"]
        case .household:
            [
                "same address and phone or email", "same address", "same phone or email", "same postcode",
                "same postcode sector", "same postcode district", "different",
            ]
        case .nationalIdentifier:
            ["same NHS number or UPN", "different NHS number or UPN"]
        case .otherIdentifier:
            ["exact", "one character different", "different"]
        }
    }

    /// How people name the field.
    public var label: String {
        switch self {
        case .givenName: "first name"
        case .familyName: "surname"
        case .birthDate: "date of birth"
        case .sex: "sex"
        case .household: "address, postcode, phone and email"
        case .nationalIdentifier: "NHS number or UPN"
        case .otherIdentifier: "other identifier"
        }
    }

    /// A short name for column headers: `given_name`, `household`.
    public var columnName: String {
        switch self {
        case .givenName: "given_name"
        case .familyName: "family_name"
        case .birthDate: "birth_date"
        case .sex: "sex"
        case .household: "household"
        case .nationalIdentifier: "nhs_or_upn"
        case .otherIdentifier: "other_id"
        }
    }

    /// The field that compares a detail of person records; nil for a detail no field compares on its own: a
    /// partner's reference (which links rows of one list by rule) and a full name (split into given and family names).
    public init?(comparing detail: PersonDetail) {
        switch detail {
        case .givenName, .middleNames: self = .givenName
        case .familyName, .previousFamilyName: self = .familyName
        case .birthDate: self = .birthDate
        case .sex: self = .sex
        case .addressLine, .postcode, .phone, .email: self = .household
        case .nhsNumber, .pupilNumber: self = .nationalIdentifier
        case .otherIdentifier: self = .otherIdentifier
        case .fullName, .partnerID: return nil
        }
    }

    public static let levelCounts = allCases.map { $0.levels.count }

    /// The level of each field that means plain disagreement.
    public var differentLevel: UInt8 { UInt8(levels.count) }

    /// Household levels at which two records share a home (an address, a phone or an email).
    public static let sharedHomeLevels: ClosedRange<UInt8> = 1...3
}
