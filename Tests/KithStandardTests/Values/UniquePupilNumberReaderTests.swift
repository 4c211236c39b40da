import KithStandard
import Testing

extension Values {
    /// Unique Pupil Numbers, with the research note's vectors (uk-data.md §1).
    @Suite struct UniquePupilNumberReaderTests {
        let reader = UniquePupilNumberReader()

        func read(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> ValueReading {
            ValueReaderFixture.read(text, with: reader, sourceLocation: sourceLocation)
        }

        @Test(arguments: ["B801200005001", "b801200005001", " B801200005001 "])
        func readsValidNumbersInUpperCase(_ text: String) {
            let reading = read(text)
            #expect(reading.normalised == "B801200005001")
            #expect(reading.problems.isEmpty)
        }

        @Test(arguments: ["A801200005001", "C801200005001", "I801200005001"])
        func refusesWrongCheckLetters(_ text: String) {
            let reading = read(text)
            #expect(ValueReaderFixture.checks(reading) == ["upn.check-letter"])
            #expect(reading.problems.first?.severity == .error)
        }

        @Test(arguments: ["B80120000500", "B8012000050011", "8801200005001", "B80120000500I", "B8012O0005001", "B801 200 005 001"])
        func refusesOtherFormats(_ text: String) {
            let reading = read(text)
            #expect(ValueReaderFixture.checks(reading) == ["upn.format"])
            #expect(reading.problems.first?.severity == .error)
        }

        @Test func notesTemporaryNumbers() {
            let reading = read("M80120000500A")
            #expect(reading.normalised == "M80120000500A")
            #expect(ValueReaderFixture.checks(reading) == ["upn.temporary"])
            #expect(reading.problems.first?.severity == .info)
            #expect(ValueReaderFixture.checks(read("B801200005001")).isEmpty)
        }

        @Test(arguments: ["UN1", "un4", "UN7"])
        func notesCensusCodesForAnUnknownPupilNumber(_ text: String) {
            let reading = read(text)
            #expect(reading.normalised == nil)
            #expect(reading.problems.map(\.check) == ["upn.unknown"])
            #expect(reading.problems.first?.severity == .info)
        }

        @Test func stillRefusesOtherShortValues() {
            #expect(read("UN8").problems.map(\.check) == ["upn.format"])
        }
    }
}
