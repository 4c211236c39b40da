import Foundation
import KithSpreadsheet
import KithTestSupport
import Testing

@testable import KithStandard

/// Every table-level and cell-level check, each with a list that fails it and one that passes it,
/// on lists whose headers are partners' own words rather than the dictionary's labels.
struct DataCheckerTests {
    static let header = ["Client Ref", "Forename", "Surname", "D.O.B", "NHS No", "Post Code", "Tel", "E-mail"]
    static let clean = [
        ["C1", "Amara", "Okafor", "14/03/1939", "9434765919", "OL1 1AA", "07700 900123", "amara@example.org"],
        ["C2", "Bill", "Smith", "25/12/1950", "4010232137", "OL1 2AB", "01632 960123", "bill@example.net"],
        ["C3", "Zoë", "O'Brien", "30/11/1952", "4857773457", "OL2 3BD", "07700 900456", ""],
        ["C4", "Jan", "Kowalski", "13/02/1944", "6000000006", "OL3 4EF", "07700900789", "jan@example.com"],
        ["C5", "Siân", "Jones", "28/06/1960", "7000000015", "OL4 5GH", "07700 900999", ""],
    ]

    @Test func aCleanListHasNoErrorsOrWarnings() throws {
        let folder = try TemporaryFolder()
        let report = try Lists.check(Lists.csv([Self.header] + Self.clean, in: folder))
        #expect(report.rows == 5)
        #expect(report.summary.errors == 0, "\(report.findings)")
        #expect(report.summary.warnings == 0, "\(report.findings)")
        #expect(!report.hasErrors)
        #expect(report.columns.map(\.letter) == ["A", "B", "C", "D", "E", "F", "G", "H"])
        #expect(report.columns.dropFirst().allSatisfy { $0.tag != nil })
        let tableChecks = [
            "row.blank", "row.duplicate", "id.duplicate", "row.ragged", "cell.whitespace", "cell.case", "column.mixed-types",
            "column.better-tag", "column.required-missing", "date.mixed-order", "date.ambiguous-order", "file.unclosed-quote",
        ]
        for check in tableChecks {
            #expect(report.places(of: check).isEmpty, "\(check) found on a clean list")
        }
    }

    @Test func reportsAQuoteLeftOpenAtTheEndOfTheFile() throws {
        let folder = try TemporaryFolder()
        let url = try folder.file("cut.csv", text: "Forename,Surname,DOB,Notes\nAnn,Lee,01/02/1950,fine\nBob,Hall,02/03/1960,\"cut off\n")
        let report = try Lists.check(url)
        #expect(report.places(of: "file.unclosed-quote").map(\.row) == [3])
        #expect(report.places(of: "file.unclosed-quote").map(\.column) == ["D"])
    }

