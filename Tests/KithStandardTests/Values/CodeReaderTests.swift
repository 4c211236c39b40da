import KithStandard
import Testing

extension Values {
    /// Coded values, with the child protection categories of abuse as the allowed list.
    @Suite struct CodeReaderTests {
        let reader = CodeReader(allowed: [
            AllowedValue(code: "NEG", label: "Neglect"), AllowedValue(code: "PHY", label: "Physical abuse"),
            AllowedValue(code: "SAB", label: "Sexual abuse"), AllowedValue(code: "EMO", label: "Emotional abuse"),
            AllowedValue(code: "MUL", label: "Multiple"), AllowedValue(code: "N1", label: "Abuse or neglect"),
            AllowedValue(code: "/", label: "Present (AM)"),
        ])

        func read(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> ValueReading {
            ValueReaderFixture.read(text, with: reader, sourceLocation: sourceLocation)
        }

        @Test(arguments: [
            ("NEG", "NEG"), ("neg", "NEG"), (" Neg ", "NEG"), ("Neglect", "NEG"), ("NEGLECT", "NEG"), ("physical abuse", "PHY"),
            ("n1", "N1"), ("/", "/"), ("present (am)", "/"),
        ])
        func readsCodesAndLabelsInAnyCase(_ text: String, expected: String) {
            let reading = read(text)
            #expect(reading.normalised == expected)
            #expect(reading.problems.isEmpty)
        }

        @Test(arguments: [("NGE", "NEG"), ("PHYS", "PHY"), ("Neglet", "NEG"), ("Emotional abus", "EMO"), ("N!", "N1")])
        func suggestsTheClosestCode(_ text: String, expected: String) {
            let reading = read(text)
            #expect(ValueReaderFixture.checks(reading) == ["code.not-allowed"])
            #expect(reading.problems.first?.severity == .error)
            #expect(reading.problems.first?.suggestion == expected)
        }

        @Test(arguments: ["Financial abuse", "XYZ", "N12345"])
        func suggestsNothingWhenNothingIsClose(_ text: String) {
            let reading = read(text)
            #expect(ValueReaderFixture.checks(reading) == ["code.not-allowed"])
            #expect(reading.problems.first?.suggestion == nil)
        }

        @Test func acceptsAnyValueWhenNoCodesAreListed() {
            let reading = CodeReader(allowed: []).read(" anything ", context: ValueReaderFixture.dayFirst)
            #expect(reading.normalised == "anything")
            #expect(reading.problems.isEmpty)
        }
    }
}
