import KithSpreadsheet
import KithStandard
import KithTestSupport
import Testing

@testable import KithLinkage

/// Every field's comparator puts a pair of records in the level its label promises, one example per level.
struct RecordComparatorTests {
    /// One pair of records and the level it must land in for one field.
    struct LevelCase: Sendable, CustomTestStringConvertible {
        var field: LinkageField
        var level: UInt8
        var label: String
        var left: PersonRecord
        var right: PersonRecord

        var testDescription: String { "\(field.columnName) level \(level): \(label)" }
    }

    static func date(_ year: Int, _ month: Int, _ day: Int) -> CivilDate {
        CivilDate(year: year, month: month, day: day)!
    }

    static func record(
        _ key: String, given: String? = nil, middle: String? = nil, family: String? = nil, previous: String? = nil,
        born: CivilDate? = nil, sex: String? = nil, nhs: String? = nil, upn: String? = nil, other: String? = nil,
        postcode: String? = nil, address: String? = nil, phone: String? = nil, email: String? = nil
    ) -> PersonRecord {
        PersonRecord(
            key: key, source: "test", givenName: given, middleNames: middle, familyName: family, previousFamilyName: previous,
            birthDate: born, sex: sex, nhsNumber: nhs, pupilNumber: upn, otherIdentifier: other, postcode: postcode,
            address: address, phone: phone, email: email
        )
    }

    static func levels(_ left: PersonRecord, _ right: PersonRecord) -> PackedLevels {
        var e = EncodedRecords()
        e.append(contentsOf: [left, right])
        return RecordComparator(records: e).compare(0, 1)
    }

    /// Given-name pairs share a surname that is nothing like either given name, so no swap is seen.
    static func givenCase(_ level: UInt8, _ label: String, _ a: String?, _ b: String?, middleB: String? = nil) -> LevelCase {
        LevelCase(
            field: .givenName, level: level, label: label,
            left: record("a", given: a, family: "Okafor"), right: record("b", given: b, middle: middleB, family: "Okafor")
        )
    }

    static func familyCase(_ level: UInt8, _ label: String, _ a: String?, _ b: String?, previousA: String? = nil) -> LevelCase {
        LevelCase(
            field: .familyName, level: level, label: label,
            left: record("a", given: "Alice", family: a, previous: previousA), right: record("b", given: "Alice", family: b)
        )
    }

    static func birthCase(_ level: UInt8, _ label: String, _ a: CivilDate?, _ b: CivilDate?) -> LevelCase {
        LevelCase(field: .birthDate, level: level, label: label, left: record("a", born: a), right: record("b", born: b))
    }

    static func householdCase(_ level: UInt8, _ label: String, _ a: PersonRecord, _ b: PersonRecord) -> LevelCase {
        LevelCase(field: .household, level: level, label: label, left: a, right: b)
    }

    static let cases: [LevelCase] = givenCases + familyCases + birthCases + sexCases + householdCases + identifierCases

    static let givenCases: [LevelCase] = [
        givenCase(0, "missing on one side", "John", nil),
        givenCase(1, "exact", "John", "JOHN"),
        givenCase(2, "nickname Bill for William", "Bill", "William"),
        givenCase(2, "nickname William for Bill", "William", "Bill"),
        givenCase(2, "given name is the other's middle name", "Anne", "Mary", middleB: "Anne Louise"),
        givenCase(3, "Jaro-Winkler 0.967, sounds different (Martha, Marta)", "Martha", "Marta"),
        givenCase(3, "Jaro-Winkler exactly 0.92 is in the band (Julia, Julie)", "Julia", "Julie"),
        givenCase(4, "Double Metaphone L for both, Jaro-Winkler 0.69 (Leigh, Lee)", "Leigh", "Lee"),
        givenCase(5, "Jaro-Winkler 0.88, sounds different (Carla, Clara)", "Carla", "Clara"),
        givenCase(6, "initial agrees", "J", "John"),
        LevelCase(
            field: .givenName, level: 7, label: "first and last names swapped",
            left: record("a", given: "Smith", family: "John"), right: record("b", given: "John", family: "Smith")
        ),
        givenCase(8, "different names", "John", "Mary"),
        givenCase(8, "initial disagrees", "J", "Mary"),
        givenCase(8, "Jaro-Winkler just below 0.80 (Harper, Hopper)", "Harper", "Hopper"),
    ]