    @Test func findsEachProblemOnItsRowAndColumn() throws {
        let folder = try TemporaryFolder()
        var rows = [Self.header] + Self.clean
        rows.append(["C6", "Ann", "Lee", "01/01/2030", "9434765918", "ZZ99 3VZ", "12345", "bob@@example"])  // row 7
        rows.append(["C7", " Ann ", "Lee", "31/04/1980", "9999999999", "1AB 2CD", "07700 900321", "ann@example.org"])  // row 8
        rows.append(Self.clean[0])  // row 9: repeats row 2
        rows.append(["", "", "", "", "", "", "", ""])  // row 10: blank
        rows.append(["C2", "Ben", "Hall", "02/03/1990", "7389100109", "OL5 6JK", "07700 900555", "ben@example.org"])  // row 11
        let report = try Lists.check(Lists.csv(rows, in: folder))
        #expect(report.rows(of: "date.future-birth") == [7])
        #expect(report.rows(of: "nhs-number.check-digit") == [7])
        #expect(report.rows(of: "postcode.pseudo") == [7])
        #expect(report.rows(of: "phone.invalid") == [7])
        #expect(report.rows(of: "email.invalid") == [7])
        #expect(report.rows(of: "cell.whitespace") == [8])
        #expect(report.rows(of: "date.impossible") == [8])
        #expect(report.rows(of: "nhs-number.placeholder") == [8])
        #expect(report.rows(of: "postcode.invalid") == [8])
        #expect(report.rows(of: "row.duplicate") == [9])
        #expect(report.rows(of: "row.blank") == [10])
        #expect(Set(report.rows(of: "id.duplicate")) == [9, 11])
        let checkDigit = try #require(report.findings.first { $0.check == "nhs-number.check-digit" })
        #expect(checkDigit.column == "E")
        #expect(checkDigit.header == "NHS No")
        #expect(checkDigit.value == "9434765918")
        #expect(checkDigit.severity == .error)
        #expect(checkDigit.tag != nil)
        #expect(report.findings.first { $0.check == "cell.whitespace" }?.suggestion == "Ann")
        // Findings quote the cell as written, though rows are examined on other threads and not kept whole.
        #expect(report.findings.first { $0.check == "cell.whitespace" }?.value == " Ann ")
        #expect(report.findings.first { $0.check == "postcode.invalid" }?.value == "1AB 2CD")
        #expect(Set(report.findings.filter { $0.check == "id.duplicate" }.map(\.value)) == ["C1", "C2", "9434765919"])
        #expect(report.hasErrors)
    }

    /// Room for the rows' hashes is made from the file's size over the first rows' length; a guess, bounded.
    @Test func guessesHowManyRowsAFileHolds() {
        let rows = (2...11).map { SheetRow(number: $0, cells: ["C\($0 % 10)", "Ann", "Lee"]) }  // 2 + 3 + 3 letters, 3 commas, a line end
        #expect(DataChecker.expectedRows(fileBytes: 12_000, sample: rows) == 1_000)
        #expect(DataChecker.expectedRows(fileBytes: 12_000, sample: []) == 0)
        #expect(DataChecker.expectedRows(fileBytes: 5, sample: rows) == 0)
    }

    @Test func reportsRequiredColumnsThatAreMissing() throws {
        let folder = try TemporaryFolder()
        let namesOnly = try Lists.check(Lists.csv([["Forename", "Surname"], ["Ann", "Lee"]], in: folder, name: "names.csv"))
        #expect(namesOnly.places(of: "column.required-missing").count == 1)
        let noNames = try Lists.check(Lists.csv([["NHS No", "DOB"], ["9434765919", "01/02/1950"]], in: folder, name: "ids.csv"))
        #expect(noNames.places(of: "column.required-missing").count == 1)
        let complete = try Lists.check(Lists.csv([["Forename", "Surname", "DOB"], ["Ann", "Lee", "01/02/1950"]], in: folder, name: "ok.csv"))
        #expect(complete.places(of: "column.required-missing").isEmpty)
        let nhs = try #require(DataDictionary.standard.entries.first { $0.type == .nhsNumber })
        let mapping = ColumnMapping(source: nil, columns: [], required: [nhs.tag])
        let required = try Lists.check(
            Lists.csv([["Forename", "Surname", "DOB"], ["Ann", "Lee", "01/02/1950"]], in: folder, name: "req.csv"), mapping: mapping)
        #expect(required.places(of: "column.required-missing").count == 1)
    }

