import Foundation
import KithTestSupport
import Testing
import ZIPFoundation

@testable import KithSpreadsheet

/// What a workbook meant for a person to fill in needs: a drop-down, filter buttons, shaded and bold cells; and what
/// reading a workbook of several lists needs: each tab's kind, whether it is hidden, whether it holds anything.
struct WorkbookReviewFeaturesTests {
    @Test func writesADropDownThatExcelAndLibreOfficeRead() throws {
        let folder = try TemporaryFolder()
        let url = folder.path("review.xlsx")
        let writer = try XLSXWriter(url: url)
        try writer.beginSheet(named: "Review", frozenRows: 1)
        try writer.appendRow(["Pair", "Decision"], style: .bold)
        try writer.appendRow([.integer(1), .empty])
        try writer.appendRow([.integer(1), .empty])
        try writer.setAutoFilter("A1:B3")
        try writer.addListValidation(
            "B2:B3", choices: ["Same", "Not the same"], prompt: ("Decision", "Pick one & save"), error: ("Decision", "Only <these>"))
        try writer.finish()

        let xml = try Self.part("xl/worksheets/sheet1.xml", of: url)
        #expect(xml.contains("<autoFilter ref=\"A1:B3\"/>"))
        #expect(xml.contains("<dataValidations count=\"1\"><dataValidation type=\"list\" allowBlank=\"1\""))
        #expect(xml.contains("sqref=\"B2:B3\"><formula1>&quot;Same,Not the same&quot;</formula1></dataValidation></dataValidations>"))
        #expect(xml.contains("prompt=\"Pick one &amp; save\"") && xml.contains("error=\"Only &lt;these&gt;\""))
        // SpreadsheetML's order: sheetData, autoFilter, dataValidations, pageMargins.
        let order = ["</sheetData>", "<autoFilter", "<dataValidations", "<pageMargins"].map { xml.range(of: $0)!.lowerBound }
        #expect(order == order.sorted())
        #expect(try TableRows.xlsx(url).map(\.cells) == [["Pair", "Decision"], ["1"], ["1"]])
    }

    @Test func refusesChoicesExcelCannotHold() throws {
        let folder = try TemporaryFolder()
        let writer = try XLSXWriter(url: folder.path("bad.xlsx"))
        try writer.beginSheet(named: "S")
        #expect(throws: SpreadsheetWriteError.self) { try writer.addListValidation("A1", choices: ["a,b"]) }
        #expect(throws: SpreadsheetWriteError.self) { try writer.addListValidation("A1", choices: [String(repeating: "x", count: 256)]) }
        #expect(throws: SpreadsheetWriteError.self) { try writer.addListValidation("nowhere", choices: ["a"]) }
        try writer.finish()
    }

    @Test func shadesAndBoldsCellsAndReadsThemBack() throws {
        let folder = try TemporaryFolder()
        let url = folder.path("styled.xlsx")
        let writer = try XLSXWriter(url: url)
        try writer.beginSheet(named: "S")
        let date = CivilDate(year: 1948, month: 2, day: 29)!
        try writer.appendRow(
            [.text("Ann"), .date(date), .empty, .text("x"), .text("long reasons"), .date(date)],
            cellStyles: [.shaded, [.shaded, .bold], .shaded, .bold, .wrapped, [.wrapped, .shaded]], height: 45
        )
        try writer.finish()
        let xml = try Self.part("xl/worksheets/sheet1.xml", of: url)
        #expect(xml.contains("<row r=\"1\" ht=\"45\" customHeight=\"1\"><c r=\"A1\" s=\"4\" t=\"inlineStr\">"))
        #expect(xml.contains("<c r=\"B1\" s=\"7\">"))
        #expect(xml.contains("<c r=\"C1\" s=\"4\"/>"))
        #expect(xml.contains("<c r=\"D1\" s=\"2\" t=\"inlineStr\">"))
        #expect(xml.contains("<c r=\"E1\" s=\"8\" t=\"inlineStr\">"))
        let styles = try Self.part("xl/styles.xml", of: url)
        #expect(styles.contains("<cellXfs count=\"16\">"))
        // Dates in every format are still read as dates.
        #expect(
            styles.contains(
                "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyAlignment=\"1\"><alignment vertical=\"top\" wrapText=\"1\"/></xf>"
            ))
        #expect(try TableRows.xlsx(url)[0].cells == ["Ann", "1948-02-29", "", "x", "long reasons", "1948-02-29"])
    }

    @Test func describesEachTabAndWhetherItHoldsAnything() throws {
        let folder = try TemporaryFolder()
        let url = folder.path("tabs.xlsx")
        let ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let withData =
            "<worksheet xmlns=\"\(ns)\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Name</t></is></c></row></sheetData></worksheet>"
        let formattedOnly = "<worksheet xmlns=\"\(ns)\"><sheetData><row r=\"1\"><c r=\"A1\" s=\"1\"/></row></sheetData></worksheet>"
        let chart = "<chartsheet xmlns=\"\(ns)\"><sheetPr/></chartsheet>"
        try WorkbookFixture.make(
            at: url, sheets: [("Clients", withData), ("Blank", formattedOnly), ("Lookups", withData), ("Chart", chart)],
            hidden: ["Lookups"], chartsheets: ["Chart"]
        )
        let reader = try TableReader(url: url)
        #expect(
            reader.sheets == [
                .init(name: "Clients", kind: .worksheet, isHidden: false), .init(name: "Blank", kind: .worksheet, isHidden: false),
                .init(name: "Lookups", kind: .worksheet, isHidden: true), .init(name: "Chart", kind: .chartsheet, isHidden: false),
            ]
        )
        #expect(try reader.sheetHasData("Clients"))
        #expect(try !reader.sheetHasData("Blank"))
        #expect(try !reader.sheetHasData("Missing"))
        let csv = try folder.file("list.csv", text: "a,b\n1,2\n")
        #expect(try TableReader(url: csv).sheets.isEmpty)
    }

    @Test func aNeutralisedValueReadsBackAsWritten() {
        for value in ["=1+1", "+44 7700 900123", "-5", "@SUM(A1)", "\tx", "Ann", "'quoted", ""] {
            #expect(FormulaGuard.original(FormulaGuard.neutralise(value)) == value)
        }
        // An apostrophe the guard did not add stays.
        #expect(FormulaGuard.original("'Ann") == "'Ann")
    }

    static func part(_ path: String, of url: URL) throws -> String {
        let archive = try Archive(url: url, accessMode: .read)
        let entry = try #require(archive[path])
        var data = Data()
        _ = try archive.extract(entry) { data.append($0) }
        return String(decoding: data, as: UTF8.self)
    }
}
