private typealias Letter = PhoneticLetter

/// American Soundex: the first letter of the name and three digits for the consonant sounds that follow, padded with
/// zeros (`ROBERT`, `RUPERT` → `R163`). The oldest and coarsest of the codes, for blocking on surnames, where it groups
/// spellings such as `SMITH` / `SMYTH` / `SCHMIDT` (`S530`).
///
/// It follows the American (NARA) rules as jellyfish 1.3 codes them, and agrees with every `soundex_a` / `soundex_b`
/// in the research note's `name-vectors.csv` (uk-data.md §4):
/// - letters coded the same next to each other count once, and so do two separated only by `H` or `W`
///   (`ASHCRAFT` → `A261`, not `A226`); a vowel (or `Y`) between them makes them count twice (`TYMCZAK` → `T522`);
/// - the first letter's own code counts as the one before the second letter (`PFISTER` → `P236`);
/// - codes are always four characters (`LEE` → `L000`), and an empty key gives `""` (not `0000`).
public struct Soundex: PhoneticEncoder {
    public init() {}

    /// The Soundex code of a matching key; `""` when the key has no letter `A`–`Z`.
    public func encode(_ key: String) -> String {
        PhoneticScratch.with(key) { scratch in
            guard scratch.count > 0 else { return "" }
            let letters = scratch.letters
            let code = scratch.first
            code[0] = letters[0]
            var length = 1
            var last = Self.digit(letters[0])
            var index = 1
            while index < scratch.count && length < 4 {
                let letter = letters[index]
                let digit = Self.digit(letter)
                if digit != Letter.zero {
                    if digit != last {
                        code[length] = digit
                        length += 1
                    }
                    last = digit
                } else if letter != Letter.h && letter != Letter.w {
                    last = Letter.zero
                }
                index += 1
            }
            while length < 4 {
                code[length] = Letter.zero
                length += 1
            }
            return PhoneticScratch.string(code, count: 4)
        }
    }

    /// The digit of a capital letter as an ASCII byte; `0` for the vowels, `Y`, `H` and `W`, which have none.
    @inline(__always)
    private static func digit(_ letter: UInt8) -> UInt8 {
        // A B C D E F G H I J K L M N O P Q R S T U V W X Y Z
        let table: StaticString = "01230120022455012623010202"
        return table.utf8Start[Int(letter &- Letter.a)]
    }
}