    static let familyCases: [LevelCase] = [
        familyCase(0, "missing on one side", nil, "Smith"),
        familyCase(1, "exact, accents and case aside", "O'Neill", "ONEILL"),
        familyCase(1, "spaces round the hyphen (Smith - Jones, Smith-Jones)", "Smith - Jones", "Smith-Jones"),
        familyCase(2, "previous (maiden) surname", "Jones", "Smith", previousA: "Smith"),
        familyCase(2, "one part of a hyphenated surname (Smith-Jones, Jones)", "Smith-Jones", "Jones"),
        familyCase(2, "first part of a hyphenated surname (Smith-Jones, Smith)", "Smith", "Smith-Jones"),
        familyCase(2, "double-barrelled surname in the other order (Smith-Jones, Jones-Smith)", "Smith-Jones", "Jones-Smith"),
        familyCase(2, "two-word surname in the other order (Smith Jones, Jones-Smith)", "Smith Jones", "Jones-Smith"),
        familyCase(2, "spaces round the hyphen, other order (Smith - Jones, Jones-Smith)", "Smith - Jones", "Jones-Smith"),
        familyCase(2, "three parts, first and last swapped (Smith-Ali-Jones, Jones-Ali-Smith)", "Smith-Ali-Jones", "Jones-Ali-Smith"),
        familyCase(3, "Jaro-Winkler 0.967 (Davies, Davis)", "Davies", "Davis"),
        familyCase(4, "Double Metaphone SM0 for both, Jaro-Winkler 0.89 (Smyth, Smith)", "Smyth", "Smith"),
        familyCase(5, "Jaro-Winkler 0.90, sounds different (Baker, Barker)", "Baker", "Barker"),
        LevelCase(
            field: .familyName, level: 6, label: "first and last names swapped",
            left: record("a", given: "Smith", family: "John"), right: record("b", given: "John", family: "Smith")
        ),
        familyCase(7, "different surnames (Hart, Hunt)", "Hart", "Hunt"),
        familyCase(7, "two double-barrelled surnames sharing one part (Hart-Jones, Brown-Hart)", "Hart-Jones", "Brown-Hart"),
    ]

    static let birthCases: [LevelCase] = [
        birthCase(0, "missing on one side", date(1990, 3, 4), nil),
        birthCase(0, "placeholder 1900-01-01 on both sides is missing", date(1900, 1, 1), date(1900, 1, 1)),
        birthCase(0, "placeholder 1900-01-01 against a real date is missing", date(1900, 1, 1), date(1985, 6, 14)),
        birthCase(1, "exact", date(1990, 3, 4), date(1990, 3, 4)),
        birthCase(2, "day and month swapped", date(1990, 3, 4), date(1990, 4, 3)),
        birthCase(3, "day different", date(1990, 3, 4), date(1990, 3, 5)),
        birthCase(3, "month different", date(1990, 3, 4), date(1990, 11, 4)),
        birthCase(3, "year different in one digit", date(1990, 3, 4), date(1999, 3, 4)),
        birthCase(3, "year's digits swapped", date(1985, 10, 11), date(1958, 10, 11)),
        birthCase(6, "same day and month, years unlike (a father and his namesake son)", date(1982, 10, 29), date(2015, 10, 29)),
        birthCase(5, "same day and month, years two digits apart", date(2009, 6, 5), date(1999, 6, 5)),
        birthCase(3, "a day apart across a year end", date(1942, 12, 31), date(1943, 1, 1)),
        birthCase(3, "two days apart across a month end", date(1990, 2, 28), date(1990, 3, 2)),
        birthCase(4, "three days apart across a month end", date(1990, 1, 30), date(1990, 2, 2)),
        birthCase(4, "three years apart", date(1990, 3, 4), date(1993, 7, 10)),
        birthCase(4, "exactly five years apart", date(1990, 3, 4), date(1995, 8, 9)),
        birthCase(5, "ten years apart", date(1990, 3, 4), date(2000, 8, 9)),
        birthCase(5, "fifteen years apart", date(1990, 3, 4), date(2005, 8, 9)),
        birthCase(6, "twenty years apart", date(1990, 3, 4), date(2010, 8, 9)),
    ]

