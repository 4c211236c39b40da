/// Finds the shape of a written date from its bytes: the common UK, US and ISO spellings, date-times and Excel serials.
///
/// The text is split into numbers and words (with the punctuation between them), then matched against the known
/// shapes. A time of day after the date is checked for form and otherwise ignored, as is any time zone: the date is
/// the civil date as written, never converted.
enum DateTextParser {
    /// The most tokens a date-time can have: weekday, three date parts, four time parts, a meridiem and a zone of two.
    private static let capacity = 16

    static func shape(of bytes: UnsafeBufferPointer<UInt8>) -> DateShape {
        withUnsafeTemporaryAllocation(of: DateToken.self, capacity: capacity) { storage in
            guard let count = tokenize(bytes, into: storage), count > 0 else { return .unreadable }
            return shape(of: UnsafeBufferPointer(rebasing: storage[0..<count]))
        }
    }

    /// Splits the text into tokens; nil when it holds anything a date never does, or too many parts.
    private static func tokenize(_ bytes: UnsafeBufferPointer<UInt8>, into storage: UnsafeMutableBufferPointer<DateToken>) -> Int? {
        var count = 0
        var separator: UInt8 = 0
        var index = 0
        let end = bytes.count
        while index < end {
            let byte = bytes[index]
            if ByteText.isDigit(byte) {
                var value = 0
                let start = index
                while index < end, ByteText.isDigit(bytes[index]) {
                    if value < 1_000_000_000_000 { value = value * 10 + Int(bytes[index] - 0x30) }
                    index += 1
                }
                guard count < capacity else { return nil }
                storage.initializeElement(at: count, to: DateToken(separator: separator, value: value, digits: index - start, word: nil))
                count += 1
                separator = 0
            } else if ByteText.isLetter(byte) {
                let start = index
                while index < end, ByteText.isLetter(bytes[index]) { index += 1 }
                let word = DateWord(UnsafeBufferPointer(rebasing: bytes[start..<index]))
                // `5th July`: the suffix belongs to the day number before it.
                if word == .ordinalSuffix, separator == 0, count > 0, storage[count - 1].isNumber(digits: 1...2) { continue }
                guard count < capacity else { return nil }
                storage.initializeElement(at: count, to: DateToken(separator: separator, value: 0, digits: 0, word: word))
                count += 1
                separator = 0
            } else if ByteText.isSpace(byte) || (byte == 0xC2 && index + 1 < end && bytes[index + 1] == 0xA0) {
                if separator == 0 { separator = 0x20 }
                index += byte == 0xC2 ? 2 : 1
            } else {
                switch byte {
                case UInt8(ascii: "/"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: ":"), UInt8(ascii: "+"):
                    separator = separator == 0 || separator == 0x20 ? byte : DateToken.several
                    index += 1
                default:
                    return nil
                }
            }
        }
        // Trailing punctuation, other than spaces, is not part of any date.
        return separator == 0 || separator == 0x20 ? count : nil
    }

    private static func shape(of tokens: UnsafeBufferPointer<DateToken>) -> DateShape {
        var start = 0
        // A leading weekday, `Tuesday, 5 July 2011`, adds nothing.
        if tokens[0].word == .weekday { start = 1 }
        guard tokens.count > start else { return .unreadable }
        let first = tokens[start]
        let count = tokens.count - start
        guard start == 0 ? first.separator == 0 : first.separator == 0x20 || first.separator == UInt8(ascii: ",") else {
            return .unreadable
        }

        if first.isNumber(digits: 8...8) {
            // yyyymmdd, or ddmmyyyy when it cannot be a year first.
            guard isTime(tokens, from: start + 1) else { return .unreadable }
            let year = first.value / 10_000
            let month = first.value / 100 % 100
            if year >= 1000 && (1...12).contains(month) { return .yearFirst(year: year, month: month, day: first.value % 100) }
            return .numeric(
                first: first.value / 1_000_000,
                second: first.value / 10_000 % 100,
                year: first.value % 10_000,
                isTwoDigitYear: false
            )
        }
        if first.isNumber(digits: 4...5) && count == 1 { return .serial(first.value) }
        if first.isNumber(digits: 4...5) && count == 2 && tokens[start + 1].isNumber && tokens[start + 1].separator == UInt8(ascii: ".") {
            return .serial(first.value)
        }
        guard count >= 3 else { return .unreadable }
        let second = tokens[start + 1]
        let third = tokens[start + 2]
        let shape: DateShape
        if first.isNumber(digits: 4...4) {
            guard isDatePunctuation(second.separator), third.separator == second.separator, third.isNumber(digits: 1...2) else {
                return .unreadable
            }
            if second.isNumber(digits: 1...2) {
                guard second.separator != 0x20 else { return .unreadable }
                shape = .yearFirst(year: first.value, month: second.value, day: third.value)
            } else if case .month(let month) = second.word {
                shape = .yearFirst(year: first.value, month: month, day: third.value)
            } else {
                return .unreadable
            }
        } else if first.isNumber(digits: 1...2) {
            guard isDatePunctuation(second.separator), third.isNumber(digits: 2...2) || third.isNumber(digits: 4...4) else {
                return .unreadable
            }
            if second.isNumber(digits: 1...2) {
                guard third.separator == second.separator else { return .unreadable }
                shape = .numeric(first: first.value, second: second.value, year: third.value, isTwoDigitYear: third.digits == 2)
            } else if case .month(let month) = second.word {
                guard third.separator == second.separator || third.separator == 0x20 || third.separator == UInt8(ascii: ",") else {
                    return .unreadable
                }
                shape = .named(day: first.value, month: month, year: third.value, isTwoDigitYear: third.digits == 2)
            } else {
                return .unreadable
            }
        } else if case .month(let month) = first.word {
            // `July 5, 2011`, `Jul 5 2011`.
            guard second.isNumber(digits: 1...2), isDatePunctuation(second.separator),
                third.isNumber(digits: 4...4) || third.isNumber(digits: 2...2),
                third.separator == UInt8(ascii: ",") || third.separator == 0x20 || third.separator == second.separator
            else { return .unreadable }
            shape = .named(day: second.value, month: month, year: third.value, isTwoDigitYear: third.digits == 2)
        } else {
            return .unreadable
        }
        return isTime(tokens, from: start + 3) ? shape : .unreadable
    }

