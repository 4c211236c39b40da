import Foundation
import Testing

@testable import KithSpreadsheet

struct HeaderDetectorTests {
    @Test func findsTheHeaderUnderATitleBlock() {
        let rows = [
            SheetRow(number: 1, cells: ["Children's Services — open cases"]),
            SheetRow(number: 2, cells: ["Extract date: 16/11/2026", "OFFICIAL-SENSITIVE"]),
            SheetRow(number: 4, cells: ["Child ID", "Forename", "Surname", "DOB", "Postcode"]),
            SheetRow(number: 5, cells: ["C001", "Amara", "Okafor", "2015-03-02", "OL1 1AA"]),
            SheetRow(number: 6, cells: ["C002", "Jan", "Kowalski", "2014-11-30", "OL1 2AB"]),
        ]
        let detection = HeaderDetector.detect(in: rows)
        #expect(detection?.headerRows == 2...2)
        #expect(detection?.columnNames == ["Child ID", "Forename", "Surname", "DOB", "Postcode"])
    }

    @Test func takesTheFirstRowWhenThereIsNoTitle() {
        let rows = [SheetRow(number: 1, cells: ["Name", "Age"]), SheetRow(number: 2, cells: ["Ann", "80"])]
        #expect(HeaderDetector.detect(in: rows)?.headerRows == 0...0)
    }

    @Test func joinsAMergedGroupHeaderWithItsSubHeaders() {
        let rows = [
            SheetRow(number: 1, cells: ["Client", "Address", "", "", "Contact"]),
            SheetRow(number: 2, cells: ["", "Line 1", "Town", "Postcode", ""]),
            SheetRow(number: 3, cells: ["Ann Smith", "1 High St", "Oldham", "OL1 1AA", "07700900123"]),
        ]
        let merges = ["A1:A2", "B1:D1", "E1:E2"].map { CellRange(parsing: $0)! }
        let detection = HeaderDetector.detect(in: rows, mergedRanges: merges)
        #expect(detection?.headerRows == 0...1)
        #expect(detection?.columnNames == ["Client", "Address Line 1", "Address Town", "Address Postcode", "Contact"])
    }

    @Test func doesNotMistakeANarrowKeyValueLineForTheHeader() {
        let rows = [
            SheetRow(number: 1, cells: ["Produced by", "Helpline team"]),
            SheetRow(number: 2, cells: ["Call Date", "First Name", "Surname", "Phone", "Postcode", "Need"]),
            SheetRow(number: 3, cells: ["05-Nov-2026", "Ann", "Smith", "07700900123", "OL1 1AA", "Food"]),
        ]
        #expect(HeaderDetector.detect(in: rows)?.headerRows == 1...1)
    }

    @Test(arguments: [
        ("General", CellFormats.Kind.number), ("0.00", .number), ("dd/mm/yyyy", .date), ("[$-809]d mmmm yyyy;@", .date),
        ("d/m/yy h:mm", .dateTime), ("h:mm:ss", .time), ("[h]:mm", .time), ("\"Day \"0", .number), ("mmm-yy", .date),
        ("#,##0.00 \"days\"", .number),
    ])
    func readsNumberFormatCodes(code: String, kind: CellFormats.Kind) {
        #expect(CellFormats.kind(ofFormatCode: code) == kind)
    }
}
