import KithStandard
import Testing

extension Values {
    /// UK postcodes: normalisation, the STRICT and LENIENT patterns and their sample verdicts (uk-data.md §2).
    @Suite struct PostcodeReaderTests {
        let reader = PostcodeReader()

        func read(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> ValueReading {
            ValueReaderFixture.read(text, with: reader, sourceLocation: sourceLocation)
        }

        @Test(arguments: [
            ("sw1a-1aa", "SW1A 1AA"), ("SW1A\u{A0}1AA", "SW1A 1AA"), ("S W 1 A 1 A A", "SW1A 1AA"), ("M11AE", "M1 1AE"),
            (" sw1a 1aa ", "SW1A 1AA"), ("SW1A.1AA", "SW1A 1AA"), ("m1 1ae", "M1 1AE"),
        ])
        func normalises(_ text: String, expected: String) {
            let reading = read(text)
            #expect(reading.normalised == expected)
            #expect(reading.problems.isEmpty)
        }

        /// Current-format postcodes of every outward shape: A9, A99, A9A, AA9, AA99, AA9A.
        @Test(arguments: [
            "M1 1AE", "B33 8TH", "W1A 0AX", "CR2 6XH", "DN55 1PT", "EC1A 1BB", "W1E 1AA", "EH1 1YZ", "BT1 1AA", "JE2 4WB",
            "SW1A 1AA",
        ])
        func acceptsTheCurrentFormat(_ postcode: String) {
            let reading = read(postcode)
            #expect(reading.normalised == postcode)
            #expect(reading.problems.isEmpty)
        }

        @Test func givesAreaDistrictAndSector() {
            #expect(read("sw1a1aa").facts == ["area": "SW", "district": "SW1A", "sector": "SW1A 1"])
            #expect(read("M1 1AE").facts == ["area": "M", "district": "M1", "sector": "M1 1"])
            #expect(read("DN55 1PT").facts == ["area": "DN", "district": "DN55", "sector": "DN55 1"])
        }

        /// LENIENT but not STRICT: the note's sample verdicts, and other letter-rule breaks.
        @Test(arguments: [
            "QA1 1AA",  // Q cannot come first
            "AI1 1AA",  // I cannot come second
            "M1 1AI",  // I is not an inward letter
            "M1 1CA",  // nor is C
            "VA1 1AA", "XA1 1AA", "AZ1 1AA", "AJ1 1AA",  // V, X first; Z, J second
            "A1I 1AA",  // I cannot come third in A9A
            "AA1C 1AA",  // C cannot come fourth in AA9A
            "W1M 1AA",  // an old London W1 district
        ])
        func warnsAboutPostcodesOutsideTheCurrentFormat(_ postcode: String) {
            let reading = read(postcode)
            #expect(reading.normalised == postcode)
            #expect(ValueReaderFixture.checks(reading) == ["postcode.not-current-format"])
            #expect(reading.problems.first?.severity == .warning)
        }

        @Test(arguments: [
            "NPT 1AA",  // the old Newport format is not even LENIENT
            "EC1A", "1AA", "SW1A 1A", "SW1A 11A", "SW1AA 1AA", "12 1AA", "ABC1 1AA", "SW1A 1AA 2", "Not known", "N/A", "é",
        ])
        func refusesWhatIsNotAPostcode(_ text: String) {
            let reading = read(text)
            #expect(ValueReaderFixture.checks(reading) == ["postcode.invalid"])
            #expect(reading.problems.first?.severity == .error)
        }

        @Test func suggestsARepairWhenALetterAndADigitWereMixedUp() {
            #expect(read("SW1A OAA").problems.first?.suggestion == "SW1A 0AA")
            #expect(read("M1 IAE").problems.first?.suggestion == "M1 1AE")
        }

        @Test(arguments: [
            ("ZZ99 3VZ", "no fixed abode"), ("zz993wz", "address not known"), ("ZZ99 3CZ", "England, not otherwise specified"),
            ("ZZ99 1WZ", "Scotland, not otherwise specified"), ("ZZ99 5AB", "lives abroad or address not known"),
        ])
        func flagsNHSPseudoPostcodes(_ text: String, meaning: String) {
            let reading = read(text)
            #expect(ValueReaderFixture.checks(reading) == ["postcode.pseudo"])
            #expect(reading.problems.first?.severity == .warning)
            #expect(reading.facts == ["pseudo": meaning])
            #expect(reading.normalised?.hasPrefix("ZZ99 ") == true)
        }

        @Test(arguments: [("GIR 0AA", "GIR 0AA"), ("gir0aa", "GIR 0AA"), ("ASCN 1ZZ", "ASCN 1ZZ"), ("TDCU1ZZ", "TDCU 1ZZ"), ("GX11 1AA", "GX11 1AA")])
        func acceptsSpecialCases(_ text: String, expected: String) {
            let reading = read(text)
            #expect(reading.normalised == expected)
            #expect(reading.problems.isEmpty)
        }

        @Test(arguments: [("BFPO 1", "BFPO 1"), ("bfpo 801", "BFPO 801"), ("BFPO9999", "BFPO 9999"), ("BFPO 0057", "BFPO 57")])
        func acceptsBFPONumbers(_ text: String, expected: String) {
            let reading = read(text)
            #expect(reading.normalised == expected)
            #expect(reading.problems.isEmpty)
            #expect(reading.facts["area"] == "BFPO")
        }

        @Test(arguments: ["BFPO 0", "BFPO 12345"])
        func refusesBFPONumbersOutOfRange(_ text: String) {
            #expect(ValueReaderFixture.checks(read(text)) == ["postcode.invalid"])
        }
    }
}
