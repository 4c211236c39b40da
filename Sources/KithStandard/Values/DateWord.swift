/// What a word inside a written date means: a month name, a weekday, the `T` of ISO 8601, a time zone, …
enum DateWord: Equatable {
    /// A month by name or abbreviation, 1–12.
    case month(Int)
    case weekday
    /// The `T` between an ISO 8601 date and time.
    case timeSeparator
    /// `Z`, `UTC` or `GMT`.
    case universalTime
    /// `am` or `pm`.
    case meridiem
    /// The `st`, `nd`, `rd` or `th` after a day number.
    case ordinalSuffix
    case other

    private static let months: [StaticString] = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
        "december",
    ]
    private static let weekdays: [StaticString] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

    /// Classifies a run of ASCII letters, ignoring case.
    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        switch bytes.count {
        case 1:
            switch bytes[0] | 0x20 {
            case UInt8(ascii: "t"): self = .timeSeparator
            case UInt8(ascii: "z"): self = .universalTime
            default: self = .other
            }
            return
        case 2:
            let pair = (bytes[0] | 0x20, bytes[1] | 0x20)
            switch pair {
            case (UInt8(ascii: "a"), UInt8(ascii: "m")), (UInt8(ascii: "p"), UInt8(ascii: "m")): self = .meridiem
            case (UInt8(ascii: "s"), UInt8(ascii: "t")), (UInt8(ascii: "n"), UInt8(ascii: "d")), (UInt8(ascii: "r"), UInt8(ascii: "d")),
                (UInt8(ascii: "t"), UInt8(ascii: "h")):
                self = .ordinalSuffix
            default: self = .other
            }
            return
        default:
            break
        }
        if ByteText.equalsIgnoringCase(bytes, "utc") || ByteText.equalsIgnoringCase(bytes, "gmt") {
            self = .universalTime
            return
        }
        for (index, name) in Self.months.enumerated() where Self.isName(bytes, name, shortest: 3) {
            self = .month(index + 1)
            return
        }
        if ByteText.equalsIgnoringCase(bytes, "sept") {
            self = .month(9)
            return
        }
        for name in Self.weekdays where Self.isName(bytes, name, shortest: 3) {
            self = .weekday
            return
        }
        self =
            ByteText.equalsIgnoringCase(bytes, "tues") || ByteText.equalsIgnoringCase(bytes, "thur")
                || ByteText.equalsIgnoringCase(bytes, "thurs") ? .weekday : .other
    }

    /// Whether the bytes are `name` in full or its first three letters (`jul`, `july`), ignoring case.
    private static func isName(_ bytes: UnsafeBufferPointer<UInt8>, _ name: StaticString, shortest: Int) -> Bool {
        guard bytes.count == shortest || bytes.count == name.utf8CodeUnitCount else { return false }
        let letters = name.utf8Start
        for index in 0..<bytes.count where ByteText.lower(bytes[index]) != letters[index] { return false }
        return true
    }
}
