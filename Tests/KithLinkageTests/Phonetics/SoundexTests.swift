import KithLinkage
import Testing

extension Phonetics {
    /// American Soundex against jellyfish 1.3 (the `soundex_*` columns of name-vectors.csv).
    @Suite struct SoundexTests {
        let soundex = Soundex()

        @Test func matchesEverySideOfTheNameVectors() throws {
            let sides = try PhoneticVectors.sides()
            #expect(sides.count == 2 * PhoneticVectors.pairCount)
            var matched = 0
            for side in sides {
                let expected = try side("soundex")
                let code = soundex.encode(side.key)
                #expect(code == expected, "\(side.label) \(side.name) (\(side.key))")
                if code == expected { matched += 1 }
            }
            #expect(matched == 2 * PhoneticVectors.pairCount)
        }

        /// Values from jellyfish 1.3.0.
        @Test(arguments: [
            ("ROBERT", "R163"), ("RUPERT", "R163"), ("RUBIN", "R150"), ("ASHCRAFT", "A261"), ("ASHCROFT", "A261"),
            ("TYMCZAK", "T522"), ("PFISTER", "P236"), ("HONEYMAN", "H555"), ("LEE", "L000"), ("A", "A000"), ("W", "W000"),
            ("HW", "H000"), ("BJORN", "B265"), ("GUTIERREZ", "G362"), ("JACKSON", "J250"), ("VANDEUSEN", "V532"),
        ])
        func codesTheClassicExamples(_ key: String, expected: String) {
            #expect(soundex.encode(key) == expected)
        }

        @Test func givesNothingForAKeyWithoutLetters() {
            #expect(soundex.encode("") == "")
            #expect(soundex.encode("  -'") == "")
            #expect(soundex.encode("日本") == "")
        }

        @Test func readsOnlyTheLettersOfAnyText() {
            #expect(soundex.encode("O'Neill") == "O540")
            #expect(soundex.encode("ashcraft") == "A261")
            #expect(soundex.encode("Zoe\u{308}") == "Z000")
            #expect(soundex.encode("Smith-Jones 2") == soundex.encode("SMITHJONES"))
        }
    }
}