    static let sexCases: [LevelCase] = [
        LevelCase(field: .sex, level: 0, label: "missing on one side", left: record("a", sex: "F"), right: record("b")),
        LevelCase(field: .sex, level: 0, label: "unknown code is missing", left: record("a", sex: "F"), right: record("b", sex: "U")),
        LevelCase(field: .sex, level: 1, label: "same (F, Female)", left: record("a", sex: "F"), right: record("b", sex: "Female")),
        LevelCase(field: .sex, level: 2, label: "different", left: record("a", sex: "F"), right: record("b", sex: "M")),
    ]

    static let householdCases: [LevelCase] = [
        householdCase(
            0, "nothing of a home on one side",
            record("a", postcode: "HY1 0FW", address: "70 Granville Drive", phone: "07700 900123"), record("b", given: "Ann")
        ),
        householdCase(
            1, "same address and same phone",
            record("a", postcode: "HY1 0FW", address: "70 Granville Drive", phone: "07700 900123"),
            record("b", postcode: "HY1 0FW", address: "70 Granville Drive", phone: "+44 7700 900123")
        ),
        householdCase(
            1, "same address and same phone, after 0044 (0) and +44",
            record("a", postcode: "HY1 0FW", address: "70 Granville Drive", phone: "0044 (0)7700 900123"),
            record("b", postcode: "HY1 0FW", address: "70 Granville Drive", phone: "+44 7700 900123")
        ),
        householdCase(
            1, "same address and same email",
            record("a", address: "70 Granville Drive", email: "ann@example.org"),
            record("b", address: "70 GRANVILLE DRIVE", email: "Ann@Example.org")
        ),
        householdCase(
            2, "same address, street type abbreviated (70 Granville Dr, 70 Granville Drive)",
            record("a", address: "70 Granville Dr"), record("b", address: "70 Granville Drive")
        ),
        householdCase(
            2, "same address, different phones",
            record("a", postcode: "HY1 0FW", address: "70 Granville Drive", phone: "07700 900123"),
            record("b", postcode: "HY1 0FW", address: "70 Granville Drive", phone: "07700 900999")
        ),
        householdCase(
            2, "same flat, written first and last (Flat 2, 34 Oak Road; 34 Oak Road, Flat 2)",
            record("a", postcode: "HY1 0FW", address: "Flat 2, 34 Oak Road"), record("b", postcode: "HY1 0FW", address: "34 Oak Road, Flat 2")
        ),
        householdCase(
            3, "same phone only",
            record("a", postcode: "HY1 0FW", address: "70 Granville Drive", phone: "07700 900123"),
            record("b", postcode: "HY3 2AB", address: "12 Oak Road", phone: "07700900123")
        ),
        householdCase(
            3, "same phone only, one after the 0044 international prefix (0044 7700 900123, 07700 900123)",
            record("a", postcode: "HY1 0FW", address: "70 Granville Drive", phone: "0044 7700 900123"),
            record("b", postcode: "HY3 2AB", address: "12 Oak Road", phone: "07700 900123")
        ),
        householdCase(
            3, "same email only", record("a", address: "70 Granville Drive", email: "ann@example.org"),
            record("b", address: "12 Oak Road", email: "ann@example.org")
        ),
        householdCase(
            4, "same postcode, different house",
            record("a", postcode: "HY1 0FW", address: "12 Oak Road"), record("b", postcode: "HY1 0FW", address: "14 Oak Road")
        ),
        householdCase(
            4, "same postcode, different flats of one house (Flat 2, Flat 3)",
            record("a", postcode: "HY1 0FW", address: "Flat 2, 34 Oak Road"), record("b", postcode: "HY1 0FW", address: "Flat 3, 34 Oak Road")
        ),
        householdCase(4, "same postcode, no addresses", record("a", postcode: "HY1 0FW"), record("b", postcode: "hy1 0fw")),
        householdCase(
            5, "same postcode sector",
            record("a", postcode: "HY1 0FW", address: "12 Oak Road"), record("b", postcode: "HY1 0AB", address: "3 Elm Close")
        ),
        householdCase(
            6, "same postcode district",
            record("a", postcode: "HY1 0FW", address: "12 Oak Road"), record("b", postcode: "HY1 2AB", address: "3 Elm Close")
        ),
        householdCase(
            7, "different postcode districts",
            record("a", postcode: "HY1 0FW", address: "12 Oak Road"), record("b", postcode: "HY9 3AB", address: "3 Elm Close")
        ),
        householdCase(
            7, "different addresses, no postcodes", record("a", address: "12 Oak Road"), record("b", address: "3 Elm Close")
        ),
        householdCase(
            2, "same address, a locality added on one side, no postcode on the other",
            record("a", address: "12 Mill Road, Hindley"), record("b", postcode: "HY1 0FW", address: "12 Mill Road")
        ),
        householdCase(
            2, "same address in one postcode, the street type written differently",
            record("a", postcode: "HY1 0FW", address: "9 Ivy Gardens"), record("b", postcode: "HY1 0FW", address: "9 Ivy Grove")
        ),
        householdCase(
            7, "two streets that share only a qualifier (4 Primrose Terrace New, 4 Albert Place New), one postcode missing",
            record("a", postcode: "HY1 0FW", address: "4 Primrose Terrace New"), record("b", address: "4 Albert Place New")
        ),
        householdCase(
            7, "two streets of one estate (9 Ivy Gardens, 9 Ivy Crescent), one postcode missing",
            record("a", postcode: "HY1 0FW", address: "9 Ivy Gardens Upper"), record("b", address: "9 Ivy Crescent Upper")
        ),
        householdCase(
            7, "one street address in two distant postcodes is not one home",
            record("a", postcode: "HY1 0FW", address: "70 Granville Drive"),
            record("b", postcode: "HY7 4QT", address: "70 Granville Drive")
        ),
    ]

