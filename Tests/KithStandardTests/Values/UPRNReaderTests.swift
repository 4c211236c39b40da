import KithStandard
import Testing

extension Values {
    /// Unique Property Reference Numbers.
    @Suite struct UPRNReaderTests {
        let reader = UPRNReader()

        func read(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> ValueReading {
            ValueReaderFixture.read(text, with: reader, sourceLocation: sourceLocation)
        }

        @Test(arguments: [("000000199356", "199356"), ("199356", "199356"), (" 100023336956 ", "100023336956"), ("1", "1"), ("0001", "1")])
        func readsUPRNsAsNumbers(_ text: String, expected: String) {
            let reading = read(text)
            #expect(reading.normalised == expected)
            #expect(reading.problems.isEmpty)
        }

        @Test(arguments: ["1000233369561", "0", "000", "12A45", "1.00023E+11", "-5", "123 456", "none"])
        func refusesOtherValues(_ text: String) {
            let reading = read(text)
            #expect(ValueReaderFixture.checks(reading) == ["uprn.invalid"])
            #expect(reading.problems.first?.severity == .error)
        }

        @Test func namesExcelsScientificNotation() {
            #expect(read("1.00023E+11").problems.first?.message.contains("Excel") == true)
        }
    }
}
