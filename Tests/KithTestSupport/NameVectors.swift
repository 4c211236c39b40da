import Foundation

/// The name vectors (`Tests/Data/name-vectors.csv`, made from reference libraries; see that folder's README), read with a small RFC 4180 reader,
/// shared by the tests of every string measure, phonetic code and name normaliser.
public enum NameVectors {
    /// `Tests/Data/name-vectors.csv`.
    public static func path() throws -> String {
        try TestData.url("name-vectors.csv").path
    }

    /// The rows as dictionaries keyed by the header.
    /// Every record, the header first.
    public static func records() throws -> [[String]] {
        parse(Array(try Data(contentsOf: URL(fileURLWithPath: try path()))))
    }

    public static func rows() throws -> [[String: String]] {
        let records = try records()
        guard let header = records.first else { return [] }
        return records.dropFirst().filter { $0 != [""] }.map { record in
            Dictionary(uniqueKeysWithValues: zip(header, record + Array(repeating: "", count: max(0, header.count - record.count))))
        }
    }

    /// RFC 4180: fields separated by commas, records by CRLF or LF; quoted fields may hold commas, line breaks and
    /// doubled quotes.
    public static func parse(_ bytes: [UInt8]) -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field: [UInt8] = []
        var quoted = false
        var index = 0
        func endField() {
            record.append(String(decoding: field, as: UTF8.self))
            field.removeAll()
        }
        func endRecord() {
            endField()
            records.append(record)
            record.removeAll()
        }
        while index < bytes.count {
            let byte = bytes[index]
            if quoted {
                if byte == UInt8(ascii: "\"") {
                    if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\"") {
                        field.append(byte)
                        index += 1
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(byte)
                }
            } else {
                switch byte {
                case UInt8(ascii: "\""): quoted = true
                case UInt8(ascii: ","): endField()
                case UInt8(ascii: "\r"): break
                case UInt8(ascii: "\n"): endRecord()
                default: field.append(byte)
                }
            }
            index += 1
        }
        if !field.isEmpty || !record.isEmpty { endRecord() }
        return records
    }
}
