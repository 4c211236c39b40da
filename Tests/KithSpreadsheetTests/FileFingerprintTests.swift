import Foundation
import KithTestSupport
import Testing

@testable import KithSpreadsheet

struct FileFingerprintTests {
    @Test func hashesTheWholeFile() throws {
        let folder = try TemporaryFolder()
        let file = try folder.file("abc.csv", text: "abc")
        let fingerprint = try FileFingerprint.inspect(file)
        #expect(fingerprint.sha256 == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(fingerprint.byteCount == 3)
        #expect(fingerprint.format == .csv)
        #expect(fingerprint.encoding == .utf8)
    }

    @Test func refusesAnEmptyFile() throws {
        let folder = try TemporaryFolder()
        let file = try folder.file("empty.csv", bytes: [])
        let error = try #require(throws: SpreadsheetError.self) { try FileFingerprint.inspect(file) }
        #expect(error.reason == .emptyFile)
        #expect(error.description.hasPrefix("empty.csv: "))
    }

    @Test func refusesRandomBytes() throws {
        let folder = try TemporaryFolder()
        var generator = SystemRandomNumberGenerator()
        let file = try folder.file("random.csv", bytes: (0..<100_000).map { _ in UInt8.random(in: 0...255, using: &generator) })
        let error = try #require(throws: SpreadsheetError.self) { try FileFingerprint.inspect(file) }
        #expect(error.reason == .notASpreadsheet)
    }

    @Test func refusesAPasswordProtectedWorkbook() throws {
        let folder = try TemporaryFolder()
        // An encrypted .xlsx is an OLE compound file whose directory names an "EncryptedPackage" stream.
        var bytes: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 200_000)
        let name = "EncryptedPackage".utf8.flatMap { [$0, 0] as [UInt8] }
        bytes.replaceSubrange(150_000..<(150_000 + name.count), with: name)
        let file = try folder.file("protected.xlsx", bytes: bytes)
        let error = try #require(throws: SpreadsheetError.self) { try FileFingerprint.inspect(file) }
        #expect(error.reason == .passwordProtected)
        #expect(error.remedy.contains("remove the password"))
    }

    @Test func refusesALegacyXLSWorkbook() throws {
        let folder = try TemporaryFolder()
        let file = try folder.file("old.xls", bytes: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 4_096))
        let error = try #require(throws: SpreadsheetError.self) { try FileFingerprint.inspect(file) }
        #expect(error.reason == .legacyWorkbook)
    }

    @Test func refusesUTF16Text() throws {
        let folder = try TemporaryFolder()
        let file = try folder.file("unicode.txt", bytes: [0xFF, 0xFE] + "a\tb".utf8.flatMap { [$0, 0] as [UInt8] })
        let error = try #require(throws: SpreadsheetError.self) { try FileFingerprint.inspect(file) }
        #expect(error.reason == .unsupportedEncoding)
    }

    @Test func refusesTextNamedAsAWorkbook() throws {
        let folder = try TemporaryFolder()
        let file = try folder.file("list.xlsx", text: "Name,DOB\nAnn,01/02/1950\n")
        let error = try #require(throws: SpreadsheetError.self) { try FileFingerprint.inspect(file) }
        #expect(error.reason == .brokenWorkbook)
    }

    @Test func validatesUTF8AcrossChunkBoundaries() throws {
        var validator = UTF8Validator()
        let bytes = Array("aé€😀".utf8)
        for byte in bytes {
            [byte].withUnsafeBufferPointer { validator.consume($0) }
        }
        #expect(validator.finish())
        var broken = UTF8Validator()
        [0x61, 0xE9, 0x62].withUnsafeBufferPointer { broken.consume($0) }
        #expect(!broken.finish())
        var overlong = UTF8Validator()
        [0xC0, 0xAF].withUnsafeBufferPointer { overlong.consume($0) }
        #expect(!overlong.finish())
        var truncated = UTF8Validator()
        [0x61, 0xE2, 0x82].withUnsafeBufferPointer { truncated.consume($0) }
        #expect(!truncated.finish())
    }
}
