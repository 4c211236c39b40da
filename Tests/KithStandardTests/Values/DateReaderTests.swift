import KithSpreadsheet
import KithStandard
import Testing

extension Values {
    /// Dates and dates of birth: every common spelling, day/month order, two-digit years, Excel serials and the
    /// plausibility checks (uk-data.md §5). The reference date is 21 November 2026.
    @Suite struct DateReaderTests {
        let dates = DateReader(isDateOfBirth: false)
        let births = DateReader(isDateOfBirth: true)

        func read(
            _ text: String,
            birth: Bool = false,
            context: ReadingContext = ValueReaderFixture.dayFirst,
            sourceLocation: SourceLocation = #_sourceLocation
        ) -> ValueReading {
            ValueReaderFixture.read(text, with: birth ? births : dates, context: context, sourceLocation: sourceLocation)
        }

        @Test(arguments: [
            "05/07/2011", "5/7/2011", "05-07-2011", "05.07.2011", "5-Jul-2011", "05-Jul-2011", "05-JUL-2011", "5 Jul 2011",
            "5 July 2011", "5th July 2011", "05 july 2011", "Tuesday, 5 July 2011", "Tue 5 Jul 2011", "July 5, 2011", "Jul 5 2011",
            "2011-07-05", "2011/07/05", "2011.07.05", "20110705", "2011-Jul-05", "2011-Jul-05 00:00:00", "05/07/2011 00:00:00",
            "05/07/2011 14:30", "5/7/2011 2:30 PM", "2011-07-05T00:00:00", "2011-07-05 00:00:00", "2011-07-05T14:30:00Z",
            "2011-07-05T14:30:00.000Z", "2011-07-05T00:00:00+01:00", "2011-07-05T23:30:00-05:00", "2011-07-05 00:00:00 +0000",
            "2011-07-05T143000", " 05/07/2011 ",
        ])
        func readsCommonSpellings(_ text: String) {
            let reading = read(text)
            #expect(reading.normalised == "2011-07-05")
            #expect(reading.problems.isEmpty)
        }

        @Test(arguments: [("5 Sept 2011", "2011-09-05"), ("1 January 2000", "2000-01-01"), ("31-Dec-1999", "1999-12-31")])
        func readsMonthNames(_ text: String, expected: String) {
            #expect(read(text).normalised == expected)
        }

        @Test func takesTheCivilDateAsWrittenWhateverTheTimeZone() {
            // A midnight BST birth written with its offset stays on its own day.
            #expect(read("1990-06-15T00:00+01:00").normalised == "1990-06-15")
            #expect(read("1990-06-14T23:00:00Z").normalised == "1990-06-14")
        }

        @Test(arguments: [
            "yesterday", "5th", "2011-07", "July 2011", "05/07/1985 25:00", "05//07/1985", "05/07-1985", "05/07/201", "Q3 2011",
            "32", "123", "05/07/1985 00:00 nonsense", "1/2/3", "2011-07-05T", "-05/07/1985", "05/07/1985.",
        ])
        func refusesWhatIsNotADate(_ text: String) {
            let reading = read(text)
            #expect(ValueReaderFixture.checks(reading) == ["date.unreadable"])
            #expect(reading.problems.first?.severity == .error)
        }

        @Test(arguments: ["31/04/2020", "29/02/2023", "13/13/2020", "00/00/2000", "2023-02-29", "29-Feb-2023", "2020-13-01", "20231301", "00060"])
        func refusesDaysThatNeverWere(_ text: String) {
            let reading = read(text)
            #expect(ValueReaderFixture.checks(reading) == ["date.impossible"])
            #expect(reading.problems.first?.severity == .error)
        }

        @Test func acceptsLeapDays() {
            #expect(read("29/02/2024").normalised == "2024-02-29")
            #expect(read("29/02/2000").problems.isEmpty)
        }

        // MARK: Day and month order

