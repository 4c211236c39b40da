import KithLinkage
import Testing

extension Phonetics {
    /// Double Metaphone against the C++ DoubleMetaphone 1.2 (the `dmetaphone_primary_*` and `dmetaphone_secondary_*`
    /// columns of name-vectors.csv).
    @Suite struct DoubleMetaphoneTests {
        let doubleMetaphone = DoubleMetaphone()

        @Test func matchesEverySideOfTheNameVectors() throws {
            let sides = try PhoneticVectors.sides()
            #expect(sides.count == 2 * PhoneticVectors.pairCount)
            var matched = 0
            for side in sides {
                let expected = (primary: try side("dmetaphone_primary"), secondary: try side("dmetaphone_secondary"))
                let codes = doubleMetaphone.codes(side.key)
                #expect(codes.primary == expected.primary, "primary, \(side.label) \(side.name) (\(side.key))")
                #expect(codes.secondary == expected.secondary, "secondary, \(side.label) \(side.name) (\(side.key))")
                #expect(doubleMetaphone.encode(side.key) == expected.primary, "encode, \(side.label) \(side.key)")
                if codes == expected { matched += 1 }
            }
            #expect(matched == 2 * PhoneticVectors.pairCount)
        }

        /// Philips' own examples for his rules, with the codes DoubleMetaphone 1.2 (C++) gives them.
        @Test(arguments: [
            ("CAESAR", "SSR", "SSR"), ("CHIANTI", "KNT", "KNT"), ("MICHAEL", "MKL", "MXL"), ("CHEMISTRY", "KMSTR", "KMSTR"),
            ("ORCHESTRA", "ARKSTR", "ARKSTR"), ("ARCHITECT", "ARKTKT", "ARKTKT"), ("WACHTLER", "AKTLR", "FKTLR"), ("MCHUGH", "MK", "MK"),
            ("CZERNY", "SRN", "XRN"), ("FOCACCIA", "FKX", "FKX"), ("MCCLELLAN", "MKLLN", "MKLLN"), ("BELLOCCHIO", "PLX", "PLX"),
            ("BACCHUS", "PKS", "PKS"), ("ACCIDENT", "AKSTNT", "AKSTNT"), ("SUCCEED", "SKST", "SKST"), ("BERTUCCI", "PRTX", "PRTX"),
            ("EDGE", "AJ", "AJ"), ("EDGAR", "ATKR", "ATKR"), ("GHISLANE", "JLN", "JLN"), ("HUGH", "H", "H"), ("BROUGHTON", "PRTN", "PRTN"),
            ("LAUGH", "LF", "LF"), ("MCLAUGHLIN", "MKLFLN", "MKLFLN"), ("CAGNEY", "KKN", "KKN"), ("AGNES", "AKNS", "ANS"),
            ("TAGLIARO", "TKLR", "TLR"), ("GERMAN", "KRMN", "JRMN"), ("DANGER", "TNJR", "TNKR"), ("BIAGGI", "PJ", "PK"), ("JOSE", "HS", "HS"),
            ("SANJACINTO", "SNJSNT", "SNJSNT"), ("YANKELOVICH", "ANKLFX", "ANKLFK"), ("BAJADOR", "PJTR", "PHTR"),
            ("CABRILLO", "KPRL", "KPR"), ("GALLEGOS", "KLKS", "KKS"), ("DUMB", "TM", "TM"), ("CAMPBELL", "KMPL", "KMPL"),
            ("ROGIER", "RJ", "RJR"), ("HOCHMEIER", "HKMR", "HKMR"), ("ISLAND", "ALNT", "ALNT"), ("CARLISLE", "KRLL", "KRLL"),
            ("SUGAR", "XKR", "SKR"), ("SNIDER", "SNTR", "XNTR"), ("SCHNEIDER", "XNTR", "SNTR"), ("SCHOOL", "SKL", "SKL"),
            ("SCHENKER", "XNKR", "SKNKR"), ("RESNAIS", "RSN", "RSNS"), ("ARTOIS", "ART", "ARTS"), ("THOMAS", "TMS", "TMS"),
            ("THAMES", "TMS", "TMS"), ("WASSERMAN", "ASRMN", "FSRMN"), ("ARNOW", "ARN", "ARNF"), ("FILIPOWICZ", "FLPTS", "FLPFX"),
            ("BREAUX", "PR", "PR"), ("ZHAO", "J", "J"), ("ZOLTAN", "SLTN", "SLTN"), ("XAVIER", "SF", "SFR"), ("KNIGHT", "NT", "NT"),
            ("GNOME", "NM", "NM"), ("PSYCHE", "SX", "SK"), ("WRIGHT", "RT", "RT"), ("GOUGH", "KF", "KF"), ("HOLZSCHUH", "HLSX", "HLSX"),
        ])
        func codesPhilipsExamples(_ key: String, primary: String, secondary: String) {
            let codes = doubleMetaphone.codes(key)
            #expect(codes.primary == primary)
            #expect(codes.secondary == secondary)
        }

        @Test func givesNothingForAKeyWithoutLetters() {
            #expect(doubleMetaphone.codes("") == ("", ""))
            #expect(doubleMetaphone.codes("  -'") == ("", ""))
            #expect(doubleMetaphone.codes("日本") == ("", ""))
            #expect(doubleMetaphone.encode("") == "")
        }

        @Test func codesASingleLetter() {
            #expect(doubleMetaphone.codes("A") == ("A", "A"))
            #expect(doubleMetaphone.codes("B") == ("P", "P"))
            #expect(doubleMetaphone.codes("H") == ("", ""))
            #expect(doubleMetaphone.codes("X") == ("S", "S"))
        }

        @Test func readsOnlyTheLettersOfAnyText() {
            #expect(doubleMetaphone.codes("O'Neill") == ("ANL", "ANL"))
            #expect(doubleMetaphone.codes("schmidt") == ("XMT", "SMT"))
            #expect(doubleMetaphone.codes("Wojciechowski-Nowak") == doubleMetaphone.codes("WOJCIECHOWSKINOWAK"))
        }

        /// The C++ cuts both codes to 32 characters; 4 gives Philips' first release and Apache Commons Codec.
        @Test func cutsCodesAsAsked() {
            let long = String(repeating: "ABCDEFGHIJKLMNOPQRSTUVWXYZ", count: 3)
            let codes = doubleMetaphone.codes(long)
            #expect(codes.primary == "APKTFKKLMNPKRSTFKSSPKTFKKLMNPKRS")
            #expect(codes.secondary == "APKTFKKLMNPKRSTFKSTSPKTFKKLMNPKR")
            let uncut = DoubleMetaphone(maximumLength: nil).codes(long)
            #expect(uncut.primary.count > 32 && uncut.primary.hasPrefix(codes.primary))
            #expect(DoubleMetaphone(maximumLength: 4).codes("ASHCRAFT") == ("AXKR", "AXKR"))
            #expect(DoubleMetaphone(maximumLength: nil).codes("ASHCRAFT") == ("AXKRFT", "AXKRFT"))
        }

        @Test func meetsSoundAlikesThroughEitherCode() {
            let schmidt = doubleMetaphone.codes("SCHMIDT")
            let smith = doubleMetaphone.codes("SMITH")
            #expect(schmidt.primary == smith.secondary)
            let siobhan = doubleMetaphone.codes("SIOBHAN")
            let shivaun = doubleMetaphone.codes("SHIVAUN")
            #expect(Set([siobhan.primary, siobhan.secondary]).isDisjoint(with: [shivaun.primary, shivaun.secondary]))
        }
    }
}
