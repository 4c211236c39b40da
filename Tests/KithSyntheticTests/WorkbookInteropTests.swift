import Foundation
import KithSpreadsheet
import KithTestSupport
import Testing

@testable import KithSynthetic

/// The two workbooks read back through openpyxl (an independent XLSX implementation, installed by `scripts/test`)
/// hold the generator's cells on the rows `truth/records.csv` names.
struct WorkbookInteropTests {
    static let dumpScript = """
        import json, sys, datetime, openpyxl
        wb = openpyxl.load_workbook(sys.argv[1])
        ws = wb[sys.argv[2]]
        print(json.dumps({"merged": sorted(str(r) for r in ws.merged_cells.ranges)}))
        for number, row in enumerate(ws.iter_rows(values_only=True), start=1):
            cells = []
            for value in row:
                if isinstance(value, datetime.datetime):
                    cells.append({"date": value.date().isoformat()})
                elif isinstance(value, bool):
                    cells.append({"bool": value})
                else:
                    cells.append(value)
            print(json.dumps({"row": number, "cells": cells}))
        """

    /// A cell as openpyxl's JSON dump spells it.
    static func expected(_ cell: CellValue) -> String {
        switch cell {
        case .empty: "null"
        case .text(let text): "text:" + text
        case .integer(let value): "number:\(value)"
        case .number(let value): "number:\(value)"
        case .boolean(let value): "bool:\(value)"
        case .date(let date): "date:" + date.description
        }
    }

    static func actual(_ value: Any) -> String {
        if value is NSNull { return "null" }
        if let text = value as? String { return "text:" + text }
        if let object = value as? [String: Any] {
            if let date = object["date"] as? String { return "date:" + date }
            if let flag = object["bool"] as? Bool { return "bool:\(flag)" }
        }
        return "other:\(value)"
    }

    /// Needs python3 with openpyxl, which `scripts/test` installs; without it the test fails rather than pass unchecked.
    @Test func workbookRowsMatchTheTruth() throws {
        let borough = Borough(configuration: Fixture.configuration)
        for table in [AdultSocialCareWriter.make(borough), ChildrensServicesWriter.make(borough)] {
            let file = Fixture.directory.appendingPathComponent("lists/" + table.fileName)
            let result = try ProcessRun.python(["-c", Self.dumpScript, file.path, table.sheet!])
            #expect(result.status == 0)
            var rows: [Int: [Any]] = [:]
            var merged: [String] = []
            for line in result.output.split(separator: "\n") {
                let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
                if let ranges = object["merged"] as? [String] { merged = ranges }
                if let number = object["row"] as? Int { rows[number] = object["cells"] as? [Any] ?? [] }
            }
            #expect(merged == table.merges)
            let headerRow = table.firstDataRow - 1
            #expect(rows[headerRow]?.compactMap { $0 as? String } == table.header)

            let records = Fixture.records.filter { $0["file"] == "lists/" + table.fileName }
            #expect(records.count == table.rows.count)
            let ids = Dictionary(uniqueKeysWithValues: borough.residents.enumerated().map { ($1.id, $0) })
            for record in records {
                let number = Int(record["row_number"]!)!
                let offset = number - table.firstDataRow
                guard let cells = rows[number], offset >= 0, offset < table.rows.count else {
                    Issue.record("\(table.fileName) has no row \(number)")
                    continue
                }
                #expect(table.people[offset] == ids[record["person_id"]!])
                for (column, cell) in table.rows[offset].enumerated() {
                    let read = column < cells.count ? Self.actual(cells[column]) : "null"
                    #expect(read == Self.expected(cell), "\(table.fileName) row \(number) column \(column + 1)")
                }
            }
        }
    }
}
