import Testing

@testable import KithSpreadsheet

struct ExcelDateSystemTests {
    // Vectors verified with openpyxl 3.1.5 (shared/reference/uk-data.md §5).
    @Test(arguments: [
        (1, "1900-01-01"), (59, "1900-02-28"), (61, "1900-03-01"), (36_526, "2000-01-01"), (40_729, "2011-07-05"),
        (45_658, "2025-01-01"), (2_958_465, "9999-12-31"),
    ])
    func readsThe1900System(serial: Int, expected: String) {
        #expect(ExcelDateSystem.from1900.date(fromSerial: serial)?.description == expected)
        #expect(ExcelDateSystem.from1900.serial(for: ExcelDateSystem.from1900.date(fromSerial: serial)!) == serial)
    }

    @Test func refusesTheFictitiousLeapDay() {
        #expect(ExcelDateSystem.from1900.date(fromSerial: 60) == nil)
        #expect(ExcelDateSystem.from1900.date(fromSerial: 0) == nil)
        #expect(CivilDate(year: 1900, month: 2, day: 29) == nil)
    }

    @Test func readsThe1904System() {
        #expect(ExcelDateSystem.from1904.date(fromSerial: 0)?.description == "1904-01-01")
        #expect(ExcelDateSystem.from1904.date(fromSerial: 39_267)?.description == "2011-07-05")
        let date = CivilDate(year: 1985, month: 7, day: 5)!
        #expect(ExcelDateSystem.from1900.serial(for: date) - ExcelDateSystem.from1904.serial(for: date) == 1_462)
    }

    @Test func countsDaysLikeTheCalendar() {
        #expect(CivilDate(year: 1970, month: 1, day: 1)!.daysSinceEpoch == 0)
        #expect(CivilDate(year: 2000, month: 3, day: 1)!.daysSinceEpoch == 11_017)
        #expect(CivilDate(daysSinceEpoch: -1).description == "1969-12-31")
        #expect(CivilDate(year: 2024, month: 2, day: 29) != nil)
        #expect(CivilDate(year: 2023, month: 2, day: 29) == nil)
    }

    @Test func namesColumnsAsExcelDoes() {
        #expect(ColumnLetters.letters(forIndex: 0) == "A")
        #expect(ColumnLetters.letters(forIndex: 25) == "Z")
        #expect(ColumnLetters.letters(forIndex: 26) == "AA")
        #expect(ColumnLetters.letters(forIndex: 16_383) == "XFD")
        #expect(ColumnLetters.index(forLetters: "XFD") == 16_383)
        #expect(CellReference(parsing: "$B$12") == CellReference(row: 11, column: 1))
        #expect(CellRange(parsing: "A1:F3")?.lastColumn == 5)
    }
}
