import Foundation
import KithTestSupport
import Testing

@testable import KithSpreadsheet

/// Workbooks whose zip is damaged or was built by hand so that Kith might read something other than Excel shows:
/// each is refused, naming the file and the part, and saying to save it again from Excel.
struct DamagedZipTests {
    private static let sheetPart = "xl/worksheets/sheet1.xml"
    private static let sheet = WorkbookFixture.worksheet(
        "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Name</t></is></c></row><row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>Ann</t></is></c></row>"
    )

    /// A valid workbook written by Kith's own writer.
    private func written(in folder: TemporaryFolder) throws -> URL {
        let url = folder.path("clients.xlsx")
        let writer = try XLSXWriter(url: url)
        try writer.beginSheet(named: "Clients")
        try writer.appendRow([.text("Name"), .text("Date of birth")])
        for index in 0..<50 { try writer.appendRow([.text("Resident \(index)"), .integer(index)]) }
        try writer.finish()
        return url
    }

    private func refusal(_ url: URL) throws -> SpreadsheetError {
        try #require(throws: SpreadsheetError.self) { _ = try TableRows.table(url) }
    }

    private func expectDamaged(_ error: SpreadsheetError, file: String, part: String, saying detail: String) {
        #expect(error.reason == .brokenWorkbook)
        #expect(error.file == file)
        #expect(error.problem.hasPrefix("The workbook is damaged or was not saved by Excel: "), "\(error)")
        #expect(error.problem.contains(part), "\(error)")
        #expect(error.problem.contains(detail), "\(error)")
        #expect(error.remedy.hasPrefix("Open it in Excel and save it again as .xlsx"))
    }

    @Test func readsTheWorkbookBeforeItIsDamaged() throws {
        let folder = try TemporaryFolder()
        let (layout, rows, _) = try TableRows.table(try written(in: folder))
        #expect(layout.columnNames == ["Name", "Date of birth"])
        #expect(rows.count == 50)
    }

    @Test func refusesAChecksumMismatch() throws {
        let folder = try TemporaryFolder()
        let url = try written(in: folder)
        try ZipBytes.patch(url) { bytes in
            let headers = try #require(ZipBytes.headers(of: Self.sheetPart, in: bytes))
            let wrong = ZipBytes.read32(bytes, headers.central + 16) ^ 0x0000_0001
            ZipBytes.write32(wrong, &bytes, headers.central + 16)
            ZipBytes.write32(wrong, &bytes, headers.local + 14)
        }
        expectDamaged(try refusal(url), file: "clients.xlsx", part: Self.sheetPart, saying: "does not match its checksum (CRC-32)")
    }

    @Test func refusesADirectoryWhoseChecksumDisagreesWithThePartsOwnHeader() throws {
        let folder = try TemporaryFolder()
        let url = try written(in: folder)
        try ZipBytes.patch(url) { bytes in
            let headers = try #require(ZipBytes.headers(of: "xl/workbook.xml", in: bytes))
            ZipBytes.write32(ZipBytes.read32(bytes, headers.central + 16) ^ 0x8000_0000, &bytes, headers.central + 16)
        }
        expectDamaged(try refusal(url), file: "clients.xlsx", part: "xl/workbook.xml", saying: "different checksum (CRC-32) in its own header")
    }

    @Test func refusesAnUnknownCompressionMethod() throws {
        let folder = try TemporaryFolder()
        let url = try written(in: folder)
        try ZipBytes.patch(url) { bytes in
            let headers = try #require(ZipBytes.headers(of: Self.sheetPart, in: bytes))
            ZipBytes.write16(99, &bytes, headers.central + 10)
            ZipBytes.write16(99, &bytes, headers.local + 8)
        }
        expectDamaged(try refusal(url), file: "clients.xlsx", part: Self.sheetPart, saying: "compressed with zip method 99")
    }

    @Test func refusesAnUnknownMethodOnAPartKithNeverReads() throws {
        let folder = try TemporaryFolder()
        let url = folder.path("extra.xlsx")
        var entries = ZipBytes.workbookEntries(sheet: Self.sheet)
        var picture = ZipBytes.Entry.stored("xl/media/image1.png", "not really a picture")
        picture.method = 12
        entries.append(picture)
        try Data(ZipBytes.make(entries)).write(to: url)
        expectDamaged(try refusal(url), file: "extra.xlsx", part: "xl/media/image1.png", saying: "zip method 12")
    }

