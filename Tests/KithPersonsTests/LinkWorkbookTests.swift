import Foundation
import KithLinkage
import KithPersons
import KithSpreadsheet
import KithTestSupport
import Testing

/// The workshop's Excel tool: lists pasted into the tabs of one workbook, a workbook back with the pairs to check,
/// and the checked workbook given back to the next run.
struct LinkWorkbookTests {
    static let asOf = CivilDate(year: 2026, month: 11, day: 16)!

    /// Two lists of the same four residents, spelt differently, and two tabs that are not lists.
    static func partners(_ folder: TemporaryFolder, name: String = "partners.xlsx", shieldingRow2: [String]? = nil) throws -> URL {
        let url = folder.path(name)
        let writer = try XLSXWriter(url: url)
        try writer.beginSheet(named: "Shielding")
        let shielding = [
            ["First Name", "Surname", "Date of Birth", "Postcode", "Address"],
            shieldingRow2 ?? ["Ann", "Lee", "01/02/1950", "HY1 0FW", "12 Heron Street"],
            ["Bob", "Stone", "03/04/1960", "HY2 1AB", "3 Mill Lane"],
            ["Cara", "Diaz", "05/06/1970", "HY3 2CD", "7 Oak Road"],
            ["Dev", "Patel", "07/08/1980", "HY4 3EF", "9 Elm Close"],
        ]
        for row in shielding { try writer.appendRow(row.map(CellValue.text)) }
        try writer.beginSheet(named: "Food bank")
        let foodBank = [
            ["Client Name", "DOB", "Post Code"],
            ["Anne Lee", "01/02/1950", "HY1 0FW"],
            ["Robert Stone", "03/04/1960", "HY2 1AB"],
            ["Cara Dias", "05/06/1970", "HY3 2CD"],
            ["Devinder Patel", "07/08/1980", "HY4 3EF"],
        ]
        for row in foodBank { try writer.appendRow(row.map(CellValue.text)) }
        try writer.beginSheet(named: "Notes")
        try writer.appendRow(["Pasted in on 1 December from the partners' emails."])
        try writer.beginSheet(named: "Empty")
        try writer.finish()
        return url
    }

    /// Every candidate pair to review, none linked by the model: the decisions alone decide.
    static func linkage(format: LinkOutputFormat = .xlsx, decisions: ReviewedDecisions? = nil, sheet: String? = nil) -> FileLinkage {
        var options = LinkageOptions()
        options.thresholds = LinkageThresholds(link: 2, review: 0)
        options.minimumProbability = 0
        var linkage = FileLinkage(loader: ListFileLoader(referenceDate: asOf), options: options)
        linkage.format = format
        linkage.decisions = decisions
        linkage.sheet = sheet
        return linkage
    }

    /// The rows of a pair sheet grouped by pair number: the two keys and the decision.
    static func pairs(_ sheet: WorkbookCopy.Sheet) throws -> [(keys: Set<String>, decision: String)] {
        let pair = try #require(sheet.column("Pair")), key = try #require(sheet.column("Key"))
        let decision = try #require(sheet.column("Decision"))
        var found: [String: (keys: Set<String>, decision: String)] = [:]
        var order: [String] = []
        for row in sheet.body {
            let number = row[pair]
            if found[number] == nil { order.append(number) }
            found[number, default: ([], "")].keys.insert(FormulaGuard.original(row[key]))
            if decision < row.count, !row[decision].isEmpty { found[number]!.decision = row[decision] }
        }
        return order.map { found[$0]! }
    }

    /// A copy of a workbook Kith wrote with decisions typed into the Review sheet, by the pair's two keys.
    static func review(_ url: URL, deciding decisions: [Set<String>: String], to reviewed: URL) throws {
        var sheets = try WorkbookCopy.read(url)
        let index = try #require(sheets.firstIndex { $0.name == "Review" })
        let pairColumn = try #require(sheets[index].column("Pair")), keyColumn = try #require(sheets[index].column("Key"))
        let decisionColumn = try #require(sheets[index].column("Decision"))
        var keysOfPair: [String: Set<String>] = [:]
        for row in sheets[index].rows.dropFirst() {
            keysOfPair[row.cells[pairColumn], default: []].insert(FormulaGuard.original(row.cells[keyColumn]))
        }
        var decided = Set<String>()
        for position in sheets[index].rows.indices.dropFirst() {
            let pair = sheets[index].rows[position].cells[pairColumn]
            guard !decided.contains(pair), let decision = decisions[keysOfPair[pair] ?? []] else { continue }
            WorkbookCopy.set(decision, in: &sheets[index].rows[position], column: decisionColumn)
            decided.insert(pair)
        }
        #expect(decided.count == decisions.count, "every pair to decide is on the Review sheet")
        try WorkbookCopy.write(sheets, to: reviewed)
    }

