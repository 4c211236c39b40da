/// Reads email addresses, normalised to lower case.
///
/// An address needs one `@`, a local part of letters, digits and ``!#$%&'*+/=?^_`{|}~.-`` and a domain of letters,
/// digits and hyphens with at least one dot; neither part may start or end with a dot or hold two dots in a row, and
/// there are no spaces inside. Only the first problem found is reported. Addresses with characters outside ASCII
/// (allowed by RFC 6531 but rarely deliverable) are reported as invalid characters. A value with an error has no
/// normalised form.
public struct EmailReader: ValueReader {
    public init() {}

    public func read(_ text: String, context: ReadingContext) -> ValueReading {
        ByteText.withBytes(text) { all in
            let bytes = ByteText.trimmed(all)
            if let problem = Self.problem(bytes) {
                return ValueReading(
                    normalised: nil,
                    problems: [
                        ValueProblem(
                            check: "email.invalid",
                            severity: .error,
                            message: problem,
                            suggestion: Self.repaired(bytes)
                        )
                    ]
                )
            }
            if bytes.count == all.count && !bytes.contains(where: ByteText.isUpper) { return ValueReading(normalised: text) }
            return ValueReading(
                normalised: ByteText.make(capacity: bytes.count) { buffer in
                    for index in 0..<bytes.count { buffer[index] = ByteText.lower(bytes[index]) }
                    return bytes.count
                }
            )
        }
    }

    /// Characters allowed in the local part besides letters and digits (RFC 5322 `atext`, and the dot).
    private static let localSymbols: StaticString = "!#$%&'*+/=?^_`{|}~.-"

    private static let localSymbolSet: [Bool] = {
        var set = [Bool](repeating: false, count: 128)
        for index in 0..<localSymbols.utf8CodeUnitCount { set[Int(localSymbols.utf8Start[index])] = true }
        return set
    }()

    /// What is wrong with the address, or nil when nothing is.
    static func problem(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var at = -1
        for (index, byte) in bytes.enumerated() {
            if byte == UInt8(ascii: "@") {
                if at >= 0 { return "Has more than one @; an email address has exactly one." }
                at = index
            } else if ByteText.isSpace(byte) {
                return "Has spaces inside; an email address has none."
            }
        }
        guard at >= 0 else { return "Has no @; an email address is a name, @ and a domain, such as name@example.org." }
        let local = UnsafeBufferPointer(rebasing: bytes[0..<at])
        let domain = UnsafeBufferPointer(rebasing: bytes[(at + 1)...])
        guard !local.isEmpty else { return "Has nothing before the @." }
        guard !domain.isEmpty else { return "Has nothing after the @." }
        for byte in local where !(ByteText.isLetter(byte) || ByteText.isDigit(byte) || (byte < 128 && localSymbolSet[Int(byte)])) {
            return byte >= 128
                ? "Has characters outside plain ASCII (such as accented letters or curly quotes)."
                : "Has a character that cannot appear in an email address."
        }
        if let problem = dotProblem(local, part: "The part before the @") { return problem }
        var dots = 0
        var labelStart = 0
        for (index, byte) in domain.enumerated() {
            if byte == 0x2E {
                dots += 1
                if index > labelStart && (domain[labelStart] == UInt8(ascii: "-") || domain[index - 1] == UInt8(ascii: "-")) {
                    return "Has a part of its domain that starts or ends with a hyphen."
                }
                labelStart = index + 1
            } else if !(ByteText.isLetter(byte) || ByteText.isDigit(byte) || byte == UInt8(ascii: "-")) {
                return byte >= 128
                    ? "Has characters outside plain ASCII (such as accented letters) in its domain."
                    : "Has a character that cannot appear in the domain after the @."
            }
        }
        if let problem = dotProblem(domain, part: "The domain after the @") { return problem }
        guard dots > 0 else { return "Has no dot in the domain after the @, such as example.org." }
        let topLevel = UnsafeBufferPointer(rebasing: domain[labelStart...])
        if topLevel.first == UInt8(ascii: "-") || topLevel.last == UInt8(ascii: "-") {
            return "Has a part of its domain that starts or ends with a hyphen."
        }
        guard topLevel.count >= 2, !topLevel.allSatisfy(ByteText.isDigit) else {
            return "Has a domain that does not end in a real top-level domain such as .uk or .com."
        }
        return nil
    }

    private static func dotProblem(_ part: UnsafeBufferPointer<UInt8>, part name: String) -> String? {
        if part.first == 0x2E || part.last == 0x2E { return "\(name) starts or ends with a dot." }
        for index in 1..<max(part.count, 1) where part[index] == 0x2E && part[index - 1] == 0x2E {
            return "\(name) has two dots in a row."
        }
        return nil
    }

    /// A valid address made by the usual fixes (removing spaces beside `@` and dots, a trailing dot, a doubled dot;
    /// a comma for a dot), or nil when they do not give one.
    private static func repaired(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var fixed: [UInt8] = []
        fixed.reserveCapacity(bytes.count)
        for (index, byte) in bytes.enumerated() {
            if ByteText.isSpace(byte) {
                let next = bytes[index...].first { !ByteText.isSpace($0) }
                let isBesidePunctuation = [UInt8(ascii: "@"), 0x2E, UInt8(ascii: ",")].contains { $0 == fixed.last || $0 == next }
                if isBesidePunctuation { continue }
            }
            let byte = byte == UInt8(ascii: ",") ? 0x2E : ByteText.lower(byte)
            if byte == 0x2E, fixed.last == 0x2E { continue }
            fixed.append(byte)
        }
        while fixed.last == 0x2E { fixed.removeLast() }
        while fixed.first == 0x2E { fixed.removeFirst() }
        let isValid = fixed.withUnsafeBufferPointer { problem($0) == nil }
        return isValid ? String(decoding: fixed, as: UTF8.self) : nil
    }
}
