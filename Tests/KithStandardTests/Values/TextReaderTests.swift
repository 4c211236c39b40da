import KithStandard
import Testing

extension Values {
    /// Free text and partners' identifiers: trimmed, never judged.
    @Suite struct TextReaderTests {
        @Test(arguments: [("  Needs a ramp  ", "Needs a ramp"), ("ASC-0042", "ASC-0042"), ("\u{A0}x\t", "x"), ("é", "é")])
        func trims(_ text: String, expected: String) {
            for reader in [TextReader(), IdentifierReader()] as [any ValueReader] {
                let reading = ValueReaderFixture.read(text, with: reader)
                #expect(reading.normalised == expected)
                #expect(reading.problems.isEmpty)
            }
        }

        @Test func nothingButSpacesHasNoValue() {
            #expect(TextReader().read("   ", context: ValueReaderFixture.dayFirst).normalised == nil)
            #expect(IdentifierReader().read("\t", context: ValueReaderFixture.dayFirst).normalised == nil)
        }
    }
}
