private typealias Letter = PhoneticLetter

/// NYSIIS (New York State Identification and Intelligence System): a code made of letters that keeps more of a name
/// than Soundex — every vowel sound becomes `A`, and common spellings of one sound are folded (`PH` → `F`, `SCH` → `SS`,
/// `K` → `C`, `M` → `N`). For comparing and blocking on names that sound alike (`STEPHEN` / `STEVEN` → `STAFAN`,
/// `MOHAMMED` / `MUHAMMAD` → `MAHANAD`).
///
/// Implementations differ (uk-data.md §4). This one is jellyfish 1.3's, and agrees with every `nysiis_a` /
/// `nysiis_b` in the research note's `name-vectors.csv`:
/// - the code is never truncated (Taft's original keeps six characters);
/// - each letter is translated from the untranslated letters around it, and a `W` after a vowel copies that vowel
///   as written (`WOJCIECHOWSKI` → `WAJCACAOSC`, `LLEWELLYN` → `LAEALYN`, `CHOWDHURY` → `CAODARY`), where the original
///   algorithm, as abydos codes it, gives `WAJCACASC`, `LALYN` and `CADARY` (the `nysiis_original_*` columns, which
///   this type does not reproduce);
/// - a translation is added only when its last letter differs from the code's last letter; then a final `S` is
///   dropped, a final `AY` becomes `Y` and a final `A` is dropped (a one-letter code is kept as it is).
public struct NYSIIS: PhoneticEncoder {
    public init() {}

    /// The NYSIIS code of a matching key; `""` when the key has no letter `A`–`Z`.
    public func encode(_ key: String) -> String {
        PhoneticScratch.with(key) { scratch in
            let length = scratch.count
            guard length > 0 else { return "" }
            let letters = scratch.letters
            // The tests on the name's start and end read the name as given, before either changes it.
            let endsInY = length >= 2 && Self.endsInY(letters[length - 2], letters[length - 1])
            let endsInD = length >= 2 && Self.endsInD(letters[length - 2], letters[length - 1])

            // 1. The start: MAC → MCC, KN → N, K → C, PH / PF → FF, SCH → SSS.
            var start = 0
            if Self.starts(letters, length, Letter.m, Letter.a, Letter.c) {
                letters[1] = Letter.c
            } else if Self.starts(letters, length, Letter.k, Letter.n) {
                start = 1
            } else if letters[0] == Letter.k {
                letters[0] = Letter.c
            } else if Self.starts(letters, length, Letter.p, Letter.h) || Self.starts(letters, length, Letter.p, Letter.f) {
                letters[0] = Letter.f
                letters[1] = Letter.f
            } else if Self.starts(letters, length, Letter.s, Letter.c, Letter.h) {
                letters[1] = Letter.s
                letters[2] = Letter.s
            }

            // 2. The end: IE / EE → Y; DT, RT, RD, NT, ND → D.
            var end = length
            if endsInY || endsInD {
                end = max(start, end - 2)
                letters[end] = endsInY ? Letter.y : Letter.d
                end += 1
            }
            guard end > start else { return "" }
            let name = letters + start
            let count = end - start

            // 3. The code starts with the first letter as it stands.
            let code = scratch.first
            code[0] = name[0]
            var codeLength = 1

            // 4. Translate the other letters, each from the untranslated letters around it.
            var index = 1
            while index < count {
                let letter = name[index]
                let next: UInt8 = index + 1 < count ? name[index + 1] : 0
                let previous = name[index - 1]
                var first = letter
                var second: UInt8 = 0
                switch letter {
                case Letter.e where next == Letter.v:
                    first = Letter.a
                    second = Letter.f
                    index += 1
                case Letter.a, Letter.e, Letter.i, Letter.o, Letter.u:
                    first = Letter.a
                case Letter.q:
                    first = Letter.g
                case Letter.z:
                    first = Letter.s
                case Letter.m:
                    first = Letter.n
                case Letter.k:
                    first = next == Letter.n ? Letter.n : Letter.c
                case Letter.s where next == Letter.c && index + 2 < count && name[index + 2] == Letter.h:
                    first = Letter.s
                    second = Letter.s
                    index += 2
                case Letter.p where next == Letter.h:
                    first = Letter.f
                    index += 1
                case Letter.h where !Letter.isVowel(previous) || index + 1 == count || !Letter.isVowel(next):
                    first = Letter.isVowel(previous) ? Letter.a : previous
                case Letter.w where Letter.isVowel(previous):
                    first = previous
                default:
                    break
                }
                let lastOfTranslation = second == 0 ? first : second
                if lastOfTranslation != code[codeLength - 1] {
                    code[codeLength] = first
                    codeLength += 1
                    if second != 0 {
                        code[codeLength] = second
                        codeLength += 1
                    }
                }
                index += 1
            }

            // 5.–7. Drop a final S, turn a final AY into Y, drop a final A.
            if codeLength > 1 && code[codeLength - 1] == Letter.s { codeLength -= 1 }
            if codeLength >= 2 && code[codeLength - 2] == Letter.a && code[codeLength - 1] == Letter.y {
                code[codeLength - 2] = Letter.y
                codeLength -= 1
            }
            if codeLength > 1 && code[codeLength - 1] == Letter.a { codeLength -= 1 }
            return PhoneticScratch.string(code, count: codeLength)
        }
    }

    @inline(__always)
    private static func starts(_ letters: UnsafeMutablePointer<UInt8>, _ length: Int, _ first: UInt8, _ second: UInt8) -> Bool {
        length >= 2 && letters[0] == first && letters[1] == second
    }

    @inline(__always)
    private static func starts(
        _ letters: UnsafeMutablePointer<UInt8>,
        _ length: Int,
        _ first: UInt8,
        _ second: UInt8,
        _ third: UInt8
    ) -> Bool {
        length >= 3 && letters[0] == first && letters[1] == second && letters[2] == third
    }

    /// `IE` or `EE`.
    @inline(__always)
    private static func endsInY(_ penultimate: UInt8, _ last: UInt8) -> Bool {
        last == Letter.e && (penultimate == Letter.i || penultimate == Letter.e)
    }

    /// `DT`, `RT`, `RD`, `NT` or `ND`.
    @inline(__always)
    private static func endsInD(_ penultimate: UInt8, _ last: UInt8) -> Bool {
        switch (penultimate, last) {
        case (Letter.d, Letter.t), (Letter.r, Letter.t), (Letter.r, Letter.d), (Letter.n, Letter.t), (Letter.n, Letter.d): return true
        default: return false
        }
    }
}
