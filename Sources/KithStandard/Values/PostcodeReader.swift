/// Reads UK postcodes, normalised to upper case with one space before the inward code: `sw1a-1aa` → `SW1A 1AA`.
///
/// Every character that is not an ASCII letter or digit is dropped first (spaces, no-break spaces, hyphens, dots).
/// The result is checked against two patterns, written out byte by byte (research note §2, verified against ONSPD):
///
/// - STRICT, the current Royal Mail format with its letter rules:
///   `^(?:[A-PR-UWYZ](?:[0-9][0-9]?|[0-9][A-HJKPSTUW])|[A-PR-UWYZ][A-HK-Y](?:[0-9][0-9]?|[0-9][ABEHMNPRVWXY])) [0-9][ABD-HJLNP-UW-Z]{2}$`
/// - LENIENT, anything shaped like a postcode: `^[A-Z]{1,2}[0-9][A-Z0-9]? [0-9][A-Z]{2}$`
///
/// plus the special cases `GIR 0AA`, `BFPO 1`–`BFPO 9999` and the overseas territories' codes. NHS pseudo-postcodes
/// (`ZZ99 3VZ` no fixed abode, `ZZ99 3WZ` address not known, …) are read with a warning and a `pseudo` fact saying
/// what they stand for, and get no area facts. Real postcodes get the facts `area` (`SW`), `district` (the outward
/// code, `SW1A`) and `sector` (`SW1A 1`).
public struct PostcodeReader: ValueReader {
    public init() {}

    public func read(_ text: String, context: ReadingContext) -> ValueReading {
        ByteText.withBytes(text) { Self.read($0, collectsFacts: context.collectsFacts) }
    }

    /// Letters allowed in position 1 (`[A-PR-UWYZ]`), as a bit per letter A = bit 0.
    private static let firstLetters = letterMask("ABCDEFGHIJKLMNOPRSTUWYZ")
    /// Letters allowed in position 2 of `AA…` (`[A-HK-Y]`).
    private static let secondLetters = letterMask("ABCDEFGHKLMNOPQRSTUVWXY")
    /// Letters allowed in position 3 of `A9A` (`[A-HJKPSTUW]`).
    private static let thirdLetters = letterMask("ABCDEFGHJKPSTUW")
    /// Letters allowed in position 4 of `AA9A` (`[ABEHMNPRVWXY]`).
    private static let fourthLetters = letterMask("ABEHMNPRVWXY")
    /// Letters allowed in the inward code (`[ABD-HJLNP-UW-Z]`: not C, I, K, M, O, V).
    private static let inwardLetters = letterMask("ABDEFGHJLNPQRSTUWXYZ")

    private static func letterMask(_ letters: StaticString) -> UInt32 {
        var mask: UInt32 = 0
        for index in 0..<letters.utf8CodeUnitCount { mask |= 1 << UInt32(letters.utf8Start[index] - 0x41) }
        return mask
    }

    @inline(__always)
    private static func isLetter(_ byte: UInt8, in mask: UInt32) -> Bool {
        ByteText.isUpper(byte) && mask & (1 << UInt32(byte - 0x41)) != 0
    }

    /// The overseas territories' postcodes, outward and inward without the space.
    private static let overseas: [String] = [
        "ASCN1ZZ", "STHL1ZZ", "TDCU1ZZ", "BBND1ZZ", "BIQQ1ZZ", "FIQQ1ZZ", "PCRN1ZZ", "SIQQ1ZZ", "TKCA1ZZ",
    ]

    private static func read(_ bytes: UnsafeBufferPointer<UInt8>, collectsFacts: Bool) -> ValueReading {
        // Keep ASCII letters and digits, upper-cased; at most 8 are needed for any postcode.
        var buffer: (UInt64, UInt64) = (0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &buffer) { raw in
            for byte in bytes where ByteText.isDigit(byte) || ByteText.isLetter(byte) {
                if count < 16 { raw[count] = ByteText.upper(byte) }
                count += 1
            }
        }
        guard count <= 16 else { return invalid("Is too long to be a postcode: a postcode has 5 to 7 letters and digits.") }
        return withUnsafeBytes(of: &buffer) { raw in
            let compact = UnsafeBufferPointer(start: raw.baseAddress!.assumingMemoryBound(to: UInt8.self), count: count)
            return read(compact: compact, collectsFacts: collectsFacts)
        }
    }

