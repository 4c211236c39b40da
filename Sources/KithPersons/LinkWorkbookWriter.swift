import Foundation
import KithLinkage
import KithSpreadsheet

/// Writes ``LinkWorkbook``: Summary, Review, Decided and Persons sheets in one workbook a council analyst opens in
/// Excel or LibreOffice, reviews in place and gives back with `--decisions`. Every text cell goes through
/// ``FormulaGuard``, as the CSV files do.
struct LinkWorkbookWriter {
    let output: LinkOutputWriter
    let skippedSheets: [SkippedSheet]
    let decisions: DecisionOutcome?

    private var result: LinkageResult { output.result }
    private var withIDs: Bool { output.lists.contains { $0.ids != nil } }

    /// Writes the workbook; returns the number of pairs on the Review sheet.
    func write(to url: URL) throws -> Int {
        let writer = try XLSXWriter(url: url)
        let review = result.pairs.filter { $0.decision == .review }.sorted {
            ($0.matchProbability, output.id(Int($1.left)), output.id(Int($1.right)))
                > ($1.matchProbability, output.id(Int($0.left)), output.id(Int($0.right)))
        }
        let decided = result.pairs.filter { $0.reason?.hasPrefix("decided") == true }.sorted {
            ($0.left, $0.right) < ($1.left, $1.right)
        }
        try writeSummary(writer, reviewCount: review.count)
        try writePairs(writer, sheet: LinkWorkbook.reviewSheet, pairs: review)
        try writePairs(writer, sheet: LinkWorkbook.decidedSheet, pairs: decided)
        try writePersons(writer)
        try writer.finish()
        return review.count
    }

    // MARK: - Sheets

    private func writeSummary(_ writer: XLSXWriter, reviewCount: Int) throws {
        try writer.beginSheet(named: LinkWorkbook.summarySheet, columnWidths: [52, 34, 24, 10])
        let report = result.report
        try append(writer, ["Residents linked across lists by Kith"], style: .bold)
        try writer.appendRow([])
        try append(writer, ["List", "File", "Sheet", "Rows"], style: .bold)
        for list in output.lists {
            try append(writer, [.text(list.source), .text(list.fileName), list.sheet.map(CellValue.text) ?? .empty, .integer(list.records.count)])
        }
        try writer.appendRow([])
        let keptApart = result.pairs.reduce(0) { $0 + ($1.reason == "decided not the same person" ? 1 : 0) }
        let figures: [(String, Int)] = [
            ("Records (rows of all the lists)", report.records),
            ("Persons (different residents found)", report.persons),
            ("Pairs linked automatically (match probability ≥ \(report.thresholds.link))", report.automaticLinks),
            ("Pairs linked by a rule (same NHS number, UPN or partner id)", report.ruleLinks),
            ("Pairs linked by people's decisions", report.decidedLinks),
            ("Pairs kept apart by people's decisions", keptApart),
            ("Pairs to review (match probability ≥ \(report.thresholds.review))", reviewCount),
        ]
        for (label, value) in figures { try append(writer, [.text(label), .integer(value)]) }
        if let decisions {
            try writer.appendRow([])
            try append(writer, [.text("Decisions read from " + decisions.file)], style: .bold)
            for line in decisions.lines { try append(writer, [.text(line)]) }
        }
        if !skippedSheets.isEmpty {
            try writer.appendRow([])
            try append(writer, ["Sheets not read"], style: .bold)
            for sheet in skippedSheets { try append(writer, [.text("\(sheet.fileName), sheet \"\(sheet.sheet)\": \(sheet.reason)")]) }
        }
        try writer.appendRow([])
        try append(writer, ["How to review"], style: .bold)
        let help = [
            "The Review sheet shows, two rows at a time, the pairs of records Kith was not sure about, most likely first. "
                + "Values that differ are in bold; Why says what speaks for the same person and what against.",
            "For each pair you have checked, choose \(LinkWorkbook.same) or \(LinkWorkbook.notSame) in its Decision cell; "
                + "leave it blank if you are not sure. Then save this workbook (keep it as .xlsx).",
            "Run kith link again with the same lists and --decisions followed by this workbook: the pairs you decided are "
                + "linked or kept apart, leave the Review sheet and are kept on the Decided sheet.",
            "The Key and Check columns match your decisions to the same rows next time: leave them as they are.",
            "The Persons sheet lists every row of every list with its person id: rows with the same id are one resident.",
        ]
        for line in help { try append(writer, [.text(line)]) }
    }

