import KithSpreadsheet
import KithStandard

/// Puts a pair of encoded records into a level for every ``LinkageField``.
///
/// Equal values are found by comparing codes; string similarity is computed only when codes differ.
public struct RecordComparator: Sendable {
    public let records: EncodedRecords

    public init(records: EncodedRecords) {
        self.records = records
    }

    /// Every field's level for records `i` and `j`.
    @inline(__always)
    public func compare(_ i: Int, _ j: Int) -> PackedLevels {
        var levels = PackedLevels(rawValue: 0)
        let swapped = namesSwapped(i, j)
        levels.set(.givenName, givenLevel(i, j, swapped: swapped))
        levels.set(.familyName, familyLevel(i, j, swapped: swapped))
        levels.set(.birthDate, birthLevel(i, j))
        levels.set(.sex, sexLevel(i, j))
        levels.set(.household, householdLevel(i, j))
        levels.set(.nationalIdentifier, nationalIdentifierLevel(i, j))
        levels.set(.otherIdentifier, otherIdentifierLevel(i, j))
        return levels
    }

    // MARK: - Names

    /// Whether one record's given name is the other's family name and the other way round (or nearly so).
    func namesSwapped(_ i: Int, _ j: Int) -> Bool {
        let givenI = records.given[i], givenJ = records.given[j]
        let familyI = records.family[i], familyJ = records.family[j]
        guard givenI != 0, givenJ != 0, familyI != 0, familyJ != 0, givenI != givenJ, familyI != familyJ else { return false }
        return similarity(givenI, familyJ) >= 0.92 && similarity(familyI, givenJ) >= 0.92
    }

    func givenLevel(_ i: Int, _ j: Int, swapped: Bool) -> UInt8 {
        let a = records.given[i], b = records.given[j]
        guard a != 0, b != 0 else { return 0 }
        if a == b { return 1 }
        if swapped { return 7 }
        if sharesNicknameGroup(a, b) || (records.middle[j] == a) || (records.middle[i] == b) { return 2 }
        let lengthA = records.names.length(a), lengthB = records.names.length(b)
        if lengthA == 1 || lengthB == 1 {
            return records.names.firstByte(a) == records.names.firstByte(b) ? 6 : 8
        }
        let similarity = similarity(a, b)
        if similarity >= 0.92 { return 3 }
        if records.givenPhonetic[i] != 0, records.givenPhonetic[i] == records.givenPhonetic[j] { return 4 }
        if similarity >= 0.80 { return 5 }
        return 8
    }

    func familyLevel(_ i: Int, _ j: Int, swapped: Bool) -> UInt8 {
        let a = records.family[i], b = records.family[j]
        guard a != 0, b != 0 else { return 0 }
        if a == b { return 1 }
        if swapped { return 6 }
        if records.previousFamily[i] == b || records.previousFamily[j] == a
            || records.familyFirstPart[i] == b || records.familyLastPart[i] == b
            || records.familyFirstPart[j] == a || records.familyLastPart[j] == a
            || doubleBarrelReversed(i, j)
        {
            return 2
        }
        let similarity = similarity(a, b)
        if similarity >= 0.92 { return 3 }
        if records.familyPhonetic[i] != 0, records.familyPhonetic[i] == records.familyPhonetic[j] { return 4 }
        if similarity >= 0.80 { return 5 }
        return 7
    }

    /// Whether two surnames of several parts are one written the other way round: `Smith-Jones` and `Jones-Smith`
    /// (or `Smith Jones`), the first part of each the last of the other.
    @inline(__always)
    func doubleBarrelReversed(_ i: Int, _ j: Int) -> Bool {
        let firstI = records.familyFirstPart[i]
        return firstI != 0 && firstI == records.familyLastPart[j] && records.familyLastPart[i] == records.familyFirstPart[j]
    }

    @inline(__always)
    func similarity(_ a: Int32, _ b: Int32) -> Double {
        if a == b { return 1 }
        return records.names.withBytes(a, b) { StringSimilarity.jaroWinkler(asciiBytes: $0, $1) }
    }

    func sharesNicknameGroup(_ a: Int32, _ b: Int32) -> Bool {
        let left = records.nicknameGroups[Int(a)]
        guard !left.isEmpty else { return false }
        let right = records.nicknameGroups[Int(b)]
        return left.contains { right.contains($0) }
    }

    // MARK: - Date of birth and sex

    func birthLevel(_ i: Int, _ j: Int) -> UInt8 {
        let a = records.birth[i], b = records.birth[j]
        guard a != 0, b != 0 else { return 0 }
        if a == b { return 1 }
        let yearA = a / 10_000, monthA = a / 100 % 100, dayA = a % 100
        let yearB = b / 10_000, monthB = b / 100 % 100, dayB = b % 100
        if yearA == yearB, monthA == dayB, dayA == monthB { return 2 }
        let agreeing = (yearA == yearB ? 1 : 0) + (monthA == monthB ? 1 : 0) + (dayA == dayB ? 1 : 0)
        // A year is one slip when one digit differs or two neighbours swapped (1985, 1958); 1982 and 2015 are a
        // father and his son.
        if agreeing == 2, yearA == yearB || Self.isOneSlip(Int(yearA), Int(yearB)) { return 3 }
        // A day slipped across the end of a month or year (31 December 1942, 1 January 1943) changes two or three
        // parts but is the same slip.
        if let dateA = CivilDate(year: Int(yearA), month: Int(monthA), day: Int(dayA)),
            let dateB = CivilDate(year: Int(yearB), month: Int(monthB), day: Int(dayB)),
            abs(dateA.daysSinceEpoch - dateB.daysSinceEpoch) <= 2
        {
            return 3
        }
        let years = abs(Int(yearA) - Int(yearB))
        if years <= 5 { return 4 }
        if years <= 15 { return 5 }
        return 6
    }