    static let identifierCases: [LevelCase] = [
        LevelCase(
            field: .nationalIdentifier, level: 0, label: "NHS number missing on one side", left: record("a", nhs: "9434765919"), right: record("b")),
        LevelCase(
            field: .nationalIdentifier, level: 1, label: "same NHS number",
            left: record("a", nhs: "9434765919"), right: record("b", nhs: "943 476 5919")
        ),
        LevelCase(
            field: .nationalIdentifier, level: 2, label: "different NHS numbers",
            left: record("a", nhs: "9434765919"), right: record("b", nhs: "9434765870")
        ),
        LevelCase(
            field: .nationalIdentifier, level: 1, label: "same UPN",
            left: record("a", upn: "A123456789012"), right: record("b", upn: "a123456789012")
        ),
        LevelCase(field: .otherIdentifier, level: 0, label: "missing on one side", left: record("a", other: "QQ123456C"), right: record("b")),
        LevelCase(
            field: .otherIdentifier, level: 1, label: "exact, spacing and case aside",
            left: record("a", other: "QQ123456C"), right: record("b", other: "qq 12 34 56 c")
        ),
        LevelCase(
            field: .otherIdentifier, level: 2, label: "one character different",
            left: record("a", other: "QQ123456C"), right: record("b", other: "QQ123457C")
        ),
        LevelCase(
            field: .otherIdentifier, level: 2, label: "one character missing",
            left: record("a", other: "QQ123456C"), right: record("b", other: "QQ12456C")
        ),
        LevelCase(
            field: .otherIdentifier, level: 3, label: "different",
            left: record("a", other: "QQ123456C"), right: record("b", other: "AB987654D")
        ),
    ]

    @Test(arguments: cases)
    func pairLandsInItsLevel(_ example: LevelCase) {
        let forward = Self.levels(example.left, example.right)
        #expect(forward[example.field] == example.level, "\(example.testDescription): got \(forward[example.field])")
        // The level does not depend on which record comes first.
        let backward = Self.levels(example.right, example.left)
        #expect(backward[example.field] == example.level, "reversed \(example.testDescription): got \(backward[example.field])")
    }

    // MARK: - Phones

    /// A phone number is compared in the data standard's normal form, whatever international prefix it was written with.
    @Test(arguments: [
        "07700 900123", "07700900123", "+44 7700 900123", "+447700900123", "+44 (0)7700 900123", "0044 7700 900123",
        "0044 (0)7700 900123", "00 44 7700 900123", "447700900123",
    ])
    func everySpellingOfOneNumberIsOnePhone(_ phone: String) {
        var e = EncodedRecords()
        e.append(contentsOf: [Self.record("a", phone: "07700 900123"), Self.record("b", phone: phone)])
        #expect(e.phone[0] != 0)
        #expect(e.phone[1] == e.phone[0], "\(phone): \(e.phone[1]), want \(e.phone[0])")
        #expect(EncodedRecords.phoneDigits(phone) == PhoneReader.normalised(phone).flatMap(EncodedRecords.phoneDigits))
    }

