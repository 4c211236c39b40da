import Foundation
import KithSpreadsheet
import Testing

@testable import KithSynthetic

/// Identifiers in the truth are valid: NHS numbers pass Modulus 11 in the England and Wales ranges, UPNs carry
/// the right check letter, postcodes fit the strict format, all unique where they should be.
struct IdentifierTests {
    /// Modulus 11, written out here as an oracle independent of the generator.
    static func passesModulus11(_ number: String) -> Bool {
        let digits = number.compactMap(\.wholeNumberValue)
        guard digits.count == 10, number.count == 10 else { return false }
        let sum = zip(digits.prefix(9), [10, 9, 8, 7, 6, 5, 4, 3, 2]).reduce(0) { $0 + $1.0 * $1.1 }
        var check = 11 - sum % 11
        if check == 11 { check = 0 }
        return check != 10 && check == digits[9]
    }

    /// The UPN check letter (python-stdnum `gb.upn`), written out here as an oracle.
    static func upnIsValid(_ upn: String) -> Bool {
        let characters = Array(upn)
        guard characters.count == 13 else { return false }
        let alphabet = Array("ABCDEFGHJKLMNPQRTUVWXYZ0123456789")
        var sum = 0
        for (offset, character) in characters.dropFirst().enumerated() {
            let value = character.isNumber ? character.wholeNumberValue! : (alphabet.firstIndex(of: character) ?? 99)
            sum += value * (offset + 2)
        }
        return alphabet[sum % 23] == characters[0]
    }

    @Test func publishedVectors() {
        for valid in ["9434765919", "4010232137", "4857773457", "4000000004", "6000000006", "7389100109"] {
            #expect(Self.passesModulus11(valid))
            #expect(NHSNumber.isValid(valid))
        }
        for invalid in ["9434765918", "9434765991", "4934765919", "9876544321", "9991234560", "943476591", "943476591O"] {
            #expect(!Self.passesModulus11(invalid))
            #expect(!NHSNumber.isValid(invalid))
        }
        #expect(Self.upnIsValid("B801200005001"))
        #expect(!Self.upnIsValid("A801200005001"))
        #expect(UniquePupilNumber.isValid("B801200005001"))
        #expect(UniquePupilNumber.make(localAuthority: 801, establishment: 2000, year: 5, serial: 1) == "B801200005001")
    }

    @Test func establishmentNumbersStayFourDigitsAndDistinctForVeryLargeBoroughs() {
        let primaries = (0..<3_000).map(SchoolDirectory.primaryEstablishment)
        let secondaries = (0..<1_000).map(SchoolDirectory.secondaryEstablishment)
        let all = primaries + secondaries
        #expect(all.allSatisfy { (1_000...9_999).contains($0) })
        #expect(Set(all).count == all.count)
        #expect(primaries[666] == 3_999 && secondaries[199] == 4_996, "boroughs of any size so far keep their numbers")
        #expect(UniquePupilNumber.make(localAuthority: 880, establishment: primaries[2_999], year: 2026, serial: 12).count == 13)
    }

    @Test func everyNHSNumberInTheTruthIsValidAndUnique() {
        var seen: Set<String> = []
        for person in Fixture.people {
            let number = person["nhs_number"]!
            #expect(Self.passesModulus11(number), "\(number) fails Modulus 11")
            #expect(["4", "6", "7"].contains(number.prefix(1)), "\(number) is outside the England and Wales ranges")
            #expect(Set(number).count > 1, "\(number) is a placeholder")
            #expect(seen.insert(number).inserted, "\(number) is given twice")
        }
    }

    @Test func everyUPNIsValidAndUnique() {
        var seen: Set<String> = []
        var pupils = 0
        for person in Fixture.people where !(person["upn"] ?? "").isEmpty {
            let upn = person["upn"]!
            pupils += 1
            #expect(Self.upnIsValid(upn), "\(upn) has the wrong check letter")
            #expect(seen.insert(upn).inserted, "\(upn) is given twice")
        }
        #expect(pupils > 100)
    }

    @Test func postcodesFitTheStrictPattern() throws {
        let strict = try Regex(
            "^(?:[A-PR-UWYZ](?:[0-9][0-9]?|[0-9][A-HJKPSTUW])|[A-PR-UWYZ][A-HK-Y](?:[0-9][0-9]?|[0-9][ABEHMNPRVWXY])) [0-9][ABD-HJLNP-UW-Z]{2}$"
        )
        var postcodes: Set<String> = []
        for household in Fixture.households {
            postcodes.insert(household["postcode"]!)
            if let previous = household["previous_postcode"], !previous.isEmpty { postcodes.insert(previous) }
        }
        for postcode in postcodes {
            #expect(postcode.wholeMatch(of: strict) != nil, "\(postcode) does not fit the strict pattern")
            #expect(postcode.hasPrefix("HY"))
        }
        // Several households share each postcode.
        #expect(Double(Fixture.households.count) / Double(postcodes.count) > 4)
    }

    @Test func uprnsAreUniquePerDwelling() {
        let uprns = Fixture.households.map { $0["uprn"]! }
        #expect(Set(uprns).count == uprns.count)
        #expect(uprns.allSatisfy { Int($0) != nil && $0.count <= 12 })
    }

    @Test func schoolsHaveSixDigitURNs() throws {
        let schools = try CSVTable(file: Fixture.directory.appendingPathComponent("truth/schools.csv")).records
        #expect(schools.contains { $0["phase"] == "Primary" })
        #expect(schools.contains { $0["phase"] == "Secondary" })
        for school in schools {
            #expect(school["urn"]!.count == 6 && Int(school["urn"]!) != nil)
        }
        let fullSize = SchoolDirectory.counts(people: 50_000, neighbourhoods: 7)
        #expect(fullSize.primaries == 40)
        #expect(fullSize.secondaries == 8)
    }
}