    /// Whether two four-digit years differ in one digit, or in two neighbouring digits swapped.
    static func isOneSlip(_ a: Int, _ b: Int) -> Bool {
        let x = [a / 1000 % 10, a / 100 % 10, a / 10 % 10, a % 10], y = [b / 1000 % 10, b / 100 % 10, b / 10 % 10, b % 10]
        let differing = (0..<4).filter { x[$0] != y[$0] }
        if differing.count == 1 { return true }
        return differing.count == 2 && differing[1] == differing[0] + 1 && x[differing[0]] == y[differing[1]]
            && x[differing[1]] == y[differing[0]]
    }

    func sexLevel(_ i: Int, _ j: Int) -> UInt8 {
        let a = records.sex[i], b = records.sex[j]
        guard a != 0, b != 0 else { return 0 }
        return a == b ? 1 : 2
    }

    // MARK: - Household

    func householdLevel(_ i: Int, _ j: Int) -> UInt8 {
        let postcodeI = records.postcodeUnit[i], postcodeJ = records.postcodeUnit[j]
        let bothPostcodes = postcodeI != 0 && postcodeJ != 0
        let numberI = records.houseNumber[i], numberJ = records.houseNumber[j]
        let phoneI = records.phone[i], phoneJ = records.phone[j]
        let emailI = records.email[i], emailJ = records.email[j]
        let bothPhones = phoneI != 0 && phoneJ != 0
        let bothEmails = emailI != 0 && emailJ != 0
        let bothAddresses = numberI != 0 && numberJ != 0 || hasWords(i) && hasWords(j)
        guard bothPostcodes || bothAddresses || bothPhones || bothEmails else { return 0 }
        let sameContact = (bothPhones && phoneI == phoneJ) || (bothEmails && emailI == emailJ)
        let sameAddress =
            bothAddresses && sameStreetAddress(i, j)
            && !(bothPostcodes && records.postcodeSector[i] != records.postcodeSector[j])
        if sameAddress { return sameContact ? 1 : 2 }
        if sameContact { return 3 }
        guard bothPostcodes else { return 7 }
        if postcodeI == postcodeJ { return 4 }
        let sectorI = records.postcodeSector[i]
        if sectorI != 0, sectorI == records.postcodeSector[j] { return 5 }
        let districtI = records.postcodeDistrict[i]
        if districtI != 0, districtI == records.postcodeDistrict[j] { return 6 }
        return 7
    }

    @inline(__always)
    func hasWords(_ i: Int) -> Bool { records.streetWord(i, 0) != 0 }

    /// The same house or flat numbers in the same postcode; or, where a postcode cannot tell, the same numbers,
    /// more than half the distinctive words of the shorter address in the longer (a typo in one word of three is
    /// forgiven), and a street type in common when both name one. Half the words was once enough, and at a million
    /// records with a twentieth of postcodes missing, `4 Primrose Terrace New` and `4 Albert Place New` were one
    /// address, and so were `9 Ivy Gardens` and `9 Ivy Crescent`: different homes taken for one made a shared
    /// address ten times weaker evidence than it is.
    func sameStreetAddress(_ i: Int, _ j: Int) -> Bool {
        let numberI = records.houseNumber[i], numberJ = records.houseNumber[j]
        guard numberI == numberJ else { return false }
        if numberI != 0, records.postcodeUnit[i] != 0, records.postcodeUnit[i] == records.postcodeUnit[j] { return true }
        let typesI = records.streetTypes[i], typesJ = records.streetTypes[j]
        if typesI != 0, typesJ != 0, typesI & typesJ == 0 { return false }
        var wordsI = 0, wordsJ = 0, shared = 0
        for a in 0..<EncodedRecords.wordsPerAddress {
            let word = records.streetWord(i, a)
            if word == 0 { break }
            wordsI += 1
            for b in 0..<EncodedRecords.wordsPerAddress {
                let other = records.streetWord(j, b)
                if other == 0 { break }
                if other == word {
                    shared += 1
                    break
                }
            }
        }
        for b in 0..<EncodedRecords.wordsPerAddress where records.streetWord(j, b) != 0 { wordsJ += 1 }
        return shared * 2 > min(wordsI, wordsJ)
    }

    // MARK: - Identifiers

    func nationalIdentifierLevel(_ i: Int, _ j: Int) -> UInt8 {
        let nhsI = records.nhsNumber[i], nhsJ = records.nhsNumber[j]
        if nhsI != 0, nhsJ != 0 { return nhsI == nhsJ ? 1 : 2 }
        let upnI = records.pupilNumber[i], upnJ = records.pupilNumber[j]
        if upnI != 0, upnJ != 0 { return upnI == upnJ ? 1 : 2 }
        return 0
    }

    func otherIdentifierLevel(_ i: Int, _ j: Int) -> UInt8 {
        let a = records.otherIdentifier[i], b = records.otherIdentifier[j]
        guard a != 0, b != 0 else { return 0 }
        if a == b { return 1 }
        let distance = records.identifiers.withBytes(a, b) { StringSimilarity.levenshtein(bytes: $0, $1) }
        return distance <= 1 ? 2 : 3
    }
}
