/// A way of choosing which pairs of records are worth comparing: records with the same key are compared.
///
/// Rules are joined with OR: a pair is a candidate when any rule puts both records in one block. A record
/// without the fields a rule needs is in none of its blocks.
public enum BlockingRule: Int, CaseIterable, Sendable {
    case nhsNumber
    case pupilNumber
    case partnerID
    case postcodeAndInitial
    case postcodeAndFamilySound
    case birthDateAndFamilySound
    case birthDateAndGivenSound
    case namesSoundAndBirthYear
    case namesSoundAndHouseNumber
    case birthDateAndPostcode
    case familySoundAndStreet
    case fullName
    case phone
    case email
    case otherIdentifier

    public var description: String {
        switch self {
        case .nhsNumber: "NHS number"
        case .pupilNumber: "UPN"
        case .partnerID: "partner id within a source"
        case .postcodeAndInitial: "postcode + first initial"
        case .postcodeAndFamilySound: "postcode + surname sound"
        case .birthDateAndFamilySound: "date of birth + surname sound"
        case .birthDateAndGivenSound: "date of birth + first name sound"
        case .namesSoundAndBirthYear: "first name and surname sound + birth year"
        case .namesSoundAndHouseNumber: "first name and surname sound + house number"
        case .birthDateAndPostcode: "date of birth + postcode"
        case .familySoundAndStreet: "surname sound + house number + street"
        case .fullName: "first name and surname"
        case .phone: "phone"
        case .email: "email"
        case .otherIdentifier: "other identifier"
        }
    }

    /// The record's key under this rule, or 0 when it lacks a field the rule needs.
    @inline(__always)
    func key(_ records: EncodedRecords, _ i: Int) -> UInt64 {
        let tag = UInt64(rawValue + 1) << 56
        switch self {
        case .nhsNumber:
            return Self.mix(tag, UInt64(bitPattern: records.nhsNumber[i]))
        case .pupilNumber:
            return Self.mix(tag, UInt64(records.pupilNumber[i]))
        case .partnerID:
            return Self.mix(tag, UInt64(records.partnerID[i]))
        case .postcodeAndInitial:
            let initial = records.names.firstByte(records.given[i])
            return Self.mix(tag, UInt64(records.postcodeUnit[i]), UInt64(initial))
        case .postcodeAndFamilySound:
            return Self.mix(tag, UInt64(records.postcodeUnit[i]), UInt64(records.familyPhonetic[i]))
        case .birthDateAndFamilySound:
            return Self.mix(tag, UInt64(records.birth[i]), UInt64(records.familyPhonetic[i]))
        case .birthDateAndGivenSound:
            return Self.mix(tag, UInt64(records.birth[i]), UInt64(records.givenPhonetic[i]))
        case .namesSoundAndBirthYear:
            return Self.mix(
                tag, UInt64(records.givenPhonetic[i]), UInt64(records.familyPhonetic[i]), UInt64(records.birth[i] / 10_000)
            )
        case .namesSoundAndHouseNumber:
            return Self.mix(
                tag, UInt64(records.givenPhonetic[i]), UInt64(records.familyPhonetic[i]), UInt64(records.houseNumber[i])
            )
        case .birthDateAndPostcode:
            return Self.mix(tag, UInt64(records.birth[i]), UInt64(records.postcodeUnit[i]))
        case .familySoundAndStreet:
            // A row with no postcode and a nickname (Danny Cole, 19 Blackthorn Lane) still shares its street.
            return Self.mix(
                tag, UInt64(records.familyPhonetic[i]), UInt64(records.houseNumber[i]), UInt64(UInt32(bitPattern: records.streetWord(i, 0)))
            )
        case .fullName:
            // People who moved and have no date of birth on one list share nothing else; common names make blocks
            // too large to compare, and are skipped and reported. In either order, so "Jones, Amy" written as a
            // first name of Jones meets Amy Jones.
            let given = UInt64(UInt32(bitPattern: records.given[i])), family = UInt64(UInt32(bitPattern: records.family[i]))
            return Self.mix(tag, min(given, family), max(given, family))
        case .phone:
            return Self.mix(tag, UInt64(bitPattern: records.phone[i]))
        case .email:
            return Self.mix(tag, UInt64(records.email[i]))
        case .otherIdentifier:
            return Self.mix(tag, UInt64(records.otherIdentifier[i]))
        }
    }

    /// A key from parts, 0 when any part is missing (0).
    @inline(__always)
    static func mix(_ tag: UInt64, _ first: UInt64, _ second: UInt64 = 1, _ third: UInt64 = 1) -> UInt64 {
        guard first != 0, second != 0, third != 0 else { return 0 }
        var hash = tag ^ 0x9E37_79B9_7F4A_7C15
        hash = stir(hash ^ first)
        hash = stir(hash ^ second)
        hash = stir(hash ^ third)
        return hash == 0 ? 1 : hash
    }

    /// SplitMix64's finaliser: every bit of the input moves every bit of the output.
    @inline(__always)
    static func stir(_ value: UInt64) -> UInt64 {
        var hash = value &* 0xBF58_476D_1CE4_E5B9
        hash = (hash ^ (hash >> 31)) &* 0x94D0_49BB_1331_11EB
        return hash ^ (hash >> 29)
    }
}