    @Test func reportsRaggedRowsAndColumnsThatMixKindsOfValue() throws {
        let folder = try TemporaryFolder()
        var rows = [["Forename", "Surname", "DOB", "Household size"]]
        for index in 0..<20 { rows.append(["Ann\(index == 3 ? "" : "")", "Lee", "01/02/1950", index % 4 == 0 ? "unknown" : "\(index % 5 + 1)"]) }
        rows[5].append("stray")
        let report = try Lists.check(Lists.csv(rows, in: folder))
        #expect(report.rows(of: "row.ragged") == [6])
        let clean = try Lists.check(
            Lists.csv([["Forename", "Surname", "DOB", "Notes"], ["Ann", "Lee", "01/02/1950", "fine"]], in: folder, name: "b.csv"))
        #expect(clean.places(of: "row.ragged").isEmpty)
        #expect(clean.places(of: "column.mixed-types").isEmpty)
        var notes = [["Forename", "Surname", "DOB", "Reference"]]
        for index in 0..<20 { notes.append(["Ann", "Lee\(index)", "01/02/1950", index % 4 == 0 ? "see file" : "\(1000 + index)"]) }
        let mixed = try Lists.check(Lists.csv(notes, in: folder, name: "c.csv"))
        #expect(mixed.places(of: "column.mixed-types").map(\.column) == ["D"])
    }

    @Test func reportsNamesInCapitalsAmongMixedCase() throws {
        let folder = try TemporaryFolder()
        var rows = [["Forename", "Surname", "DOB"]]
        for index in 0..<20 { rows.append(["Ann", index % 5 == 0 ? "LEE" : "Lee", "0\(index % 9 + 1)/02/1950"]) }
        let report = try Lists.check(Lists.csv(rows, in: folder))
        #expect(report.places(of: "cell.case").map(\.column) == ["B"])
        #expect(report.places(of: "cell.case").first?.row == nil)
    }

    @Test func reportsDayMonthOrderProblemsByColumn() throws {
        let folder = try TemporaryFolder()
        let mixed = try Lists.check(
            Lists.csv(
                [["Forename", "Surname", "DOB"], ["Ann", "Lee", "25/12/1950"], ["Bob", "Lee", "12/25/1950"], ["Cy", "Lee", "05/07/1985"]], in: folder,
                name: "a.csv"))
        #expect(mixed.places(of: "date.mixed-order").map(\.column) == ["C"])
        let ambiguous = try Lists.check(
            Lists.csv([["Forename", "Surname", "DOB"], ["Ann", "Lee", "05/07/1985"], ["Bob", "Lee", "03/04/1990"]], in: folder, name: "b.csv"))
        let finding = try #require(ambiguous.findings.first { $0.check == "date.ambiguous-order" })
        #expect(finding.severity == .warning)
        let proven = try Lists.check(
            Lists.csv([["Forename", "Surname", "DOB"], ["Ann", "Lee", "05/07/1985"], ["Bob", "Lee", "25/04/1990"]], in: folder, name: "c.csv"))
        #expect(proven.findings.first { $0.check == "date.ambiguous-order" }?.severity == .info)
        #expect(proven.places(of: "date.mixed-order").isEmpty)
    }

    /// A UK number after the 0044 international prefix is an ordinary UK number: no finding, and the same normal form
    /// as the number written nationally or after +44.
    @Test func aUKNumberAfter0044IsAnOrdinaryUKNumber() throws {
        let folder = try TemporaryFolder()
        let spellings = ["07700 900123", "+44 7700 900123", "0044 7700 900123", "0044 (0)7700 900123", "00 44 7700 900123"]
        var rows = [Self.header]
        for (index, phone) in spellings.enumerated() {
            var row = Self.clean[index]
            row[6] = phone
            rows.append(row)
        }
        let url = try Lists.csv(rows, in: folder)
        let report = try Lists.check(url)
        #expect(report.findings.filter { $0.column == "G" }.isEmpty, "\(report.findings.filter { $0.column == "G" })")
        let sample = try #require(try TableReader(url: url).readTaggedSample(sheet: nil, mapping: nil, tagger: Tagger(referenceDate: Lists.asOf)))
        #expect(sample.tagging.columns[6].entry?.type == .phone)
        let normaliser = RowNormaliser(tagging: sample.tagging, context: ReadingContext(referenceDate: Lists.asOf))
        let normalised = sample.rows.map { row in
            normaliser.changes(row.cells).first { $0.position == 6 }.map { $0.value } ?? row.cells[6]
        }
        #expect(normalised == Array(repeating: "07700 900123", count: spellings.count))
    }

