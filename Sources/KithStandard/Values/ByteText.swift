/// Byte-level helpers the value readers share: they read a cell's UTF-8 bytes directly, because they run once per
/// cell of every tagged column and must not pay for `Character` handling, regular expressions or formatters.
enum ByteText {
    /// Calls `body` with the text's UTF-8 bytes, without copying a native string.
    @inline(__always)
    static func withBytes<Result>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = text
        return copy.withUTF8(body)
    }

    /// The bytes of `bytes` without leading and trailing spaces, tabs, line breaks and no-break spaces (U+00A0).
    @inline(__always)
    static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var start = 0
        var end = bytes.count
        while start < end {
            let byte = bytes[start]
            if isSpace(byte) {
                start += 1
            } else if byte == 0xC2, start + 1 < end, bytes[start + 1] == 0xA0 {
                start += 2
            } else {
                break
            }
        }
        while end > start {
            let byte = bytes[end - 1]
            if isSpace(byte) {
                end -= 1
            } else if byte == 0xA0, end - 2 >= start, bytes[end - 2] == 0xC2 {
                end -= 2
            } else {
                break
            }
        }
        return UnsafeBufferPointer(rebasing: bytes[start..<end])
    }

    /// A space, tab, carriage return or line feed.
    @inline(__always)
    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    @inline(__always)
    static func isDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }

    @inline(__always)
    static func isUpper(_ byte: UInt8) -> Bool { byte &- 0x41 < 26 }

    @inline(__always)
    static func isLower(_ byte: UInt8) -> Bool { byte &- 0x61 < 26 }

    /// An ASCII letter of either case.
    @inline(__always)
    static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) &- 0x61 < 26 }

    @inline(__always)
    static func upper(_ byte: UInt8) -> UInt8 { isLower(byte) ? byte - 0x20 : byte }

    @inline(__always)
    static func lower(_ byte: UInt8) -> UInt8 { isUpper(byte) ? byte + 0x20 : byte }

    /// Whether the bytes spell `word` (given in lower case), ignoring ASCII case.
    static func equalsIgnoringCase(_ bytes: UnsafeBufferPointer<UInt8>, _ word: StaticString) -> Bool {
        guard bytes.count == word.utf8CodeUnitCount else { return false }
        let pointer = word.utf8Start
        for index in 0..<bytes.count where lower(bytes[index]) != pointer[index] { return false }
        return true
    }

    /// A string of `bytes`, which must be valid UTF-8 (short results are stored inline, without allocating).
    @inline(__always)
    static func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    /// A string built by `fill`, which writes at most `capacity` ASCII bytes and returns how many it wrote.
    @inline(__always)
    static func make(capacity: Int, _ fill: (UnsafeMutableBufferPointer<UInt8>) -> Int) -> String {
        String(unsafeUninitializedCapacity: capacity, initializingUTF8With: fill)
    }

    /// The decimal digits of a non-negative number below 10,000 written with leading zeros to `width` into `buffer`
    /// at `index`; returns the index after them.
    @inline(__always)
    static func writePadded(_ value: Int, width: Int, into buffer: UnsafeMutableBufferPointer<UInt8>, at index: Int) -> Int {
        var remaining = value
        var position = index + width - 1
        while position >= index {
            buffer[position] = UInt8(truncatingIfNeeded: 0x30 + remaining % 10)
            remaining /= 10
            position -= 1
        }
        return index + width
    }

    /// The decimal digits of a non-negative number, without leading zeros.
    static func decimal(_ value: Int) -> String {
        var digits = 1
        var power = 10
        while power <= value, digits < 19 {
            digits += 1
            power = power.multipliedReportingOverflow(by: 10).overflow ? Int.max : power * 10
        }
        return make(capacity: digits) { buffer in writePadded(value, width: digits, into: buffer, at: 0) }
    }

    /// ISO 8601 `yyyy-mm-dd` for a date, built without intermediate strings.
    static func iso(year: Int, month: Int, day: Int) -> String {
        make(capacity: 10) { buffer in
            var index = writePadded(year, width: 4, into: buffer, at: 0)
            buffer[index] = 0x2D
            index = writePadded(month, width: 2, into: buffer, at: index + 1)
            buffer[index] = 0x2D
            return writePadded(day, width: 2, into: buffer, at: index + 1)
        }
    }
}
