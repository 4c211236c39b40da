import Foundation

/// Tidies people's names for display and makes the keys they are matched on.
///
/// Pure functions. ASCII names (most of them) are handled byte by byte, others scalar by scalar: the display is NFC
/// (decomposed text is composed first), and the key is what NFKD leaves once combining marks are dropped, with the
/// letters NFKD does not touch folded by hand: `ø→o æ→ae œ→oe ß→ss ł→l đ/ð→d þ→th ı→i ħ→h`. Accented Latin letters
/// are looked up in ``LatinLetterTable``, worked out once. Keys agree with the research note's `name-vectors.csv`.
public enum NameNormaliser {
    /// Titles removed from the front of a name (with or without a dot), in the spelling ``NormalisedName/title`` uses.
    public static let titles = [
        "Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Prof", "Rev", "Revd", "Sir", "Dame", "Lady", "Lord", "Master", "Fr",
    ]

    /// The display form, matching key, part keys and removed title of a name.
    public static func normalise(_ text: String) -> NormalisedName {
        normalise(text, includingParts: true)
    }

    /// As ``normalise(_:)``, leaving ``NormalisedName/parts`` empty unless asked for (the reader does not need them).
    static func normalise(_ text: String, includingParts: Bool) -> NormalisedName {
        let ascii: NormalisedName? = ByteText.withBytes(text) { bytes in
            bytes.allSatisfy { $0 < 0x80 } ? normalise(bytes, utf8Count: bytes.count, includingParts: includingParts) : nil
        }
        if let ascii { return ascii }
        // Compose decomposed letters (`e` + U+0308 → `ë`) first; precomposed Latin text, the usual case, needs nothing.
        let needsComposition = text.unicodeScalars.contains { $0.value >= 0x300 && !($0.value >= 0x1E00 && $0.value < 0x1F00) }
        let composed = needsComposition ? text.precomposedStringWithCanonicalMapping : text
        let count = composed.unicodeScalars.count
        return withUnsafeTemporaryAllocation(of: Unicode.Scalar.self, capacity: count) { scalars in
            var index = 0
            for scalar in composed.unicodeScalars {
                scalars.initializeElement(at: index, to: scalar)
                index += 1
            }
            return normalise(UnsafeBufferPointer(scalars), utf8Count: composed.utf8.count, includingParts: includingParts)
        }
    }

