import Foundation
import KithSpreadsheet

/// The decisions a reviewer made in a ``LinkWorkbook``: every pair on its Review and Decided sheets whose Decision
/// cell says ``LinkWorkbook/same`` or ``LinkWorkbook/notSame``, read from the workbook as Excel or LibreOffice
/// saved it. A blank Decision is no decision.
///
/// Columns are found by their headers, so a reviewer may add, hide or move columns, and sort or filter the rows:
/// a pair's two rows are found again by their pair number.
public struct ReviewedDecisions: Sendable {
    /// One decided pair: its two records by key and check (see ``LinkWorkbook``), and where the decision was read.
    public struct Pair: Sendable, Equatable {
        public var firstKey: String
        public var secondKey: String
        public var firstCheck: String
        public var secondCheck: String
        public var isSamePerson: Bool
        public var sheet: String
        /// The row of the Decision cell, as Excel numbers it.
        public var row: Int
    }

    public var file: URL
    public var pairs: [Pair]

    /// Reads the decisions of a reviewed workbook. Throws ``ReviewDecisionError`` when a Decision cell holds
    /// anything but the two choices, or the workbook is not one `kith link` wrote; ``SpreadsheetError`` when it
    /// cannot be read at all.
    public static func read(from url: URL, limits: ReadLimits = ReadLimits()) throws -> ReviewedDecisions {
        let fileName = url.lastPathComponent
        let fingerprint = try FileFingerprint.inspect(url, limits: limits)
        guard fingerprint.format == .xlsx else {
            throw ReviewDecisionError(
                file: fileName, problem: "This is not an Excel workbook (.xlsx).",
                remedy: "Give --decisions the \(LinkWorkbook.fileName) that kith link wrote, saved as .xlsx after filling in its Decision column."
            )
        }
        let reader = try XLSXReader(url: url, limits: limits)
        func sheet(_ name: String) -> String? {
            reader.sheetNames.first { $0 == name } ?? reader.sheetNames.first { $0.lowercased() == name.lowercased() }
        }
        guard let review = sheet(LinkWorkbook.reviewSheet) else {
            throw ReviewDecisionError(
                file: fileName, problem: "The workbook has no \"\(LinkWorkbook.reviewSheet)\" sheet.",
                remedy: "Give --decisions the \(LinkWorkbook.fileName) that kith link --format xlsx wrote, with its sheets as they were."
            )
        }
        var pairs: [Pair] = []
        var seen: [Set<String>: Pair] = [:]
        for name in [review, sheet(LinkWorkbook.decidedSheet)].compactMap({ $0 }) {
            for pair in try readSheet(name, of: reader, fileName: fileName) {
                let keys: Set<String> = [pair.firstKey, pair.secondKey]
                if let earlier = seen[keys] {
                    guard earlier.isSamePerson == pair.isSamePerson else {
                        throw ReviewDecisionError(
                            file: fileName, sheet: pair.sheet, row: pair.row,
                            problem: "This pair was also decided the other way on sheet \"\(earlier.sheet)\", row \(earlier.row).",
                            remedy: "Keep one decision: clear the other Decision cell."
                        )
                    }
                    continue
                }
                seen[keys] = pair
                pairs.append(pair)
            }
        }
        return ReviewedDecisions(file: url, pairs: pairs)
    }

