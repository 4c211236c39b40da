import Foundation
import KithTestSupport
import Testing

@testable import KithSpreadsheet

/// Files wider than any real partner list are refused before any work is done on them; files at the limit read.
struct ColumnLimitTests {
    private let limit = ReadLimits.defaultMaximumColumns

    private func csv(columns: Int, trailingEmpty: Int = 0, in folder: TemporaryFolder, name: String = "wide.csv") throws -> URL {
        let header = (1...columns).map { "Column \($0)" }.joined(separator: ",") + String(repeating: ",", count: trailingEmpty)
        let row = (1...columns).map { "value \($0)" }.joined(separator: ",") + String(repeating: ",", count: trailingEmpty)
        return try folder.file(name, text: header + "\r\n" + row + "\r\n")
    }

    @Test func refusesTheSixteenThousandColumnCSVOfTheIssue() throws {
        let folder = try TemporaryFolder()
        let url = try csv(columns: 16_384, in: folder)
        let started = Date()
        let error = try #require(throws: SpreadsheetError.self) { try TableRows.table(url) }
        #expect(Date().timeIntervalSince(started) < 5)
        #expect(error.reason == .tooLarge)
        #expect(error.row == 1)
        #expect(
            error.description
                == "wide.csv, row 1: The file has 16,384 columns; Kith reads at most 1,000 columns. Delete the empty or unneeded columns and save it again."
        )
    }

    @Test func refusesOneColumnOverTheLimit() throws {
        let folder = try TemporaryFolder()
        let error = try #require(throws: SpreadsheetError.self) { try TableRows.table(try csv(columns: limit + 1, in: folder)) }
        #expect(error.problem.contains("has 1,001 columns"))
    }

    @Test func readsACSVAtTheLimitWithEmptyTrailingFieldsBeyondIt() throws {
        let folder = try TemporaryFolder()
        let (layout, rows, statistics) = try TableRows.table(try csv(columns: limit, trailingEmpty: 500, in: folder))
        #expect(layout.columnNames.count == limit)
        #expect(layout.columnNames.last == "Column 1000")
        #expect(rows.count == 1)
        #expect(rows[0].cells.count == limit)
        #expect(rows[0].cells.last == "value 1000")
        #expect(statistics.raggedRows == 0)
    }

    @Test func countsAWideRowToItsLastValue() throws {
        let folder = try TemporaryFolder()
        var text = "Name,Notes\r\nAnn,fine\r\n"
        text += "Bob,odd" + String(repeating: ",", count: 1_500) + "stray" + String(repeating: ",", count: 300) + "\r\n"
        let error = try #require(throws: SpreadsheetError.self) { try TableRows.table(try folder.file("stray.csv", text: text)) }
        #expect(error.row == 3)
        #expect(error.problem.contains("has 1,502 columns"))
    }

    @Test func appliesALowerLimitFromTheCaller() throws {
        let folder = try TemporaryFolder()
        var limits = ReadLimits()
        limits.maximumColumns = 3
        let url = try folder.file("four.csv", text: "a,b,c,d\n1,2,3,4\n")
        let error = try #require(throws: SpreadsheetError.self) { try TableRows.csv(url, limits: limits) }
        #expect(error.problem == "The file has 4 columns; Kith reads at most 3 columns.")
    }

    @Test func refusesAWorkbookWithAValuePastTheLimit() throws {
        let folder = try TemporaryFolder()
        let url = folder.path("wide.xlsx")
        let writer = try XLSXWriter(url: url)
        try writer.beginSheet(named: "Clients")
        try writer.appendRow((1...16_384).map { .text("Column \($0)") })
        try writer.appendRow((1...16_384).map { .integer($0) })
        try writer.finish()
        let started = Date()
        let error = try #require(throws: SpreadsheetError.self) { try TableRows.table(url) }
        #expect(Date().timeIntervalSince(started) < 5)
        #expect(
            error.description
                == "wide.xlsx, sheet \"Clients\", row 1: The sheet has 16,384 columns; Kith reads at most 1,000 columns. Delete the empty or unneeded columns and save it again."
        )
    }

    @Test func readsAWorkbookAtTheLimitWithEmptyFormattedCellsBeyondIt() throws {
        let folder = try TemporaryFolder()
        let url = folder.path("formatted.xlsx")
        var header = ""
        var values = ""
        for column in 0..<limit {
            let letters = ColumnLetters.letters(forIndex: column)
            header += "<c r=\"\(letters)1\" t=\"inlineStr\"><is><t>Column \(column + 1)</t></is></c>"
            values += "<c r=\"\(letters)2\"><v>\(column + 1)</v></c>"
        }
        // Excel keeps cells that only carry a format (borders, fills) out to the right, even to the last column.
        let formatted = "<c r=\"ALM1\" s=\"3\"/><c r=\"XFD1\" s=\"3\"/>"
        let sheet = WorkbookFixture.worksheet("<row r=\"1\">\(header)\(formatted)</row><row r=\"2\">\(values)<c r=\"XFD2\" s=\"3\"/></row>")
        try WorkbookFixture.make(at: url, sheets: [("S", sheet)], styles: WorkbookFixture.styles)
        let (layout, rows, _) = try TableRows.table(url)
        #expect(layout.columnNames.count == limit)
        #expect(rows[0].cells.last == "1000")
    }

    @Test func cutsAMergedHeaderAtTheLimit() throws {
        let folder = try TemporaryFolder()
        let url = folder.path("merged.xlsx")
        let sheet = WorkbookFixture.worksheet(
            "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Name</t></is></c><c r=\"B1\" t=\"inlineStr\"><is><t>Notes</t></is></c></row>"
                + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>Ann</t></is></c><c r=\"B2\" t=\"inlineStr\"><is><t>fine</t></is></c></row>",
            merges: ["B1:XFD1"]
        )
        try WorkbookFixture.make(at: url, sheets: [("S", sheet)])
        let (layout, _, _) = try TableRows.table(url)
        #expect(layout.columnNames.count == limit)
    }
}
