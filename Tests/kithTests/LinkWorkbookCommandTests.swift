import Foundation
import KithSpreadsheet
import KithTestSupport
import Testing
import ZIPFoundation

/// The workshop's Excel tool end to end, as a council analyst would use it: a generated borough's lists pasted into
/// the tabs of one workbook, `kith link lists.xlsx --format xlsx`, the pairs decided in the Review sheet's
/// drop-downs, and the reviewed workbook given back with `--decisions`.
struct LinkWorkbookCommandTests {
    /// Each generated list as a tab, under the name a person would give it; one tab named to start a formula.
    static let tabs = [
        ("nhs-shielding-list.csv", "NHS shielding"), ("adult-social-care.xlsx", "Adult social care"),
        ("childrens-services.xlsx", "Children's services"), ("school-attendance.csv", "Schools"),
        ("helpline-calls.csv", "=Helpline"), ("food-bank-referrals.csv", "Food bank"),
    ]

    static func pasteIntoOneWorkbook(lists: URL, to url: URL) throws {
        let writer = try XLSXWriter(url: url)
        for (file, tab) in tabs {
            try writer.beginSheet(named: tab)
            let reader = try TableReader(url: lists.appendingPathComponent(file))
            var first = true
            try reader.read(sheet: nil) { layout in
                try writer.appendRow(layout.columnNames.map(CellValue.text))
            } onRow: { row in
                var cells = row.cells.map { $0.isEmpty ? CellValue.empty : .text($0) }
                // A hostile cell, as a partner's list might hold.
                if first, tab == "Food bank", cells.count > 1 { cells[1] = .text("@SUM(1), Ann") }
                first = false
                try writer.appendRow(cells)
            }
        }
        try writer.beginSheet(named: "Notes")
        try writer.appendRow(["Pasted in on 1 December from the partners' emails; do not sort."])
        try writer.beginSheet(named: "Blank")
        try writer.finish()
    }

    /// A pair of the Review or Decided sheet: its number, its two records' keys and persons, and its decision.
    struct Pair {
        var number: String
        var keys: Set<String>
        var persons: Set<String>
        var decision: String
    }

    static func pairs(_ sheet: WorkbookCopy.Sheet) throws -> [Pair] {
        let pair = try #require(sheet.column("Pair")), key = try #require(sheet.column("Key"))
        let person = try #require(sheet.column("Person")), decision = try #require(sheet.column("Decision"))
        var found: [String: Pair] = [:]
        var order: [String] = []
        for row in sheet.body {
            let number = row[pair]
            if found[number] == nil {
                order.append(number)
                found[number] = Pair(number: number, keys: [], persons: [], decision: "")
            }
            found[number]!.keys.insert(FormulaGuard.original(row[key]))
            found[number]!.persons.insert(row[person])
            if decision < row.count, !row[decision].isEmpty { found[number]!.decision = row[decision] }
        }
        return order.map { found[$0]! }
    }

    static func sheetXML(_ index: Int, of url: URL) throws -> String {
        let archive = try Archive(url: url, accessMode: .read)
        let entry = try #require(archive["xl/worksheets/sheet\(index).xml"])
        var data = Data()
        _ = try archive.extract(entry) { data.append($0) }
        return String(decoding: data, as: UTF8.self)
    }

    @Test func aWorkbookOfListsComesBackAsAReviewWorkbookWhoseDecisionsTheNextRunApplies() throws {
        let folder = try TemporaryFolder()
        let kith = { (arguments: [String]) in try CommandLineTests.kith(arguments, in: folder.url) }
        let generated = try kith(["generate", "--out", "borough", "--people", "2500", "--seed", "5"])
        #expect(generated.status == 0, "\(generated.errors)")
        try Self.pasteIntoOneWorkbook(lists: folder.path("borough/lists"), to: folder.path("lists.xlsx"))

        // 1. Link the workbook's tabs; get one workbook back.
        let first = try kith(["link", "lists.xlsx", "--out", "out", "--format", "xlsx"])
        #expect(first.status == 0, "\(first.errors)")
        #expect(first.output.contains("lists.xlsx, sheet \"NHS shielding\": "))
        #expect(first.output.contains("lists.xlsx, sheet \"Notes\": not read: no column holds a name"))
        #expect(first.output.contains("lists.xlsx, sheet \"Blank\": not read: empty."))
        #expect(first.output.contains("pairs to review on its Review sheet"))
        #expect(!FileManager.default.fileExists(atPath: folder.path("out/persons.csv").path), "--format xlsx writes the workbook alone")
        let workbook = folder.path("out/kith-link.xlsx")
        let sheets = try WorkbookCopy.read(workbook)
        #expect(sheets.map(\.name) == ["Summary", "Review", "Decided", "Persons"])

        // The Review sheet's Decision column is a real drop-down, under a frozen header.
        let reviewXML = try Self.sheetXML(2, of: workbook)
        let before = try Self.pairs(sheets[1])
        try #require(before.count >= 2, "the generated borough leaves pairs to review")
        #expect(reviewXML.contains("<dataValidation type=\"list\""))
        #expect(reviewXML.contains("sqref=\"C2:C\(before.count * 2 + 1)\"><formula1>&quot;Same,Not the same&quot;</formula1>"))
        #expect(reviewXML.contains("<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"))
        #expect(
            sheets[1].rows[0].cells.starts(with: [
                "Pair", "Probability", "Decision", "Person", "List", "Row", "Given name", "Family name", "Date of birth",
            ]))

