import KithStandard
import Testing

extension Values {
    /// Yes-or-no values.
    @Suite struct FlagReaderTests {
        let reader = FlagReader()

        func read(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> ValueReading {
            ValueReaderFixture.read(text, with: reader, sourceLocation: sourceLocation)
        }

        @Test(arguments: ["Y", "y", "Yes", "YES", "True", "true", "T", "1", "x", "X", "✓", "✔", "☑", " yes "])
        func readsYes(_ text: String) {
            let reading = read(text)
            #expect(reading.normalised == "true")
            #expect(reading.problems.isEmpty)
        }

        @Test(arguments: ["N", "n", "No", "NO", "False", "f", "F", "0", "✗", "✘", "☒"])
        func readsNo(_ text: String) {
            let reading = read(text)
            #expect(reading.normalised == "false")
            #expect(reading.problems.isEmpty)
        }

        @Test(arguments: ["maybe", "2", "Yess", "-", "n/a", "✓✓", "ye"])
        func refusesOtherValues(_ text: String) {
            let reading = read(text)
            #expect(ValueReaderFixture.checks(reading) == ["flag.invalid"])
            #expect(reading.problems.first?.severity == .error)
        }
    }
}