    /// The normaliser proper, for the bytes of an ASCII name or the scalars of any other.
    private static func normalise<Unit: NameUnit>(
        _ units: UnsafeBufferPointer<Unit>,
        utf8Count: Int,
        includingParts: Bool
    ) -> NormalisedName {
        withUnsafeTemporaryAllocation(of: Range<Int>.self, capacity: units.count / 2 + 1) { words in
            var wordCount = 0
            var index = 0
            while index < units.count {
                while index < units.count, units[index].isWordSeparator { index += 1 }
                let start = index
                while index < units.count, !units[index].isWordSeparator { index += 1 }
                if index > start {
                    words.initializeElement(at: wordCount, to: start..<index)
                    wordCount += 1
                }
            }
            var first = 0
            var title: String?
            while wordCount - first > 1, let found = Self.title(UnsafeBufferPointer(rebasing: units[words[first]])) {
                title = title.map { $0 + " " + found } ?? found
                first += 1
            }
            var hasLower = false
            var hasUpper = false
            for word in first..<wordCount {
                for unit in units[words[word]] {
                    if unit.isLowercase {
                        hasLower = true
                    } else if unit.isUppercase {
                        hasUpper = true
                    }
                }
            }
            let fixesCase = hasLower != hasUpper
            // Case mappings can lengthen a character (ß → SS), and folds give up to three letters per character.
            let capacity = utf8Count * 3 + 16
            let display = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { buffer in
                var target = 0
                for word in first..<wordCount {
                    if word > first {
                        buffer[target] = 0x20
                        target += 1
                    }
                    let letters = UnsafeBufferPointer(rebasing: units[words[word]])
                    guard fixesCase else {
                        for unit in letters { unit.write(into: buffer, at: &target, upper: nil) }
                        continue
                    }
                    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: letters.count) { caseUnits in
                        withUnsafeTemporaryAllocation(of: Bool.self, capacity: letters.count) { capitals in
                            for position in 0..<letters.count {
                                caseUnits.initializeElement(at: position, to: letters[position].titleCaseUnit)
                            }
                            markCapitals(UnsafeBufferPointer(caseUnits), capitals)
                            for position in 0..<letters.count {
                                letters[position].write(into: buffer, at: &target, upper: capitals[position])
                            }
                        }
                    }
                }
                return ByteText.string(UnsafeBufferPointer(rebasing: buffer[0..<target]))
            }
            var parts: [String] = []
            let key = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { buffer in
                var target = 0
                var partStart = 0
                func endPart() {
                    if includingParts && target > partStart {
                        parts.append(ByteText.string(UnsafeBufferPointer(rebasing: buffer[partStart..<target])))
                    }
                    partStart = target
                }
                for word in first..<wordCount {
                    for unit in units[words[word]] {
                        if unit.isHyphen {
                            endPart()
                        } else {
                            unit.writeKey(into: buffer, at: &target)
                        }
                    }
                    endPart()
                }
                return ByteText.string(UnsafeBufferPointer(rebasing: buffer[0..<target]))
            }
            return NormalisedName(display: display, key: key, parts: parts, title: title)
        }
    }

    /// The canonical title a word spells (`MRS.` → `Mrs`), or nil.
    private static func title<Unit: NameUnit>(_ word: UnsafeBufferPointer<Unit>) -> String? {
        var count = word.count
        if word.last?.ascii == UInt8(ascii: ".") { count -= 1 }
        guard count >= 2 && count <= 6 else { return nil }
        for title in titles where title.utf8.count == count {
            var index = 0
            var matches = true
            for byte in title.utf8 {
                guard let ascii = word[index].ascii, ByteText.lower(ascii) == ByteText.lower(byte) else {
                    matches = false
                    break
                }
                index += 1
            }
            if matches { return title }
        }
        return nil
    }

    // MARK: Title case

    /// Marks which characters of a lower-cased word take a capital in title case. `units` holds one byte per
    /// character: a lower-case ASCII letter, `nonASCIILetter`, `'` for any apostrophe, `-` for any hyphen, `.`, or
    /// `otherCharacter`.
    ///
    /// Capitals go at the start of the word and after a hyphen or a dot; after an apostrophe that follows a single
    /// letter (`O'Neill`, `D'Arcy`); after `Mc` (`McDonald`); and after `Mac` when at least three letters follow, the
    /// first a consonant, and the name is not one of the usual exceptions (`Mackie`, `Machin`, `Mackintosh`, …).
    static func markCapitals(_ units: UnsafeBufferPointer<UInt8>, _ capitals: UnsafeMutableBufferPointer<Bool>) {
        let count = units.count
        for index in 0..<count { capitals[index] = false }
        var segmentStart = 0
        func startSegment(at start: Int) {
            segmentStart = start
            guard start < count, isLetterUnit(units[start]) else { return }
            capitals[start] = true
            if matches(units, at: start, "mc"), start + 2 < count, isLetterUnit(units[start + 2]) {
                capitals[start + 2] = true
            } else if matches(units, at: start, "mac") {
                var end = start + 3
                while end < count, isLetterUnit(units[end]) { end += 1 }
                let rest = start + 3
                if end - rest >= 3, !isVowel(units[rest]), units[rest] != nonASCIILetter,
                    !macExceptions.contains(where: { matches(units, at: rest, $0) })
                {
                    capitals[rest] = true
                }
            }
        }
        startSegment(at: 0)
        for index in 0..<count {
            switch units[index] {
            case UInt8(ascii: "-"), UInt8(ascii: "."):
                startSegment(at: index + 1)
            case UInt8(ascii: "'") where index - segmentStart == 1 && isLetterUnit(units[segmentStart]):
                startSegment(at: index + 1)
            default:
                break
            }
        }
    }

    /// What follows `Mac` in names that keep a small letter after it: `Machin`, `Mackie`, `Mackintosh`, `Machado`, …
    private static let macExceptions: [StaticString] = [
        "hin", "hlin", "har", "hado", "hen", "kle", "klin", "kie", "kin", "ken", "quarie", "omber", "ro", "ra",
    ]

    static let nonASCIILetter: UInt8 = 0x01
    static let otherCharacter: UInt8 = 0x02

    @inline(__always)
    private static func isLetterUnit(_ unit: UInt8) -> Bool { ByteText.isLower(unit) || unit == nonASCIILetter }

    @inline(__always)
    private static func isVowel(_ unit: UInt8) -> Bool {
        switch unit {
        case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"), UInt8(ascii: "u"): return true
        default: return false
        }
    }

    private static func matches(_ units: UnsafeBufferPointer<UInt8>, at start: Int, _ text: StaticString) -> Bool {
        let length = text.utf8CodeUnitCount
        guard start + length <= units.count else { return false }
        for offset in 0..<length where units[start + offset] != text.utf8Start[offset] { return false }
        return true
    }
}