    static func personOf(_ url: URL) throws -> [String: String] {
        let persons = try #require(try WorkbookCopy.read(url).first { $0.name == "Persons" })
        let person = try #require(persons.column("Person")), list = try #require(persons.column("List"))
        let row = try #require(persons.column("Row"))
        return Dictionary(uniqueKeysWithValues: persons.body.map { (FormulaGuard.original($0[list]) + ":" + $0[row], $0[person]) })
    }

    static let annPair: Set<String> = ["Shielding:2", "Food bank:2"]
    static let caraPair: Set<String> = ["Shielding:4", "Food bank:4"]

    @Test func readsEachTabAsAListAndSaysWhichItSkipped() throws {
        let folder = try TemporaryFolder()
        let out = folder.path("out")
        let summary = try Self.linkage(format: .both).run(files: [try Self.partners(folder)], into: out)
        #expect(summary.lists.map(\.source) == ["Shielding", "Food bank"])
        #expect(summary.lists.map(\.sheet) == ["Shielding", "Food bank"])
        #expect(summary.skippedSheets.map(\.sheet) == ["Empty", "Notes"])
        #expect(summary.skippedSheets[0].reason == "empty")
        #expect(summary.skippedSheets[1].reason.contains("no column holds a name"))
        #expect(summary.files.map(\.lastPathComponent) == ["persons.csv", "pairs.csv", "review.csv", "kith-link.xlsx"])
        let persons = try CSVTestReader.rows(out.appendingPathComponent("persons.csv"))
        #expect(persons.dropFirst().map { $0[2] }.prefix(2) == ["Shielding:2", "Shielding:3"])

        let sheets = try WorkbookCopy.read(out.appendingPathComponent(LinkWorkbook.fileName))
        #expect(sheets.map(\.name) == ["Summary", "Review", "Decided", "Persons"])
        let review = try Self.pairs(sheets[1])
        #expect(review.count == summary.reviewWritten)
        #expect(review.contains { $0.keys == Self.annPair && $0.decision.isEmpty })
        #expect(sheets[2].body.isEmpty, "nothing decided yet")
        #expect(sheets[3].body.count == 8)
        let summaryText = sheets[0].rows.flatMap(\.cells).joined(separator: "\n")
        #expect(summaryText.contains("Food bank"))
        #expect(summaryText.contains("partners.xlsx, sheet \"Notes\""))
        #expect(summaryText.contains("choose Same or Not the same"))
    }

    @Test func aWorkbookWithOneListIsNamedAfterItsFileAndSheetPicksOne() throws {
        let folder = try TemporaryFolder()
        let url = folder.path("asc.xlsx")
        let writer = try XLSXWriter(url: url)
        try writer.beginSheet(named: "Sheet1")
        try writer.appendRow(["First Name", "Last Name", "DOB"])
        try writer.appendRow(["Ann", "Lee", "01/01/1960"])
        try writer.beginSheet(named: "Sheet2")
        try writer.finish()
        let one = try Self.linkage(format: .csv).run(files: [url], into: folder.path("one"))
        #expect(one.lists.map(\.source) == ["asc"])
        #expect(one.skippedSheets.map(\.sheet) == ["Sheet2"])

        let picked = try Self.linkage(format: .csv, sheet: "food bank").run(files: [try Self.partners(folder)], into: folder.path("picked"))
        #expect(picked.lists.map(\.source) == ["partners"])
        #expect(picked.lists.map(\.sheet) == ["Food bank"])
        #expect(picked.lists.first?.records.count == 4)
        #expect(picked.skippedSheets.isEmpty)

        // Two workbooks with tabs of one name keep their lists apart.
        let again = try Self.partners(folder, name: "partners-week2.xlsx")
        let both = try Self.linkage(format: .csv).run(files: [try Self.partners(folder), again], into: folder.path("both"))
        #expect(both.lists.map(\.source) == ["Shielding", "Food bank", "Shielding-2", "Food bank-2"])
    }