    @Test func aPhoneTheStandardCannotReadIsNoPhone() {
        // The import leaves out a phone its reader cannot read; a record made by hand gets the same treatment.
        for text in ["phone me", "12345", "07700 900123 or 07700 900456"] {
            #expect(EncodedRecords.phoneDigits(text) == nil, "\(text)")
        }
        // Another country's number keeps its country code, so it is not taken for a UK number.
        #expect(EncodedRecords.phoneDigits("+33 6 12 34 56 78") == EncodedRecords.phoneDigits("0033 612 345 678"))
        #expect(EncodedRecords.phoneDigits("+33 6 12 34 56 78") != nil)
    }

    // MARK: - Flats

    static func homeLevel(_ a: String, _ b: String, postcode: String?) -> (forward: UInt8, backward: UInt8) {
        let left = record("a", postcode: postcode, address: a), right = record("b", postcode: postcode, address: b)
        return (levels(left, right)[.household], levels(right, left)[.household])
    }

    /// One flat however its number is written is one street address, with or without a postcode on both sides.
    @Test(arguments: [
        ("Flat 2, 34 Oak Road", "34 Oak Road, Flat 2"), ("Flat 2, 34 Oak Road", "2/34 Oak Road"),
        ("Flat 2, 34 Oak Road", "Flat 2 34 Oak Road"), ("Flat 2, 34 Oak Road", "34 Oak Road Flat 2"),
        ("Flat 2, 34 Oak Road", "Apartment 2, 34 Oak Road"), ("34 Oak Road, Flat 2", "2/34 Oak Road"),
        ("Flat B, 34 Oak Road", "34 Oak Road, Flat B"), ("Flat 2A, 34 Oak Road", "34 Oak Road, Flat 2a"),
    ])
    func oneFlatWrittenAnyWayIsOneHome(_ a: String, _ b: String) {
        for postcode in [nil, "HY1 0FW"] {
            let level = Self.homeLevel(a, b, postcode: postcode)
            #expect(level.forward == 2 && level.backward == 2, "\(a) / \(b), postcode \(postcode ?? "none"): \(level)")
        }
    }

    /// Different flats of one house, and a house against one of its flats, are different homes: the same postcode
    /// at most.
    @Test(arguments: [
        ("Flat 2, 34 Oak Road", "Flat 3, 34 Oak Road"), ("34 Oak Road, Flat 2", "34 Oak Road, Flat 3"),
        ("Flat 2, 34 Oak Road", "34 Oak Road, Flat 3"), ("34 Oak Road", "Flat 2, 34 Oak Road"),
        ("34 Oak Road", "34 Oak Road, Flat 2"), ("Flat A, 34 Oak Road", "Flat B, 34 Oak Road"),
        ("34 Oak Road", "Flat B, 34 Oak Road"), ("Flat 2A, 34 Oak Road", "Flat 2B, 34 Oak Road"),
        ("Flat 34, 2 Oak Road", "Flat 2, 34 Oak Road"), ("Flat A, Oak Court", "Flat B, Oak Court"),
    ])
    func differentFlatsAreDifferentHomes(_ a: String, _ b: String) {
        let withPostcode = Self.homeLevel(a, b, postcode: "HY1 0FW")
        #expect(withPostcode.forward == 4 && withPostcode.backward == 4, "\(a) / \(b): \(withPostcode)")
        let without = Self.homeLevel(a, b, postcode: nil)
        #expect(without.forward == 7 && without.backward == 7, "\(a) / \(b), no postcode: \(without)")
    }

    @Test func examplesCoverEveryLevelOfEveryField() {
        for field in LinkageField.allCases {
            let covered = Set(Self.cases.filter { $0.field == field }.map(\.level))
            let all = Set(UInt8(0)...field.differentLevel)
            #expect(covered == all, "\(field): levels without an example \(all.subtracting(covered).sorted())")
        }
    }

    @Test func nhsNumbersUsedInTheseTestsPassModulus11() {
        #expect(NHSNumberReader.isValid("9434765919"))
        #expect(NHSNumberReader.isValid("9434765870"))
    }

