import KithLinkage
import Testing

extension Phonetics {
    /// NYSIIS against jellyfish 1.3 (the `nysiis_*` columns of name-vectors.csv, not `nysiis_original_*`).
    @Suite struct NYSIISTests {
        let nysiis = NYSIIS()

        @Test func matchesEverySideOfTheNameVectors() throws {
            let sides = try PhoneticVectors.sides()
            #expect(sides.count == 2 * PhoneticVectors.pairCount)
            var matched = 0
            for side in sides {
                let expected = try side("nysiis")
                let code = nysiis.encode(side.key)
                #expect(code == expected, "\(side.label) \(side.name) (\(side.key))")
                if code == expected { matched += 1 }
            }
            #expect(matched == 2 * PhoneticVectors.pairCount)
        }

        /// Values from jellyfish 1.3.0: the start and end rules, W after a vowel copying it as written, no truncation.
        @Test(arguments: [
            ("A", "A"), ("K", "C"), ("KN", "N"), ("KNIGHT", "NAGT"), ("MACINTOSH", "MCANT"), ("PHILLIPSON", "FALAPSAN"),
            ("PFEIFFER", "FAFAR"), ("SCHMIDT", "SNAD"), ("SCHOENHOEFT", "SANAFT"), ("JEFFREYS", "JAFRY"), ("MCKNIGHT", "MCNAGT"),
            ("HEITSCHMIDT", "HATSSNAD"), ("EVANS", "EVAN"), ("BOWMAN", "BAONAN"), ("KEEVA", "CAAF"), ("LLEWELLYN", "LAEALYN"),
            ("WOJCIECHOWSKI", "WAJCACAOSC"), ("CHOWDHURY", "CAODARY"), ("NT", "D"), ("IE", "Y"), ("ROBERT", "RABAD"),
        ])
        func codesTheClassicExamples(_ key: String, expected: String) {
            #expect(nysiis.encode(key) == expected)
        }

        @Test func givesNothingForAKeyWithoutLetters() {
            #expect(nysiis.encode("") == "")
            #expect(nysiis.encode("  -'") == "")
            #expect(nysiis.encode("日本") == "")
        }

        @Test func readsOnlyTheLettersOfAnyText() {
            #expect(nysiis.encode("O'Neill") == "ONAL")
            #expect(nysiis.encode("stephen") == "STAFAN")
            #expect(nysiis.encode("Siobh\u{E1}n") == nysiis.encode("SIOBHN"))
        }
    }
}