    /// One sheet's decided pairs, in the order of their first rows.
    private static func readSheet(_ sheet: String, of reader: XLSXReader, fileName: String) throws -> [Pair] {
        struct Line {
            var row: Int
            var key: String
            var check: String
            var decision: Bool?
        }
        var columns: [String: Int]?
        var decisionLetter = "C"
        var order: [String] = []
        var lines: [String: [Line]] = [:]
        func failure(_ row: Int, _ column: String? = nil, _ problem: String, _ remedy: String) -> ReviewDecisionError {
            ReviewDecisionError(file: fileName, sheet: sheet, row: row, column: column, problem: problem, remedy: remedy)
        }
        try reader.forEachRow(inSheet: sheet) { row in
            func cell(_ header: String) -> String {
                guard let index = columns?[header.lowercased()], index < row.cells.count else { return "" }
                return row.cells[index].trimmingCharacters(in: .whitespacesAndNewlines)
            }
            guard columns != nil else {
                var found: [String: Int] = [:]
                for (index, header) in row.cells.enumerated() {
                    let name = header.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
                    if !name.isEmpty, found[name] == nil { found[name] = index }
                }
                for header in [LinkWorkbook.pairHeader, LinkWorkbook.decisionHeader, LinkWorkbook.keyHeader, LinkWorkbook.checkHeader]
                where found[header.lowercased()] == nil {
                    throw failure(
                        row.number, nil, "The sheet has no \"\(header)\" column in its header row.",
                        "Put the column back as kith link wrote it (copy it from the workbook it wrote), or give the workbook as it was."
                    )
                }
                decisionLetter = ColumnLetters.letters(forIndex: found[LinkWorkbook.decisionHeader.lowercased()]!)
                columns = found
                return
            }
            let written = cell(LinkWorkbook.decisionHeader)
            let decision: Bool?
            switch written.split(whereSeparator: \.isWhitespace).joined(separator: " ").lowercased() {
            case "": decision = nil
            case LinkWorkbook.same.lowercased(): decision = true
            case LinkWorkbook.notSame.lowercased(): decision = false
            default:
                throw failure(
                    row.number, decisionLetter, "\"\(written)\" is not a decision.",
                    "Choose \(LinkWorkbook.same) or \(LinkWorkbook.notSame) from the cell's drop-down, or clear the cell if you have not decided."
                )
            }
            let pair = cell(LinkWorkbook.pairHeader)
            guard !pair.isEmpty else {
                if decision != nil {
                    throw failure(
                        row.number, decisionLetter, "This row has a decision but no pair number in its \(LinkWorkbook.pairHeader) column.",
                        "Decide on the rows kith link wrote, two to a pair, and leave their \(LinkWorkbook.pairHeader) numbers as they are."
                    )
                }
                return
            }
            if lines[pair] == nil { order.append(pair) }
            lines[pair, default: []].append(
                Line(
                    row: row.number, key: FormulaGuard.original(cell(LinkWorkbook.keyHeader)),
                    check: FormulaGuard.original(cell(LinkWorkbook.checkHeader)), decision: decision
                )
            )
        }
        var pairs: [Pair] = []
        for number in order {
            let group = lines[number]!
            let decided = group.filter { $0.decision != nil }
            guard let first = decided.first, let isSame = first.decision else { continue }
            if let other = decided.first(where: { $0.decision != isSame }) {
                throw failure(
                    other.row, decisionLetter, "Pair \(number) is decided both ways: row \(first.row) says otherwise.",
                    "Keep one decision for the pair: clear the other Decision cell."
                )
            }
            guard group.count == 2 else {
                throw failure(
                    first.row, decisionLetter, "Pair \(number) has \(group.count) row\(group.count == 1 ? "" : "s") on this sheet; a pair has two.",
                    "Put the pair's rows back as kith link wrote them (copy them from the workbook it wrote), or clear its decision."
                )
            }
            guard !group[0].key.isEmpty, !group[1].key.isEmpty else {
                let blank = group[0].key.isEmpty ? group[0] : group[1]
                throw failure(
                    blank.row, nil, "Pair \(number) has no \(LinkWorkbook.keyHeader) in this row, so Kith cannot tell which record it is.",
                    "Put the \(LinkWorkbook.keyHeader) back as kith link wrote it, or clear the pair's decision."
                )
            }
            pairs.append(
                Pair(
                    firstKey: group[0].key, secondKey: group[1].key, firstCheck: group[0].check, secondCheck: group[1].check,
                    isSamePerson: isSame, sheet: sheet, row: first.row
                )
            )
        }
        return pairs
    }
}

/// Why a reviewed workbook's decisions cannot be used, with where and what to do.
public struct ReviewDecisionError: Error, CustomStringConvertible, Equatable, Sendable {
    public var file: String
    public var sheet: String?
    public var row: Int?
    public var column: String?
    public var problem: String
    public var remedy: String

    public init(file: String, sheet: String? = nil, row: Int? = nil, column: String? = nil, problem: String, remedy: String) {
        self.file = file
        self.sheet = sheet
        self.row = row
        self.column = column
        self.problem = problem
        self.remedy = remedy
    }

    /// "reviewed.xlsx, sheet "Review", row 14, column C: problem remedy"
    public var description: String {
        "\(FilePlace.describe(file: file, sheet: sheet, row: row, column: column)): \(problem) \(remedy)"
    }
}
