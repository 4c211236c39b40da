/// Checks a stream of bytes for well-formed UTF-8, chunk by chunk, with a fast path for ASCII, and counts what it
/// finds: the well-formed multi-byte characters (é, €, 😀) and the places where the bytes are not UTF-8.
///
/// Ill-formed bytes are counted as Unicode's "maximal subparts", the way Swift's decoder replaces them with U+FFFD:
/// a lone `0xE9` is one, and so is a three-byte sequence cut short after two.
struct UTF8Validator {
    /// Continuation bytes still expected for the current character.
    private var needed = 0
    /// The range the next continuation byte must be in (narrower after E0, ED, F0 and F4).
    private var lower: UInt8 = 0x80
    private var upper: UInt8 = 0xBF
    /// Well-formed characters of two to four bytes.
    private(set) var multibyteCharacters = 0
    /// Ill-formed places, each of which reads as one U+FFFD.
    private(set) var invalidSequences = 0

    mutating func consume(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress else { return }
        let count = bytes.count
        var index = 0
        while index < count {
            if needed == 0 {
                // Skip eight ASCII bytes at a time.
                while index + 8 <= count {
                    let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                    if word & 0x8080_8080_8080_8080 != 0 { break }
                    index += 8
                }
                guard index < count else { break }
            }
            let byte = bytes[index]
            if needed > 0 {
                if byte >= lower && byte <= upper {
                    needed -= 1
                    lower = 0x80
                    upper = 0xBF
                    if needed == 0 { multibyteCharacters += 1 }
                    index += 1
                } else {
                    // A character cut short: one error, and this byte is looked at again as the start of the next.
                    invalidSequences += 1
                    needed = 0
                    lower = 0x80
                    upper = 0xBF
                }
                continue
            }
            index += 1
            switch byte {
            case 0x00...0x7F: break
            case 0xC2...0xDF: needed = 1
            case 0xE0:
                needed = 2
                lower = 0xA0
            case 0xE1...0xEC, 0xEE, 0xEF: needed = 2
            case 0xED:
                needed = 2
                upper = 0x9F
            case 0xF0:
                needed = 3
                lower = 0x90
            case 0xF1...0xF3: needed = 3
            case 0xF4:
                needed = 3
                upper = 0x8F
            default: invalidSequences += 1
            }
        }
    }

    /// Ill-formed places, counting a character left unfinished at the end.
    var invalidSequencesAtEnd: Int {
        invalidSequences + (needed > 0 ? 1 : 0)
    }

    /// Whether everything consumed was valid UTF-8 and no character was left unfinished.
    func finish() -> Bool {
        invalidSequencesAtEnd == 0
    }
}