    private static func read(compact: UnsafeBufferPointer<UInt8>, collectsFacts: Bool) -> ValueReading {
        let count = compact.count
        if let bfpo = readBFPO(compact) { return bfpo }
        guard count >= 5 && count <= 7 else {
            return invalid(
                count < 5
                    ? "Is too short to be a full postcode: it needs an outward code such as SW1A and an inward code such as 1AA."
                    : "Is too long to be a postcode: a postcode has 5 to 7 letters and digits."
            )
        }
        let outward = UnsafeBufferPointer(rebasing: compact[0..<(count - 3)])
        let inward = UnsafeBufferPointer(rebasing: compact[(count - 3)...])
        let normalised = ByteText.make(capacity: count + 1) { buffer in
            for index in 0..<outward.count { buffer[index] = outward[index] }
            buffer[outward.count] = 0x20
            for index in 0..<3 { buffer[outward.count + 1 + index] = inward[index] }
            return count + 1
        }
        if isStrict(outward: outward, inward: inward) {
            return ValueReading(normalised: normalised, facts: collectsFacts ? facts(normalised, outwardCount: outward.count) : [:])
        }
        if isSpecial(compact) {
            return ValueReading(normalised: normalised, facts: collectsFacts ? facts(normalised, outwardCount: outward.count) : [:])
        }
        guard isLenient(outward: outward, inward: inward) else {
            return invalid(
                "Is not a UK postcode: a postcode is an outward code such as SW1A and an inward code such as 1AA.",
                suggestion: repaired(compact)
            )
        }
        // ZZ99 is never STRICT (Z cannot come second), so pseudo-postcodes are found among the LENIENT ones.
        if outward.count == 4 && outward[0] == UInt8(ascii: "Z") && outward[1] == UInt8(ascii: "Z") && outward[2] == 0x39
            && outward[3] == 0x39
        {
            return pseudo(normalised, inward: inward)
        }
        return ValueReading(
            normalised: normalised,
            problems: [
                ValueProblem(
                    check: "postcode.not-current-format",
                    severity: .warning,
                    message: "Is shaped like a postcode but breaks the current Royal Mail letter rules: it may be an old, "
                        + "discontinued postcode or mistyped. Check the address.",
                    suggestion: repaired(compact)
                )
            ],
            facts: collectsFacts ? facts(normalised, outwardCount: outward.count) : [:]
        )
    }

    /// STRICT: the current format with its letter rules.
    static func isStrict(outward: UnsafeBufferPointer<UInt8>, inward: UnsafeBufferPointer<UInt8>) -> Bool {
        guard inward.count == 3, ByteText.isDigit(inward[0]), isLetter(inward[1], in: inwardLetters),
            isLetter(inward[2], in: inwardLetters), outward.count >= 2, outward.count <= 4,
            isLetter(outward[0], in: firstLetters)
        else { return false }
        if ByteText.isDigit(outward[1]) {
            // A9, A99, A9A.
            switch outward.count {
            case 2: return true
            case 3: return ByteText.isDigit(outward[2]) || isLetter(outward[2], in: thirdLetters)
            default: return false
            }
        }
        // AA9, AA99, AA9A.
        guard outward.count >= 3, isLetter(outward[1], in: secondLetters), ByteText.isDigit(outward[2]) else { return false }
        return outward.count == 3 || ByteText.isDigit(outward[3]) || isLetter(outward[3], in: fourthLetters)
    }

    /// LENIENT: one or two letters, a digit, an optional letter or digit; then a digit and two letters.
    static func isLenient(outward: UnsafeBufferPointer<UInt8>, inward: UnsafeBufferPointer<UInt8>) -> Bool {
        guard inward.count == 3, ByteText.isDigit(inward[0]), ByteText.isUpper(inward[1]), ByteText.isUpper(inward[2]),
            outward.count >= 2, outward.count <= 4, ByteText.isUpper(outward[0])
        else { return false }
        let letters = ByteText.isUpper(outward[1]) ? 2 : 1
        guard outward.count > letters, ByteText.isDigit(outward[letters]) else { return false }
        let rest = outward.count - letters - 1
        return rest == 0 || (rest == 1 && (ByteText.isUpper(outward[letters + 1]) || ByteText.isDigit(outward[letters + 1])))
    }

    /// `GIR 0AA` and the overseas territories' codes.
    private static func isSpecial(_ compact: UnsafeBufferPointer<UInt8>) -> Bool {
        let text = ByteText.string(compact)
        return text == "GIR0AA" || overseas.contains(text)
    }

    /// `BFPO 123`: British Forces Post Office numbers, 1 to 9999.
    private static func readBFPO(_ compact: UnsafeBufferPointer<UInt8>) -> ValueReading? {
        guard compact.count >= 5, compact.count <= 8, compact[0] == UInt8(ascii: "B"), compact[1] == UInt8(ascii: "F"),
            compact[2] == UInt8(ascii: "P"), compact[3] == UInt8(ascii: "O"), compact[4...].allSatisfy(ByteText.isDigit)
        else { return nil }
        var number = 0
        for byte in compact[4...] { number = number * 10 + Int(byte - 0x30) }
        guard number >= 1 else {
            return invalid("Is not a BFPO number: British Forces Post Office numbers run from 1 to 9999.")
        }
        let normalised = "BFPO " + ByteText.decimal(number)
        return ValueReading(normalised: normalised, facts: ["area": "BFPO", "district": normalised])
    }

