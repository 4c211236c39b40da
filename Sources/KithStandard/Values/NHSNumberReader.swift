/// Reads NHS numbers (and the Scottish CHI and Northern Irish H&C numbers that share their format): ten digits whose
/// last is a Modulus 11 check digit, written with or without spaces and hyphens (`943 476 5919`).
///
/// The normalised form is the ten digits. A value with an error (not digits, wrong length, wrong check digit, a
/// placeholder such as `9999999999`) has no normalised form, so it is never used to link people. Nine digits that
/// become valid with a leading zero are read as that number with a warning: Excel drops leading zeros.
/// A number outside the ranges issued to patients in England, Wales and the Isle of Man gets a `range` fact
/// (`scotland-chi`, `northern-ireland`, `republic-of-ireland`, `test`, `not-issued`).
public struct NHSNumberReader: ValueReader {
    public init() {}

    public func read(_ text: String, context: ReadingContext) -> ValueReading {
        ByteText.withBytes(text) { Self.read(ByteText.trimmed($0)) }
    }

    /// Whether `digits` is exactly ten ASCII digits that pass Modulus 11 and are not a placeholder (all the same digit).
    public static func isValid(_ digits: String) -> Bool {
        ByteText.withBytes(digits) { bytes in
            guard bytes.count == 10, bytes.allSatisfy(ByteText.isDigit) else { return false }
            return passesModulus11(bytes) && !isPlaceholder(bytes)
        }
    }

    /// The check digit for a nine-digit stem, or nil when the stem can never form a valid number (the check would be 10).
    static func checkDigit(forStem stem: UnsafeBufferPointer<UInt8>) -> UInt8? {
        var sum = 0
        for index in 0..<9 { sum += Int(stem[index] &- 0x30) * (10 - index) }
        switch 11 - sum % 11 {
        case 11: return 0
        case 10: return nil
        case let check: return UInt8(check)
        }
    }

    /// Whether ten ASCII digits pass Modulus 11.
    static func passesModulus11(_ digits: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let check = checkDigit(forStem: digits) else { return false }
        return digits[9] &- 0x30 == check
    }

    static func isPlaceholder(_ digits: UnsafeBufferPointer<UInt8>) -> Bool {
        let first = digits[0]
        return digits.allSatisfy { $0 == first }
    }

    private static func read(_ bytes: UnsafeBufferPointer<UInt8>) -> ValueReading {
        // Collect the digits, skipping the spaces and hyphens of presentation; up to 16 are kept.
        var buffer: (UInt64, UInt64) = (0, 0)
        var count = 0
        var other = false
        withUnsafeMutableBytes(of: &buffer) { raw in
            for byte in bytes {
                if ByteText.isDigit(byte) {
                    if count < 16 { raw[count] = byte }
                    count += 1
                } else if byte != 0x20 && byte != 0x2D {
                    other = true
                }
            }
        }
        if other { return notDigits(bytes) }
        return withUnsafeBytes(of: &buffer) { raw in
            let digits = UnsafeBufferPointer(start: raw.baseAddress!.assumingMemoryBound(to: UInt8.self), count: min(count, 16))
            return read(digits: digits, count: count)
        }
    }

    private static func read(digits: UnsafeBufferPointer<UInt8>, count: Int) -> ValueReading {
        if count == 9 {
            let padded = "0" + ByteText.string(digits)
            if isValid(padded) {
                return ValueReading(
                    normalised: padded,
                    problems: [
                        ValueProblem(
                            check: "nhs-number.lost-leading-zero",
                            severity: .warning,
                            message: "Has nine digits: the leading zero was probably lost when the list went through Excel.",
                            suggestion: padded
                        )
                    ]
                )
            }
        }
        guard count == 10 else {
            return problem(
                "nhs-number.length",
                "Has \(count) digit\(count == 1 ? "" : "s"); an NHS number has exactly 10."
            )
        }
        if isPlaceholder(digits) {
            return problem(
                "nhs-number.placeholder",
                "Is the same digit ten times, which systems use as a stand-in for an unknown NHS number, not a real one."
            )
        }
        guard passesModulus11(digits) else {
            return problem(
                "nhs-number.check-digit",
                "Fails the NHS number check (Modulus 11): a digit is probably mistyped or two digits are swapped."
            )
        }
        let number = ByteText.string(digits)
        guard let range = range(of: digits) else { return ValueReading(normalised: number) }
        return ValueReading(
            normalised: number,
            problems: range.message.map { [ValueProblem(check: "nhs-number.range", severity: .info, message: $0)] } ?? [],
            facts: ["range": range.name]
        )
    }

