/// Unique Pupil Numbers: a check letter, the 3-digit LA number, the 4-digit DfE establishment number of the
/// school that allocated it, the 2-digit year of allocation and a 3-digit serial (DfE; python-stdnum `gb.upn`).
enum UniquePupilNumber {
    /// The 23 check letters; I, O and S are not used.
    static let checkLetters = Array("ABCDEFGHJKLMNPQRTUVWXYZ")
    /// Values of characters 2–13 (digits, and letters in temporary UPNs).
    static let alphabet = Array("ABCDEFGHJKLMNPQRTUVWXYZ0123456789")

    /// The check letter for the twelve characters after it.
    static func checkLetter(for body: String) -> Character? {
        let characters = Array(body)
        guard characters.count == 12 else { return nil }
        var sum = 0
        for (index, character) in characters.enumerated() {
            let value: Int
            if let digit = character.wholeNumberValue, character.isASCII {
                value = digit
            } else if let position = alphabet.firstIndex(of: character) {
                value = position
            } else {
                return nil
            }
            sum += value * (index + 2)
        }
        return checkLetters[sum % 23]
    }

    /// Whether a 13-character UPN has the right check letter.
    static func isValid(_ upn: String) -> Bool {
        guard let first = upn.first, upn.count == 13 else { return false }
        return checkLetter(for: String(upn.dropFirst())) == first
    }

    /// A permanent UPN from its parts.
    static func make(localAuthority: Int, establishment: Int, year: Int, serial: Int) -> String {
        let body =
            zeroPad(localAuthority, width: 3) + zeroPad(establishment, width: 4) + zeroPad(year % 100, width: 2)
            + zeroPad(serial, width: 3)
        return String(checkLetter(for: body)!) + body
    }
}

/// A non-negative whole number with leading zeros to a width: `zeroPad(7, width: 3)` is `007`.
func zeroPad(_ value: Int, width: Int) -> String {
    let digits = String(value)
    return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
}
