/// Reads Unique Pupil Numbers (England): a check letter, the 3-digit LA number, the 4-digit DfE establishment number,
/// a 2-digit year and a 3-digit serial, such as `B801200005001`. Temporary UPNs end in a letter.
///
/// The check letter follows the DfE algorithm (python-stdnum `gb.upn`): characters 2–13 take their position in
/// `ABCDEFGHJKLMNPQRTUVWXYZ0123456789`, weighted 2 to 13; the sum modulo 23 picks the letter from
/// `ABCDEFGHJKLMNPQRTUVWXYZ`. The normalised form is the 13 characters in upper case; a value with an error has none.
public struct UniquePupilNumberReader: ValueReader {
    public init() {}

    public func read(_ text: String, context: ReadingContext) -> ValueReading {
        ByteText.withBytes(text) { Self.read(ByteText.trimmed($0)) }
    }

    /// The check letters, by remainder modulo 23.
    private static let checkLetters: StaticString = "ABCDEFGHJKLMNPQRTUVWXYZ"

    /// The value of an upper-case character in positions 2–13, or nil when it cannot appear there.
    @inline(__always)
    private static func characterValue(_ byte: UInt8) -> Int? {
        if ByteText.isDigit(byte) { return 23 + Int(byte - 0x30) }
        guard ByteText.isUpper(byte), byte != UInt8(ascii: "I"), byte != UInt8(ascii: "O"), byte != UInt8(ascii: "S") else {
            return nil
        }
        // A–H are 0–7, J–N 8–12, P–R 13–15, T–Z 16–22.
        let offset = Int(byte - 0x41)
        switch byte {
        case ...UInt8(ascii: "H"): return offset
        case ...UInt8(ascii: "N"): return offset - 1
        case ...UInt8(ascii: "R"): return offset - 2
        default: return offset - 3
        }
    }

    private static func read(_ bytes: UnsafeBufferPointer<UInt8>) -> ValueReading {
        // Children's census returns write UN1–UN7 where a council holds no UPN for the child.
        if bytes.count == 3, ByteText.string(bytes).uppercased().hasPrefix("UN"), ("1"..."7").contains(ByteText.string(bytes).suffix(1)) {
            return ValueReading(
                normalised: nil,
                problems: [
                    ValueProblem(
                        check: "upn.unknown", severity: .info,
                        message: "Is a census code standing in for a pupil number that is not held, not a UPN itself."
                    )
                ]
            )
        }
        guard bytes.count == 13 else {
            return error(
                "upn.format",
                "Has \(bytes.count) character\(bytes.count == 1 ? "" : "s"); a UPN has 13: a letter, 11 digits, then a digit or letter."
            )
        }
        let upper = ByteText.make(capacity: 13) { buffer in
            for index in 0..<13 { buffer[index] = ByteText.upper(bytes[index]) }
            return 13
        }
        return ByteText.withBytes(upper) { upn in
            guard ByteText.isUpper(upn[0]), upn[1..<12].allSatisfy(ByteText.isDigit), characterValue(upn[12]) != nil else {
                return error(
                    "upn.format",
                    "Is not in the UPN format: a letter, 11 digits, then a digit or a letter (other than I, O and S)."
                )
            }
            var sum = 0
            for index in 1..<13 { sum += characterValue(upn[index])! * (index + 1) }
            let expected = checkLetters.utf8Start[sum % 23]
            guard upn[0] == expected else {
                return error(
                    "upn.check-letter",
                    "Has the wrong check letter for its digits: a character was probably mistyped. Check it against the school's records."
                )
            }
            guard ByteText.isUpper(upn[12]) else { return ValueReading(normalised: upper) }
            return ValueReading(
                normalised: upper,
                problems: [
                    ValueProblem(
                        check: "upn.temporary",
                        severity: .info,
                        message: "Is a temporary UPN (it ends in a letter): the school should replace it with a permanent one."
                    )
                ]
            )
        }
    }

    private static func error(_ check: String, _ message: String) -> ValueReading {
        ValueReading(normalised: nil, problems: [ValueProblem(check: check, severity: .error, message: message)])
    }
}
