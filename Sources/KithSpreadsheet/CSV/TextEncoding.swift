/// The text encodings partner CSV files arrive in.
public enum TextEncoding: String, Sendable, Equatable, CaseIterable {
    /// UTF-8 without a byte-order mark.
    case utf8 = "UTF-8"
    /// UTF-8 with a byte-order mark, as Excel's "CSV UTF-8" writes it.
    case utf8WithBOM = "UTF-8 with BOM"
    /// Windows-1252, as Excel's plain "CSV" writes it on a UK Windows PC.
    case windows1252 = "Windows-1252"

    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]
}

/// Windows-1252: Latin-1 except for 0x80–0x9F, where it keeps curly quotes, dashes, € and a few letters.
enum Windows1252 {
    /// Unicode scalars for bytes 0x80–0x9F; 0 marks the five bytes Windows-1252 leaves undefined.
    static let highControlRange: [UInt32] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
    ]

    /// Decodes bytes; the five undefined bytes become the C1 controls of the same value, as Python's and WHATWG's decoders do.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var scalars = String.UnicodeScalarView()
        for byte in bytes {
            if byte >= 0x80, byte <= 0x9F, case let value = highControlRange[Int(byte) - 0x80], value != 0 {
                scalars.append(Unicode.Scalar(value)!)
            } else {
                scalars.append(Unicode.Scalar(byte))
            }
        }
        return String(scalars)
    }

    /// Encodes text; characters Windows-1252 cannot hold become "?".
    static func encode(_ text: String) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if scalar.value < 0x80 || (0xA0...0xFF).contains(scalar.value) {
                bytes.append(UInt8(scalar.value))
            } else if let index = highControlRange.firstIndex(of: scalar.value) {
                bytes.append(UInt8(0x80 + index))
            } else {
                bytes.append(UInt8(ascii: "?"))
            }
        }
        return bytes
    }
}