    @Test func decisionsLinkOrKeepApartAndAreCarriedIntoTheNextWorkbook() throws {
        let folder = try TemporaryFolder()
        let lists = try Self.partners(folder)
        let first = folder.path("first")
        let before = try Self.linkage().run(files: [lists], into: first)
        let firstWorkbook = first.appendingPathComponent(LinkWorkbook.fileName)
        #expect(try Self.personOf(firstWorkbook)["Shielding:2"] != Self.personOf(firstWorkbook)["Food bank:2"])

        let reviewed = folder.path("reviewed.xlsx")
        try Self.review(firstWorkbook, deciding: [Self.annPair: "Same", Self.caraPair: "  not the SAME "], to: reviewed)
        let decisions = try ReviewedDecisions.read(from: reviewed)
        #expect(decisions.pairs.count == 2)

        let second = folder.path("second")
        let after = try Self.linkage(decisions: decisions).run(files: [lists], into: second)
        #expect(after.decisions == DecisionOutcome(file: "reviewed.xlsx", same: 1, notSame: 1, unknown: 0, changed: 0))
        #expect(after.report.decidedLinks == 1)
        #expect(after.reviewWritten == before.reviewWritten - 2)
        let workbook = second.appendingPathComponent(LinkWorkbook.fileName)
        let person = try Self.personOf(workbook)
        #expect(person["Shielding:2"] == person["Food bank:2"])
        #expect(person["Shielding:4"] != person["Food bank:4"])
        let sheets = try WorkbookCopy.read(workbook)
        let review = try Self.pairs(sheets[1])
        #expect(!review.contains { $0.keys == Self.annPair || $0.keys == Self.caraPair })
        let decided = try Self.pairs(sheets[2])
        #expect(Set(decided.map(\.keys)) == [Self.annPair, Self.caraPair])
        #expect(decided.first { $0.keys == Self.annPair }?.decision == "Same")
        #expect(decided.first { $0.keys == Self.caraPair }?.decision == "Not the same")
        #expect(sheets[0].rows.flatMap(\.cells).contains("Applied 2 decisions: 1 Same, 1 Not the same."))

        // The new workbook, given back into its own folder, carries the same decisions on.
        let carried = try Self.linkage(decisions: try ReviewedDecisions.read(from: workbook)).run(files: [lists], into: second)
        #expect(carried.decisions?.applied == 2)
        #expect(carried.reviewWritten == after.reviewWritten)
    }

    @Test func decisionsOnRowsGoneOrChangedAreCountedNotApplied() throws {
        let folder = try TemporaryFolder()
        let first = folder.path("first")
        _ = try Self.linkage().run(files: [try Self.partners(folder)], into: first)
        let reviewed = folder.path("reviewed.xlsx")
        try Self.review(
            first.appendingPathComponent(LinkWorkbook.fileName), deciding: [Self.annPair: "Same", Self.caraPair: "Not the same"], to: reviewed)
        let decisions = try ReviewedDecisions.read(from: reviewed)

        // Row 2 of the shielding list now holds someone else: that decision must not join her to Ann.
        // (The tabs name the lists, so the workbook's own name does not matter.)
        let changedLists = try Self.partners(
            folder, name: "partners-repasted.xlsx", shieldingRow2: ["Zoe", "King", "09/09/1999", "HY1 0FW", "12 Heron Street"]
        )
        let changed = try Self.linkage(decisions: decisions).run(files: [changedLists], into: folder.path("changed"))
        #expect(changed.decisions == DecisionOutcome(file: "reviewed.xlsx", same: 0, notSame: 1, unknown: 0, changed: 1))
        let person = try Self.personOf(folder.path("changed").appendingPathComponent(LinkWorkbook.fileName))
        #expect(person["Shielding:2"] != person["Food bank:2"])

        // Without the food bank's tab the pairs' rows are gone: counted, not fatal.
        let csv = try folder.file("Shielding.csv", text: "First Name,Surname,Date of Birth\nAnn,Lee,01/02/1950\n")
        let gone = try Self.linkage(decisions: decisions).run(files: [csv], into: folder.path("gone"))
        #expect(gone.decisions == DecisionOutcome(file: "reviewed.xlsx", same: 0, notSame: 0, unknown: 2, changed: 0))
        #expect(gone.decisions?.lines.contains("2 decisions are for rows no longer in the lists: not applied.") == true)
    }