    @Test func reportsAColumnWhoseValuesFitAnotherTagBetter() throws {
        let folder = try TemporaryFolder()
        let phone = try #require(DataDictionary.standard.entries.first { $0.type == .phone })
        var rows = [["Forename", "Surname", "DOB", "Number"]]
        for number in ["9434765919", "4010232137", "4857773457", "6000000006", "7000000015", "7389100109"] {
            rows.append(["Ann", "Lee", "01/02/1950", number])
        }
        let mapping = ColumnMapping(source: nil, columns: [.init(header: "Number", tag: phone.tag)])
        let report = try Lists.check(Lists.csv(rows, in: folder), mapping: mapping)
        let finding = try #require(report.findings.first { $0.check == "column.better-tag" })
        #expect(finding.column == "D")
        #expect(finding.severity == .warning)
        let nhs = try #require(DataDictionary.standard.entries.first { $0.type == .nhsNumber })
        #expect(finding.suggestion?.contains(nhs.tag) == true)
        let right = try Lists.check(Lists.csv(rows, in: folder, name: "b.csv"))
        #expect(right.places(of: "column.better-tag").isEmpty)
    }

    @Test func listsAtMostTwoHundredFindingsPerCheckAndColumnButCountsThemAll() throws {
        let folder = try TemporaryFolder()
        var rows = [["Forename", "Surname", "DOB"]]
        for _ in 0..<250 { rows.append(["Ann", "Lee", "31/04/1980"]) }
        let report = try Lists.check(Lists.csv(rows, in: folder))
        #expect(report.rows(of: "date.impossible").count == 200)
        #expect(report.summary.byCheck["date.impossible"]?.count == 250)
        #expect(report.summary.notListed >= 50)
    }

    @Test func rendersJSONTextAndCSV() throws {
        let folder = try TemporaryFolder()
        var rows = [Self.header] + Self.clean
        rows.append(["C9", "Lee", "Lee", "31/04/1980", "9434765918", "OL1 1AA", "07700 900123", ""])
        rows.append(["C10", "Ann", "Lee", "01/04/1980", "=HYPERLINK(\"http://x\")", "OL1 1AA", "07700 900123", ""])
        let report = try Lists.check(Lists.csv(rows, in: folder))
        let json = try CheckReportRenderer.render(report, as: .json)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["file"] as? String == "list.csv")
        #expect(object["rows"] as? Int == 7)
        #expect((object["columns"] as? [Any])?.count == 8)
        let findings = try #require(object["findings"] as? [[String: Any]])
        #expect(findings.contains { $0["check"] as? String == "nhs-number.check-digit" && $0["row"] as? Int == 7 && $0["column"] as? String == "E" })
        for key in ["severity", "row", "column", "header", "tag", "value", "check", "message"] {
            #expect(findings.first { $0["check"] as? String == "nhs-number.check-digit" }?[key] != nil, "\(key) missing")
        }
        #expect((object["summary"] as? [String: Any])?["errors"] as? Int ?? 0 >= 2)
        let text = try CheckReportRenderer.render(report, as: .text)
        #expect(text.contains("Summary by check:"))
        #expect(text.hasSuffix("Fix the errors before relying on this list."))
        let csv = try CheckReportRenderer.render(report, as: .csv)
        #expect(csv.hasPrefix("severity,row,column,header,tag,value,check,message,suggestion\r\n"))
        #expect(csv.contains("\"'=HYPERLINK(\"\"http://x\"\")\""))
        #expect(!csv.contains(",=HYPERLINK"))
        #expect(!csv.contains(",\"=HYPERLINK"))
        #expect(FormulaGuard.neutralise("=1+1") == "'=1+1")
        #expect(FormulaGuard.neutralise("-5") == "'-5")
        #expect(FormulaGuard.neutralise("Ann") == "Ann")
    }
}
