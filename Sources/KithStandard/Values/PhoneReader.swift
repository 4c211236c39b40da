/// Reads UK telephone numbers, normalised to the national format with Kith's spacing.
///
/// Spaces, hyphens, dots, slashes and brackets are ignored; `+44`, `0044` and `44` before a UK number, and the `(0)` in
/// `+44 (0)20 …`, are read as the country code; an extension (`ext 123`, `x123`, `#123`) goes to the `extension` fact.
/// The `kind` fact is `mobile`, `landline`, `non-geographic` or `premium`.
///
/// Grouping, by the first digits (Kith's one scheme, used for every number it writes):
///
/// | numbers | grouping | example |
/// |---|---|---|
/// | `01`, 11 digits | 5 + 6 | `01632 960123` |
/// | `01`, 10 digits | 5 + 5 | `01697 73456` |
/// | `02` | 3 + 4 + 4 | `020 7946 0123`, `029 2018 0123` |
/// | `07` | 5 + 6 | `07700 900123` |
/// | `03`, `05`, `08`, `09` | 4 + 3 + 4 | `0300 123 4567`, `0800 123 4567` |
/// | `0800` and `0500`, 10 digits | 4 + 3 + 3 | `0800 123 456` |
///
/// Another country's number (`+33 6 12 34 56 78`) is kept as `+` country code, a space and the rest of its digits
/// (`+33 612345678`) with a warning. A value with an error has no normalised form.
public struct PhoneReader: ValueReader {
    public init() {}

    public func read(_ text: String, context: ReadingContext) -> ValueReading {
        ByteText.withBytes(text) { Self.read(ByteText.trimmed($0)) }
    }

    /// The normal form of a phone number, nil when it cannot be read as one: `0044 (0)7700 900123`, `+44 7700 900123`
    /// and `07700900123` are all `07700 900123`, another country's number is `+33 612345678`. The Data Checker, the
    /// import and linkage all compare phones in this form.
    public static func normalised(_ text: String) -> String? {
        ByteText.withBytes(text) { read(ByteText.trimmed($0)).normalised }
    }

    /// The most digits a telephone number has (E.164), with room for a few more to tell "too long" apart.
    private static let digitCapacity = 24

