import Foundation
import KithTestSupport
import Testing

@testable import KithSpreadsheet

struct CSVReaderTests {
    @Test func readsQuotedFieldsWithDelimitersQuotesAndLineBreaks() throws {
        let folder = try TemporaryFolder()
        let file = try folder.file(
            "quotes.csv",
            text: "Name,Address,Notes\r\n\"O'Neill, Siobhán\",\"12 High St\nFlat 2\",\"said \"\"call after 5\"\"\"\r\nAmara,,\"\"\r\n"
        )
        let rows = try TableRows.csv(file)
        #expect(rows.count == 3)
        #expect(rows[1] == SheetRow(number: 2, cells: ["O'Neill, Siobhán", "12 High St\nFlat 2", "said \"call after 5\""]))
        #expect(rows[2] == SheetRow(number: 3, cells: ["Amara", "", ""]))
    }

    @Test func stripsTheUTF8ByteOrderMark() throws {
        let folder = try TemporaryFolder()
        let file = try folder.file("bom.csv", bytes: [0xEF, 0xBB, 0xBF] + Array("Forename,Surname\nZoë,Brontë\n".utf8))
        let fingerprint = try FileFingerprint.inspect(file)
        #expect(fingerprint.encoding == .utf8WithBOM)
        let rows = try TableRows.csv(file)
        #expect(rows[0].cells == ["Forename", "Surname"])
        #expect(rows[1].cells == ["Zoë", "Brontë"])
    }

    @Test func detectsWindows1252FromExcelsPlainCSV() throws {
        let folder = try TemporaryFolder()
        // "Siân", "Renée", "€5 voucher" and curly quotes as Excel writes them on a UK PC; the é is on the last line.
        var bytes = Array("Caller First Name,Note\r\n".utf8)
        bytes += Array("Si".utf8) + [0xE2] + Array("n,".utf8) + [0x80] + Array("5 voucher ".utf8) + [0x93] + Array("urgent".utf8) + [0x94]
        bytes += Array("\r\nRen".utf8) + [0xE9] + Array("e,ok\r\n".utf8)
        let file = try folder.file("calls.csv", bytes: bytes)
        let fingerprint = try FileFingerprint.inspect(file)
        #expect(fingerprint.encoding == .windows1252)
        let rows = try TableRows.csv(file)
        #expect(rows[1].cells == ["Siân", "€5 voucher \u{201C}urgent\u{201D}"])
        #expect(rows[2].cells == ["Renée", "ok"])
    }

    @Test(arguments: [",", ";", "\t", "|"])
    func sniffsEachDelimiter(delimiter: String) throws {
        let folder = try TemporaryFolder()
        let lines = [
            ["UPN", "Legal Surname", "DOB", "Notes"],
            ["B801200005001", "Kowalski", "2015-03-02", "has, commas; and | pipes"],
            ["A801200005001", "Okafor", "2014-11-30", ""],
        ]
        let text = lines.map { fields in
            fields.map { $0.contains(",") || $0.contains(";") || $0.contains("|") ? "\"\($0)\"" : $0 }.joined(separator: delimiter)
        }.joined(separator: "\n")
        let file = try folder.file("list.csv", text: text)
        let fingerprint = try FileFingerprint.inspect(file)
        #expect(CSVDialect.sniffDelimiter(in: fingerprint.sample) == Character(delimiter).asciiValue)
        let rows = try TableRows.csv(file)
        #expect(rows.map(\.cells) == lines)
    }

    @Test func keepsRaggedRowsAndNumbersBlankLines() throws {
        let folder = try TemporaryFolder()
        let file = try folder.file("ragged.csv", text: "a,b,c\n1,2\n\n3,4,5,6\r7,8,9")
        let rows = try TableRows.csv(file)
        #expect(rows.map(\.number) == [1, 2, 3, 4, 5])
        #expect(rows[1].cells == ["1", "2"])
        #expect(rows[2].isBlank)
        #expect(rows[3].cells == ["3", "4", "5", "6"])
        #expect(rows[4].cells == ["7", "8", "9"])
        let (layout, data, statistics) = try TableRows.table(file)
        #expect(layout.columnNames == ["a", "b", "c"])
        #expect(data.count == 3)
        #expect(statistics.raggedRows == 2)
        #expect(statistics.raggedRowNumbers == [2, 4])
        #expect(statistics.blankRows == 1)
    }

    @Test func readsFieldsThatCrossReadChunks() throws {
        let folder = try TemporaryFolder()
        var text = "id,note\n"
        var expected: [[String]] = [["id", "note"]]
        for index in 0..<60_000 {
            let note = index % 7 == 0 ? "line one\nline \"two\", \(index)" : "plain \(index)"
            text += "\(index),\"\(note.replacingOccurrences(of: "\"", with: "\"\""))\"\r\n"
            expected.append([String(index), note])
        }
        let file = try folder.file("big.csv", text: text)
        #expect(try FileManager.default.attributesOfItem(atPath: file.path)[.size] as! Int > 1 << 20)
        #expect(try TableRows.csv(file).map(\.cells) == expected)
    }

    @Test func refusesAQuoteThatNeverCloses() throws {
        let folder = try TemporaryFolder()
        var text = "Name,Notes\n"
        for index in 0..<200 { text += "Person \(index),fine\n" }
        text += "Broken,\"starts here and never ends\n" + String(repeating: "more text,\n", count: 2_000)
        let file = try folder.file("runaway.csv", text: text)
        var limits = ReadLimits()
        limits.maximumCellBytes = 4_096
        let error = try #require(throws: SpreadsheetError.self) { try TableRows.csv(file, limits: limits) }
        #expect(error.reason == .cellTooLong)
        #expect(error.row == 202)
        #expect(error.column == "B")
        #expect(error.description.contains("runaway.csv, row 202, column B"))
    }

    @Test func warnsOfAQuoteLeftOpenAtTheEnd() throws {
        let folder = try TemporaryFolder()
        let file = try folder.file("cut.csv", text: "Name,Notes\nAnn,fine\nBob,\"never closed\nmore\n")
        let (_, rows, statistics) = try TableRows.table(file)
        #expect(rows.last?.cells == ["Bob", "never closed\nmore\n"])
        #expect(statistics.warnings.map(\.row) == [3])
        #expect(statistics.warnings.map(\.column) == ["B"])
    }

    @Test func readsAFinalLineWithoutALineEnd() throws {
        let folder = try TemporaryFolder()
        let file = try folder.file("end.csv", text: "a,b\n1,\"2\"")
        #expect(try TableRows.csv(file).map(\.cells) == [["a", "b"], ["1", "2"]])
    }
}