    /// `/`, `-`, `.` or a space: what separates the parts of a date.
    @inline(__always)
    private static func isDatePunctuation(_ separator: UInt8) -> Bool {
        separator == UInt8(ascii: "/") || separator == UInt8(ascii: "-") || separator == UInt8(ascii: ".") || separator == 0x20
    }

    /// Whether the tokens from `index` on are nothing, or a time of day: `14:30`, `00:00:00.000`, `T14:30:00Z`,
    /// `2:30 pm`, `00:00:00+01:00`.
    private static func isTime(_ tokens: UnsafeBufferPointer<DateToken>, from index: Int) -> Bool {
        var index = index
        guard index < tokens.count else { return true }
        var basic = false
        if tokens[index].word == .timeSeparator, tokens[index].separator == 0 {
            index += 1
            guard index < tokens.count, tokens[index].isNumber, tokens[index].separator == 0 else { return false }
            basic = true
        } else {
            guard tokens[index].isNumber(digits: 1...2), tokens[index].separator == 0x20 else { return false }
        }
        let hourToken = tokens[index]
        var hour = hourToken.value
        if basic && (hourToken.digits == 4 || hourToken.digits == 6) {
            // ISO basic format, `T143000`.
            let minute = hourToken.digits == 4 ? hourToken.value % 100 : hourToken.value / 100 % 100
            let second = hourToken.digits == 6 ? hourToken.value % 100 : 0
            hour = hourToken.digits == 4 ? hourToken.value / 100 : hourToken.value / 10_000
            guard minute <= 59, second <= 60 else { return false }
            index += 1
        } else {
            guard hourToken.digits <= 2, index + 1 < tokens.count else { return false }
            let minute = tokens[index + 1]
            guard minute.isNumber(digits: 2...2), minute.separator == UInt8(ascii: ":"), minute.value <= 59 else { return false }
            index += 2
            if index < tokens.count, tokens[index].isNumber(digits: 2...2), tokens[index].separator == UInt8(ascii: ":") {
                guard tokens[index].value <= 60 else { return false }
                index += 1
                if index < tokens.count, tokens[index].isNumber, tokens[index].separator == UInt8(ascii: ".") { index += 1 }
            }
        }
        guard hour <= 23 else { return false }
        if index < tokens.count, tokens[index].word == .meridiem, tokens[index].separator == 0 || tokens[index].separator == 0x20 {
            guard (1...12).contains(hour) else { return false }
            index += 1
        }
        if index < tokens.count {
            let zone = tokens[index]
            if zone.word == .universalTime, zone.separator == 0 || zone.separator == 0x20 {
                index += 1
            } else if zone.isNumber(digits: 2...2) || zone.isNumber(digits: 4...4),
                zone.separator == UInt8(ascii: "+") || zone.separator == UInt8(ascii: "-")
            {
                index += 1
                if zone.digits == 2, index < tokens.count, tokens[index].isNumber(digits: 2...2),
                    tokens[index].separator == UInt8(ascii: ":")
                {
                    index += 1
                }
            }
        }
        return index == tokens.count
    }
}
