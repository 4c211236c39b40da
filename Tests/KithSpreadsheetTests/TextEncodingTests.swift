import Foundation
import KithTestSupport
import Testing

@testable import KithSpreadsheet

/// Which encoding a CSV file is read in, and the warnings when some of its bytes do not fit it.
struct TextEncodingTests {
    /// A UTF-8 list with accented names, and one stray Windows-1252 "é" (0xE9) pasted into row 4.
    private func utf8WithAStrayByte(in folder: TemporaryFolder) throws -> URL {
        var bytes = Array("Forename,Surname,Town\r\nMaría,López,Cádiz\r\nJosé,Núñez,Zoë Road\r\n".utf8)
        bytes += Array("Ren".utf8) + [0xE9] + Array("e,Smith,Leeds\r\nSiân,Brontë,Haworth\r\n".utf8)
        return try folder.file("stray.csv", bytes: bytes)
    }

    @Test func readsAUTF8FileWithAStrayByteAsUTF8() throws {
        let folder = try TemporaryFolder()
        let url = try utf8WithAStrayByte(in: folder)
        let fingerprint = try FileFingerprint.inspect(url)
        #expect(fingerprint.encoding == .utf8)
        #expect(fingerprint.invalidUTF8Sequences == 1)
        #expect(fingerprint.utf8MultibyteCharacters == 9)
        let (layout, rows, statistics) = try TableRows.table(url)
        #expect(layout.encoding == .utf8)
        #expect(
            rows.map(\.cells) == [
                ["María", "López", "Cádiz"], ["José", "Núñez", "Zoë Road"], ["Ren\u{FFFD}e", "Smith", "Leeds"], ["Siân", "Brontë", "Haworth"],
            ])
        let warning = try #require(statistics.warnings.first)
        #expect(warning.check == "file.invalid-utf8")
        #expect(warning.row == 4)
        #expect(warning.column == "A")
        #expect(warning.message.contains("row 4, column A (Forename)"))
        #expect(warning.message.contains("1 character is not UTF-8"))
        #expect(warning.message.contains("CSV UTF-8"))
    }

    @Test func namesTheFirstFewStrayBytesAndCountsThemAll() throws {
        let folder = try TemporaryFolder()
        var bytes = Array("Name,Note\n".utf8)
        for row in 0..<40 { bytes += Array("Zoë \(row),".utf8) + (row % 5 == 0 ? [0x93] : []) + Array("ok\n".utf8) }
        let url = try folder.file("many.csv", bytes: bytes)
        let (_, _, statistics) = try TableRows.table(url)
        let warning = try #require(statistics.warnings.first { $0.check == "file.invalid-utf8" })
        #expect(warning.message.contains("8 characters are not UTF-8"))
        #expect(
            warning.message.contains(
                "row 2, column B (Note); row 7, column B (Note); row 12, column B (Note); row 17, column B (Note); row 22, column B (Note) and elsewhere"
            ))
    }

    @Test func warnsOfStrayBytesInAFileWithAByteOrderMark() throws {
        let folder = try TemporaryFolder()
        let url = try folder.file("bom.csv", bytes: TextEncoding.byteOrderMark + Array("Name\nAnn".utf8) + [0xFF] + Array("\n".utf8))
        let (layout, rows, statistics) = try TableRows.table(url)
        #expect(layout.encoding == .utf8WithBOM)
        #expect(rows[0].cells == ["Ann\u{FFFD}"])
        #expect(statistics.warnings.map(\.check) == ["file.invalid-utf8"])
    }

    @Test func keepsAPlainExcelCSVAsWindows1252WithoutAWarning() throws {
        let folder = try TemporaryFolder()
        var bytes = Array("Forename,Surname\r\n".utf8)
        bytes += Array("Mar".utf8) + [0xED] + Array("a,L".utf8) + [0xF3] + Array("pez\r\n".utf8)
        bytes += Array("Ren".utf8) + [0xE9] + Array("e,Bront".utf8) + [0xEB] + Array("\r\n".utf8)
        let url = try folder.file("excel.csv", bytes: bytes)
        #expect(try FileFingerprint.inspect(url).encoding == .windows1252)
        let (_, rows, statistics) = try TableRows.table(url)
        #expect(rows.map(\.cells) == [["María", "López"], ["Renée", "Brontë"]])
        #expect(statistics.warnings.isEmpty)
    }

    @Test func warnsWhenAFileReadAsWindows1252HoldsUTF8() throws {
        let folder = try TemporaryFolder()
        // As many stray bytes as UTF-8 characters: read as Windows-1252, with a warning where the UTF-8 is.
        var bytes = Array("Forename,Surname\r\nRen".utf8) + [0xE9] + Array("e,Smith\r\n".utf8)
        bytes += Array("Ann,Brontë\r\n".utf8)
        let url = try folder.file("mixed.csv", bytes: bytes)
        #expect(try FileFingerprint.inspect(url).encoding == .windows1252)
        let (_, rows, statistics) = try TableRows.table(url)
        #expect(rows.map(\.cells) == [["Renée", "Smith"], ["Ann", "BrontÃ«"]])
        let warning = try #require(statistics.warnings.first)
        #expect(warning.check == "file.mixed-encoding")
        #expect(warning.row == 3)
        #expect(warning.column == "B")
        #expect(warning.message.contains("row 3, column B (Surname)"))
        #expect(warning.message.contains("1 character is written as UTF-8"))
    }

    @Test func forEachRowReportsStrayBytesWithoutHeaderNames() throws {
        let folder = try TemporaryFolder()
        let url = try utf8WithAStrayByte(in: folder)
        let fingerprint = try FileFingerprint.inspect(url)
        let warnings = try CSVReader(url: url, fingerprint: fingerprint).forEachRow { _ in }
        #expect(warnings.map(\.check) == ["file.invalid-utf8"])
        #expect(warnings[0].message.contains("\"\u{FFFD}\": row 4, column A. "))
    }

    @Test func countsWellFormedCharactersAndStrayBytesAcrossChunks() {
        var validator = UTF8Validator()
        let bytes = Array("aé€😀".utf8) + [0xE9, 0x62, 0xE2, 0x82, 0x63, 0xF0, 0x9F, 0x98, 0x80]
        for byte in bytes { [byte].withUnsafeBufferPointer { validator.consume($0) } }
        #expect(validator.multibyteCharacters == 4)
        #expect(validator.invalidSequences == 2)
        #expect(!validator.finish())
        var cut = UTF8Validator()
        [0x61, 0xE2, 0x82].withUnsafeBufferPointer { cut.consume($0) }
        #expect(cut.invalidSequencesAtEnd == 1)
    }
}
