import Foundation
import KithSpreadsheet

@testable import KithSynthetic

/// A small borough generated once per test run, shared by the tests that only read it.
enum Fixture {
    static let configuration = BoroughConfiguration(people: 2_000, seed: 20_261_116)

    static let generated: (directory: URL, summary: BoroughSummary) = {
        let directory = temporaryDirectory("fixture")
        let summary = try! BoroughGenerator(configuration: configuration).write(to: directory)
        atexit { try? FileManager.default.removeItem(at: Fixture.directory) }
        return (directory, summary)
    }()

    static var directory: URL { generated.directory }
    static var summary: BoroughSummary { generated.summary }

    static let people: [[String: String]] = try! CSVTable(file: directory.appendingPathComponent("truth/people.csv")).records
    static let households: [[String: String]] = try! CSVTable(file: directory.appendingPathComponent("truth/households.csv")).records
    static let records: [[String: String]] = try! CSVTable(file: directory.appendingPathComponent("truth/records.csv")).records

    static let peopleByID: [String: [String: String]] = Dictionary(uniqueKeysWithValues: people.map { ($0["person_id"]!, $0) })

    static func temporaryDirectory(_ name: String) -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("kith-synthetic-tests-\(name)-\(UUID().uuidString)", isDirectory: true)
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func bytes(_ relativePath: String, in directory: URL = Fixture.directory) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: directory.appendingPathComponent(relativePath)))
    }
}

/// A tiny RFC 4180 reader: quoted fields may hold the delimiter, doubled quotes and line breaks; CRLF or LF ends a record.
enum RFC4180 {
    static func parse(_ text: String, delimiter: Character = ",") -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var inQuotes = false
        var afterQuote = false
        var characters = text.makeIterator()
        var pending: Character? = nil
        func next() -> Character? {
            if let character = pending {
                pending = nil
                return character
            }
            return characters.next()
        }
        var sawAnything = false
        while let character = next() {
            sawAnything = true
            if inQuotes {
                if character == "\"" {
                    if let following = next() {
                        if following == "\"" {
                            field.append("\"")
                        } else {
                            inQuotes = false
                            afterQuote = true
                            pending = following
                        }
                    } else {
                        inQuotes = false
                    }
                } else {
                    field.append(character)
                }
                continue
            }
            switch character {
            case "\"" where field.isEmpty && !afterQuote:
                inQuotes = true
            case delimiter:
                record.append(field)
                field = ""
                afterQuote = false
            case "\r\n", "\n", "\r":
                record.append(field)
                records.append(record)
                record = []
                field = ""
                afterQuote = false
                sawAnything = false
            default:
                field.append(character)
            }
        }
        if sawAnything || !field.isEmpty || !record.isEmpty {
            record.append(field)
            records.append(record)
        }
        return records
    }
}

/// A CSV file read into header-keyed records.
struct CSVTable {
    var header: [String]
    var rows: [[String]]

    init(file: URL, delimiter: Character = ",", windows1252: Bool = false) throws {
        var bytes = [UInt8](try Data(contentsOf: file))
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        let text = windows1252 ? Windows1252Decoder.decode(bytes) : String(decoding: bytes, as: UTF8.self)
        let all = RFC4180.parse(text, delimiter: delimiter)
        header = all.first ?? []
        rows = Array(all.dropFirst())
    }

    var records: [[String: String]] {
        rows.map { row in
            var record: [String: String] = [:]
            for (index, name) in header.enumerated() { record[name] = index < row.count ? row[index] : "" }
            return record
        }
    }
}

/// Windows-1252 decoding, written independently of KithSpreadsheet's own.
enum Windows1252Decoder {
    static let high: [UInt32] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
    ]

    /// Bytes Windows-1252 leaves undefined.
    static let undefined: Set<UInt8> = [0x81, 0x8D, 0x8F, 0x90, 0x9D]

    static func decode(_ bytes: [UInt8]) -> String {
        var scalars = String.UnicodeScalarView()
        for byte in bytes {
            if byte >= 0x80, byte <= 0x9F, high[Int(byte) - 0x80] != 0 {
                scalars.append(Unicode.Scalar(high[Int(byte) - 0x80])!)
            } else {
                scalars.append(Unicode.Scalar(byte))
            }
        }
        return String(scalars)
    }
}

/// Comparison keys for names: upper-case ASCII letters only.
func nameKey(_ text: String) -> String {
    String(Diacritics.ascii(text).uppercased().unicodeScalars.filter { $0.value >= 65 && $0.value <= 90 }.map(Character.init))
}
