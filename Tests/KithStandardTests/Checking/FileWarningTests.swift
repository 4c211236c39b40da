import Foundation
import KithSpreadsheet
import KithTestSupport
import Testing

@testable import KithStandard

/// What the file reader notices about a list reaches the Data Checker's findings, where `kith check`, `kith import`
/// and the web checker show it.
struct FileWarningTests {
    @Test func reportsStrayBytesInAUTF8ListByRowAndColumn() throws {
        let folder = try TemporaryFolder()
        var bytes = Array("Forename,Surname,DOB\nMaría,López,01/02/1950\nJosé,Núñez,02/03/1960\n".utf8)
        bytes += Array("Ann,Ren".utf8) + [0xE9] + Array("e,03/04/1970\n".utf8)
        let report = try Lists.check(try folder.file("stray.csv", bytes: bytes))
        let finding = try #require(report.findings.first { $0.check == "file.invalid-utf8" })
        #expect(finding.severity == .warning)
        #expect(finding.row == 4)
        #expect(finding.column == "B")
        #expect(finding.message.contains("row 4, column B (Surname)"))
        #expect(report.summary.warnings >= 1)
    }

    @Test func refusesAListWiderThanTheColumnLimit() throws {
        let folder = try TemporaryFolder()
        let header = (1...16_384).map { "Column \($0)" }.joined(separator: ",")
        let row = (1...16_384).map { String($0) }.joined(separator: ",")
        let url = try folder.file("wide.csv", text: header + "\n" + row + "\n")
        let error = try #require(throws: SpreadsheetError.self) { try Lists.check(url) }
        #expect(error.problem == "The file has 16,384 columns; Kith reads at most 1,000 columns.")
    }
}
