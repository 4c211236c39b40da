import Foundation
import KithSpreadsheet
import KithStore
import KithTestSupport
import Testing

@testable import KithIngest

struct ImporterTests {
    /// A store in a real SQLite file, in its own folder.
    struct Fixture {
        let folder: TemporaryFolder
        let database: KithDatabase
        let importer: Importer

        init() throws {
            folder = try TemporaryFolder()
            database = try KithDatabase.open(path: folder.path("kith.sqlite").path)
            importer = Importer(repository: database.imports)
        }

        func request(_ file: URL, source: String = "Helpline call log", sheet: String? = nil, force: Bool = false) -> ImportRequest {
            ImportRequest(file: file, sourceName: source, sheet: sheet, importedBy: "analyst", force: force)
        }
    }

    @Test func importsACSVVerbatimWithItsHeaderAndRowNumbers() throws {
        let fixture = try Fixture()
        let file = try fixture.folder.file(
            "calls.csv",
            text:
                "Call Date;Caller First Name;Caller Surname;Notes\r\n05-Nov-2026;  Zoë ;O'BRIEN;\"needs food; lives alone\"\r\n\r\n06-Nov-2026;Bill;Smith\r\n"
        )
        let summary = try fixture.importer.run(fixture.request(file))
        let record = summary.record
        #expect(record.rowCount == 2)
        #expect(record.columnCount == 4)
        #expect(record.headerRowNumber == 1)
        #expect(record.blankRowCount == 1)
        #expect(record.raggedRowCount == 1)
        #expect(record.delimiter == "semicolon")
        #expect(record.encoding == "UTF-8")
        #expect(record.fileSHA256.count == 64)
        let repository = fixture.database.imports
        #expect(try repository.columns(ofImport: record.id!).map(\.header) == ["Call Date", "Caller First Name", "Caller Surname", "Notes"])
        let rows = try repository.rows(ofImport: record.id!, limit: nil)
        #expect(rows.map(\.rowNumber) == [2, 4])
        #expect(rows[0].cellValues == ["05-Nov-2026", "  Zoë ", "O'BRIEN", "needs food; lives alone"])
        #expect(rows[1].cellValues == ["06-Nov-2026", "Bill", "Smith"])
        let findings = try repository.findings(ofImport: record.id!)
        #expect(findings.map(\.rowNumber) == [4])
        #expect(summary.text.contains("2 rows × 4 columns"))
    }

    @Test func refusesTheSameFileTwiceUnlessForced() throws {
        let fixture = try Fixture()
        let file = try fixture.folder.file("shielding.csv", text: "NHS Number,Surname\n9434765919,Smith\n")
        try fixture.importer.run(fixture.request(file, source: "NHS shielding list"))
        let error = try #require(throws: ImportError.self) { try fixture.importer.run(fixture.request(file, source: "NHS shielding list")) }
        #expect(error.description.contains("already imported as \"NHS shielding list\""))
        #expect(error.description.contains("--force"))
        #expect(try fixture.database.imports.imports(ofSourceNamed: nil).count == 1)
        let forced = try fixture.importer.run(fixture.request(file, source: "NHS shielding list", force: true))
        #expect(forced.record.id == 2)
        #expect(try fixture.database.imports.rowCount() == 2)
    }

    @Test func aFailureOnRowNLeavesTheStoreExactlyAsItWas() throws {
        let fixture = try Fixture()
        let good = try fixture.folder.file("first.csv", text: "Name,DOB\nAnn,01/02/1950\n")
        try fixture.importer.run(fixture.request(good, source: "Adult social care"))
        var text = "Name,Notes\n"
        for index in 0..<5_000 { text += "Person \(index),fine\n" }
        text += "Broken,\"a quote that never closes\n" + String(repeating: "x", count: 2_000_000)
        let bad = try fixture.folder.file("second.csv", text: text)
        let error = try #require(throws: ImportError.self) { try fixture.importer.run(fixture.request(bad, source: "Food bank referrals")) }
        guard case .unreadable(let cause) = error else {
            Issue.record("expected an unreadable-file error, got \(error)")
            return
        }
        #expect(cause.row == 5_002)
        #expect(cause.column == "B")
        #expect(error.description.contains("second.csv, row 5002, column B"))
        #expect(error.description.contains("Nothing was imported"))
        let repository = fixture.database.imports
        #expect(try repository.rowCount() == 1)
        #expect(try repository.sources().map(\.name) == ["Adult social care"])
        #expect(try repository.imports(ofSourceNamed: nil).count == 1)
    }

    @Test func importsAWorkbookWithATitleBlockAndKeepsThePreamble() throws {
        let fixture = try Fixture()
        let url = fixture.folder.path("childrens-services.xlsx")
        let writer = try XLSXWriter(url: url)
        try writer.beginSheet(named: "Summary")
        try writer.beginSheet(named: "Open cases")
        try writer.appendRow(["Children's Services — open cases"], style: .bold)
        try writer.mergeCells("A1:D1")
        try writer.appendRow(["Extract date: 16/11/2026 — OFFICIAL-SENSITIVE"])
        try writer.appendRow([])
        try writer.appendRow(["Child ID", "Forename", "DOB", "Category"], style: .bold)
        try writer.appendRow([.text("C001"), .text("Amara"), .date(CivilDate(year: 2015, month: 3, day: 2)!), .text("CP")])
        try writer.appendRow([.text("C002"), .text("Jan"), .date(CivilDate(year: 2014, month: 11, day: 30)!), .text("CIN"), .text("extra")])
        try writer.finish()

        let summary = try fixture.importer.run(fixture.request(url, source: "Children's services"))
        let record = summary.record
        #expect(record.sheetName == "Open cases")
        #expect(record.headerRowNumber == 4)
        #expect(record.rowCount == 2)
        #expect(record.columnCount == 5)
        #expect(record.preamble.contains("Extract date: 16/11/2026"))
        let repository = fixture.database.imports
        #expect(try repository.columns(ofImport: record.id!).map(\.header) == ["Child ID", "Forename", "DOB", "Category", ""])
        let rows = try repository.rows(ofImport: record.id!, limit: nil)
        #expect(rows.map(\.rowNumber) == [5, 6])
        #expect(rows[0].cellValues == ["C001", "Amara", "2015-03-02", "CP"])
        #expect(record.raggedRowCount == 1)
    }

