import Foundation
import KithTestSupport
import Testing

@testable import KithSpreadsheet

/// Proves Kith's XLSX reader and writer work with an independent implementation, openpyxl, both ways.
/// openpyxl comes from PyPI; `scripts/test` installs it.
struct XLSXInteroperabilityTests {
    /// Runs a Python script and returns what it printed; fails the test with the reason if Python or openpyxl is missing.
    static func python(_ script: String, arguments: [String]) throws -> String {
        let run = try ProcessRun.python(["-c", script] + arguments)
        guard run.status == 0 else {
            throw InteroperabilityFailure(
                message: "python3 with openpyxl failed (install it with `pip install openpyxl`, as scripts/test does): " + run.errors
            )
        }
        return run.output
    }

    struct InteroperabilityFailure: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    @Test func openpyxlReadsWhatKithWrites() throws {
        let folder = try TemporaryFolder()
        let url = folder.path("kith.xlsx")
        let writer = try XLSXWriter(url: url)
        try writer.beginSheet(named: "Referrals", frozenRows: 1)
        try writer.appendRow(["Name", "DOB", "Household size", "Urgent", "Notes"], style: .bold)
        try writer.appendRow([
            .text("Siân Ní Bhriain"), .date(CivilDate(year: 2011, month: 7, day: 5)!), .integer(4), .boolean(true),
            .text("\"quoted\" & <tagged>"),
        ])
        try writer.appendRow([.text(" Łukasz "), .date(CivilDate(year: 1900, month: 1, day: 1)!), .number(2.5), .boolean(false), .empty])
        try writer.mergeCells("D3:E3")
        try writer.finish()
        let script = """
            import sys, json, datetime, openpyxl
            wb = openpyxl.load_workbook(sys.argv[1])
            ws = wb["Referrals"]
            def show(v):
                if isinstance(v, datetime.datetime): return v.date().isoformat()
                return v
            print(json.dumps({"rows": [[show(c.value) for c in row] for row in ws.iter_rows()],
                              "merged": [str(r) for r in ws.merged_cells.ranges], "frozen": ws.freeze_panes,
                              "date1904": wb.epoch.year == 1904}))
            """
        let printed = try Self.python(script, arguments: [url.path])
        let result = try JSONSerialization.jsonObject(with: Data(printed.utf8)) as! [String: Any]
        let rows = result["rows"] as! [[Any]]
        #expect(rows[0] as? [String] == ["Name", "DOB", "Household size", "Urgent", "Notes"])
        #expect(rows[1][0] as? String == "Siân Ní Bhriain")
        #expect(rows[1][1] as? String == "2011-07-05")
        #expect(rows[1][2] as? Int == 4)
        #expect(rows[1][3] as? Bool == true)
        #expect(rows[1][4] as? String == "\"quoted\" & <tagged>")
        #expect(rows[2][0] as? String == " Łukasz ")
        #expect(rows[2][1] as? String == "1900-01-01")
        #expect(rows[2][2] as? Double == 2.5)
        #expect(result["merged"] as? [String] == ["D3:E3"])
        #expect(result["frozen"] as? String == "A2")
        #expect(result["date1904"] as? Bool == false)
    }

    @Test func kithReadsWhatOpenpyxlWrites() throws {
        let folder = try TemporaryFolder()
        let url = folder.path("openpyxl.xlsx")
        let url1904 = folder.path("openpyxl-1904.xlsx")
        let script = """
            import sys, datetime, openpyxl
            from openpyxl.styles import Font
            for path, epoch in ((sys.argv[1], None), (sys.argv[2], 1904)):
                wb = openpyxl.Workbook()
                if epoch: wb.epoch = openpyxl.utils.datetime.CALENDAR_MAC_1904
                ws = wb.active
                ws.title = "Adult social care"
                ws["A1"] = "Adult Social Care - client extract"
                ws["A1"].font = Font(bold=True, size=14)
                ws.merge_cells("A1:F1")
                ws["A2"] = "OFFICIAL-SENSITIVE"
                ws.append([])
                ws.append(["Person ID", "First Name", "Last Name", "Date of Birth", "Last Contact", "Lives Alone"])
                ws.append(["ASC000123", "Zoë", "O'Brien", datetime.date(1938, 2, 28), datetime.datetime(2026, 11, 2, 14, 30), True])
                ws.append(["ASC000124", "Wojciech", "Wiśniewski", datetime.date(1951, 12, 31), None, False])
                ws.append(["ASC000125", "Mo", "Rahman", 12345.5, "=2+2", None])
                for cell in ("D5", "D6"): ws[cell].number_format = "dd/mm/yyyy"
                ws["E5"].number_format = "dd/mm/yyyy hh:mm"
                wb.create_sheet("Empty")
                wb.save(path)
            """
        _ = try Self.python(script, arguments: [url.path, url1904.path])
        for file in [url, url1904] {
            let (layout, rows, statistics) = try TableRows.table(file)
            #expect(layout.sheet == "Adult social care")
            #expect(layout.headerRowNumber == 4)
            #expect(layout.preamble.map(\.cells) == [["Adult Social Care - client extract"], ["OFFICIAL-SENSITIVE"]])
            #expect(layout.columnNames == ["Person ID", "First Name", "Last Name", "Date of Birth", "Last Contact", "Lives Alone"])
            #expect(rows.map(\.number) == [5, 6, 7])
            #expect(rows[0].cells == ["ASC000123", "Zoë", "O'Brien", "1938-02-28", "2026-11-02 14:30:00", "TRUE"])
            #expect(rows[1].cells == ["ASC000124", "Wojciech", "Wiśniewski", "1951-12-31", "", "FALSE"])
            // openpyxl stores formulas without a cached value: the cell reads as the formula text it holds.
            #expect(rows[2].cells[0...3] == ["ASC000125", "Mo", "Rahman", "12345.5"])
            #expect(statistics.dataRows == 3)
        }
    }
}
