import Foundation
import KithSpreadsheet
import KithStandard
import KithStore
import KithTestSupport
import Testing

@testable import KithIngest

/// Import tags columns, stores normalised values beside the raw ones, and remembers the tagging per source.
struct TaggingOnImportTests {
    static let asOf = CivilDate(year: 2026, month: 11, day: 16)!

    static func request(_ file: URL, source: String, mapping: ColumnMapping? = nil) -> ImportRequest {
        ImportRequest(file: file, sourceName: source, importedBy: "analyst", mapping: mapping, referenceDate: asOf)
    }

    @Test func storesTagsAndNormalisedValuesBesideTheRawCells() throws {
        let fixture = try ImporterTests.Fixture()
        let file = try fixture.folder.file(
            "calls.csv",
            text:
                "Caller First Name,Caller Surname,D.O.B,Post Code,NHS No,Notes\nZOË ,o'brien,5/7/1948,ol11aa,943 476 5919,Needs food\nBill,Smith,25/12/1950,OL1 2AB,4010232137,\n"
        )
        let summary = try fixture.importer.run(Self.request(file, source: "Helpline call log"))
        #expect(summary.text.contains("Tagged 5 of 6 columns") || summary.text.contains("Tagged 6 of 6 columns"))
        let repository = fixture.database.imports
        let columns = try repository.columns(ofImport: summary.record.id!)
        let dictionary = DataDictionary.standard
        #expect(columns.map { $0.tag.flatMap(dictionary.entry(forTag:))?.type }.prefix(5) == [.name, .name, .dateOfBirth, .postcode, .nhsNumber])
        let rows = try repository.rows(ofImport: summary.record.id!, limit: nil)
        #expect(rows[0].cellValues == ["ZOË ", "o'brien", "5/7/1948", "ol11aa", "943 476 5919", "Needs food"])
        #expect(rows[0].normalisedValue(at: 2) == "1948-07-05")
        #expect(rows[0].normalisedValue(at: 3) == "OL1 1AA")
        #expect(rows[0].normalisedValue(at: 4) == "9434765919")
        #expect(rows[0].normalisedValue(at: 0) == "Zoë")
        #expect(rows[0].normalisedValue(at: 1) == "O'Brien")
        // Only values that differ from the cell are stored; one already in normal form reads back as itself.
        #expect(rows[1].normalised?.contains("OL1 2AB") == false)
        #expect(rows[1].normalisedValue(at: 3) == "OL1 2AB")
        #expect(rows[1].normalisedValue(at: 5) == nil)
    }

    @Test func reusesTheSourcesSavedMappingOnItsNextList() throws {
        let fixture = try ImporterTests.Fixture()
        let week1 = try fixture.folder.file(
            "week1.csv", text: "Ref,Col B\nR1,9434765919\nR2,4010232137\nR3,4857773457\nR4,6000000006\nR5,7000000015\n")
        let first = try fixture.importer.run(Self.request(week1, source: "Food bank referrals"))
        let saved = try #require(try fixture.database.imports.mapping(forSourceNamed: "Food bank referrals"))
        let mapping = try ColumnMapping(yaml: saved.mapping)
        let nhsTag = try #require(mapping.column(forHeader: "Col B")?.tag)
        #expect(DataDictionary.standard.entry(forTag: nhsTag)?.type == .nhsNumber)
        #expect(first.usedSavedMapping == false)
        // Next week the column is empty for the first rows: only the saved mapping can tell what it is.
        let week2 = try fixture.folder.file("week2.csv", text: "Ref,Col B\nR6,\nR7,\nR8,4010232137\n")
        let second = try fixture.importer.run(Self.request(week2, source: "Food bank referrals"))
        #expect(second.usedSavedMapping)
        #expect(second.tagging?.columns[1].origin == .mapping)
        #expect(second.text.contains("from the source's saved mapping"))
        let rows = try fixture.database.imports.rows(ofImport: second.record.id!, limit: nil)
        #expect(rows[2].normalisedValue(at: 1) == "4010232137")
    }

    @Test func keepsAnHXLHashtagRowOutOfTheData() throws {
        let fixture = try ImporterTests.Fixture()
        let file = try fixture.folder.file(
            "tagged.csv", text: "Given,Family,Born\n#x_person +name +given,#x_person +name +family,#date +birth\nAnn,Lee,1950-02-01\n"
        )
        let summary = try fixture.importer.run(Self.request(file, source: "Tagged list"))
        #expect(summary.record.rowCount == 1)
        let rows = try fixture.database.imports.rows(ofImport: summary.record.id!, limit: nil)
        #expect(rows.map(\.rowNumber) == [3])
        #expect(summary.tagging?.columns.map(\.origin) == [.hashtagRow, .hashtagRow, .hashtagRow])
        #expect(
            try fixture.database.imports.columns(ofImport: summary.record.id!).map(\.tag) == [
                "#x_person +given +name", "#x_person +family +name", "#date +birth",
            ])
    }

    @Test func recordsHowAmbiguousDatesWereRead() throws {
        let fixture = try ImporterTests.Fixture()
        let file = try fixture.folder.file("dates.csv", text: "Forename,Surname,DOB\nAnn,Lee,05/07/1985\nBob,Hall,03/04/1990\nCy,Ng,25/12/1970\n")
        let summary = try fixture.importer.run(Self.request(file, source: "Dates"))
        let findings = try fixture.database.imports.findings(ofImport: summary.record.id!)
        let note = try #require(findings.first { $0.columnLetter == "C" })
        #expect(note.severity == .info)
        #expect(note.message.contains("2 of 3 dates read differently day-first and month-first"))
        let rows = try fixture.database.imports.rows(ofImport: summary.record.id!, limit: nil)
        #expect(rows[0].normalisedValue(at: 2) == "1985-07-05")
    }
}