        @Test func givesTheSwappedReadingAsAnAlternative() {
            let reading = read("05/07/1985")
            #expect(reading.normalised == "1985-07-05")
            #expect(reading.facts == ["alternative": "1985-05-07"])
            #expect(read("05/05/1985").facts.isEmpty)
            #expect(read("1985-07-05").facts.isEmpty)
            #expect(read("5 July 1985").facts.isEmpty)
        }

        @Test func readsMonthFirstColumnsMonthFirst() {
            let reading = read("07/05/1985", context: ValueReaderFixture.monthFirst)
            #expect(reading.normalised == "1985-07-05")
            #expect(reading.facts == ["alternative": "1985-05-07"])
            #expect(reading.problems.isEmpty)
        }

        @Test func notesWhatTheValueProvesAboutOrder() {
            #expect(read("25/12/1990").facts == ["order-evidence": "day-first"])
            #expect(read("12/25/1990").facts["order-evidence"] == "month-first")
            #expect(DateReader.orderEvidence("25/12/1990") == .dayFirst)
            #expect(DateReader.orderEvidence(" 12/25/1990 00:00 ") == .monthFirst)
            #expect(DateReader.orderEvidence("05/07/1985") == nil)
            #expect(DateReader.orderEvidence("1990-12-25") == nil)
            #expect(DateReader.orderEvidence("25 December 1990") == nil)
            #expect(DateReader.orderEvidence("hello") == nil)
            #expect(DateReader.orderEvidence("31/13/1990") == nil)
        }

        @Test func warnsWhenADayFirstColumnHoldsAMonthFirstDate() {
            let reading = read("12/25/1990")
            #expect(reading.normalised == "1990-12-25")
            #expect(ValueReaderFixture.checks(reading) == ["date.month-first"])
            #expect(reading.problems.first?.severity == .warning)
            #expect(reading.problems.first?.suggestion == "1990-12-25")
            #expect(ValueReaderFixture.checks(read("25/12/1990")).isEmpty)
            #expect(ValueReaderFixture.checks(read("12/25/1990", context: ValueReaderFixture.monthFirst)).isEmpty)
        }

        @Test func warnsWhenAMonthFirstColumnHoldsADayFirstDate() {
            let reading = read("25/12/1990", context: ValueReaderFixture.monthFirst)
            #expect(reading.normalised == "1990-12-25")
            #expect(ValueReaderFixture.checks(reading) == ["date.day-first"])
            #expect(reading.problems.first?.severity == .warning)
        }

        // MARK: Two-digit years

        @Test(arguments: [
            ("05/07/85", "1985-07-05"), ("05/07/26", "2026-07-05"), ("21/11/26", "2026-11-21"), ("22/11/26", "1926-11-22"),
            ("05/12/26", "1926-12-05"), ("01/01/00", "2000-01-01"), ("05-Jul-11", "2011-07-05"), ("31/12/27", "1927-12-31"),
        ])
        func putsTwoDigitYearBirthsOnOrBeforeTheReferenceDate(_ text: String, expected: String) {
            let reading = read(text, birth: true)
            #expect(reading.normalised == expected)
            #expect(ValueReaderFixture.checks(reading) == ["date.two-digit-year"])
            #expect(reading.problems.first?.severity == .info)
            #expect(reading.problems.first?.suggestion == expected)
        }

        @Test(arguments: [("05/07/29", "2029-07-05"), ("05/07/30", "1930-07-05"), ("05/07/00", "2000-07-05"), ("5-Jul-99", "1999-07-05")])
        func readsOtherTwoDigitYearsByExcelsRule(_ text: String, expected: String) {
            let reading = read(text)
            #expect(reading.normalised == expected)
            #expect(ValueReaderFixture.checks(reading) == ["date.two-digit-year"])
        }

        @Test func resolvesTheAlternativeReadingsCenturyToo() {
            #expect(read("05/07/26", birth: true).facts["alternative"] == "2026-05-07")
            // 5 December 26 is 1926 (December 2026 is still to come); 12 May 26 is 2026.
            #expect(read("05/12/26", birth: true).facts["alternative"] == "2026-05-12")
        }

        // MARK: Excel serials