    @Test func identicalRecordsAgreeExactlyOnEveryField() {
        let full = Self.record(
            "a", given: "Grace", family: "Mensah", born: Self.date(1990, 2, 3), sex: "F", nhs: "9434765919", other: "QQ123456C",
            postcode: "HY1 0FW", address: "70 Granville Drive", phone: "07700 900123"
        )
        var copy = full
        copy.key = "b"
        let levels = Self.levels(full, copy)
        for field in LinkageField.allCases { #expect(levels[field] == 1, "\(field)") }
        // Nothing given: every field missing.
        let empty = Self.levels(Self.record("a"), Self.record("b"))
        #expect(empty.rawValue == 0)
    }

    // MARK: - Jaro-Winkler bands against the research vectors

    /// Name pairs from `name-vectors.csv` that are one plain word each, different keys, longer than an initial and not
    /// nicknames of each other.
    static func plainNamePairs() throws -> [(a: String, b: String, jaroWinkler: Double)] {
        try NameVectors.rows().compactMap { row in
            guard let a = row["name_a"], let b = row["name_b"], let text = row["jaro_winkler_key"], let jw = Double(text),
                let keyA = row["key_a"], let keyB = row["key_b"]
            else { return nil }
            let plain = { (name: String) in !name.isEmpty && !name.contains(" ") && !name.contains("-") }
            guard plain(a), plain(b), keyA != keyB, keyA.count > 1, keyB.count > 1, !NicknameTable.standard.areVariants(a, b)
            else { return nil }
            return (a, b, jw)
        }
    }

    /// The level the comparator should choose for a pair of different, non-nickname names from its Jaro-Winkler
    /// similarity in the vectors: the 0.92 band first, then sounding the same, then the 0.80 band.
    static func expectedLevel(jaroWinkler: Double, soundsSame: Bool, different: UInt8) -> UInt8 {
        if jaroWinkler >= 0.92 { return 3 }
        if soundsSame { return 4 }
        if jaroWinkler >= 0.80 { return 5 }
        return different
    }

    @Test func jaroWinklerBandsAgreeWithTheNameVectors() throws {
        let pairs = try Self.plainNamePairs()
        #expect(pairs.count >= 20, "only \(pairs.count) plain name pairs in name-vectors.csv")
        var bands: [UInt8: Int] = [:]
        for pair in pairs {
            // Given names.
            var given = EncodedRecords()
            given.append(contentsOf: [
                Self.record("a", given: pair.a, family: "Okafor"), Self.record("b", given: pair.b, family: "Okafor"),
            ])
            let comparator = RecordComparator(records: given)
            let similarity = comparator.similarity(given.given[0], given.given[1])
            #expect(abs(similarity - pair.jaroWinkler) < 1e-6, "\(pair.a)–\(pair.b): Jaro-Winkler \(similarity), vector \(pair.jaroWinkler)")
            let soundsSame = given.givenPhonetic[0] != 0 && given.givenPhonetic[0] == given.givenPhonetic[1]
            let level = comparator.compare(0, 1)[.givenName]
            let expected = Self.expectedLevel(jaroWinkler: pair.jaroWinkler, soundsSame: soundsSame, different: 8)
            #expect(level == expected, "\(pair.a)–\(pair.b) (JW \(pair.jaroWinkler)) given-name level \(level), want \(expected)")
            bands[expected, default: 0] += 1

            // The same pair as surnames.
            var family = EncodedRecords()
            family.append(contentsOf: [
                Self.record("a", given: "Alice", family: pair.a), Self.record("b", given: "Alice", family: pair.b),
            ])
            let familyLevel = RecordComparator(records: family).compare(0, 1)[.familyName]
            let familySoundsSame = family.familyPhonetic[0] != 0 && family.familyPhonetic[0] == family.familyPhonetic[1]
            let expectedFamily = Self.expectedLevel(jaroWinkler: pair.jaroWinkler, soundsSame: familySoundsSame, different: 7)
            #expect(
                familyLevel == expectedFamily, "\(pair.a)–\(pair.b) (JW \(pair.jaroWinkler)) surname level \(familyLevel), want \(expectedFamily)")
        }
        // The vectors reach the 0.92 band and plain disagreement with names that do not sound alike; their only plain
        // pairs between 0.80 and 0.92 sound alike (Kaur–Kour, Patel–Patil), so that band is pinned by Carla–Clara above.
        #expect((bands[3] ?? 0) >= 10 && (bands[8] ?? 0) >= 2 && (bands[4] ?? 0) >= 3, "bands checked: \(bands)")
    }
}
