import KithStandard
import Testing

extension Values {
    /// Email addresses.
    @Suite struct EmailReaderTests {
        let reader = EmailReader()

        func read(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> ValueReading {
            ValueReaderFixture.read(text, with: reader, sourceLocation: sourceLocation)
        }

        @Test(arguments: [
            ("jane.doe@example.org", "jane.doe@example.org"), ("Jane.Doe@Example.ORG", "jane.doe@example.org"),
            (" jane@example.co.uk ", "jane@example.co.uk"), ("o'brien+lists@example.org", "o'brien+lists@example.org"),
            ("a_b-c@sub-domain.example.org", "a_b-c@sub-domain.example.org"), ("x@x.io", "x@x.io"),
        ])
        func readsAddressesInLowerCase(_ text: String, expected: String) {
            let reading = read(text)
            #expect(reading.normalised == expected)
            #expect(reading.problems.isEmpty)
        }

        @Test(arguments: [
            "jane.example.org",  // no @
            "jane@@example.org", "jane@doe@example.org",  // two @
            "jane@example",  // no dot in the domain
            "jane doe@example.org",  // a space inside
            ".jane@example.org", "jane.@example.org", "jane@example.org.", "jane@.example.org",  // leading or trailing dots
            "jane..doe@example.org", "jane@example..org",  // two dots in a row
            "jane@exa_mple.org", "jane(at)example.org", "jané@example.org", "jane@example,org", "<jane@example.org>",  // characters
            "jane@-example.org", "jane@example-.org", "jane@example.1", "@example.org", "jane@",
        ])
        func refusesWhatIsNotAnAddress(_ text: String) {
            let reading = read(text)
            #expect(ValueReaderFixture.checks(reading) == ["email.invalid"])
            #expect(reading.problems.first?.severity == .error)
        }

        @Test(arguments: [
            ("jane@example.org.", "jane@example.org"), ("jane@example,org", "jane@example.org"), ("jane @ example.org", "jane@example.org"),
            ("jane..doe@example.org", "jane.doe@example.org"),
        ])
        func suggestsTheUsualRepairs(_ text: String, expected: String) {
            #expect(read(text).problems.first?.suggestion == expected)
        }

        @Test func suggestsNothingWhenTheRepairIsAGuess() {
            #expect(read("jane doe@example.org").problems.first?.suggestion == nil)
            #expect(read("jane.example.org").problems.first?.suggestion == nil)
        }

        @Test func explainsEachProblem() {
            #expect(read("jane.example.org").problems.first?.message.contains("no @") == true)
            #expect(read("jane@doe@example.org").problems.first?.message.contains("more than one @") == true)
            #expect(read("jane@example").problems.first?.message.contains("no dot") == true)
            #expect(read("jane doe@example.org").problems.first?.message.contains("spaces") == true)
            #expect(read("jane..doe@example.org").problems.first?.message.contains("two dots") == true)
        }
    }
}
