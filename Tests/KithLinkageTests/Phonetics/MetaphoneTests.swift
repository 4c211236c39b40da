import KithLinkage
import Testing

extension Phonetics {
    /// Metaphone against jellyfish 1.3 (the `metaphone_*` columns of name-vectors.csv).
    @Suite struct MetaphoneTests {
        let metaphone = Metaphone()

        @Test func matchesEverySideOfTheNameVectors() throws {
            let sides = try PhoneticVectors.sides()
            #expect(sides.count == 2 * PhoneticVectors.pairCount)
            var matched = 0
            for side in sides {
                let expected = try side("metaphone")
                let code = metaphone.encode(side.key)
                #expect(code == expected, "\(side.label) \(side.name) (\(side.key))")
                if code == expected { matched += 1 }
            }
            #expect(matched == 2 * PhoneticVectors.pairCount)
        }

        /// Values from jellyfish 1.3.0, one or more per rule (a final GH is silent, as from 1.3).
        @Test(arguments: [
            ("A", "A"), ("B", "B"), ("KNIGHT", "NT"), ("GNAW", "N"), ("WRITE", "RT"), ("AEBERSOLD", "EBRSLT"), ("XAVIER", "SFR"),
            ("XHOSA", "XHS"), ("WHITE", "WT"), ("DUMB", "TM"), ("SCIENCE", "SSNS"), ("CIA", "X"), ("DODGE", "TJ"), ("NIGHT", "NT"),
            ("HIGH", "H"), ("LAUGH", "L"), ("SIGN", "S"), ("SIGNS", "SKNS"), ("THOMPSON", "0MPSN"), ("MATCH", "MX"),
            ("ACCENT", "AKSNT"), ("SHAW", "X"), ("TIARA", "XR"), ("NATION", "NXN"), ("BOX", "BKS"), ("YES", "YS"),
            ("ROBERT", "RBRT"), ("RUPERT", "RPRT"),
        ])
        func codesTheClassicExamples(_ key: String, expected: String) {
            #expect(metaphone.encode(key) == expected)
        }

        @Test func givesNothingForAKeyWithoutLetters() {
            #expect(metaphone.encode("") == "")
            #expect(metaphone.encode("  -'") == "")
            #expect(metaphone.encode("日本") == "")
        }

        @Test func readsOnlyTheLettersOfAnyText() {
            #expect(metaphone.encode("O'Neill") == "ONL")
            #expect(metaphone.encode("thompson") == "0MPSN")
            #expect(metaphone.encode("Bj\u{F8}rn") == metaphone.encode("BJRN"))
        }
    }
}
