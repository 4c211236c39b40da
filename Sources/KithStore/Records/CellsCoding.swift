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
            output.append(UInt8(ascii: "\""))
            for byte in cell.utf8 {
                switch byte {
                case UInt8(ascii: "\""): output.append(contentsOf: [0x5C, 0x22])
                case UInt8(ascii: "\\"): output.append(contentsOf: [0x5C, 0x5C])
                case 0x0A: output.append(contentsOf: [0x5C, UInt8(ascii: "n")])
                case 0x0D: output.append(contentsOf: [0x5C, UInt8(ascii: "r")])
                case 0x09: output.append(contentsOf: [0x5C, UInt8(ascii: "t")])
                case 0..<0x20:
                    output.append(contentsOf: Array("\\u00".utf8))
                    output.append(hexDigits[Int(byte >> 4)])
                    output.append(hexDigits[Int(byte & 0xF)])
                default: output.append(byte)
                }
            }
            output.append(UInt8(ascii: "\""))
        }
        output.append(UInt8(ascii: "]"))
    }

    public static func decode(_ json: String) -> [String] {
        (try? JSONDecoder().decode([String].self, from: Data(json.utf8))) ?? []
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)
}
