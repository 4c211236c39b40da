import KithStandard
import Testing

extension Values {
    /// NHS numbers, with the research note's verified vectors (uk-data.md §1).
    @Suite struct NHSNumberReaderTests {
        let reader = NHSNumberReader()

        func read(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> ValueReading {
            ValueReaderFixture.read(text, with: reader, sourceLocation: sourceLocation)
        }

        @Test(arguments: ["4010232137", "4857773457", "4000000004", "6000000006", "6500000005", "7000000015", "7389100109"])
        func readsValidNumbersFromEnglandAndWales(_ number: String) {
            let reading = read(number)
            #expect(reading.normalised == number)
            #expect(reading.problems.isEmpty)
            #expect(reading.facts.isEmpty)
            #expect(NHSNumberReader.isValid(number))
        }

        @Test(arguments: ["485 777 3457", "485-777-3457", "  485 777 3457 ", "4857773457\u{A0}"])
        func ignoresSpacesAndHyphens(_ text: String) {
            let reading = read(text)
            #expect(reading.normalised == "4857773457")
            #expect(reading.problems.isEmpty)
        }

        @Test func readsTheWorkedExampleWhichIsInARangeNeverIssued() {
            // Wikipedia's worked example passes Modulus 11 but starts with 9: only information, never an error.
            let reading = read("943 476 5919")
            #expect(reading.normalised == "9434765919")
            #expect(ValueReaderFixture.checks(reading) == ["nhs-number.range"])
            #expect(reading.problems.first?.severity == .info)
            #expect(NHSNumberReader.isValid("9434765919"))
        }

        @Test(arguments: [
            "9434765918",  // wrong check digit
            "9434765991",  // last two digits transposed
            "4934765919",  // first two digits transposed
            "9876544321",  // Wikipedia's display example: the check should be 2
            "9991234560",  // the stem gives 10: no valid completion
            "1000000010",  // the stem gives 10
        ])
        func refusesWrongCheckDigits(_ number: String) {
            let reading = read(number)
            #expect(ValueReaderFixture.checks(reading) == ["nhs-number.check-digit"])
            #expect(reading.problems.first?.severity == .error)
            #expect(reading.normalised == nil)
            #expect(!NHSNumberReader.isValid(number))
        }

        @Test(arguments: ["94347659190", "12345", "943 476 591 90"])
        func refusesWrongLengths(_ text: String) {
            let reading = read(text)
            #expect(ValueReaderFixture.checks(reading) == ["nhs-number.length"])
            #expect(reading.problems.first?.severity == .error)
        }

        @Test func nineDigitsThatFailEvenWithAZeroAreTheWrongLength() {
            // 0943476591 fails Modulus 11, so this is a digit short, not a lost zero.
            #expect(ValueReaderFixture.checks(read("943476591")) == ["nhs-number.length"])
        }

        @Test func restoresALeadingZeroExcelDropped() {
            let reading = read("211165794")
            #expect(reading.normalised == "0211165794")
            let problem = ValueReaderFixture.problem("nhs-number.lost-leading-zero", in: reading)
            #expect(problem?.severity == .warning)
            #expect(problem?.suggestion == "0211165794")
            // The full number has no such warning.
            #expect(ValueReaderFixture.problem("nhs-number.lost-leading-zero", in: read("0211165794")) == nil)
        }

        @Test func refusesLettersAndNamesExcelsScientificNotation() {
            let letter = read("943476591O")
            #expect(ValueReaderFixture.checks(letter) == ["nhs-number.not-digits"])
            #expect(letter.problems.first?.severity == .error)

            let excel = read("9.43477E+09")
            #expect(ValueReaderFixture.checks(excel) == ["nhs-number.not-digits"])
            #expect(excel.problems.first?.message.contains("Excel") == true)
            #expect(excel.problems.first?.message.contains("lost") == true)
            #expect(ValueReaderFixture.checks(read("9.434766E+9")) == ["nhs-number.not-digits"])
        }

        @Test func suggestsTheNumberWhenALetterStandsForADigit() {
            // O for 0 and I for 1, when the result passes the check.
            let reading = read("94347659I9")
            #expect(reading.problems.first?.suggestion == "9434765919")
            #expect(read("943476591O").problems.first?.suggestion == nil)
        }

        @Test(arguments: ["0000000000", "9999999999", "1111111111", "444 444 4444"])
        func refusesPlaceholders(_ text: String) {
            let reading = read(text)
            #expect(ValueReaderFixture.checks(reading) == ["nhs-number.placeholder"])
            #expect(reading.problems.first?.severity == .error)
            #expect(!NHSNumberReader.isValid(text.filter { $0 != " " }))
        }

        @Test(arguments: [
            ("9990000018", "test"),  // the 999 test range
            ("9000000009", "not-issued"),  // never issued to real patients
            ("5000000005", "not-issued"),
            ("5100000007", "not-issued"),
            ("8000000008", "republic-of-ireland"),
            ("8600000009", "not-issued"),
            ("0000000019", "not-issued"),
        ])
        func notesNumbersOutsideIssuedRanges(_ number: String, range: String) {
            let reading = read(number)
            #expect(reading.normalised == number)
            #expect(ValueReaderFixture.checks(reading) == ["nhs-number.range"])
            #expect(reading.problems.first?.severity == .info)
            #expect(reading.facts["range"] == range)
        }

        @Test(arguments: [("3200000015", "northern-ireland"), ("0211165794", "scotland-chi"), ("0402070763", "scotland-chi")])
        func namesTheIssuerOfOtherUKNumbersWithoutAProblem(_ number: String, range: String) {
            let reading = read(number)
            #expect(reading.normalised == number)
            #expect(reading.problems.isEmpty)
            #expect(reading.facts["range"] == range)
        }

        @Test func isValidNeedsExactlyTenDigits() {
            #expect(NHSNumberReader.isValid("9434765919"))
            #expect(!NHSNumberReader.isValid("943 476 5919"))
            #expect(!NHSNumberReader.isValid("943476591"))
            #expect(!NHSNumberReader.isValid(""))
        }
    }
}
