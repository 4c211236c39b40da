/// Stores a row's cells as a JSON array of strings, written by hand because it runs once per imported row.
///
/// JSON keeps the cells readable with SQLite's own functions (`json_extract(cells, '$[2]')`).
public enum CellsCoding {
    public static func encode(_ cells: [String]) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(cells.reduce(2) { $0 + $1.utf8.count + 3 })
        append(cells, to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// Appends a JSON array of the cells to a byte buffer.
    public static func append(_ cells: [String], to output: inout [UInt8]) {
        output.append(UInt8(ascii: "["))
        for (index, cell) in cells.enumerated() {
            if index > 0 { output.append(UInt8(ascii: ",")) }
            appendString(cell, to: &output)
        }
        output.append(UInt8(ascii: "]"))
    }

    /// Appends one text as a JSON string literal to a byte buffer: a cell, or a text of other JSON written by hand.
    public static func appendString(_ text: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        // Native strings lend their bytes without a copy; others (bridged from Foundation) are made contiguous first.
        if text.utf8.withContiguousStorageIfAvailable({ appendEscaped($0, to: &output) }) == nil {
            var text = text
            text.withUTF8 { appendEscaped($0, to: &output) }
        }
        output.append(UInt8(ascii: "\""))
    }

    private static func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        // Copy runs of bytes that need no escaping in one go.
        var runStart = 0
        for index in 0..<bytes.count {
            let byte = bytes[index]
            guard byte < 0x20 || byte == 0x22 || byte == 0x5C else { continue }
            if index > runStart { output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index])) }
            runStart = index + 1
            switch byte {
            case 0x22: output.append(contentsOf: [0x5C, 0x22])
            case 0x5C: output.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: output.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0D: output.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x09: output.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            default:
                output.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30])
                output.append(hexDigits[Int(byte >> 4)])
                output.append(hexDigits[Int(byte & 0xF)])
            }
        }
        if bytes.count > runStart { output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count])) }
    }

    /// Appends a JSON object of values keyed by column position, `{"3":"1948-07-05","5":null}`, to a byte buffer.
    public static func append(changes: [(position: Int, value: String?)], to output: inout [UInt8]) {
        output.append(UInt8(ascii: "{"))
        for (index, change) in changes.enumerated() {
            if index > 0 { output.append(UInt8(ascii: ",")) }
            output.append(UInt8(ascii: "\""))
            output.append(contentsOf: String(change.position).utf8)
            output.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":")])
            if let value = change.value {
                appendString(value, to: &output)
            } else {
                output.append(contentsOf: null)
            }
        }
        output.append(UInt8(ascii: "}"))
    }

    /// Decodes an object written by ``append(changes:to:)``; empty when the text is not such an object.
    public static func decodeChanges(_ json: String) -> [Int: String?] {
        var json = json
        return json.withUTF8 { bytes in
            var index = 0
            guard skip(UInt8(ascii: "{"), in: bytes, at: &index) else { return [:] }
            var changes: [Int: String?] = [:]
            if skip(UInt8(ascii: "}"), in: bytes, at: &index) { return changes }
            repeat {
                guard let key = readString(bytes, at: &index), skip(UInt8(ascii: ":"), in: bytes, at: &index) else { return [:] }
                let value: String?
                if skipNull(bytes, at: &index) {
                    value = nil
                } else {
                    guard let string = readString(bytes, at: &index) else { return [:] }
                    value = string
                }
                if let position = Int(key) { changes[position] = value }
            } while skip(UInt8(ascii: ","), in: bytes, at: &index)
            return skip(UInt8(ascii: "}"), in: bytes, at: &index) ? changes : [:]
        }
    }

    /// The normalised value of a tagged cell, from the row's cells and its decoded changes: the change where there
    /// is one, else the cell as written, and nil for a blank cell.
    public static func normalisedValue(at position: Int, cells: [String], changes: [Int: String?]) -> String? {
        if let change = changes[position] { return change }
        guard position < cells.count, !cells[position].allSatisfy(\.isWhitespace) else { return nil }
        return cells[position]
    }

    /// Decodes an array written by ``encode(_:)``, or any JSON array of strings; empty when the text is not one.
    /// Read by hand, as it is written, because linkage reads every stored row.
    public static func decode(_ json: String) -> [String] {
        var json = json
        return json.withUTF8 { bytes in
            var index = 0
            guard skip(UInt8(ascii: "["), in: bytes, at: &index) else { return [] }
            var cells: [String] = []
            if skip(UInt8(ascii: "]"), in: bytes, at: &index) { return cells }
            repeat {
                guard let cell = readString(bytes, at: &index) else { return [] }
                cells.append(cell)
            } while skip(UInt8(ascii: ","), in: bytes, at: &index)
            return skip(UInt8(ascii: "]"), in: bytes, at: &index) ? cells : []
        }
    }

    /// Skips whitespace, then `byte` if it comes next, saying whether it did.
    private static func skip(_ byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, at index: inout Int) -> Bool {
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x0D || bytes[index] == 0x09 {
            index += 1
        }
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    /// Skips whitespace, then `null` if it comes next, saying whether it did.
    private static func skipNull(_ bytes: UnsafeBufferPointer<UInt8>, at index: inout Int) -> Bool {
        var next = index
        guard skip(UInt8(ascii: "n"), in: bytes, at: &next), next + 3 <= bytes.count, bytes[next..<next + 3].elementsEqual(null.dropFirst())
        else { return false }
        index = next + 3
        return true
    }

    /// Reads a JSON string after any whitespace; nil when none comes next.
    private static func readString(_ bytes: UnsafeBufferPointer<UInt8>, at index: inout Int) -> String? {
        guard skip(UInt8(ascii: "\""), in: bytes, at: &index) else { return nil }
        let start = index
        while index < bytes.count {
            switch bytes[index] {
            case 0x22:
                index += 1
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index - 1]), as: UTF8.self)
            case 0x5C:
                return readEscapedString(bytes, from: start, at: &index)
            case ..<0x20:
                return nil
            default:
                index += 1
            }
        }
        return nil
    }

    /// Reads the rest of a string from its first backslash, `start` being just after its opening quote.
    private static func readEscapedString(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, at index: inout Int) -> String? {
        var output = Array(bytes[start..<index])
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case 0x22:
                return String(decoding: output, as: UTF8.self)
            case 0x5C:
                guard index < bytes.count else { return nil }
                let escaped = bytes[index]
                index += 1
                switch escaped {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): output.append(escaped)
                case UInt8(ascii: "n"): output.append(0x0A)
                case UInt8(ascii: "r"): output.append(0x0D)
                case UInt8(ascii: "t"): output.append(0x09)
                case UInt8(ascii: "b"): output.append(0x08)
                case UInt8(ascii: "f"): output.append(0x0C)
                case UInt8(ascii: "u"):
                    guard let scalar = readUnicodeEscape(bytes, at: &index) else { return nil }
                    UTF8.encode(scalar) { output.append($0) }
                default: return nil
                }
            case ..<0x20:
                return nil
            default:
                output.append(byte)
            }
        }
        return nil
    }

    /// Reads the four hex digits after `\u`, and a low surrogate's escape after a high one; a lone surrogate reads
    /// as U+FFFD.
    private static func readUnicodeEscape(_ bytes: UnsafeBufferPointer<UInt8>, at index: inout Int) -> Unicode.Scalar? {
        guard let unit = readHex(bytes, at: &index) else { return nil }
        if (0xD800..<0xDC00).contains(unit), index + 6 <= bytes.count, bytes[index] == 0x5C, bytes[index + 1] == UInt8(ascii: "u") {
            var next = index + 2
            if let low = readHex(bytes, at: &next), (0xDC00..<0xE000).contains(low) {
                index = next
                return Unicode.Scalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))
            }
        }
        return Unicode.Scalar(unit) ?? "\u{FFFD}"
    }

    private static func readHex(_ bytes: UnsafeBufferPointer<UInt8>, at index: inout Int) -> UInt32? {
        guard index + 4 <= bytes.count else { return nil }
        var value: UInt32 = 0
        for byte in bytes[index..<index + 4] {
            guard let digit = Character(UnicodeScalar(byte)).hexDigitValue else { return nil }
            value = value << 4 | UInt32(digit)
        }
        index += 4
        return value
    }

    private static let null = Array("null".utf8)
    private static let hexDigits = Array("0123456789abcdef".utf8)
}
