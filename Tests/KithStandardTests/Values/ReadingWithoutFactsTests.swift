import KithSpreadsheet
import KithStandard
import Testing

extension Values {
    /// An import keeps only normalised values, so it reads with `collectsFacts` off: the values and problems must be
    /// exactly those of a full reading, and only the facts left out.
    @Suite struct ReadingWithoutFactsTests {
        static let values: [(String, any ValueReader)] = [
            ("Mr John SMITH", NameReader()), ("o'brien", NameReader()), ("J.", NameReader()), ("Ann 2nd", NameReader()),
            ("sw1a-1aa", PostcodeReader()), ("ZZ99 3VZ", PostcodeReader()), ("BFPO 105", PostcodeReader()), ("QQ1 1QQ", PostcodeReader()),
            ("05/07/1948", DateReader(isDateOfBirth: true)), ("13/01/1990", DateReader(isDateOfBirth: true)),
            ("01/13/1990", DateReader(isDateOfBirth: true)),
            ("31/02/1990", DateReader(isDateOfBirth: true)), ("1 Jan 90", DateReader(isDateOfBirth: true)),
            ("03/04/2030", DateReader(isDateOfBirth: true)),
            ("07700 900123", PhoneReader()), ("+44 (0)161 496 0000 ext 12", PhoneReader()), ("+1 212 555 0100", PhoneReader()),
        ]

        @Test func readsTheSameValuesAndProblemsWithoutFacts() {
            var quick = ValueReaderFixture.dayFirst
            quick.collectsFacts = false
            for (text, reader) in Self.values {
                let full = reader.read(text, context: ValueReaderFixture.dayFirst)
                let without = reader.read(text, context: quick)
                #expect(without.normalised == full.normalised, "\(text)")
                #expect(without.problems == full.problems, "\(text)")
            }
        }

        @Test func leavesOutTheFactsThatCostABuildPerCell() {
            var quick = ValueReaderFixture.dayFirst
            quick.collectsFacts = false
            for (text, reader) in [("Mr John SMITH", NameReader()), ("sw1a-1aa", PostcodeReader()), ("05/07/1948", DateReader(isDateOfBirth: true))]
                as [(String, any ValueReader)]
            {
                #expect(!reader.read(text, context: ValueReaderFixture.dayFirst).facts.isEmpty, "\(text)")
                #expect(reader.read(text, context: quick).facts.isEmpty, "\(text)")
            }
        }
    }
}