        @Test(arguments: [
            (1, "1900-01-01"), (59, "1900-02-28"), (61, "1900-03-01"), (36526, "2000-01-01"), (40729, "2011-07-05"),
            (45658, "2025-01-01"), (2_958_465, "9999-12-31"),
        ])
        func theExcelSystemTheReaderUsesMatchesTheVectors(_ serial: Int, expected: String) {
            #expect(ExcelDateSystem.from1900.date(fromSerial: serial)?.description == expected)
            #expect(ExcelDateSystem.from1900.date(fromSerial: 60) == nil)
        }

        @Test(arguments: [
            ("36526", "2000-01-01"), ("40729", "2011-07-05"), ("45658", "2025-01-01"), ("40729.5", "2011-07-05"),
            ("40729.999988", "2011-07-05"), ("1000", "1902-09-26"),
        ])
        func readsExcelSerialNumbers(_ text: String, expected: String) {
            let reading = read(text)
            #expect(reading.normalised == expected)
            #expect(ValueReaderFixture.checks(reading) == ["date.excel-serial"])
            #expect(reading.problems.first?.severity == .info)
            #expect(reading.problems.first?.suggestion == expected)
        }

        @Test func readsOnlyFourAndFiveDigitNumbersAsSerials() {
            // Shorter numbers are far more often something else (a count, an age) than a date in 1900.
            #expect(ValueReaderFixture.checks(read("59")) == ["date.unreadable"])
            #expect(ValueReaderFixture.checks(read("123456")) == ["date.unreadable"])
            // Excel's fictitious 29 February 1900, written with leading zeros to five digits.
            #expect(read("00060").problems.first?.message.contains("29 February 1900") == true)
        }

        // MARK: Plausibility

        @Test func refusesBirthsAfterTheReferenceDate() {
            let reading = read("22/11/2026", birth: true)
            #expect(ValueReaderFixture.checks(reading) == ["date.future-birth"])
            #expect(reading.problems.first?.severity == .error)
            #expect(ValueReaderFixture.checks(read("21/11/2026", birth: true)).isEmpty)
            // Other dates may be in the future.
            #expect(ValueReaderFixture.checks(read("22/11/2026")).isEmpty)
        }

        @Test func warnsAboutBirthsMoreThan115YearsAgo() {
            let reading = read("20/11/1911", birth: true)
            #expect(reading.normalised == "1911-11-20")
            #expect(ValueReaderFixture.checks(reading) == ["date.too-old"])
            #expect(reading.problems.first?.severity == .warning)
            #expect(ValueReaderFixture.checks(read("21/11/1911", birth: true)).isEmpty)
            #expect(ValueReaderFixture.checks(read("20/11/1911")).isEmpty)
        }

        @Test(arguments: [
            "01/01/1900", "1899-12-30", "31/12/1899", "1970-01-01", "1753-01-01", "01/01/1800", "9999-12-31", "01/01/1901", "00001",
        ])
        func warnsAboutPlaceholderDates(_ text: String) {
            let reading = read(text)
            #expect(reading.normalised != nil)
            #expect(ValueReaderFixture.checks(reading).filter { $0 != "date.excel-serial" } == ["date.placeholder"])
            #expect(ValueReaderFixture.problem("date.placeholder", in: reading)?.severity == .warning)
            // A placeholder birth is not also "too old".
            let birth = read(text, birth: true)
            #expect(ValueReaderFixture.checks(birth).contains("date.placeholder"))
            #expect(!ValueReaderFixture.checks(birth).contains("date.too-old"))
        }

        @Test func placeholdersAreOnlyThoseExactDays() {
            #expect(ValueReaderFixture.checks(read("02/01/1900")).isEmpty)
            #expect(ValueReaderFixture.checks(read("1970-01-02")).isEmpty)
        }

        @Test func aFutureBirthKeepsItsFacts() {
            let reading = read("12/11/2027", birth: true)
            #expect(reading.normalised == nil)
            #expect(reading.facts["alternative"] == "2027-12-11")
        }
    }
}