    /// The area, district and sector of a normalised postcode.
    private static func facts(_ normalised: String, outwardCount: Int) -> [String: String] {
        ByteText.withBytes(normalised) { bytes in
            var areaCount = 0
            while areaCount < outwardCount, ByteText.isUpper(bytes[areaCount]) { areaCount += 1 }
            return [
                "area": ByteText.string(UnsafeBufferPointer(rebasing: bytes[0..<areaCount])),
                "district": ByteText.string(UnsafeBufferPointer(rebasing: bytes[0..<outwardCount])),
                "sector": ByteText.string(UnsafeBufferPointer(rebasing: bytes[0..<(outwardCount + 2)])),
            ]
        }
    }

    /// An NHS pseudo-postcode (`ZZ99 …`): a flag for an unknown address, not a place.
    private static func pseudo(_ normalised: String, inward: UnsafeBufferPointer<UInt8>) -> ValueReading {
        let meaning: String
        switch (inward[0], inward[1], inward[2]) {
        case (0x33, UInt8(ascii: "V"), UInt8(ascii: "Z")): meaning = "no fixed abode"
        case (0x33, UInt8(ascii: "W"), UInt8(ascii: "Z")): meaning = "address not known"
        case (0x33, UInt8(ascii: "C"), UInt8(ascii: "Z")): meaning = "England, not otherwise specified"
        case (0x33, UInt8(ascii: "G"), UInt8(ascii: "Z")): meaning = "Wales, not otherwise specified"
        case (0x31, UInt8(ascii: "W"), UInt8(ascii: "Z")): meaning = "Scotland, not otherwise specified"
        case (0x32, UInt8(ascii: "W"), UInt8(ascii: "Z")): meaning = "Northern Ireland, not otherwise specified"
        default: meaning = "lives abroad or address not known"
        }
        return ValueReading(
            normalised: normalised,
            problems: [
                ValueProblem(
                    check: "postcode.pseudo",
                    severity: .warning,
                    message: "Is an NHS pseudo-postcode (\(meaning)): a code that stands in for a missing address, "
                        + "not a real postcode."
                )
            ],
            facts: ["pseudo": meaning]
        )
    }

    /// A current-format postcode made by swapping letters and digits that look alike (O and 0, I and 1, S and 5)
    /// where the format needs the other, or nil when no such repair gives one.
    private static func repaired(_ compact: UnsafeBufferPointer<UInt8>) -> String? {
        let count = compact.count
        guard count >= 5 && count <= 7 else { return nil }
        var bytes = Array(compact)
        func asDigit(_ byte: UInt8) -> UInt8 {
            switch byte {
            case UInt8(ascii: "O"): return 0x30
            case UInt8(ascii: "I"), UInt8(ascii: "L"): return 0x31
            case UInt8(ascii: "S"): return 0x35
            default: return byte
            }
        }
        func asLetter(_ byte: UInt8) -> UInt8 {
            switch byte {
            case 0x30: return UInt8(ascii: "O")
            case 0x31: return UInt8(ascii: "I")
            case 0x35: return UInt8(ascii: "S")
            default: return byte
            }
        }
        // The inward code is a digit and two letters; the outward code starts with a letter.
        bytes[count - 3] = asDigit(bytes[count - 3])
        bytes[count - 2] = asLetter(bytes[count - 2])
        bytes[count - 1] = asLetter(bytes[count - 1])
        bytes[0] = asLetter(bytes[0])
        let outwardCount = count - 3
        // Try each outward shape: letters then digits, the last character either.
        for letters in 1...2 where letters < outwardCount {
            var candidate = bytes
            for index in 1..<letters { candidate[index] = asLetter(candidate[index]) }
            candidate[letters] = asDigit(candidate[letters])
            let matches = candidate.withUnsafeBufferPointer { pointer in
                isStrict(
                    outward: UnsafeBufferPointer(rebasing: pointer[0..<outwardCount]),
                    inward: UnsafeBufferPointer(rebasing: pointer[outwardCount...])
                )
            }
            if matches, candidate != Array(compact) {
                return String(decoding: candidate[0..<outwardCount], as: UTF8.self) + " "
                    + String(decoding: candidate[outwardCount...], as: UTF8.self)
            }
        }
        return nil
    }

    private static func invalid(_ message: String, suggestion: String? = nil) -> ValueReading {
        ValueReading(
            normalised: nil,
            problems: [ValueProblem(check: "postcode.invalid", severity: .error, message: message, suggestion: suggestion)]
        )
    }
}
