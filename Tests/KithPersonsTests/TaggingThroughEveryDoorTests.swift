import Foundation
import KithIngest
import KithLinkage
import KithPersons
import KithSpreadsheet
import KithStandard
import KithStore
import KithTestSupport
import Testing

/// Issue 14: a file is tagged one way whether it is imported, checked, looked at with `kith tag` or the web's tags
/// page, or linked straight from the file with `kith link FILES`: every door suggests tags from the same first rows.
struct TaggingThroughEveryDoorTests {
    static let asOf = CivilDate(year: 2026, month: 11, day: 16)!

    /// What every door must make of ``list(in:)``.
    static let expectedTags = ["#x_person +name +given", "#x_person +name +family", "#date +birth", "#x_person +id +nhs", "#date +contact"]
        .map { HXLTag(parsing: $0)?.description }

    /// A list whose values show what two of its columns hold only after its first 500 rows: column D, headed "Q4", is
    /// blank until then and holds NHS numbers after; column E's contact dates are all ambiguous until then and show
    /// they are written month first after. A door that looked at fewer rows than the others would tag them otherwise.
    static func list(in folder: TemporaryFolder) throws -> URL {
        let url = folder.path("late-evidence.csv")
        let writer = try CSVWriter(url: url)
        try writer.appendRow(["Forename", "Surname", "DOB", "Q4", "Contact date"])
        let given = ["Amara", "Grace", "Tomasz", "Priya", "Kwame", "Siobhan"]
        let family = ["Okafor", "Ashworth", "Nowak", "Shah", "Mensah", "Byrne"]
        for index in 0..<1_500 {
            let late = index >= 500
            try writer.appendRow([
                given[index % given.count], family[index % family.count] + String(index), "1\(index % 9)/0\(1 + index % 9)/19\(50 + index % 40)",
                late ? nhsNumber(index) : "", late ? "0\(1 + index % 9)/\(13 + index % 15)/2026" : "0\(1 + index % 9)/0\(1 + index % 9)/2026",
            ])
        }
        try writer.finish()
        return url
    }

    /// A valid NHS number, different for each index.
    static func nhsNumber(_ index: Int) -> String {
        var stem = 400_000_000 + index * 7
        while true {
            let digits = String(stem)
            let sum = digits.enumerated().reduce(0) { $0 + Int(String($1.element))! * (10 - $1.offset) }
            let check = (11 - sum % 11) % 11
            if check != 10 { return digits + String(check) }
            stem += 1
        }
    }

    @Test func theImporterTheCheckerTheTagPageAndFileLinkingTagAListAlike() throws {
        let folder = try TemporaryFolder()
        let file = try Self.list(in: folder)
        let tagger = Tagger(referenceDate: Self.asOf)

        let database = try KithDatabase.open(path: folder.path("kith.sqlite").path)
        let imported = try Importer(repository: database.imports).run(
            ImportRequest(file: file, sourceName: "helpline", importedBy: "test", referenceDate: Self.asOf)
        )
        let importTagging = try #require(imported.tagging)
        let checked = try DataChecker.check(TableReader(url: file), sheet: nil, mapping: nil, referenceDate: Self.asOf)
        let sample = try #require(try TableReader(url: file).readTaggedSample(sheet: nil, mapping: nil, tagger: tagger))
        let linked = try ListFileLoader(referenceDate: Self.asOf).load(file)

        #expect(importTagging.columns.map { $0.tag?.description } == Self.expectedTags)
        #expect(checked.columns.map(\.tag) == Self.expectedTags)
        #expect(sample.tagging == importTagging, "kith tag and the web's tags page")
        #expect(linked.tagging == importTagging, "kith link FILES")
        #expect(linked.tagging.columns[4].dateOrder == .monthFirst)
        // The stored columns carry the same tags, and linking from the file reads the late NHS numbers.
        let stored = try database.linkage.linkableColumns().values.flatMap { $0 }.sorted { $0.position < $1.position }
        #expect(stored.map(\.tag) == Self.expectedTags)
        #expect(linked.records[600].nhsNumber == Self.nhsNumber(600))
    }

    @Test func theSampleIsTheFirstRowsOnly() throws {
        let folder = try TemporaryFolder()
        let sample = try #require(
            try TableReader(url: try Self.list(in: folder)).readTaggedSample(sheet: nil, mapping: nil, tagger: Tagger(referenceDate: Self.asOf))
        )
        #expect(sample.rows.count == min(1_500, TaggedSample.rowCount))
        #expect(sample.rows.first?.cells.first == "Amara")
        #expect(sample.layout.columnNames == ["Forename", "Surname", "DOB", "Q4", "Contact date"])
    }
}
