import KithStandard
import Testing

extension Values {
    /// The reader chosen for each kind of value.
    @Suite struct ValueReadersTests {
        func entry(_ kind: ValueKind, allowed: [AllowedValue] = []) -> DictionaryEntry {
            DictionaryEntry(
                tag: "#x_test",
                label: "Test",
                description: "A test column.",
                type: kind,
                format: "Any",
                allowed: allowed,
                sensitivity: .notPersonal,
                examples: [],
                synonyms: []
            )
        }

        @Test func mapsEveryKindToItsReader() {
            for kind in ValueKind.allCases {
                let reader = ValueReaders.reader(for: entry(kind))
                switch kind {
                case .text: #expect(reader is TextReader)
                case .name: #expect(reader is NameReader)
                case .date: #expect((reader as? DateReader)?.isDateOfBirth == false)
                case .dateOfBirth: #expect((reader as? DateReader)?.isDateOfBirth == true)
                case .nhsNumber: #expect(reader is NHSNumberReader)
                case .uniquePupilNumber: #expect(reader is UniquePupilNumberReader)
                case .postcode: #expect(reader is PostcodeReader)
                case .uprn: #expect(reader is UPRNReader)
                case .schoolURN: #expect(reader is SchoolURNReader)
                case .phone: #expect(reader is PhoneReader)
                case .email: #expect(reader is EmailReader)
                case .integer: #expect(reader is IntegerReader)
                case .flag: #expect(reader is FlagReader)
                case .code: #expect(reader is CodeReader)
                case .identifier: #expect(reader is IdentifierReader)
                }
            }
        }

        /// A normalised value reads back as itself, so normalising twice changes nothing.
        @Test(arguments: [
            (ValueKind.nhsNumber, "943 476 5919"), (.nhsNumber, "211165794"), (.uniquePupilNumber, "b801200005001"),
            (.postcode, "sw1a1aa"), (.postcode, "zz99 3vz"), (.postcode, "bfpo 57"), (.date, "5 July 2011"), (.date, "40729"),
            (.dateOfBirth, "12/25/1990"), (.phone, "+44 (0)20 7946 0123"), (.phone, "7700900123"), (.phone, "+33 6 12 34 56 78"),
            (.email, "Jane.Doe@Example.org"), (.name, "Mrs JANE O'NEILL-MCDONALD"), (.name, "ŁUKASZ STRAUß"), (.integer, "+007"),
            (.flag, "Yes"), (.uprn, "000000199356"), (.schoolURN, " 123456 "), (.text, " note "), (.identifier, " ID-1 "),
        ])
        func normalisedValuesReadBackAsThemselves(_ kind: ValueKind, _ text: String) throws {
            let reader = ValueReaders.reader(for: entry(kind))
            let normalised = try #require(reader.read(text, context: ValueReaderFixture.dayFirst).normalised)
            #expect(reader.read(normalised, context: ValueReaderFixture.dayFirst).normalised == normalised)
        }

        @Test func givesCodedColumnsTheirAllowedValues() {
            let allowed = [AllowedValue(code: "Y1", label: "Transport not available")]
            let reader = ValueReaders.reader(for: entry(.code, allowed: allowed))
            #expect((reader as? CodeReader)?.allowed == allowed)
            #expect(reader.read("y1", context: ValueReaderFixture.dayFirst).normalised == "Y1")
        }

        @Test func datesOfBirthAreCheckedAgainstTheReferenceDate() {
            let births = ValueReaders.reader(for: entry(.dateOfBirth))
            let dates = ValueReaders.reader(for: entry(.date))
            #expect(births.read("01/01/2030", context: ValueReaderFixture.dayFirst).normalised == nil)
            #expect(dates.read("01/01/2030", context: ValueReaderFixture.dayFirst).normalised == "2030-01-01")
        }
    }
}
