/// Reads schools' Unique Reference Numbers (DfE Get Information about Schools): exactly six digits.
public struct SchoolURNReader: ValueReader {
    public init() {}

    public func read(_ text: String, context: ReadingContext) -> ValueReading {
        ByteText.withBytes(text) { all in
            let bytes = ByteText.trimmed(all)
            guard bytes.count == 6, bytes.allSatisfy(ByteText.isDigit) else {
                return ValueReading(
                    normalised: nil,
                    problems: [
                        ValueProblem(
                            check: "school-urn.invalid",
                            severity: .error,
                            message: "Is not a school URN: a URN is exactly six digits. (A school's DfE establishment "
                                + "number, written with a slash, is a different code.)"
                        )
                    ]
                )
            }
            return ValueReading(normalised: bytes.count == all.count ? text : ByteText.string(bytes))
        }
    }
}