    @Test func refusesADuplicatedPart() throws {
        let folder = try TemporaryFolder()
        let url = folder.path("twice.xlsx")
        let other = WorkbookFixture.worksheet("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Something else</t></is></c></row>")
        try Data(ZipBytes.make(ZipBytes.workbookEntries(sheet: Self.sheet) + [.stored(Self.sheetPart, other)])).write(to: url)
        expectDamaged(try refusal(url), file: "twice.xlsx", part: Self.sheetPart, saying: "holds the part \(Self.sheetPart) twice")
    }

    @Test func refusesAPartDuplicatedInAnotherCase() throws {
        let folder = try TemporaryFolder()
        let url = folder.path("case.xlsx")
        try Data(ZipBytes.make(ZipBytes.workbookEntries(sheet: Self.sheet) + [.stored("XL/Worksheets/Sheet1.xml", Self.sheet)])).write(to: url)
        expectDamaged(try refusal(url), file: "case.xlsx", part: "XL/Worksheets/Sheet1.xml", saying: "twice")
    }

    @Test func readsAHandAssembledWorkbook() throws {
        let folder = try TemporaryFolder()
        let url = folder.path("hand.xlsx")
        try Data(ZipBytes.make(ZipBytes.workbookEntries(sheet: Self.sheet))).write(to: url)
        let (layout, rows, _) = try TableRows.table(url)
        #expect(layout.columnNames == ["Name"])
        #expect(rows.map(\.cells) == [["Ann"]])
    }

    @Test func refusesADeflateStreamThatNeverEnds() throws {
        let folder = try TemporaryFolder()
        let url = folder.path("endless.xlsx")
        var entries = ZipBytes.workbookEntries(sheet: Self.sheet)
        // A stored deflate block that promises 65,535 bytes and is not the last: the stream runs on past the part.
        entries[4] = ZipBytes.Entry(
            name: Self.sheetPart, method: 8, data: [0x00, 0xFF, 0xFF, 0x00, 0x00] + Array("<worksheet".utf8), crc32: 0, uncompressedSize: 100)
        try Data(ZipBytes.make(entries)).write(to: url)
        let error = try refusal(url)
        #expect(error.file == "endless.xlsx")
        #expect(error.problem.contains(Self.sheetPart), "\(error)")
    }

    @Test func refusesAStoredPartWhoseSizesDisagree() throws {
        let folder = try TemporaryFolder()
        let url = folder.path("sizes.xlsx")
        var entries = ZipBytes.workbookEntries(sheet: Self.sheet)
        entries[4].uncompressedSize += 10
        try Data(ZipBytes.make(entries)).write(to: url)
        expectDamaged(try refusal(url), file: "sizes.xlsx", part: Self.sheetPart, saying: "sizes differ")
    }

    @Test func refusesAPartShorterThanItsHeaderStates() throws {
        let folder = try TemporaryFolder()
        let url = try written(in: folder)
        try ZipBytes.patch(url) { bytes in
            let headers = try #require(ZipBytes.headers(of: "xl/workbook.xml", in: bytes))
            for offset in [headers.central + 24, headers.local + 22] {
                ZipBytes.write32(ZipBytes.read32(bytes, offset) + 100, &bytes, offset)
            }
        }
        expectDamaged(try refusal(url), file: "clients.xlsx", part: "xl/workbook.xml", saying: "shorter than its zip header states")
    }

    @Test func refusesAnEncryptedPart() throws {
        let folder = try TemporaryFolder()
        let url = try written(in: folder)
        try ZipBytes.patch(url) { bytes in
            let headers = try #require(ZipBytes.headers(of: Self.sheetPart, in: bytes))
            ZipBytes.write16(ZipBytes.read16(bytes, headers.central + 8) | 1, &bytes, headers.central + 8)
            ZipBytes.write16(ZipBytes.read16(bytes, headers.local + 6) | 1, &bytes, headers.local + 6)
        }
        expectDamaged(try refusal(url), file: "clients.xlsx", part: Self.sheetPart, saying: "encrypted")
    }
}
