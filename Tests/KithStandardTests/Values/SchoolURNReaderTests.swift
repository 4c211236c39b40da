import KithStandard
import Testing

extension Values {
    /// Schools' Unique Reference Numbers.
    @Suite struct SchoolURNReaderTests {
        let reader = SchoolURNReader()

        func read(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> ValueReading {
            ValueReaderFixture.read(text, with: reader, sourceLocation: sourceLocation)
        }

        @Test(arguments: [("100000", "100000"), (" 123456 ", "123456"), ("999999", "999999")])
        func readsSixDigits(_ text: String, expected: String) {
            let reading = read(text)
            #expect(reading.normalised == expected)
            #expect(reading.problems.isEmpty)
        }

        @Test(arguments: ["12345", "1234567", "12345A", "801/2000", "123 456"])
        func refusesOtherValues(_ text: String) {
            let reading = read(text)
            #expect(ValueReaderFixture.checks(reading) == ["school-urn.invalid"])
            #expect(reading.problems.first?.severity == .error)
        }
    }
}