        // No cell of any sheet starts a formula; the tab named "=Helpline" and the "@SUM(1)" cell are made inert.
        let formulaLike = sheets.flatMap { sheet in
            sheet.rows.flatMap(\.cells).filter { cell in ["=", "+", "-", "@"].contains { cell.hasPrefix($0) } }.map { "\(sheet.name): \($0)" }
        }
        #expect(formulaLike.isEmpty, "\(formulaLike.prefix(5))")
        let persons = sheets[3]
        #expect(persons.body.contains { $0.contains("'=Helpline") })
        #expect(persons.body.count == Set(persons.body.map { $0[1] + ":" + $0[2] }).count, "one row per record")

        // 2. A reviewer decides two pairs: one Same, one Not the same, and saves.
        let same = try #require(before.first { $0.persons.count == 2 } ?? before.first)
        let notSame = try #require(before.first { $0.number != same.number })
        var reviewed = sheets
        let decision = try #require(reviewed[1].column("Decision"))
        for position in reviewed[1].rows.indices.dropFirst() {
            let number = reviewed[1].rows[position].cells[0]
            guard reviewed[1].rows[position].cells.count > 1, !reviewed[1].rows[position].cells[1].isEmpty else { continue }
            if number == same.number { WorkbookCopy.set("Same", in: &reviewed[1].rows[position], column: decision) }
            if number == notSame.number { WorkbookCopy.set("Not the same", in: &reviewed[1].rows[position], column: decision) }
        }
        try WorkbookCopy.write(reviewed, to: folder.path("reviewed.xlsx"))

        // 3. The next run applies them: the pairs leave the Review sheet, linked or kept apart, kept on Decided.
        let second = try kith(["link", "lists.xlsx", "--out", "out2", "--format", "both", "--decisions", "reviewed.xlsx"])
        #expect(second.status == 0, "\(second.errors)")
        #expect(second.output.contains("Decisions from reviewed.xlsx: Applied 2 decisions: 1 Same, 1 Not the same."))
        let after = try WorkbookCopy.read(folder.path("out2/kith-link.xlsx"))
        let remaining = try Self.pairs(after[1])
        #expect(remaining.count == before.count - 2)
        #expect(!remaining.contains { $0.keys == same.keys || $0.keys == notSame.keys })
        let decided = try Self.pairs(after[2])
        #expect(decided.first { $0.keys == same.keys }?.decision == "Same")
        #expect(decided.first { $0.keys == notSame.keys }?.decision == "Not the same")
        #expect(decided.first { $0.keys == same.keys }?.persons.count == 1, "decided the same: one person")
        #expect(decided.first { $0.keys == notSame.keys }?.persons.count == 2, "decided not the same: two persons")
        let pairsCSV = try String(contentsOf: folder.path("out2/pairs.csv"), encoding: .utf8)
        #expect(pairsCSV.contains("decided the same person") && pairsCSV.contains("decided not the same person"))

        // 4. Anything but the two choices stops the run, saying where.
        var wrong = sheets
        let row = try #require(wrong[1].rows.indices.dropFirst().first)
        WorkbookCopy.set("Perhaps", in: &wrong[1].rows[row], column: decision)
        try WorkbookCopy.write(wrong, to: folder.path("wrong.xlsx"))
        let refused = try kith(["link", "lists.xlsx", "--out", "out3", "--format", "xlsx", "--decisions", "wrong.xlsx"])
        #expect(refused.status == 2)
        #expect(refused.errors.contains("wrong.xlsx, sheet \"Review\", row \(wrong[1].rows[row].number), column C: \"Perhaps\" is not a decision."))

        // 5. Decisions on rows no longer in the lists are counted, not fatal.
        let fewer = try kith(["link", "borough/lists/nhs-shielding-list.csv", "--out", "out4", "--decisions", "reviewed.xlsx"])
        #expect(fewer.status == 0, "\(fewer.errors)")
        #expect(fewer.output.contains("Applied 0 decisions: 0 Same, 0 Not the same. 2 decisions are for rows no longer in the lists: not applied."))
    }
}
