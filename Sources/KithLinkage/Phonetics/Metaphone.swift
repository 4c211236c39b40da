private typealias Letter = PhoneticLetter

/// Metaphone (Lawrence Philips, 1990): a code of consonant sounds that knows more English spelling than Soundex or
/// NYSIIS — `PH` → `F`, `TH` → `0` (zero, for the "th" sound), `SH` / `CH` / `TIO` → `X`, soft `C` and `G`, silent `K`
/// in `KN`, `GH` before a consonant — and keeps only a vowel that starts the name (`THOMPSON` → `0MPSN`,
/// `CATHERINE` → `K0RN`, `SIOBHAN` → `XBHN`). For comparing names that sound alike; ``DoubleMetaphone`` is its
/// successor and usually the better choice.
///
/// It follows jellyfish 1.3's `metaphone`, untruncated, and agrees with every `metaphone_a` / `metaphone_b` in the
/// research note's `name-vectors.csv` (uk-data.md §4). As there: a leading `KN`, `GN`, `PN`, `WR` or `AE` loses its
/// first letter; a doubled letter counts once, except `CC`; `GH` is silent before a consonant and at the end
/// (`LEIGH` → `L`, as in jellyfish 1.3; 1.2 gave `LKH`).
public struct Metaphone: PhoneticEncoder {
    public init() {}

    /// The Metaphone code of a matching key; `""` when the key has no letter `A`–`Z`.
    public func encode(_ key: String) -> String {
        PhoneticScratch.with(key) { scratch in
            var name = scratch.letters
            var count = scratch.count
            guard count > 0 else { return "" }
            if count >= 2 {
                switch (name[0], name[1]) {
                case (Letter.k, Letter.n), (Letter.g, Letter.n), (Letter.p, Letter.n), (Letter.w, Letter.r), (Letter.a, Letter.e):
                    name += 1
                    count -= 1
                default:
                    break
                }
            }
            let code = scratch.first
            var length = 0
            @inline(__always) func add(_ letter: UInt8) {
                code[length] = letter
                length += 1
            }
            var index = 0
            while index < count {
                let letter = name[index]
                let next: UInt8 = index + 1 < count ? name[index + 1] : 0
                let afterNext: UInt8 = index + 2 < count ? name[index + 2] : 0
                // A doubled letter counts once (the second is read), except CC.
                if letter == next && letter != Letter.c {
                    index += 1
                    continue
                }
                switch letter {
                case Letter.a, Letter.e, Letter.i, Letter.o, Letter.u:
                    if index == 0 { add(letter) }
                case Letter.b:
                    // Silent in a final MB (DUMB).
                    if index == 0 || name[index - 1] != Letter.m || next != 0 { add(Letter.b) }
                case Letter.c:
                    if (next == Letter.i && afterNext == Letter.a) || next == Letter.h {
                        index += 1
                        add(Letter.x)
                    } else if Self.isIEY(next) {
                        index += 1
                        add(Letter.s)
                    } else {
                        add(Letter.k)
                    }
                case Letter.d:
                    if next == Letter.g && Self.isIEY(afterNext) {
                        index += 2
                        add(Letter.j)
                    } else {
                        add(Letter.t)
                    }
                case Letter.f, Letter.j, Letter.l, Letter.m, Letter.n, Letter.r:
                    add(letter)
                case Letter.g:
                    if Self.isIEY(next) {
                        add(Letter.j)
                    } else if (next == Letter.h && !Letter.isVowel(afterNext)) || (next == Letter.n && afterNext == 0) {
                        // Silent, with the H: GH before a consonant or at the end (NIGHT, HUGH; jellyfish 1.2 gave
                        // a final GH as KH), and a final GN (SIGN).
                        index += 1
                    } else {
                        add(Letter.k)
                    }
                case Letter.h:
                    if index == 0 || Letter.isVowel(next) || !Letter.isVowel(name[index - 1]) { add(Letter.h) }
                case Letter.k:
                    if index == 0 || name[index - 1] != Letter.c { add(Letter.k) }
                case Letter.p:
                    if next == Letter.h {
                        index += 1
                        add(Letter.f)
                    } else {
                        add(Letter.p)
                    }
                case Letter.q:
                    add(Letter.k)
                case Letter.s:
                    if next == Letter.h {
                        index += 1
                        add(Letter.x)
                    } else if next == Letter.i && (afterNext == Letter.o || afterNext == Letter.a) {
                        index += 2
                        add(Letter.x)
                    } else {
                        add(Letter.s)
                    }
                case Letter.t:
                    if next == Letter.i && (afterNext == Letter.o || afterNext == Letter.a) {
                        add(Letter.x)
                    } else if next == Letter.h {
                        index += 1
                        add(Letter.zero)
                    } else if next != Letter.c || afterNext != Letter.h {
                        add(Letter.t)
                    }
                case Letter.v:
                    add(Letter.f)
                case Letter.w:
                    if index == 0 && next == Letter.h {
                        index += 1
                        add(Letter.w)
                    } else if Letter.isVowel(next) {
                        add(Letter.w)
                    }
                case Letter.x:
                    if index == 0 {
                        let isX = next == Letter.h || (next == Letter.i && (afterNext == Letter.o || afterNext == Letter.a))
                        add(isX ? Letter.x : Letter.s)
                    } else {
                        add(Letter.k)
                        add(Letter.s)
                    }
                case Letter.y:
                    if Letter.isVowel(next) { add(Letter.y) }
                case Letter.z:
                    add(Letter.s)
                default:
                    break
                }
                index += 1
            }
            return PhoneticScratch.string(code, count: length)
        }
    }

    /// `I`, `E` or `Y`: the letters that soften `C` and `G`.
    @inline(__always)
    private static func isIEY(_ letter: UInt8) -> Bool {
        letter == Letter.i || letter == Letter.e || letter == Letter.y
    }
}
