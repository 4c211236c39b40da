/// Reads whole numbers: digits with an optional sign, normalised without leading zeros or a `+` (`+007` → `7`).
///
/// Excel's `12.0` (a whole number written with a zero fraction) reads as `12`. Anything else, thousands separators
/// included, is an error, with the number without separators suggested when that is what it was.
public struct IntegerReader: ValueReader {
    public init() {}

    public func read(_ text: String, context: ReadingContext) -> ValueReading {
        ByteText.withBytes(text) { all in
            let bytes = ByteText.trimmed(all)
            guard let normalised = Self.canonical(bytes) else {
                let withoutSeparators = bytes.filter { $0 != UInt8(ascii: ",") }
                let suggestion =
                    withoutSeparators.count < bytes.count
                    ? withoutSeparators.withUnsafeBufferPointer { Self.canonical($0) } : nil
                return ValueReading(
                    normalised: nil,
                    problems: [
                        ValueProblem(
                            check: "number.invalid",
                            severity: .error,
                            message: suggestion == nil
                                ? "Is not a whole number: write only digits, with a minus sign if it is negative."
                                : "Has thousands separators; write the number with digits only.",
                            suggestion: suggestion
                        )
                    ]
                )
            }
            return ValueReading(normalised: normalised)
        }
    }

    /// The canonical spelling of a whole number, or nil when the bytes are not one.
    static func canonical(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var index = 0
        var negative = false
        if let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            negative = first == UInt8(ascii: "-")
            index = 1
        }
        while index < bytes.count - 1, bytes[index] == 0x30, ByteText.isDigit(bytes[index + 1]) { index += 1 }
        let start = index
        while index < bytes.count, ByteText.isDigit(bytes[index]) { index += 1 }
        let end = index
        guard end > start else { return nil }
        if index < bytes.count {
            // `12.0`, `12.00`: a whole number with a zero fraction.
            guard bytes[index] == 0x2E, index + 1 < bytes.count, bytes[(index + 1)...].allSatisfy({ $0 == 0x30 }) else { return nil }
        }
        let digits = UnsafeBufferPointer(rebasing: bytes[start..<end])
        let isZero = digits.count == 1 && digits[0] == 0x30
        guard negative && !isZero else { return ByteText.string(digits) }
        return "-" + ByteText.string(digits)
    }
}
