import Foundation

import KithSpreadsheet

/// The value formats ORUK's schemas name (uuid, email, uri, date, date-time, time) and UK postcodes, checked
/// by hand so that a hostile value costs no more than its length.
public enum Formats {
    /// `ac148810-d857-441c-9679-408f346de14b`: 8-4-4-4-12 hexadecimal digits, as ORUK's `format: uuid`.
    public static func isUUID(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 36 else { return false }
        for (index, byte) in bytes.enumerated() {
            if [8, 13, 18, 23].contains(index) {
                guard byte == UInt8(ascii: "-") else { return false }
            } else if !isHex(byte) {
                return false
            }
        }
        return true
    }

    /// One `@`, something before it, a dotted domain after it, no spaces; at most 254 characters.
    public static func isEmail(_ text: String) -> Bool {
        guard text.utf8.count <= 254, !text.contains(where: \.isWhitespace) else { return false }
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty else { return false }
        let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        return labels.count >= 2 && labels.allSatisfy { !$0.isEmpty }
    }

    /// A web address: `http://` or `https://`, a host, no spaces.
    public static func isWebAddress(_ text: String) -> Bool {
        guard text.utf8.count <= 2_048, !text.contains(where: \.isWhitespace) else { return false }
        let lower = text.lowercased()
        for scheme in ["https://", "http://"] where lower.hasPrefix(scheme) {
            let rest = lower.dropFirst(scheme.count)
            let host = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
            return !host.isEmpty && host.contains(".") || host.hasPrefix("localhost")
        }
        return false
    }

    /// Any absolute URI: a scheme, a colon, then no spaces.
    public static func isURI(_ text: String) -> Bool {
        guard text.utf8.count <= 2_048, !text.contains(where: \.isWhitespace), let colon = text.firstIndex(of: ":") else {
            return false
        }
        let scheme = text[..<colon]
        guard let first = scheme.first, first.isASCII, first.isLetter else { return false }
        return scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) } && colon < text.index(before: text.endIndex)
    }

    /// `2026-11-16`: a real calendar date.
    public static func date(_ text: String) -> CivilDate? {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            let year = number(bytes[0..<4]), let month = number(bytes[5..<7]), let day = number(bytes[8..<10])
        else { return nil }
        return CivilDate(year: year, month: month, day: day)
    }

    /// `2026-11-16T09:30:00Z`, `2026-11-16T09:30:00.123+01:00`: a date, `T`, a time and a zone.
    public static func isDateTime(_ text: String) -> Bool {
        guard text.utf8.count >= 17, text.utf8.count <= 40 else { return false }
        let bytes = Array(text.utf8)
        guard date(String(decoding: bytes[0..<10], as: UTF8.self)) != nil, bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: "t")
        else { return false }
        return isTime(String(decoding: bytes[11...], as: UTF8.self), zoneRequired: true)
    }

    /// A date or a date-time, as ORUK's change history allows.
    public static func isDateOrDateTime(_ text: String) -> Bool { date(text) != nil || isDateTime(text) }

    /// `09:30`, `09:30:00`, `09:30Z`, `09:30:00.5+01:00`: a time of day, with an optional zone.
    public static func isTime(_ text: String, zoneRequired: Bool = false) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count >= 5, bytes.count <= 30, bytes[2] == UInt8(ascii: ":"), let hour = number(bytes[0..<2]),
            let minute = number(bytes[3..<5]), hour < 24 || (hour == 24 && minute == 0), minute < 60
        else { return false }
        var index = 5
        if index < bytes.count, bytes[index] == UInt8(ascii: ":") {
            guard index + 3 <= bytes.count, let second = number(bytes[(index + 1)..<(index + 3)]), second < 61 else { return false }
            index += 3
            if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
                index += 1
                let start = index
                while index < bytes.count, isDigit(bytes[index]) { index += 1 }
                guard index > start else { return false }
            }
        }
        if index == bytes.count { return !zoneRequired }
        if bytes[index] == UInt8(ascii: "Z") || bytes[index] == UInt8(ascii: "z") { return index + 1 == bytes.count }
        guard bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-"), bytes.count - index == 6,
            let zoneHour = number(bytes[(index + 1)..<(index + 3)]), bytes[index + 3] == UInt8(ascii: ":"),
            let zoneMinute = number(bytes[(index + 4)..<(index + 6)])
        else { return false }
        return zoneHour < 24 && zoneMinute < 60
    }

    /// The minutes past midnight of a time this module accepts, ignoring any zone: `09:30` is 570.
    public static func minutes(_ text: String) -> Int? {
        guard isTime(text) else { return nil }
        let bytes = Array(text.utf8)
        return number(bytes[0..<2])! * 60 + number(bytes[3..<5])!
    }

    /// A UK postcode in any case, with or without its space: `HY3 4AB`, `sw1a1aa`.
    public static func isUKPostcode(_ text: String) -> Bool {
        let compact = text.uppercased().filter { $0 != " " }
        guard compact.count >= 5, compact.count <= 7, compact.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
            return false
        }
        if compact == "GIR0AA" { return true }
        let inward = Array(compact.suffix(3))
        let outward = Array(compact.dropLast(3))
        guard inward[0].isNumber, inward[1].isLetter, inward[2].isLetter else { return false }
        // Outward: A9, A99, AA9, AA99, A9A, AA9A.
        guard let first = outward.first, first.isLetter else { return false }
        let shape = String(outward.map { $0.isLetter ? "A" : "9" })
        return ["A9", "A99", "AA9", "AA99", "A9A", "AA9A"].contains(shape)
    }

    /// `en`, `pl`, `pan`, `pt-BR`: an ISO 639-1 or 639-3 code, with an optional region.
    public static func isLanguageCode(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard let base = parts.first, (2...3).contains(base.count), base.allSatisfy({ $0.isASCII && $0.isLetter }) else { return false }
        guard parts.count <= 2 else { return false }
        if parts.count == 2 {
            return (2...3).contains(parts[1].count) && parts[1].allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
        }
        return true
    }

    private static func isHex(_ byte: UInt8) -> Bool {
        isDigit(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(byte)
    }

    private static func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }

    private static func number(_ bytes: ArraySlice<UInt8>) -> Int? {
        var value = 0
        for byte in bytes {
            guard isDigit(byte) else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return bytes.isEmpty ? nil : value
    }
}
