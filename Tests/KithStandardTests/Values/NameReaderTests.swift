import KithStandard
import Testing

extension Values {
    /// Names read in a name column: the display form, the key and title facts, and the checks.
    @Suite struct NameReaderTests {
        let reader = NameReader()

        func read(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> ValueReading {
            ValueReaderFixture.read(text, with: reader, sourceLocation: sourceLocation)
        }

        @Test func normalisesToTheDisplayFormWithTheKey() {
            let reading = read("  O'NEILL ")
            #expect(reading.normalised == "O'Neill")
            #expect(reading.facts == ["key": "ONEILL"])
            #expect(reading.problems.isEmpty)
        }

        @Test func notesATitleInTheName() {
            let reading = read("Mrs Jane Smith")
            #expect(reading.normalised == "Jane Smith")
            #expect(reading.facts == ["key": "JANESMITH", "title": "Mrs"])
            #expect(ValueReaderFixture.checks(reading) == ["name.title"])
            #expect(reading.problems.first?.severity == .info)
            #expect(reading.problems.first?.suggestion == "Jane Smith")
            #expect(ValueReaderFixture.checks(read("Jane Smith")).isEmpty)
        }

        @Test(arguments: ["John2", "Smith 3", "07700900123", "1985-07-05"])
        func warnsAboutDigits(_ text: String) {
            let reading = read(text)
            #expect(ValueReaderFixture.checks(reading) == ["name.digits"])
            #expect(reading.problems.first?.severity == .warning)
        }

        @Test(arguments: ["J", "j.", "J."])
        func notesALoneInitial(_ text: String) {
            let reading = read(text)
            #expect(ValueReaderFixture.checks(reading) == ["name.initial-only"])
            #expect(reading.problems.first?.severity == .info)
        }

        @Test(arguments: ["Jo", "J R", "Li", "Ng"])
        func aShortNameIsNotAnInitial(_ text: String) {
            #expect(ValueReaderFixture.checks(read(text)).isEmpty)
        }

        @Test func aNameOfOnlySpacesHasNoValue() {
            #expect(read("   ").normalised == nil)
        }
    }
}
