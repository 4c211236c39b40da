import Foundation
import KithLinkage
import KithPersons
import KithSpreadsheet
import KithTestSupport
import Testing

/// The standalone tool: files in, persons.csv, pairs.csv and review.csv out.
struct FileLinkageTests {
    static let asOf = CivilDate(year: 2026, month: 11, day: 16)!

    @Test func writesOnePersonRowPerInputRowAndNeutralisesFormulas() throws {
        let folder = try TemporaryFolder()
        let a = try folder.file(
            "gp.csv",
            text: """
                NHS Number,Forename,Surname,Date of Birth,Postcode,Address
                9434765919,Amara,Okafor,05/07/1985,HY1 0FW,12 Heron Street
                ,=HYPERLINK("http://x"),Smith,01/02/1950,HY2 1AB,3 Mill Lane
                ,Grace,Ashworth,11/11/1940,HY3 2CD,7 Oak Road

                """
        )
        let b = try folder.file(
            "foodbank.csv",
            text: """
                Ref,Client Name,DOB,Post Code
                FB-1,Amara Okafor,05/07/1985,HY10FW
                FB-2,Gracie Ashworth,11/11/1940,HY3 2CD

                """
        )
        let out = folder.path("out")
        let summary = try FileLinkage(loader: ListFileLoader(referenceDate: Self.asOf, idColumn: nil)).run(files: [a, b], into: out)
        #expect(summary.report.records == 5)
        let persons = try CSVTestReader.rows(out.appendingPathComponent("persons.csv"))
        #expect(persons.first == ["source", "row", "id", "person_id"])
        #expect(persons.count == 6)
        let personOf = Dictionary(uniqueKeysWithValues: persons.dropFirst().map { ($0[2], $0[3]) })
        #expect(personOf["gp:2"] == personOf["foodbank:2"])
        #expect(personOf["gp:2"] != personOf["gp:3"])
        let pairs = try CSVTestReader.rows(out.appendingPathComponent("pairs.csv"))
        #expect(Array(pairs[0].prefix(7)) == ["id_l", "id_r", "source_l", "source_r", "match_probability", "match_weight", "decision"])
        #expect(pairs.dropFirst().contains { Set([$0[0], $0[1]]) == ["gp:2", "foodbank:2"] && $0[6] == "linked" })
        let review = try CSVTestReader.rows(out.appendingPathComponent("review.csv"))
        #expect(review.first?.contains("given_name_l") == true)
        // No cell of any output starts a formula.
        for file in ["persons.csv", "pairs.csv", "review.csv"] {
            for row in try CSVTestReader.rows(out.appendingPathComponent(file)) {
                #expect(!row.contains { $0.hasPrefix("=") || $0.hasPrefix("+") || $0.hasPrefix("@") })
            }
        }
    }

    @Test func aFileWithNothingToLinkOnIsRefusedWithItsColumns() throws {
        let folder = try TemporaryFolder()
        let file = try folder.file("notes.csv", text: "Colour,Weight\nred,3\n")
        #expect(throws: LinkableListError.self) {
            _ = try FileLinkage(loader: ListFileLoader(referenceDate: Self.asOf)).run(files: [file], into: folder.path("out"))
        }
    }

    @Test func theIdColumnNamesRowsInTheOutput() throws {
        let folder = try TemporaryFolder()
        let file = try folder.file("asc.csv", text: "Client ID,First Name,Last Name,DOB\nASC1,Ann,Lee,01/01/1960\nASC2,Ann,Lee,01/01/1960\n")
        let out = folder.path("out")
        _ = try FileLinkage(loader: ListFileLoader(referenceDate: Self.asOf, idColumn: "Client ID")).run(files: [file], into: out)
        let persons = try CSVTestReader.rows(out.appendingPathComponent("persons.csv"))
        #expect(persons.dropFirst().map { $0[2] } == ["ASC1", "ASC2"])
        #expect(persons[1][3] == persons[2][3])
    }
}

/// Reads a CSV Kith wrote, for checking it.
enum CSVTestReader {
    static func rows(_ url: URL) throws -> [[String]] {
        var rows: [[String]] = []
        let reader = try TableReader(url: url)
        try reader.read(sheet: nil) { layout in
            rows.append(layout.columnNames)
        } onRow: { row in
            rows.append(row.cells)
        }
        return rows
    }
}
