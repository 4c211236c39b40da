import Foundation
import KithTestSupport
import Testing

@testable import KithSpreadsheet

/// Cells built to overflow a reader's arithmetic: each must read as a sensible value or be refused with a clear
/// error naming the cell, never trap.
struct HostileCellTests {
    /// A two-row workbook whose second row is `cells`, with ``WorkbookFixture/styles`` (1 date, 2 date-time, 4 time).
    private func workbook(_ cells: String, sharedStrings: String? = nil, in folder: TemporaryFolder) throws -> URL {
        let url = folder.path("hostile.xlsx")
        let sheet = WorkbookFixture.worksheet("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Value</t></is></c></row><row r=\"2\">\(cells)</row>")
        try WorkbookFixture.make(at: url, sheets: [("S", sheet)], sharedStrings: sharedStrings, styles: WorkbookFixture.styles)
        return url
    }

    @Test func keepsDatesAndTimesExcelCannotShowAsTheirNumbers() throws {
        let folder = try TemporaryFolder()
        let cells: [(style: Int, stored: String, expected: String)] = [
            (1, "1e19", "1e+19"),
            (1, "-1e19", "-1e+19"),
            // The largest double below 2^63 converts to an Int, but adding the epoch to it overflowed.
            (1, "9.2233720368547748E18", "9.22337203685477e+18"),
            (2, "1.7976931348623157e308", "1.79769313486232e+308"),
            (4, "1e308", "1e+308"),
            (4, "-0.5", "-0.5"),
            (1, "-1", "-1"),
            (1, "2958465", "9999-12-31"),
            (1, "2958466", "2958466"),
            (2, "2958465.99999", "9999-12-31 23:59:59"),
            (1, "NaN", "NaN"),
            (4, "inf", "inf"),
            (2, "-Infinity", "-Infinity"),
        ]
        let xml = cells.enumerated().map { index, cell in
            "<c r=\"\(ColumnLetters.letters(forIndex: index))2\" s=\"\(cell.style)\"><v>\(cell.stored)</v></c>"
        }.joined()
        let rows = try TableRows.xlsx(try workbook(xml, in: folder))
        #expect(rows[1].cells == cells.map(\.expected))
    }

    @Test func formatsOutOfRangeSerialsWithoutConvertingThemToIntegers() {
        for (stored, kind) in [("1e19", CellFormats.Kind.date), ("-1e19", .dateTime), ("-9.3e18", .date), ("1e300", .time), ("-1e300", .time)] {
            for system in [ExcelDateSystem.from1900, .from1904] {
                #expect(!NumberText.format(stored, as: kind, dateSystem: system).isEmpty)
            }
        }
        #expect(ExcelDateSystem.from1900.date(fromSerial: .max) == nil)
        #expect(ExcelDateSystem.from1904.date(fromSerial: .max) == nil)
        #expect(ExcelDateSystem.from1904.date(fromSerial: .min) == nil)
    }

    @Test func refusesARowNumberTooLongToRead() throws {
        let folder = try TemporaryFolder()
        let url = folder.path("row.xlsx")
        let sheet = WorkbookFixture.worksheet(
            "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row><row r=\"99999999999999999999\"><c r=\"A99999999999999999999\"><v>2</v></c></row>"
        )
        try WorkbookFixture.make(at: url, sheets: [("S", sheet)])
        let error = try #require(throws: SpreadsheetError.self) { try TableRows.xlsx(url) }
        #expect(error.reason == .tooLarge)
        #expect(error.sheet == "S")
        #expect(error.problem.contains("99999999999999999999"))
    }

    @Test func readsTheColumnOfACellWithAHugeRowInItsReference() throws {
        let folder = try TemporaryFolder()
        let rows = try TableRows.xlsx(try workbook("<c r=\"B99999999999999999999\"><v>7</v></c>", in: folder))
        #expect(rows[1].cells == ["", "7"])
    }

    @Test func refusesACellReferencePastTheLastColumn() throws {
        let folder = try TemporaryFolder()
        let url = try workbook("<c r=\"A2\"><v>1</v></c><c r=\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA2\"><v>2</v></c>", in: folder)
        let error = try #require(throws: SpreadsheetError.self) { try TableRows.xlsx(url) }
        #expect(error.reason == .brokenWorkbook)
        #expect(error.row == 2)
        #expect(error.problem.contains("past column XFD"))
    }

    @Test func readsACellWithAHugeOrNegativeStyleIndexAsANumber() throws {
        let folder = try TemporaryFolder()
        let rows = try TableRows.xlsx(
            try workbook("<c r=\"A2\" s=\"99999999999999999999\"><v>45000</v></c><c r=\"B2\" s=\"-1\"><v>45000.5</v></c>", in: folder)
        )
        #expect(rows[1].cells == ["45000", "45000.5"])
    }

    @Test(arguments: ["99999999999999999999", "-1", "9223372036854775808", "4294967296", "1e3"])
    func refusesASharedStringIndexTheWorkbookDoesNotHave(_ index: String) throws {
        let folder = try TemporaryFolder()
        let shared = """
            <?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>Ann</t></si></sst>
            """
        let url = try workbook("<c r=\"A2\" t=\"s\"><v>0</v></c><c r=\"C2\" t=\"s\"><v>\(index)</v></c>", sharedStrings: shared, in: folder)
        let error = try #require(throws: SpreadsheetError.self) { try TableRows.xlsx(url) }
        #expect(error.reason == .brokenWorkbook)
        #expect(error.row == 2)
        #expect(error.column == "C")
        #expect(error.description.contains("hostile.xlsx, sheet \"S\", row 2, column C"))
    }

    @Test func readsHostileNumberTextThroughTheTableReader() throws {
        let folder = try TemporaryFolder()
        let url = try workbook("<c r=\"A2\" s=\"1\"><v>1e19</v></c><c r=\"B2\" s=\"4\"><v>NaN</v></c><c r=\"C2\"><v>-1e308</v></c>", in: folder)
        let (_, rows, _) = try TableRows.table(url)
        #expect(rows.map(\.cells) == [["1e+19", "NaN", "-1e+308"]])
    }
}
