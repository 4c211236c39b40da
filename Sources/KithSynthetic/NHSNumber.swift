/// NHS numbers for synthetic residents: ten digits whose last is the Modulus 11 check digit.
///
/// Generated numbers start 4, 6 or 7 (the England and Wales ranges), so the truth never holds a
/// placeholder such as `9999999999`; the lists' mess adds the mistakes partners really make.
enum NHSNumber {
    static let weights = [10, 9, 8, 7, 6, 5, 4, 3, 2]

    /// The check digit for nine digits, or nil when the stem can never be valid (the remainder gives 10).
    static func checkDigit(forStem digits: [Int]) -> Int? {
        precondition(digits.count == 9, "an NHS number stem has nine digits")
        var sum = 0
        for index in 0..<9 { sum += digits[index] * weights[index] }
        let check = 11 - sum % 11
        switch check {
        case 11: return 0
        case 10: return nil
        default: return check
        }
    }

    /// Whether ten digits pass Modulus 11 (placeholders such as all-same digits pass; see ``isPlaceholder(_:)``).
    static func isValid(_ text: String) -> Bool {
        let digits = text.utf8.compactMap { $0 >= 48 && $0 <= 57 ? Int($0 - 48) : nil }
        guard digits.count == 10, text.utf8.allSatisfy({ ($0 >= 48 && $0 <= 57) }) else { return false }
        return checkDigit(forStem: Array(digits[0..<9])) == digits[9]
    }

    /// Ten identical digits: Modulus 11 valid, but used as "unknown".
    static func isPlaceholder(_ text: String) -> Bool {
        guard text.utf8.count == 10, let first = text.utf8.first else { return false }
        return text.utf8.allSatisfy { $0 == first }
    }

    /// A new valid number in the 4xx, 6xx or 7xx ranges.
    static func generate(using random: inout RandomSource) -> String {
        while true {
            var digits = [[4, 6, 7][random.weightedIndex([0.55, 0.15, 0.30])]]
            for _ in 0..<8 { digits.append(random.below(10)) }
            guard let check = checkDigit(forStem: digits) else { continue }
            digits.append(check)
            let text = String(digits.map { Character(Unicode.Scalar(UInt8(48 + $0))) })
            if isPlaceholder(text) { continue }
            return text
        }
    }

    /// `4857773457` as `485 777 3457`.
    static func spaced(_ number: String) -> String {
        let characters = Array(number)
        guard characters.count == 10 else { return number }
        return String(characters[0..<3]) + " " + String(characters[3..<6]) + " " + String(characters[6..<10])
    }
}
