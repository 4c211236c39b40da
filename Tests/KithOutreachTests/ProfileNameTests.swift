import Foundation
import KithIngest
import KithOutreach
import KithPersons
import KithSpreadsheet
import KithStandard
import KithStore
import KithTestSupport
import Testing

/// Profiles from a list with one full-name column (`GILL, Savita`): given and family names for the downloads,
/// contact lists and the person page, one name however each list writes it, and where it was split from.
struct ProfileNameTests {
    static let asOf = CivilDate(year: 2026, month: 11, day: 16)!

    @Test func aListWithOneNameColumnGivesGivenAndFamilyNames() throws {
        let folder = try TemporaryFolder()
        let gp = folder.url.appendingPathComponent("gp-register.csv")
        try """
        Given name,Family name,Date of birth,NHS number,Postcode
        Savita,Gill,04/08/1980,4000000004,HY1 2AB
        Beatriz,Rodriguez,25/07/1975,4000000012,HY2 3CD

        """.write(to: gp, atomically: true, encoding: .utf8)
        let foodBank = folder.url.appendingPathComponent("food-bank.csv")
        try """
        Name,Date of birth,NHS number,Postcode
        "GILL, Savita",04/08/1980,4000000004,HY1 2AB
        "RODRÍGUEZ, BEATRIZ",25/07/1975,4000000012,HY2 3CD
        Mary Ann SMITH JONES,01/02/1950,,HY3 4EF

        """.write(to: foodBank, atomically: true, encoding: .utf8)
        let database = try KithDatabase.open(path: folder.path("kith.sqlite").path)
        let importer = Importer(repository: database.imports)
        try importer.run(ImportRequest(file: gp, sourceName: "GP register", importedBy: "test", referenceDate: Self.asOf))
        try importer.run(ImportRequest(file: foodBank, sourceName: "Food bank referrals", importedBy: "test", referenceDate: Self.asOf))
        try PersonIndex(database: database, referenceDate: Self.asOf).link(by: "test")

        let profiles = try PersonProfileReader(database: database, referenceDate: Self.asOf).allProfiles().profiles
        #expect(profiles.count == 3)
        func profile(_ given: String) throws -> PersonProfile { try #require(profiles.first { $0.givenName == given }, "\(given)") }

        // Only on the food bank's list: the one name column is split, not put whole in the given name.
        let mary = try profile("Mary")
        #expect(mary.familyName == "Smith Jones")
        #expect(mary.name == "Mary Smith Jones")
        let maryName = try #require(DetailProvenance.details(of: mary, includingIdentifiers: false).first { $0.label == "Name" })
        #expect(maryName.values.map(\.text) == ["Mary Smith Jones"])
        #expect(maryName.values.first?.sources.map(\.fullName) == ["Mary Ann SMITH JONES"])
        #expect(maryName.values.first?.name == PersonName(givenName: "Mary", middleNames: "Ann", familyName: "Smith Jones"))

        // On both lists: one name, from two rows, one of them split from the full-name column.
        let savita = try profile("Savita")
        #expect(savita.familyName == "Gill" && savita.rows.count == 2)
        let savitaName = try #require(DetailProvenance.details(of: savita, includingIdentifiers: false).first { $0.label == "Name" })
        #expect(!savitaName.isDisputed)
        #expect(savitaName.values.first?.text == "Savita Gill")
        #expect(Set(savitaName.values.first?.sources.map(\.fullName) ?? []) == [nil, "GILL, Savita"])

        // Capitals and an accent make no second name: the other writing is kept beside it.
        let beatriz = try profile("Beatriz")
        #expect(beatriz.rows.count == 2)
        let beatrizName = try #require(DetailProvenance.details(of: beatriz, includingIdentifiers: false).first { $0.label == "Name" })
        #expect(!beatrizName.isDisputed)
        #expect(beatrizName.values.first?.sources.count == 2)
        #expect(
            Set([beatrizName.values.first?.text] + (beatrizName.values.first?.otherSpellings ?? [])) == ["Beatriz Rodriguez", "Beatriz Rodríguez"])
    }
}