    /// A sheet of pairs, two rows each, every other pair shaded; values that differ in bold.
    private func writePairs(_ writer: XLSXWriter, sheet: String, pairs: [ScoredPair]) throws {
        let headers = LinkWorkbook.reviewHeaders(withIDs: withIDs)
        var rows: [[CellValue]] = []
        var styles: [[XLSXWriter.CellStyle]] = []
        let firstDetail = headers.firstIndex(of: LinkWorkbook.details[0].header)!
        let why = headers.firstIndex(of: LinkWorkbook.whyHeader)!
        for (index, pair) in pairs.enumerated() {
            let decision: CellValue =
                switch pair.reason {
                case "decided the same person": .text(LinkWorkbook.same)
                case "decided not the same person": .text(LinkWorkbook.notSame)
                default: .empty
                }
            let left = Int(pair.left), right = Int(pair.right)
            let probability = CellValue.number((pair.matchProbability * 1000).rounded() / 1000)
            // What speaks for the same person on the pair's first row, what speaks against on its second.
            let (reasonsFor, reasonsAgainst) = LinkWorkbook.reasons(result.evidence(for: pair))
            let a = recordRow(left, pair: index + 1, first: (probability, decision), why: reasonsFor)
            let b = recordRow(right, pair: index + 1, first: nil, why: reasonsAgainst)
            var styleA = [XLSXWriter.CellStyle](repeating: index % 2 == 1 ? .shaded : [], count: headers.count)
            styleA[why].insert(.wrapped)
            var styleB = styleA
            for column in firstDetail..<(firstDetail + LinkWorkbook.details.count) where Self.differ(a[column], b[column]) {
                styleA[column].insert(.bold)
                styleB[column].insert(.bold)
            }
            rows += [a, b]
            styles += [styleA, styleB]
        }
        let widths = Self.widths(headers: headers, rows: rows)
        try writer.beginSheet(named: sheet, columnWidths: widths, frozenRows: 1)
        try append(writer, headers.map(CellValue.text), style: .bold)
        for (row, style) in zip(rows, styles) {
            try writer.appendRow(row.map(Self.safe), cellStyles: style, height: Self.height(of: row[why], width: widths[why]))
        }
        let last = rows.count + 1
        let lastColumn = ColumnLetters.letters(forIndex: headers.count - 1)
        try writer.setAutoFilter("A1:\(lastColumn)\(max(last, 2))")
        guard !rows.isEmpty else { return }
        try writer.addListValidation(
            "C2:C\(last)", choices: [LinkWorkbook.same, LinkWorkbook.notSame],
            prompt: ("Decision", "\(LinkWorkbook.same): one resident. \(LinkWorkbook.notSame): two residents. Blank: not decided."),
            error: ("Decision", "Choose \(LinkWorkbook.same) or \(LinkWorkbook.notSame) from the list, or leave the cell blank.")
        )
    }

    /// One record's row of a pair: its pair number, (on the pair's first row) probability and decision, its details,
    /// reasons, key and check.
    private func recordRow(_ record: Int, pair: Int, first: (CellValue, CellValue)?, why: String) -> [CellValue] {
        let person = output.record(record)
        let (list, row) = output.place(of: record)
        var cells: [CellValue] = [.integer(pair), first?.0 ?? .empty, first?.1 ?? .empty]
        cells += [.text(result.state.personID(ofRecord: record)), .text(output.lists[list].source), .integer(output.lists[list].rowNumbers[row])]
        if withIDs { cells.append(output.lists[list].ids.map { CellValue.text($0[row]) } ?? .empty) }
        cells += LinkWorkbook.details.map { $0.value(person) }
        cells += [why.isEmpty ? .empty : .text(why), .text(person.key), .text(LinkWorkbook.check(person))]
        return cells
    }

