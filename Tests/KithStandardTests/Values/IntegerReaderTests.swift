import KithStandard
import Testing

extension Values {
    /// Whole numbers.
    @Suite struct IntegerReaderTests {
        let reader = IntegerReader()

        func read(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> ValueReading {
            ValueReaderFixture.read(text, with: reader, sourceLocation: sourceLocation)
        }

        @Test(arguments: [
            ("12", "12"), (" 12 ", "12"), ("-5", "-5"), ("+5", "5"), ("007", "7"), ("0", "0"), ("-0", "0"), ("12.0", "12"),
            ("12.000", "12"), ("123456789012345678901234", "123456789012345678901234"),
        ])
        func readsWholeNumbers(_ text: String, expected: String) {
            let reading = read(text)
            #expect(reading.normalised == expected)
            #expect(reading.problems.isEmpty)
        }

        @Test(arguments: ["12.5", "1,234", "twelve", "1e5", "12.", ".5", "-", "+", "1 2", "£12", "12%"])
        func refusesOtherValues(_ text: String) {
            let reading = read(text)
            #expect(ValueReaderFixture.checks(reading) == ["number.invalid"])
            #expect(reading.problems.first?.severity == .error)
        }

        @Test func suggestsTheNumberWithoutThousandsSeparators() {
            #expect(read("1,234").problems.first?.suggestion == "1234")
            #expect(read("12.5").problems.first?.suggestion == nil)
        }
    }
}
