/// Reads yes-or-no values, normalised to `true` or `false`.
///
/// Yes: `Y`, `Yes`, `True`, `T`, `1`, `X` (a ticked box), `✓`, `✔`, `☑`. No: `N`, `No`, `False`, `F`, `0`, `✗`, `✘`,
/// `☒`. Case does not matter.
public struct FlagReader: ValueReader {
    public init() {}

    public func read(_ text: String, context: ReadingContext) -> ValueReading {
        let value = ByteText.withBytes(text) { Self.value(ByteText.trimmed($0)) }
        guard let value else {
            return ValueReading(
                normalised: nil,
                problems: [
                    ValueProblem(
                        check: "flag.invalid",
                        severity: .error,
                        message: "Is not a yes-or-no value: write Y or N (Yes, No, True, False, 1 and 0 are read too)."
                    )
                ]
            )
        }
        return ValueReading(normalised: value ? "true" : "false")
    }

    private static func value(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        if bytes.count == 1 {
            switch ByteText.lower(bytes[0]) {
            case UInt8(ascii: "y"), UInt8(ascii: "t"), UInt8(ascii: "x"), UInt8(ascii: "1"): return true
            case UInt8(ascii: "n"), UInt8(ascii: "f"), UInt8(ascii: "0"): return false
            default: return nil
            }
        }
        if ByteText.equalsIgnoringCase(bytes, "yes") || ByteText.equalsIgnoringCase(bytes, "true") { return true }
        if ByteText.equalsIgnoringCase(bytes, "no") || ByteText.equalsIgnoringCase(bytes, "false") { return false }
        // Ticks and crosses: U+2713 ✓, U+2714 ✔, U+2611 ☑; U+2717 ✗, U+2718 ✘, U+2612 ☒ (three bytes each in UTF-8).
        guard bytes.count == 3, bytes[0] == 0xE2 else { return nil }
        switch (bytes[1], bytes[2]) {
        case (0x9C, 0x93), (0x9C, 0x94), (0x98, 0x91): return true
        case (0x9C, 0x97), (0x9C, 0x98), (0x98, 0x92): return false
        default: return nil
        }
    }
}
