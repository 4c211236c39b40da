import Foundation
import KithTestSupport
import Testing

@testable import KithSpreadsheet

struct XLSXReaderTests {
    @Test func readsSharedInlineAndRichStringsNumbersBooleansErrorsAndFormulas() throws {
        let folder = try TemporaryFolder()
        let url = folder.path("kinds.xlsx")
        let shared = """
            <?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="4" uniqueCount="4">\
            <si><t>Forename</t></si><si><t xml:space="preserve"> Ann </t></si>\
            <si><r><rPr><b/></rPr><t>Rich</t></r><r><t xml:space="preserve"> text</t></r><rPh><t>ignored</t></rPh></si>\
            <si><t>Tab_x0009_and &amp; &lt;</t></si></sst>
            """
        let sheet = WorkbookFixture.worksheet(
            """
            <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>Count</t></is></c></row>\
            <row r="2"><c r="A2" t="s"><v>1</v></c><c r="B2"><v>42</v></c><c r="C2"><v>0.30000000000000004</v></c>\
            <c r="D2" t="b"><v>1</v></c><c r="E2" t="e"><v>#N/A</v></c><c r="F2"><f>B2*2</f><v>84</v></c>\
            <c r="G2" t="str"><f>A2&amp;"!"</f><v>Ann!</v></c></row>\
            <row r="4"><c r="C4" t="s"><v>2</v></c><c r="E4" t="s"><v>3</v></c><c r="F4"><v>4857773457</v></c></row>
            """
        )
        try WorkbookFixture.make(at: url, sheets: [("Data", sheet)], sharedStrings: shared, styles: WorkbookFixture.styles)
        let rows = try TableRows.xlsx(url)
        #expect(rows.count == 3)
        #expect(rows[0] == SheetRow(number: 1, cells: ["Forename", "Count"]))
        #expect(rows[1] == SheetRow(number: 2, cells: [" Ann ", "42", "0.3", "TRUE", "#N/A", "84", "Ann!"]))
        #expect(rows[2] == SheetRow(number: 4, cells: ["", "", "Rich text", "", "Tab\tand & <", "4857773457"]))
    }

    @Test func readsDatesFromTheCellFormatInThe1900System() throws {
        let folder = try TemporaryFolder()
        let url = folder.path("dates.xlsx")
        let sheet = WorkbookFixture.worksheet(
            """
            <row r="1"><c r="A1" s="1"><v>40729</v></c><c r="B1" s="2"><v>40729.5</v></c><c r="C1" s="3"><v>40729</v></c>\
            <c r="D1" s="4"><v>0.75</v></c><c r="E1" s="1"><v>59</v></c><c r="F1" s="1"><v>61</v></c><c r="G1" s="1"><v>60</v></c></row>
            """
        )
        try WorkbookFixture.make(at: url, sheets: [("Dates", sheet)], styles: WorkbookFixture.styles)
        let rows = try TableRows.xlsx(url)
        #expect(rows[0].cells == ["2011-07-05", "2011-07-05 12:00:00", "40729", "18:00:00", "1900-02-28", "1900-03-01", "60"])
    }

    @Test func readsDatesInThe1904System() throws {
        let folder = try TemporaryFolder()
        let url = folder.path("mac.xlsx")
        let sheet = WorkbookFixture.worksheet("<row r=\"1\"><c r=\"A1\" s=\"1\"><v>39267</v></c><c r=\"B1\" s=\"1\"><v>0</v></c></row>")
        try WorkbookFixture.make(at: url, sheets: [("Mac", sheet)], styles: WorkbookFixture.styles, date1904: true)
        let reader = try XLSXReader(url: url)
        #expect(reader.dateSystem == .from1904)
        #expect(try TableRows.xlsx(url)[0].cells == ["2011-07-05", "1904-01-01"])
    }

    @Test func choosesTheFirstSheetWithDataOrTheOneNamed() throws {
        let folder = try TemporaryFolder()
        let url = folder.path("sheets.xlsx")
        try WorkbookFixture.make(
            at: url,
            sheets: [
                ("Notes", WorkbookFixture.worksheet("")),
                ("Clients", WorkbookFixture.worksheet("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Client</t></is></c></row>")),
                ("Staff", WorkbookFixture.worksheet("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Staff</t></is></c></row>")),
            ]
        )
        let reader = try XLSXReader(url: url)
        #expect(reader.sheetNames == ["Notes", "Clients", "Staff"])
        #expect(try reader.resolveSheet(named: nil) == "Clients")
        #expect(try reader.resolveSheet(named: "staff") == "Staff")
        #expect(try TableRows.xlsx(url, sheet: "Staff")[0].cells == ["Staff"])
        let error = try #require(throws: SpreadsheetError.self) { try reader.resolveSheet(named: "Missing") }
        #expect(error.reason == .sheetNotFound)
        #expect(error.remedy.contains("\"Clients\""))
    }

    @Test func readsPrefixedElementsAndCellsWithoutReferences() throws {
        let folder = try TemporaryFolder()
        let url = folder.path("prefixed.xlsx")
        let sheet = WorkbookFixture.worksheet(
            "<x:row><x:c t=\"inlineStr\"><x:is><x:t>a</x:t></x:is></x:c><x:c><x:v>2</x:v></x:c></x:row><x:row><x:c><x:v>3</x:v></x:c></x:row>",
            prefix: "x"
        )
        try WorkbookFixture.make(at: url, sheets: [("P", sheet)])
        #expect(try TableRows.xlsx(url) == [SheetRow(number: 1, cells: ["a", "2"]), SheetRow(number: 2, cells: ["3"])])
    }

    @Test func findsMergedRangesAfterTheRows() throws {
        let folder = try TemporaryFolder()
        let url = folder.path("merged.xlsx")
        let sheet = WorkbookFixture.worksheet(
            "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Title</t></is></c></row>", merges: ["A1:F1", "B3:C3"]
        )
        try WorkbookFixture.make(at: url, sheets: [("M", sheet)])
        let reader = try XLSXReader(url: url)
        #expect(try reader.mergedRanges(inSheet: "M") == [CellRange(parsing: "A1:F1")!, CellRange(parsing: "B3:C3")!])
    }
}