    private static func read(_ bytes: UnsafeBufferPointer<UInt8>) -> ValueReading {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: digitCapacity) { storage in
            var count = 0
            var hasPlus = false
            var dropZero = -1
            var index = 0
            var extensionStart = -1
            while index < bytes.count {
                let byte = bytes[index]
                if ByteText.isDigit(byte) {
                    if count < digitCapacity { storage[count] = byte }
                    count += 1
                    index += 1
                    continue
                }
                switch byte {
                case 0x20, 0x09, UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "/"), UInt8(ascii: ")"):
                    index += 1
                case UInt8(ascii: "("):
                    // `(0)` after a country code: the trunk zero that is not dialled from abroad.
                    if index + 2 < bytes.count, bytes[index + 1] == 0x30, bytes[index + 2] == UInt8(ascii: ")"), count > 0 {
                        dropZero = count
                    }
                    index += 1
                case UInt8(ascii: "+"):
                    guard count == 0, !hasPlus else { return invalid("Has a + that is not at the start.") }
                    hasPlus = true
                    index += 1
                case 0xC2 where index + 1 < bytes.count && bytes[index + 1] == 0xA0:
                    index += 2
                default:
                    guard count > 0, let start = extensionDigits(bytes, from: index) else {
                        return invalid("Has letters or symbols; a phone number has only digits, spaces and brackets.")
                    }
                    extensionStart = start
                    index = bytes.count
                }
            }
            guard count <= digitCapacity else {
                return invalid("Has too many digits for a phone number: the cell may hold two numbers.")
            }
            var digits = UnsafeMutableBufferPointer(rebasing: storage[0..<count])
            let isInternational = hasPlus || (count > 2 && ((digits[0] == 0x30 && digits[1] == 0x30) || (digits[0] == 0x34 && digits[1] == 0x34)))
            if isInternational, dropZero >= 0, dropZero < count, digits[dropZero] == 0x30 {
                for position in dropZero..<(count - 1) { digits[position] = digits[position + 1] }
                count -= 1
                digits = UnsafeMutableBufferPointer(rebasing: storage[0..<count])
            }
            var reading = read(digits: UnsafeBufferPointer(digits), hasPlus: hasPlus)
            if extensionStart >= 0, reading.normalised != nil {
                reading.facts["extension"] = ByteText.string(UnsafeBufferPointer(rebasing: bytes[extensionStart...]))
            }
            return reading
        }
    }

    /// Where the digits of an extension start when the bytes from `index` are `ext 123`, `extn. 123`, `extension 123`,
    /// `x123` or `#123` up to the end; nil otherwise.
    private static func extensionDigits(_ bytes: UnsafeBufferPointer<UInt8>, from index: Int) -> Int? {
        var position = index
        var letters = 0
        while position < bytes.count, ByteText.isLetter(bytes[position]) {
            letters += 1
            position += 1
        }
        let word = UnsafeBufferPointer(rebasing: bytes[index..<position])
        let isMarker =
            ByteText.equalsIgnoringCase(word, "x") || ByteText.equalsIgnoringCase(word, "ext")
            || ByteText.equalsIgnoringCase(word, "extn") || ByteText.equalsIgnoringCase(word, "extension")
            || (letters == 0 && bytes[index] == UInt8(ascii: "#"))
        guard isMarker else { return nil }
        if letters == 0 { position += 1 }
        while position < bytes.count, bytes[position] == 0x20 || bytes[position] == 0x2E || bytes[position] == UInt8(ascii: ":") {
            position += 1
        }
        let start = position
        guard start < bytes.count, bytes[start...].allSatisfy(ByteText.isDigit) else { return nil }
        return start
    }

    private static func read(digits: UnsafeBufferPointer<UInt8>, hasPlus: Bool) -> ValueReading {
        let count = digits.count
        guard count > 0 else { return invalid("Has no digits.") }
        // International forms: +CC…, 00CC…, and 44… written without the +.
        var international: UnsafeBufferPointer<UInt8>?
        if hasPlus {
            international = digits
        } else if count > 2, digits[0] == 0x30, digits[1] == 0x30 {
            international = UnsafeBufferPointer(rebasing: digits[2...])
        } else if count == 12, digits[0] == 0x34, digits[1] == 0x34, digits[2] != 0x30 {
            international = digits
        }
        if let international {
            guard international.count >= 2, international[0] == 0x34, international[1] == 0x34 else {
                return foreign(international)
            }
            var national = UnsafeBufferPointer(rebasing: international[2...])
            // `+44 020 …`: a trunk zero written after the country code.
            if national.first == 0x30 { national = UnsafeBufferPointer(rebasing: national[1...]) }
            return readNational(national)
        }
        if digits[0] == 0x30 { return readNational(UnsafeBufferPointer(rebasing: digits[1...])) }
        if count == 10, digits[0] == 0x31 || digits[0] == 0x32 || digits[0] == 0x37 {
            var reading = readNational(digits)
            if let normalised = reading.normalised {
                reading.problems = [
                    ValueProblem(
                        check: "phone.missing-leading-zero",
                        severity: .warning,
                        message: "Is missing its leading 0: Excel drops it when a phone number is stored as a number.",
                        suggestion: normalised
                    )
                ]
            }
            return reading
        }
        return invalid("Does not start with 0 or a country code, and has the wrong number of digits for a UK number.")
    }

    /// The facts of each kind of UK number, made once and shared by every reading of that kind: building a
    /// dictionary per cell cost more than reading the number.
    private static let landline = ["kind": "landline"]
    private static let mobile = ["kind": "mobile"]
    private static let nonGeographic = ["kind": "non-geographic"]
    private static let premium = ["kind": "premium"]

    /// A UK number from the digits after its leading 0.
    private static func readNational(_ national: UnsafeBufferPointer<UInt8>) -> ValueReading {
        let count = national.count + 1
        guard count >= 10 else {
            return invalid("Has \(count) digits with its leading 0; a UK number has 11 (a few have 10).")
        }
        guard count <= 11 else {
            return invalid("Has \(count) digits with its leading 0; a UK number has 11. The cell may hold two numbers.")
        }
        let first = national[0]
        let second = national[1]
        let facts: [String: String]
        var groups: (Int, Int, Int)
        switch first {
        case 0x31:
            facts = Self.landline
            groups = (5, count - 5, 0)
        case 0x32:
            facts = Self.landline
            groups = (3, 4, 4)
        case 0x37:
            // 071–075 and 077–079 are mobiles, as is the Isle of Man's 07624; 070 is personal numbering, 076 pagers.
            let isPager = second == 0x36 && !(national[2] == 0x32 && national[3] == 0x34)
            facts = second == 0x30 || isPager ? Self.nonGeographic : Self.mobile
            groups = (5, 6, 0)
        case 0x33, 0x35, 0x38:
            facts = Self.nonGeographic
            groups = (4, 3, 4)
        case 0x39:
            facts = Self.premium
            groups = (4, 3, 4)
        case 0x30:
            return invalid("Starts 00, an international call prefix, but has no country code after it.")
        default:
            return invalid("Starts 0\(first - 0x30): no UK numbers start that way.")
        }
        if count == 10 {
            let isShortFreephone = (first == 0x38 || first == 0x35) && second == 0x30 && national[2] == 0x30
            guard first == 0x31 || isShortFreephone else {
                return invalid("Has 10 digits with its leading 0; this kind of UK number has 11.")
            }
            if isShortFreephone { groups = (4, 3, 3) }
        }
        let length = count + (groups.2 > 0 ? 2 : 1)
        let normalised = ByteText.make(capacity: length) { buffer in
            buffer[0] = 0x30
            var source = 0
            var target = 1
            func copy(_ size: Int) {
                for _ in 0..<size {
                    buffer[target] = national[source]
                    source += 1
                    target += 1
                }
            }
            copy(groups.0 - 1)
            buffer[target] = 0x20
            target += 1
            copy(groups.1)
            if groups.2 > 0 {
                buffer[target] = 0x20
                target += 1
                copy(groups.2)
            }
            return target
        }
        return ValueReading(normalised: normalised, facts: facts)
    }

    /// Another country's number: `+` country code, a space, the rest of the digits.
    private static func foreign(_ digits: UnsafeBufferPointer<UInt8>) -> ValueReading {
        guard digits.count >= 7, digits.count <= 15, digits[0] != 0x30 else {
            return invalid("Is not a complete international number: after the country code it has too few or too many digits.")
        }
        let codeLength = countryCodeLength(digits)
        let code = ByteText.string(UnsafeBufferPointer(rebasing: digits[0..<codeLength]))
        let rest = ByteText.string(UnsafeBufferPointer(rebasing: digits[codeLength...]))
        let normalised = "+" + code + " " + rest
        return ValueReading(
            normalised: normalised,
            problems: [
                ValueProblem(
                    check: "phone.not-uk",
                    severity: .warning,
                    message: "Is not a UK number: it has another country's code (+\(code))."
                )
            ],
            facts: ["country-code": code]
        )
    }

    /// How many digits the country code at the start has (ITU-T E.164): 1 for +1 and +7, 2 for the codes below, else 3.
    private static func countryCodeLength(_ digits: UnsafeBufferPointer<UInt8>) -> Int {
        let first = Int(digits[0] - 0x30)
        if first == 1 || first == 7 { return 1 }
        let two = first * 10 + Int(digits[1] - 0x30)
        switch two {
        case 20, 27, 30, 31, 32, 33, 34, 36, 39, 40, 41, 43, 44, 45, 46, 47, 48, 49, 51, 52, 53, 54, 55, 56, 57, 58, 60, 61, 62,
            63, 64, 65, 66, 81, 82, 84, 86, 90, 91, 92, 93, 94, 95, 98:
            return 2
        default:
            return 3
        }
    }

    private static func invalid(_ message: String) -> ValueReading {
        ValueReading(normalised: nil, problems: [ValueProblem(check: "phone.invalid", severity: .error, message: message)])
    }
}
