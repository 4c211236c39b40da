import Foundation
import KithTestSupport
import Testing

@testable import KithSpreadsheet

/// Files built to hurt a reader: each must be refused with a clear reason, never crash or hang.
struct HostileWorkbookTests {
    @Test func refusesAZipBombByItsCompressionRatio() throws {
        let folder = try TemporaryFolder()
        let url = folder.path("bomb.xlsx")
        // 64 MB of whitespace (legal between rows) deflates about a thousandfold, far beyond any real sheet.
        let padding = String(repeating: " ", count: 64 << 20)
        try WorkbookFixture.make(at: url, sheets: [("Bomb", WorkbookFixture.worksheet("<row r=\"1\"><c><v>1</v></c></row>" + padding))])
        let error = try #require(throws: SpreadsheetError.self) { _ = try TableRows.xlsx(url).count }
        #expect(error.reason == .zipBomb)
        #expect(error.remedy.contains("Do not open it"))
    }

    @Test func refusesAZipBombWhoseHeadersLieAboutItsSize() throws {
        let folder = try TemporaryFolder()
        let url = folder.path("liar.xlsx")
        let padding = String(repeating: " ", count: 64 << 20)
        try WorkbookFixture.make(at: url, sheets: [("Bomb", WorkbookFixture.worksheet("<row r=\"1\"><c><v>1</v></c></row>" + padding))])
        try WorkbookFixture.understateSizes(of: url)
        let error = try #require(throws: SpreadsheetError.self) { _ = try TableRows.xlsx(url).count }
        #expect(error.reason == .zipBomb)
        #expect(error.problem.contains("reading stopped"))
    }

    @Test func refusesAWorkbookThatExpandsBeyondTheSizeLimit() throws {
        let folder = try TemporaryFolder()
        let url = folder.path("huge.xlsx")
        var rows = ""
        for index in 1...20_000 { rows += "<row r=\"\(index)\"><c t=\"inlineStr\"><is><t>resident \(index * 7919 % 10_007)</t></is></c></row>" }
        try WorkbookFixture.make(at: url, sheets: [("Huge", WorkbookFixture.worksheet(rows))])
        var limits = ReadLimits()
        limits.maximumUncompressedBytes = 256 * 1024
        let error = try #require(throws: SpreadsheetError.self) { _ = try TableRows.xlsx(url, limits: limits).count }
        #expect(error.reason == .zipBomb)
    }

    @Test func refusesTooManyEntries() throws {
        let folder = try TemporaryFolder()
        let url = folder.path("entries.xlsx")
        var extra: [String: Data] = [:]
        for index in 0..<60 { extra["xl/media/image\(index).bin"] = Data([1, 2, 3]) }
        try WorkbookFixture.make(at: url, sheets: [("S", WorkbookFixture.worksheet(""))], extraParts: extra)
        var limits = ReadLimits()
        limits.maximumZipEntries = 50
        let error = try #require(throws: SpreadsheetError.self) { try XLSXReader(url: url, limits: limits) }
        #expect(error.reason == .zipBomb)
    }

    @Test func refusesEntityExpansion() throws {
        let folder = try TemporaryFolder()
        let url = folder.path("laughs.xlsx")
        var doctype = "<!DOCTYPE worksheet [<!ENTITY lol \"lol\">"
        for level in 1...9 {
            doctype += "<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level == 1 ? "" : String(level - 1));", count: 10) + "\">"
        }
        doctype += "]>"
        let sheet =
            "<?xml version=\"1.0\"?>" + doctype
            + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
            + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&lol9;</t></is></c></row></sheetData></worksheet>"
        try WorkbookFixture.make(at: url, sheets: [("Laughs", sheet)])
        let error = try #require(throws: SpreadsheetError.self) { _ = try TableRows.xlsx(url).count }
        #expect(error.reason == .unsafeXML)
    }

    @Test func refusesASheetThatIsNotAWorksheet() throws {
        let folder = try TemporaryFolder()
        let url = folder.path("chart.xlsx")
        let chart =
            "<?xml version=\"1.0\"?><chartsheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetPr/><v>1</v></chartsheet>"
        try WorkbookFixture.make(at: url, sheets: [("Chart", chart)])
        let error = try #require(throws: SpreadsheetError.self) { _ = try TableRows.xlsx(url, sheet: "Chart").count }
        #expect(error.reason == .notAWorksheet)
        #expect(error.sheet == "Chart")
    }

    @Test func refusesAZipThatIsNotAWorkbook() throws {
        let folder = try TemporaryFolder()
        let url = folder.path("photos.xlsx")
        try WorkbookFixture.zip(["photo.jpg": Data([0xFF, 0xD8, 0xFF])], to: url)
        let error = try #require(throws: SpreadsheetError.self) { try XLSXReader(url: url) }
        #expect(error.reason == .brokenWorkbook)
    }

    @Test func refusesATruncatedWorkbook() throws {
        let folder = try TemporaryFolder()
        let whole = folder.path("whole.xlsx")
        let writer = try XLSXWriter(url: whole)
        try writer.beginSheet(named: "S")
        for index in 0..<2_000 { try writer.appendRow([.text("row \(index)"), .integer(index)]) }
        try writer.finish()
        let data = try Data(contentsOf: whole)
        let cut = try folder.file("cut.xlsx", bytes: Array(data.prefix(data.count / 2)))
        let error = try #require(throws: SpreadsheetError.self) { _ = try TableRows.xlsx(cut).count }
        #expect(error.reason == .brokenWorkbook)
    }

    @Test func refusesMalformedSheetXML() throws {
        let folder = try TemporaryFolder()
        let url = folder.path("malformed.xlsx")
        let sheet =
            "<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\"><c><v>1</c></row>"
        try WorkbookFixture.make(at: url, sheets: [("Bad", sheet)])
        let error = try #require(throws: SpreadsheetError.self) { _ = try TableRows.xlsx(url).count }
        #expect(error.reason == .brokenWorkbook)
    }
}