    /// The range of a valid number outside England, Wales and the Isle of Man, with a note when no patient should
    /// hold it (ranges compiled by uk-fci/nhs-number; not an NHS-published table, so only information).
    private static func range(of digits: UnsafeBufferPointer<UInt8>) -> (name: String, message: String?)? {
        let first = Int(digits[0] &- 0x30)
        let leadingThree = first * 100 + Int(digits[1] &- 0x30) * 10 + Int(digits[2] &- 0x30)
        switch first {
        case 4, 6, 7:
            return nil
        case 0, 1, 2, 3:
            var leadingSix = 0
            for index in 0..<6 { leadingSix = leadingSix * 10 + Int(digits[index] &- 0x30) }
            if leadingSix >= 10_000 && leadingSix <= 311_299 { return ("scotland-chi", nil) }
            if first == 3 && leadingThree >= 320 { return ("northern-ireland", nil) }
            return ("not-issued", "Is in a range no NHS, CHI or H&C number is issued from; check it against the source record.")
        case 5:
            return ("not-issued", "Starts with 5, a range not issued to patients; check it against the source record.")
        case 8:
            if leadingThree <= 859 {
                return (
                    "republic-of-ireland",
                    "Is in the Republic of Ireland's Individual Health Identifier range, not an NHS number."
                )
            }
            return ("not-issued", "Is in a range not issued to patients; check it against the source record.")
        default:
            if leadingThree == 999 {
                return ("test", "Is in the NHS test range (999), used for test and synthetic patients, not real ones.")
            }
            return ("not-issued", "Starts with 9, a range never issued to real patients (used for testing).")
        }
    }

    private static func problem(_ check: String, _ message: String, suggestion: String? = nil) -> ValueReading {
        ValueReading(
            normalised: nil,
            problems: [ValueProblem(check: check, severity: .error, message: message, suggestion: suggestion)]
        )
    }

    /// A value with characters other than digits, spaces and hyphens: Excel's scientific notation, a letter O for a zero, …
    private static func notDigits(_ bytes: UnsafeBufferPointer<UInt8>) -> ValueReading {
        if isScientificNotation(bytes) {
            return problem(
                "nhs-number.not-digits",
                "Excel turned this NHS number into a number in scientific notation, and its last digits are lost. "
                    + "Take it again from the source system, and format the column as Text before pasting."
            )
        }
        // Letters that look like digits (O for 0, I or l for 1): suggest the number when it then passes the check.
        var repaired: [UInt8] = []
        repaired.reserveCapacity(12)
        for byte in bytes {
            switch byte {
            case 0x30...0x39: repaired.append(byte)
            case UInt8(ascii: "O"), UInt8(ascii: "o"): repaired.append(0x30)
            case UInt8(ascii: "I"), UInt8(ascii: "l"): repaired.append(0x31)
            case 0x20, 0x2D: continue
            default:
                repaired.removeAll()
                break
            }
            if repaired.isEmpty { break }
        }
        let candidate = String(decoding: repaired, as: UTF8.self)
        return problem(
            "nhs-number.not-digits",
            "Has characters other than digits; an NHS number is 10 digits, sometimes written with spaces.",
            suggestion: isValid(candidate) ? candidate : nil
        )
    }

    /// `9.43477E+09`: what Excel shows for a long number in a General cell.
    private static func isScientificNotation(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        var mantissaDigits = 0
        while index < bytes.count, ByteText.isDigit(bytes[index]) || bytes[index] == 0x2E || bytes[index] == 0x2C {
            if ByteText.isDigit(bytes[index]) { mantissaDigits += 1 }
            index += 1
        }
        guard mantissaDigits > 0, index < bytes.count, bytes[index] | 0x20 == 0x65 else { return false }
        index += 1
        if index < bytes.count, bytes[index] == 0x2B || bytes[index] == 0x2D { index += 1 }
        let exponentStart = index
        while index < bytes.count, ByteText.isDigit(bytes[index]) { index += 1 }
        return index == bytes.count && index > exponentStart
    }
}
