import Foundation
import KithTestSupport
import Testing

@testable import KithSpreadsheet

struct XLSXWriterTests {
    @Test func writesWhatItsReaderReadsBack() throws {
        let folder = try TemporaryFolder()
        let url = folder.path("round.xlsx")
        let writer = try XLSXWriter(url: url)
        try writer.beginSheet(named: "Clients", columnWidths: [12, 20], frozenRows: 1)
        try writer.appendRow(["Name", "Date of birth", "Score", "Lives alone", "Notes"], style: .bold)
        try writer.appendRow([
            .text("Zoë O'Neill"), .date(CivilDate(year: 1948, month: 2, day: 29)!), .number(0.75), .boolean(true),
            .text("  spaces kept  "),
        ])
        try writer.appendRow([.text("A & B <c> \"d\""), .empty, .integer(-3), .boolean(false), .text("line\nbreak\tand\u{1}control _x0041_")])
        try writer.appendRow([])
        try writer.appendRow([.text("after blank")])
        try writer.finish()

        let rows = try TableRows.xlsx(url)
        #expect(rows.map(\.number) == [1, 2, 3, 5])
        #expect(rows[1].cells == ["Zoë O'Neill", "1948-02-29", "0.75", "TRUE", "  spaces kept  "])
        #expect(rows[2].cells == ["A & B <c> \"d\"", "", "-3", "FALSE", "line\nbreak\tand\u{1}control _x0041_"])
    }

    @Test func writesThe1904DateSystem() throws {
        let folder = try TemporaryFolder()
        let url = folder.path("mac.xlsx")
        let writer = try XLSXWriter(url: url, dateSystem: .from1904)
        try writer.beginSheet(named: "Dates")
        try writer.appendRow([.date(CivilDate(year: 2011, month: 7, day: 5)!)])
        try writer.finish()
        let reader = try XLSXReader(url: url)
        #expect(reader.dateSystem == .from1904)
        #expect(try TableRows.xlsx(url)[0].cells == ["2011-07-05"])
    }

    @Test func writesSeveralSheetsAndMergedCells() throws {
        let folder = try TemporaryFolder()
        let url = folder.path("sheets.xlsx")
        let writer = try XLSXWriter(url: url)
        try writer.beginSheet(named: "Open cases")
        try writer.appendRow(["Title"], style: .bold)
        try writer.mergeCells("A1:C1")
        try writer.appendRow(["a", "b", "c"])
        try writer.beginSheet(named: "Open cases")
        try writer.appendRow(["second"])
        try writer.beginSheet(named: "Bad/Name:[x]*?")
        try writer.finish()
        let reader = try XLSXReader(url: url)
        #expect(reader.sheetNames == ["Open cases", "Open cases (2)", "BadNamex"])
        #expect(try reader.mergedRanges(inSheet: "Open cases") == [CellRange(parsing: "A1:C1")!])
        #expect(try TableRows.xlsx(url, sheet: "Open cases (2)")[0].cells == ["second"])
    }

    @Test func refusesMisuse() throws {
        let folder = try TemporaryFolder()
        let writer = try XLSXWriter(url: folder.path("misuse.xlsx"))
        #expect(throws: SpreadsheetWriteError.noSheetOpen) { try writer.appendRow(["x"]) }
        try writer.beginSheet(named: "S")
        #expect(throws: SpreadsheetWriteError.invalidMergeRange("A1-B2")) { try writer.mergeCells("A1-B2") }
        try writer.finish()
        #expect(throws: SpreadsheetWriteError.finished) { try writer.finish() }
    }

    @Test func streamsLargeSheets() throws {
        let folder = try TemporaryFolder()
        let url = folder.path("large.xlsx")
        let writer = try XLSXWriter(url: url)
        try writer.beginSheet(named: "Large")
        try writer.appendRow(["id", "name", "dob"])
        for index in 0..<50_000 {
            try writer.appendRow([.integer(index), .text("Person \(index)"), .date(CivilDate(daysSinceEpoch: -index))])
        }
        try writer.finish()
        var count = 0
        var last = SheetRow(number: 0, cells: [])
        let reader = try XLSXReader(url: url)
        try reader.forEachRow(inSheet: "Large") { row in
            count += 1
            last = row
        }
        #expect(count == 50_001)
        #expect(last == SheetRow(number: 50_001, cells: ["49999", "Person 49999", CivilDate(daysSinceEpoch: -49_999).description]))
    }
}