    @Test func refusesHostileFilesAndStoresNothing() throws {
        let fixture = try Fixture()
        var generator = SystemRandomNumberGenerator()
        let files = [
            try fixture.folder.file("random.bin", bytes: (0..<50_000).map { _ in UInt8.random(in: 0...255, using: &generator) }),
            try fixture.folder.file("empty.csv", bytes: []),
            try fixture.folder.file("blank.csv", text: "\n\n  \n"),
            try fixture.folder.file("fake.xlsx", bytes: [0x50, 0x4B, 0x03, 0x04] + [UInt8](repeating: 7, count: 1_000)),
        ]
        for file in files {
            let error = try #require(throws: ImportError.self) { try fixture.importer.run(fixture.request(file)) }
            #expect(error.description.hasPrefix(file.lastPathComponent))
        }
        #expect(try fixture.database.imports.imports(ofSourceNamed: nil).isEmpty)
        #expect(try fixture.database.imports.sources().isEmpty)
    }

    @Test func refusesAnEmptySourceName() throws {
        let fixture = try Fixture()
        let file = try fixture.folder.file("list.csv", text: "a\n1\n")
        #expect(throws: ImportError.self) { try fixture.importer.run(fixture.request(file, source: "  ")) }
    }
}

/// A list that is empty or far smaller than its source's last one is refused until someone confirms it is whole: it
/// would become the source's latest list and drop everyone missing from it out of scoring.
struct ListSizeTests {
    private func list(_ rows: Int, in folder: TemporaryFolder, named name: String) throws -> URL {
        let lines = (0..<rows).map { "Person\($0),Family\($0),\(1940 + $0 % 60)-01-0\(1 + $0 % 9)" }
        return try folder.file(name, text: (["First name,Surname,Date of birth"] + lines).joined(separator: "\n") + "\n")
    }

    @Test func aHeaderOnlyListIsRefusedUntilAccepted() throws {
        let fixture = try ImporterTests.Fixture()
        let empty = try list(0, in: fixture.folder, named: "empty.csv")
        let error = try #require(throws: ImportError.self) { try fixture.importer.run(fixture.request(empty, source: "Food bank")) }
        #expect(error.description.contains("empty.csv has a header but no rows under it"))
        #expect(error.description.contains("--accept-smaller"))
        #expect(try fixture.database.imports.imports(ofSourceNamed: nil).isEmpty, "nothing is stored")
        var accepted = fixture.request(empty, source: "Food bank")
        accepted.acceptSmaller = true
        #expect(try fixture.importer.run(accepted).record.rowCount == 0)
    }

    @Test func aListUnderHalfItsSourcesLastIsRefusedAndTheStoreKeepsTheLastOne() throws {
        let fixture = try ImporterTests.Fixture()
        let full = try fixture.importer.run(fixture.request(try list(200, in: fixture.folder, named: "week1.csv"), source: "Food bank"))
        let cut = try list(73, in: fixture.folder, named: "week2.csv")
        let error = try #require(throws: ImportError.self) { try fixture.importer.run(fixture.request(cut, source: "Food bank")) }
        #expect(
            error.description.contains(
                "week2.csv has 73 rows, 37% of the 200 in \"Food bank\"'s last list (import \(full.record.id ?? 0), week1.csv)"))
        let stored = try fixture.database.imports.imports(ofSourceNamed: "Food bank")
        #expect(stored.map(\.id) == [full.record.id], "the refused list left nothing behind")
        #expect(try fixture.database.imports.rowCount() == 200)
        // Another source's lists are not compared, and a list at half or more is normal.
        #expect(try fixture.importer.run(fixture.request(cut, source: "Helpline")).record.rowCount == 73)
        #expect(
            try fixture.importer.run(fixture.request(try list(100, in: fixture.folder, named: "week3.csv"), source: "Food bank")).record.rowCount
                == 100)
    }

    @Test func shortListsAreNotCompared() {
        let previous = FileImport(
            sourceId: 1, fileName: "a.csv", sheetName: nil, fileSHA256: "", fileBytes: 0, format: "csv", encoding: nil, delimiter: nil,
            importedBy: "t", startedAt: "", finishedAt: "", status: .complete, headerRowNumber: 1, rowCount: 12, columnCount: 1,
            blankRowCount: 0, raggedRowCount: 0, preamble: "[]"
        )
        #expect(ListSizeCheck(rows: 3, previous: previous).concern(fileName: "b.csv", sourceName: "S") == nil)
        #expect(ListSizeCheck(rows: 0, previous: previous).concern(fileName: "b.csv", sourceName: "S") != nil)
    }
}
