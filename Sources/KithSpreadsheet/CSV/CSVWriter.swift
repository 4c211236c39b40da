import Foundation

/// Writes RFC 4180 CSV: fields quoted only when they need it, CRLF line ends, in the encoding a partner's tool expects.
public final class CSVWriter {
    private let output: ByteFileWriter
    private let delimiter: UInt8
    private let encoding: TextEncoding

    /// Creates the file at `url`, replacing any there.
    /// - Parameters:
    ///   - delimiter: a single ASCII character: comma, semicolon, tab or pipe.
    public init(url: URL, delimiter: Character = ",", encoding: TextEncoding = .utf8) throws {
        precondition(delimiter.isASCII, "the delimiter must be one ASCII character")
        output = try ByteFileWriter(creating: url)
        self.delimiter = delimiter.asciiValue!
        self.encoding = encoding
        if encoding == .utf8WithBOM {
            try TextEncoding.byteOrderMark.withUnsafeBufferPointer { try output.write(bytes: $0) }
        }
    }

    /// Appends one record. Fields holding the delimiter, a quote, a line break or outer spaces are quoted.
    public func appendRow(_ fields: [String]) throws {
        for (index, field) in fields.enumerated() {
            if index > 0 { try output.write(byte: delimiter) }
            try write(field: field)
        }
        try output.write(byte: 0x0D)
        try output.write(byte: 0x0A)
    }

    /// Appends records already encoded with ``encodeRow(_:delimiter:into:)``: rows built on several threads at once
    /// and written in order. Only for UTF-8 files, and the delimiter the rows were encoded with.
    public func append(encodedRows bytes: [UInt8]) throws {
        precondition(encoding != .windows1252, "encoded rows are UTF-8")
        try bytes.withUnsafeBufferPointer { try output.write(bytes: $0) }
    }

    /// Appends one record's UTF-8 bytes, exactly as ``appendRow(_:)`` writes them to a UTF-8 file, to `bytes`.
    public static func encodeRow(_ fields: [String], delimiter: Character = ",", into bytes: inout [UInt8]) {
        precondition(delimiter.isASCII, "the delimiter must be one ASCII character")
        let delimiter = delimiter.asciiValue!
        for (index, field) in fields.enumerated() {
            if index > 0 { bytes.append(delimiter) }
            var text = quotedIfNeeded(field, delimiter: delimiter)
            text.withUTF8 { bytes.append(contentsOf: $0) }
        }
        bytes.append(0x0D)
        bytes.append(0x0A)
    }

    /// The field as written: quoted when it holds the delimiter, a quote, a line break or outer spaces.
    private static func quotedIfNeeded(_ field: String, delimiter: UInt8) -> String {
        let needsQuotes =
            field.utf8.contains { $0 == delimiter || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
            || field.first == " " || field.last == " "
        return needsQuotes ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
    }

    /// Flushes and closes the file.
    public func finish() throws {
        try output.close()
    }

    private func write(field: String) throws {
        var text = Self.quotedIfNeeded(field, delimiter: delimiter)
        switch encoding {
        case .utf8, .utf8WithBOM:
            try text.withUTF8 { try output.write(bytes: $0) }
        case .windows1252:
            try Windows1252.encode(text).withUnsafeBufferPointer { try output.write(bytes: $0) }
        }
    }
}
