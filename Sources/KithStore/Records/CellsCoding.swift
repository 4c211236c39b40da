import Foundation

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

    private static func appendString(_ text: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
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
        output.append(UInt8(ascii: "\""))
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

    /// Decodes an object written by ``append(changes:to:)``.
    public static func decodeChanges(_ json: String) -> [Int: String?] {
        guard let object = try? JSONDecoder().decode([String: String?].self, from: Data(json.utf8)) else { return [:] }
        var changes: [Int: String?] = [:]
        for (key, value) in object {
            if let position = Int(key) { changes[position] = value }
        }
        return changes
    }

    public static func decode(_ json: String) -> [String] {
        (try? JSONDecoder().decode([String].self, from: Data(json.utf8))) ?? []
    }

    private static let null = Array("null".utf8)
    private static let hexDigits = Array("0123456789abcdef".utf8)
}