    private func writePersons(_ writer: XLSXWriter) throws {
        let headers =
            [LinkWorkbook.personHeader, LinkWorkbook.sourceHeader, LinkWorkbook.rowHeader] + (withIDs ? [LinkWorkbook.idHeader] : [])
            + LinkWorkbook.details.map(\.header)
        let count = output.recordCount
        guard count < XLSXWriter.maximumRows else {
            throw SpreadsheetWriteError.tooManyRows(limit: XLSXWriter.maximumRows)
        }
        let persons = (0..<count).map { result.state.personID(ofRecord: $0) }
        let order = (0..<count).sorted { (persons[$0], $0) < (persons[$1], $1) }
        func row(_ record: Int) -> [CellValue] {
            let (list, position) = output.place(of: record)
            var cells: [CellValue] = [.text(persons[record]), .text(output.lists[list].source), .integer(output.lists[list].rowNumbers[position])]
            if withIDs { cells.append(output.lists[list].ids.map { CellValue.text($0[position]) } ?? .empty) }
            return cells + LinkWorkbook.details.map { $0.value(output.record(record)) }
        }
        let sample = order.prefix(2_000).map(row)
        try writer.beginSheet(named: LinkWorkbook.personsSheet, columnWidths: Self.widths(headers: headers, rows: sample), frozenRows: 1)
        try append(writer, headers.map(CellValue.text), style: .bold)
        for record in order { try writer.appendRow(row(record).map(Self.safe)) }
        try writer.setAutoFilter("A1:\(ColumnLetters.letters(forIndex: headers.count - 1))\(max(count + 1, 2))")
    }

    // MARK: - Cells

    private func append(_ writer: XLSXWriter, _ cells: [CellValue], style: XLSXWriter.RowStyle = .plain) throws {
        try writer.appendRow(cells.map(Self.safe), style: style)
    }

    /// A text cell with anything that could start a formula made inert, by the rule the CSV files use.
    static func safe(_ cell: CellValue) -> CellValue {
        if case .text(let text) = cell { return .text(FormulaGuard.neutralise(text)) }
        return cell
    }

    /// Both records give the detail and it differs, case aside.
    static func differ(_ a: CellValue, _ b: CellValue) -> Bool {
        switch (a, b) {
        case (.text(let x), .text(let y)): x.lowercased() != y.lowercased()
        case (.date(let x), .date(let y)): x != y
        default: false
        }
    }

    /// The height in points of a row whose wrapped cell holds this value in a column this wide; nil for one line.
    /// Generous, since a spreadsheet's font may be wider than Calibri and lines break between words.
    static func height(of cell: CellValue, width: Double) -> Double? {
        guard case .text(let text) = cell else { return nil }
        let lines = Int((Double(text.count) / max(1, width * 0.85)).rounded(.up))
        return lines > 1 ? Double(lines) * 15 : nil
    }

    /// Column widths in characters from the headers and the rows given: wide enough for most values, never huge.
    static func widths(headers: [String], rows: [[CellValue]]) -> [Double] {
        headers.indices.map { column in
            var widest = headers[column].count + 3
            for row in rows.prefix(2_000) where column < row.count {
                let length: Int =
                    switch row[column] {
                    case .text(let text): text.count
                    case .date: 10
                    case .integer(let value): String(value).count
                    case .number: 5
                    default: 0
                    }
                widest = max(widest, length + 1)
            }
            if headers[column] == LinkWorkbook.decisionHeader { widest = max(widest, LinkWorkbook.notSame.count + 4) }
            return Double(min(max(widest, 6), headers[column] == LinkWorkbook.whyHeader ? 60 : 40))
        }
    }
}
