/// Reads Unique Property Reference Numbers: 1 to 12 digits, compared as numbers, so the normalised form drops
/// leading zeros (`000000199356` → `199356`).
public struct UPRNReader: ValueReader {
    public init() {}

    public func read(_ text: String, context: ReadingContext) -> ValueReading {
        ByteText.withBytes(text) { all in
            let bytes = ByteText.trimmed(all)
            guard !bytes.isEmpty, bytes.allSatisfy(ByteText.isDigit) else {
                return Self.invalid(
                    bytes.contains(where: { $0 | 0x20 == UInt8(ascii: "e") }) && bytes.contains(where: ByteText.isDigit)
                        ? "Excel turned this UPRN into a number in scientific notation, and its last digits are lost. "
                            + "Take it again from the source, with the column formatted as Text."
                        : "Is not a UPRN: a UPRN is a number of up to 12 digits."
                )
            }
            var start = 0
            while start < bytes.count, bytes[start] == 0x30 { start += 1 }
            let digits = bytes.count - start
            guard digits >= 1 else { return Self.invalid("Is zero, which is not a UPRN: UPRNs start at 1.") }
            guard digits <= 12 else { return Self.invalid("Has more than 12 digits; a UPRN has at most 12.") }
            return ValueReading(normalised: ByteText.string(UnsafeBufferPointer(rebasing: bytes[start...])))
        }
    }

    private static func invalid(_ message: String) -> ValueReading {
        ValueReading(normalised: nil, problems: [ValueProblem(check: "uprn.invalid", severity: .error, message: message)])
    }
}
