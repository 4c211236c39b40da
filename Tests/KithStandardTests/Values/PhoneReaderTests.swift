import KithStandard
import Testing

extension Values {
    /// UK telephone numbers (Ofcom's numbers for drama: 07700 900xxx, 01632 960xxx, 020 7946 0xxx, …).
    @Suite struct PhoneReaderTests {
        let reader = PhoneReader()

        func read(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> ValueReading {
            ValueReaderFixture.read(text, with: reader, sourceLocation: sourceLocation)
        }

        @Test(arguments: [
            "07700 900123", "07700900123", "07700-900-123", "07700.900.123", "(07700) 900123", "+44 7700 900123", "+447700900123",
            "0044 7700 900123", "+44 (0)7700 900123", "+44 07700 900123", "447700900123", " 07700 900 123 ", "07700\u{A0}900123",
            "0044 (0)7700 900123", "0044(0)7700900123", "00 44 7700 900123", "0044 07700 900123", "0044-7700-900123",
            "+44 (0) 7700 900123",
        ])
        func readsMobiles(_ text: String) {
            let reading = read(text)
            #expect(reading.normalised == "07700 900123")
            #expect(reading.problems.isEmpty)
            #expect(reading.facts == ["kind": "mobile"])
        }

        /// The one normal form that the Data Checker, import and linkage all use, without a reading context.
        @Test(
            arguments: [
                ("0044 7700 900123", "07700 900123"), ("0044 (0)7700 900123", "07700 900123"), ("+44 7700 900123", "07700 900123"),
                ("07700 900123", "07700 900123"), ("0044 20 7946 0123", "020 7946 0123"), ("+33 6 12 34 56 78", "+33 612345678"),
                ("0033 6 12 34 56 78", "+33 612345678"), ("phone me", nil), ("12345", nil),
            ] as [(String, String?)])
        func normalisesWithoutAContext(_ text: String, expected: String?) {
            #expect(PhoneReader.normalised(text) == expected)
            #expect(PhoneReader.normalised(text) == read(text).normalised)
        }

        @Test(arguments: [
            ("020 7946 0123", "020 7946 0123", "landline"), ("02079460123", "020 7946 0123", "landline"),
            ("+44 (0)20 7946 0123", "020 7946 0123", "landline"), ("(020) 7946 0123", "020 7946 0123", "landline"),
            ("029 2018 0123", "029 2018 0123", "landline"), ("0113 496 0123", "01134 960123", "landline"),
            ("01632 960123", "01632 960123", "landline"), ("016977 3456", "01697 73456", "landline"),
            ("0300 123 4567", "0300 123 4567", "non-geographic"), ("0808 157 0123", "0808 157 0123", "non-geographic"),
            ("0800 123 456", "0800 123 456", "non-geographic"), ("0845 123 4567", "0845 123 4567", "non-geographic"),
            ("0909 879 0123", "0909 879 0123", "premium"), ("07624 123456", "07624 123456", "mobile"),
            ("07000 123456", "07000 123456", "non-geographic"), ("07600 123456", "07600 123456", "non-geographic"),
        ])
        func groupsEachKindOfNumber(_ text: String, expected: String, kind: String) {
            let reading = read(text)
            #expect(reading.normalised == expected)
            #expect(reading.problems.isEmpty)
            #expect(reading.facts["kind"] == kind)
        }

        @Test(arguments: ["020 7946 0123 ext 45", "020 7946 0123 x45", "020 7946 0123 Ext. 45", "020 7946 0123 #45", "02079460123 extension: 45"])
        func keepsExtensionsApart(_ text: String) {
            let reading = read(text)
            #expect(reading.normalised == "020 7946 0123")
            #expect(reading.facts["extension"] == "45")
            #expect(reading.problems.isEmpty)
        }

        @Test(arguments: [("7700900123", "07700 900123"), ("2079460123", "020 7946 0123"), ("1632960123", "01632 960123")])
        func restoresTheLeadingZeroExcelDropped(_ text: String, expected: String) {
            let reading = read(text)
            #expect(reading.normalised == expected)
            #expect(ValueReaderFixture.checks(reading) == ["phone.missing-leading-zero"])
            #expect(reading.problems.first?.severity == .warning)
            #expect(reading.problems.first?.suggestion == expected)
            #expect(ValueReaderFixture.checks(read("0" + text)).isEmpty)
        }

        @Test(arguments: [
            ("+33 6 12 34 56 78", "+33 612345678", "33"), ("+1 (202) 555-0123", "+1 2025550123", "1"),
            ("00353 1 234 5678", "+353 12345678", "353"), ("+91 98765 43210", "+91 9876543210", "91"),
        ])
        func keepsOtherCountriesNumbersWithAWarning(_ text: String, expected: String, code: String) {
            let reading = read(text)
            #expect(reading.normalised == expected)
            #expect(ValueReaderFixture.checks(reading) == ["phone.not-uk"])
            #expect(reading.problems.first?.severity == .warning)
            #expect(reading.facts["country-code"] == code)
            #expect(ValueReaderFixture.checks(read("+44 20 7946 0123")).isEmpty)
        }

        @Test(arguments: [
            "0770090012",  // 10 digits, and mobiles have 11
            "077009001234",  // 12 digits
            "07700 900123 07700 900456",  // two numbers
            "07700 900123 or 07700 900456",
            "phone me",
            "07700 9OO123",  // letter O for zero
            "0400 123 4567",  // no UK numbers start 04
            "0600 123 4567",
            "12345",
            "+44 123",
            "+",
            "020 7946 0123 ext",
            "07700 + 900123",
        ])
        func refusesWhatIsNotAPhoneNumber(_ text: String) {
            let reading = read(text)
            #expect(ValueReaderFixture.checks(reading) == ["phone.invalid"])
            #expect(reading.problems.first?.severity == .error)
        }
    }
}
