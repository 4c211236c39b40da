import KithSpreadsheet
import KithStandard
import Testing

@testable import KithLinkage

/// A list with one full-name column (`#x_person +name`): its names are split by the data standard's one splitter,
/// ``PersonName``, into given, middle and family names in display form.
struct FullNameRecordTests {
    static let builder = PersonRecordBuilder(tags: [HXLTag(parsing: "#x_person +name"), HXLTag(parsing: "#date +birth")])

    static func record(_ fullName: String) -> PersonRecord {
        builder.record(key: "1", source: "Food bank", cells: [fullName, "1980-08-04"]) { _ in nil }
    }

    @Test(
        arguments: [
            ("GILL, Savita", "Savita", nil, "Gill"),
            ("RODRÍGUEZ, BEATRIZ", "Beatriz", nil, "Rodríguez"),
            ("Juan de la Cruz", "Juan", nil, "de la Cruz"),
            ("Mary Ann SMITH JONES", "Mary", "Ann", "Smith Jones"),
            ("Angus Mc Donald", "Angus", nil, "Mc Donald"),
        ] as [(String, String?, String?, String?)])
    func aFullNameIsSplitAsEverywhereInKith(_ full: String, given: String?, middle: String?, family: String?) throws {
        let record = Self.record(full)
        let expected = try #require(PersonName(fullName: full)).tidied()
        #expect(record.givenName == expected.givenName && record.middleNames == expected.middleNames && record.familyName == expected.familyName)
        #expect(record.givenName == given, "\(full)")
        #expect(record.middleNames == middle, "\(full)")
        #expect(record.familyName == family, "\(full)")
        #expect(record.birthDate == CivilDate(year: 1980, month: 8, day: 4))
    }
}