    @Test func anythingButSameOrNotTheSameIsAnErrorThatSaysWhere() throws {
        let folder = try TemporaryFolder()
        let first = folder.path("first")
        _ = try Self.linkage().run(files: [try Self.partners(folder)], into: first)
        let written = first.appendingPathComponent(LinkWorkbook.fileName)

        let maybe = folder.path("maybe.xlsx")
        try Self.review(written, deciding: [Self.annPair: "Maybe"], to: maybe)
        let error = try #require(throws: ReviewDecisionError.self) { try ReviewedDecisions.read(from: maybe) }
        #expect(error.sheet == "Review")
        #expect(error.column == "C")
        #expect(error.row != nil)
        #expect(error.description.contains("\"Maybe\" is not a decision. Choose Same or Not the same"))

        // Both rows of one pair decided, differently.
        var sheets = try WorkbookCopy.read(written)
        let decision = try #require(sheets[1].column("Decision"))
        WorkbookCopy.set("Same", in: &sheets[1].rows[1], column: decision)
        WorkbookCopy.set("Not the same", in: &sheets[1].rows[2], column: decision)
        let conflicting = folder.path("conflicting.xlsx")
        try WorkbookCopy.write(sheets, to: conflicting)
        let both = try #require(throws: ReviewDecisionError.self) { try ReviewedDecisions.read(from: conflicting) }
        #expect(both.row == 3)
        #expect(both.description.contains("decided both ways"))

        // A pair's second row deleted.
        sheets = try WorkbookCopy.read(written)
        WorkbookCopy.set("Same", in: &sheets[1].rows[1], column: decision)
        sheets[1].rows.remove(at: 2)
        let halved = folder.path("halved.xlsx")
        try WorkbookCopy.write(sheets, to: halved)
        let half = try #require(throws: ReviewDecisionError.self) { try ReviewedDecisions.read(from: halved) }
        #expect(half.description.contains("has 1 row on this sheet; a pair has two"))

        // Not a review workbook at all.
        let other = try #require(throws: ReviewDecisionError.self) { try ReviewedDecisions.read(from: try Self.partners(folder, name: "lists.xlsx")) }
        #expect(other.description.contains("no \"Review\" sheet"))

        // Blank decisions are no decisions.
        #expect(try ReviewedDecisions.read(from: written).pairs.isEmpty)
    }

    @Test func aReviewedWorkbookIsNeverWrittenOverUnlessItIsTheDecisions() throws {
        let folder = try TemporaryFolder()
        let lists = try Self.partners(folder)
        let out = folder.path("out")
        _ = try Self.linkage().run(files: [lists], into: out)
        let workbook = out.appendingPathComponent(LinkWorkbook.fileName)
        // No decisions in it yet: a second run may replace it.
        _ = try Self.linkage().run(files: [lists], into: out)
        // The reviewer saves decisions into it, then someone runs again without --decisions.
        let reviewed = folder.path("reviewed.xlsx")
        try Self.review(workbook, deciding: [Self.annPair: "Same"], to: reviewed)
        try FileManager.default.removeItem(at: workbook)
        try FileManager.default.copyItem(at: reviewed, to: workbook)
        let error = try #require(throws: FileLinkageError.self) { try Self.linkage().run(files: [lists], into: out) }
        #expect(error.description.contains("holds 1 decision a reviewer made"))
        #expect(try ReviewedDecisions.read(from: workbook).pairs.count == 1, "the reviewer's workbook is untouched")
        // CSV output does not touch it.
        _ = try Self.linkage(format: .csv).run(files: [lists], into: out)
        let applied = try Self.linkage(decisions: try ReviewedDecisions.read(from: workbook)).run(files: [lists], into: out)
        #expect(applied.decisions?.same == 1)
    }
}
