import Foundation
import KithStandard
import KithTestSupport
import Testing

extension Values {
    /// Names: display form, title removal, case fixing, and the matching keys of the research note's
    /// `name-vectors.csv` (uk-data.md §4).
    @Suite struct NameNormaliserTests {
        @Test(arguments: [
            ("O'NEILL", "O'Neill"), ("o'neill", "O'Neill"), ("smith-jones", "Smith-Jones"), ("MCDONALD", "McDonald"),
            ("MACDONALD", "MacDonald"), ("macleod", "MacLeod"), ("MACKIE", "Mackie"), ("MACHIN", "Machin"), ("MACEY", "Macey"),
            ("MACE", "Mace"), ("MACIAS", "Macias"), ("D'ARCY", "D'Arcy"), ("O\u{2019}NEILL", "O\u{2019}Neill"),
            ("ANNE-MARIE", "Anne-Marie"), ("JOHN   SMITH", "John Smith"), ("  jane\tsmith ", "Jane Smith"), ("J.R. SMITH", "J.R. Smith"),
            ("SIOBHÁN", "Siobhán"), ("ní bhriain", "Ní Bhriain"), ("ŁUKASZ", "Łukasz"), ("STRAUSS", "Strauss"), ("STRAUß", "STRAUß"),
            ("McDonald", "McDonald"), ("deSouza", "deSouza"), ("van der Berg", "van der Berg"), ("DE LA CRUZ", "De La Cruz"),
            ("SMITH 2", "Smith 2"), ("İBRAHİM", "İbrahim"), ("", ""), ("   ", ""),
        ])
        func tidiesTheDisplayForm(_ text: String, expected: String) {
            #expect(NameNormaliser.normalise(text).display == expected)
        }

        @Test func composesDecomposedLetters() {
            let name = NameNormaliser.normalise("Zoe\u{308}")
            #expect(name.display == "Zo\u{EB}")
            #expect(name.display.unicodeScalars.count == 3)
            #expect(name.key == "ZOE")
        }

        @Test(arguments: [
            ("Mrs Jane Smith", "Jane Smith", "Mrs"), ("MR. JOHN SMITH", "John Smith", "Mr"), ("dr jane smith", "Jane Smith", "Dr"),
            ("Prof Sir John Smith", "John Smith", "Prof Sir"), ("Revd. A Jones", "A Jones", "Revd"), ("Mx Sam Lee", "Sam Lee", "Mx"),
            ("Master Tom Lee", "Tom Lee", "Master"), ("Fr. Brown", "Brown", "Fr"), ("Dame Judi Dench", "Judi Dench", "Dame"),
            ("Miss\u{A0}Zoë Lee", "Zoë Lee", "Miss"),
        ])
        func removesLeadingTitles(_ text: String, display: String, title: String) {
            let name = NameNormaliser.normalise(text)
            #expect(name.display == display)
            #expect(name.title == title)
            #expect(!name.key.hasPrefix(title.uppercased().filter { $0 != " " }))
        }

        @Test(arguments: ["Mr", "Misses", "Smith Mr", "Mrsmith", "Drake", "Lordan"])
        func keepsTitleLikeWordsThatAreNotLeadingTitles(_ text: String) {
            let name = NameNormaliser.normalise(text)
            #expect(name.title == nil)
            #expect(name.display == text)
        }

        @Test(arguments: [
            ("Smith-Jones", ["SMITH", "JONES"]), ("Ní Bhriain", ["NI", "BHRIAIN"]), ("O'Neill", ["ONEILL"]),
            ("Mohammed Ali", ["MOHAMMED", "ALI"]), ("Anne - Marie", ["ANNE", "MARIE"]), ("Dr Zoë Smith\u{2013}Jones", ["ZOE", "SMITH", "JONES"]),
            ("", []),
        ])
        func splitsPartsAtSpacesAndHyphens(_ text: String, parts: [String]) {
            let name = NameNormaliser.normalise(text)
            #expect(name.parts == parts)
            #expect(name.key == parts.joined())
        }

        @Test(arguments: [
            ("Bjørn", "BJORN"), ("Æthelred", "AETHELRED"), ("Œuvre", "OEUVRE"), ("Strauß", "STRAUSS"), ("Łukasz", "LUKASZ"),
            ("Đorđe", "DORDE"), ("Guðrún", "GUDRUN"), ("Þór", "THOR"), ("Yıldız", "YILDIZ"), ("Ħal", "HAL"), ("Nguyễn", "NGUYEN"),
            ("Ｊｏｈｎ", "JOHN"), ("Ĳsbrand", "IJSBRAND"), ("Мария", ""),
        ])
        func foldsLettersToASCIIKeys(_ text: String, key: String) {
            #expect(NameNormaliser.normalise(text).key == key)
        }

        /// Every name in `name-vectors.csv` gets the note's key.
        @Test func matchesEveryKeyInTheNameVectors() throws {
            let rows = try NameVectors.rows()
            #expect(rows.count == 59)
            for row in rows {
                for (name, key) in [(row["name_a"]!, row["key_a"]!), (row["name_b"]!, row["key_b"]!)] {
                    let normalised = NameNormaliser.normalise(name)
                    #expect(normalised.key == key, "pair \(row["pair_id"]!): \(name)")
                    #expect(normalised.parts.joined() == key, "pair \(row["pair_id"]!): \(name)")
                }
            }
        }
    }
}
