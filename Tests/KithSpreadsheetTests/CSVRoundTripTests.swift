import Foundation
import KithTestSupport
import Testing

@testable import KithSpreadsheet

/// Random tables written by Kith's CSV writer read back cell for cell, in every delimiter and encoding:
/// quotes, delimiters, line breaks of every kind and non-ASCII text in any field, across read-chunk boundaries.
struct CSVRoundTripTests {
    /// A small seeded generator, so a failure can be replayed.
    static let pieces = ["a", "Zoë", "O'Neill", "\"", "\"\"", ",", ";", "\t", "|", "\n", "\r\n", "\r", " ", "  ", "é", "€", "Siân", "1", "=1+1", ""]

    static func randomField(using generator: inout SplitMix64, windows1252: Bool) -> String {
        let count = Int.random(in: 0...6, using: &generator)
        var field = ""
        for _ in 0..<count {
            var piece = pieces.randomElement(using: &generator)!
            if windows1252, piece == "Zoë" || piece == "Siân" { piece = "é" }
            field += piece
        }
        return field
    }

    static let dialects: [(delimiter: Character, encoding: TextEncoding)] = [
        (",", .utf8), (";", .utf8WithBOM), ("\t", .windows1252), ("|", .utf8),
    ]

    @Test(arguments: 0..<4)
    func readsBackWhatTheWriterWrote(dialect: Int) throws {
        let (delimiter, encoding) = Self.dialects[dialect]
        let folder = try TemporaryFolder()
        var generator = SplitMix64(seed: UInt64(delimiter.asciiValue!) * 7919)
        var rows: [[String]] = [["first", "second", "third", "fourth"]]
        for _ in 0..<40_000 {
            rows.append((0..<4).map { _ in Self.randomField(using: &generator, windows1252: encoding == .windows1252) })
        }
        let url = folder.path("round.csv")
        let writer = try CSVWriter(url: url, delimiter: delimiter, encoding: encoding)
        for row in rows { try writer.appendRow(row) }
        try writer.finish()

        #expect(try FileManager.default.attributesOfItem(atPath: url.path)[.size] as! Int > 1 << 20, "the file must span read chunks")
        let fingerprint = try FileFingerprint.inspect(url)
        #expect(CSVDialect.sniffDelimiter(in: fingerprint.sample) == delimiter.asciiValue)
        // Windows-1252 text that happens to hold no byte above 0x7F is also valid UTF-8, and reads the same.
        #expect(fingerprint.encoding == encoding || (encoding == .windows1252 && fingerprint.encoding == .utf8))
        var read: [[String]] = []
        try CSVReader(url: url, fingerprint: fingerprint).forEachRow { read.append($0.cells) }
        #expect(read.count == rows.count)
        for (index, (expected, actual)) in zip(rows, read).enumerated() where expected != actual {
            Issue.record("row \(index + 1): wrote \(expected), read \(actual)")
            break
        }
    }
}
