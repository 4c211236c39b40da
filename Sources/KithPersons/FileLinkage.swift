import Foundation
import KithLinkage
import KithSpreadsheet
import KithStandard

/// The standalone deduplication tool: partner lists in, `persons.csv`, `pairs.csv` and `review.csv` out (or one
/// workbook, ``LinkWorkbook``, to review in Excel), with no store. For councils who want one list of people from
/// several spreadsheets today.
///
/// A workbook with one list is read as a CSV file is, named after the file. A workbook with lists on several tabs
/// gives one list per visible worksheet with data, named after its tab; hidden, empty and chart sheets are skipped,
/// and so is a tab with no column to link on (notes, say), each with the reason.
public struct FileLinkage: Sendable {
    public var loader: ListFileLoader
    public var options: LinkageOptions
    /// The one sheet to read from each workbook, as `--sheet` names it; nil reads every list in it.
    public var sheet: String?
    /// What to write into the output folder.
    public var format: LinkOutputFormat = .csv
    /// A reviewed workbook's decisions, applied as people's decisions.
    public var decisions: ReviewedDecisions?

    public init(loader: ListFileLoader, options: LinkageOptions = LinkageOptions()) {
        self.loader = loader
        self.options = options
    }

    /// What a run read and wrote.
    public struct Summary: Sendable {
        public var lists: [LinkableList]
        public var report: LinkageReport
        public var pairsWritten: Int
        public var reviewWritten: Int
        public var files: [URL]
        /// Workbook tabs not read as lists, with why.
        public var skippedSheets: [SkippedSheet] = []
        /// What became of the reviewed workbook's decisions, when one was given.
        public var decisions: DecisionOutcome?
    }

    /// Reads the files, links their rows and writes the output files into `directory`.
    public func run(files: [URL], into directory: URL) throws -> Summary {
        let workbookURL = directory.appendingPathComponent(LinkWorkbook.fileName)
        if format.writesWorkbook { try refuseToLoseDecisions(in: workbookURL) }
        let reading = DispatchTime.now().uptimeNanoseconds
        let (lists, skipped) = try read(files)
        let readSeconds = Self.seconds(since: reading)
        options.progress?("read and tag", 0.05)
        let recordCount = lists.reduce(0) { $0 + $1.records.count }
        if format.writesWorkbook, recordCount >= XLSXWriter.maximumRows {
            throw FileLinkageError.tooManyRowsForWorkbook(recordCount)
        }
        let (humanDecisions, outcome) = decisions.map { Self.match($0, to: lists.flatMap(\.records)) } ?? ([], nil)
        // The lists' records one after another, not copied into one array: at a million records a copy is 250 MB.
        let result = Linker(options: options).link(lists.lazy.flatMap(\.records), decisions: humanDecisions)
        let writing = DispatchTime.now().uptimeNanoseconds
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let writer = LinkOutputWriter(lists: lists, result: result)
        var written: [URL] = []
        var pairCount = 0
        var reviewCount = 0
        if format.writesCSV {
            let persons = directory.appendingPathComponent("persons.csv")
            let pairs = directory.appendingPathComponent("pairs.csv")
            let review = directory.appendingPathComponent("review.csv")
            try writer.writePersons(to: persons)
            pairCount = try writer.writePairs(to: pairs)
            reviewCount = try writer.writeReview(to: review)
            written += [persons, pairs, review]
        }
        if format.writesWorkbook {
            let review = result.report.reviewPairs
            if 2 * review >= XLSXWriter.maximumRows {
                throw FileLinkageError.tooManyPairsForWorkbook(review)
            }
            options.progress?("write " + LinkWorkbook.fileName, 0.95)
            reviewCount = try LinkWorkbookWriter(output: writer, skippedSheets: skipped, decisions: outcome).write(to: workbookURL)
            written.append(workbookURL)
        }
        var report = result.report
        report.stageSeconds.insert(.init(stage: "read and tag", seconds: readSeconds), at: 0)
        report.stageSeconds.append(.init(stage: "write", seconds: Self.seconds(since: writing)))
        return Summary(
            lists: lists, report: report, pairsWritten: pairCount, reviewWritten: reviewCount, files: written,
            skippedSheets: skipped, decisions: outcome
        )
    }

    private static func seconds(since start: UInt64) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    /// Reads every list of every file, naming each source uniquely.
    private func read(_ files: [URL]) throws -> (lists: [LinkableList], skipped: [SkippedSheet]) {
        var lists: [LinkableList] = []
        var skipped: [SkippedSheet] = []
        var usedNames = Set<String>()
        // Two files of one name (two weeks' lists in different folders), or two tabs of one name in two workbooks,
        // stay apart as sources.
        func unique(_ base: String) -> String {
            var name = base
            var suffix = 2
            while usedNames.contains(name) {
                name = base + "-" + String(suffix)
                suffix += 1
            }
            return name
        }
        func load(_ reader: TableReader, _ base: String, sheet: String?) throws {
            let list = try loader.load(reader, source: unique(base), sheet: sheet)
            usedNames.insert(list.source)
            lists.append(list)
        }
        for file in files {
            options.progress?("read " + file.lastPathComponent, 0)
            let reader = try TableReader(url: file, limits: loader.limits)
            let fileBase = file.deletingPathExtension().lastPathComponent
            guard reader.fingerprint.format == .xlsx, sheet == nil else {
                // The sheet as the workbook spells it, when only its case was wrong.
                let named = sheet.flatMap { wanted in reader.sheets.first { $0.name.lowercased() == wanted.lowercased() }?.name } ?? sheet
                try load(reader, fileBase, sheet: reader.fingerprint.format == .xlsx ? named : nil)
                continue
            }
            var dataSheets: [String] = []
            for entry in reader.sheets {
                let reason: String? =
                    switch entry.kind {
                    case .chartsheet: "a chart, not a worksheet"
                    case .dialogsheet: "a dialog sheet, not a worksheet"
                    case .worksheet where entry.isHidden: "hidden"
                    case .worksheet: try reader.sheetHasData(entry.name) ? nil : "empty"
                    }
                if let reason {
                    skipped.append(SkippedSheet(fileName: file.lastPathComponent, sheet: entry.name, reason: reason))
                } else {
                    dataSheets.append(entry.name)
                }
            }
            guard dataSheets.count > 1 else {
                // One list: named after the file, as a CSV file is. With none, the reader says the workbook is empty.
                try load(reader, fileBase, sheet: dataSheets.first)
                continue
            }
            var firstRefusal: LinkableListError?
            let before = lists.count
            for name in dataSheets {
                do {
                    try load(reader, name, sheet: name)
                } catch let error as LinkableListError {
                    guard case .nothingToLinkOn(_, let unplaced) = error else { throw error }
                    firstRefusal = firstRefusal ?? error
                    let columns = unplaced.isEmpty ? "" : "; its columns are \(unplaced.joined(separator: ", "))"
                    skipped.append(
                        SkippedSheet(
                            fileName: file.lastPathComponent, sheet: name,
                            reason: "no column holds a name, NHS number or UPN\(columns). If it is a list, place its columns with --map"
                        )
                    )
                }
            }
            if lists.count == before, let firstRefusal { throw firstRefusal }
        }
        return (lists, skipped)
    }

    /// The reviewed pairs whose two records are still in the lists, unchanged, as people's decisions.
    static func match(_ reviewed: ReviewedDecisions, to records: [PersonRecord]) -> ([HumanDecision], DecisionOutcome) {
        var index: [String: Int] = [:]
        index.reserveCapacity(records.count)
        for (position, record) in records.enumerated() { index[record.key] = position }
        var outcome = DecisionOutcome(file: reviewed.file.lastPathComponent)
        var decisions: [HumanDecision] = []
        for pair in reviewed.pairs {
            guard let first = index[pair.firstKey], let second = index[pair.secondKey], first != second else {
                outcome.unknown += 1
                continue
            }
            guard LinkWorkbook.check(records[first]) == pair.firstCheck, LinkWorkbook.check(records[second]) == pair.secondCheck else {
                outcome.changed += 1
                continue
            }
            decisions.append(HumanDecision(leftKey: pair.firstKey, rightKey: pair.secondKey, isSamePerson: pair.isSamePerson))
            if pair.isSamePerson { outcome.same += 1 } else { outcome.notSame += 1 }
        }
        return (decisions, outcome)
    }

    /// Refuses to write over a workbook a reviewer has filled in, unless it is the one given as the decisions.
    private func refuseToLoseDecisions(in url: URL) throws {
        guard FileManager.default.fileExists(atPath: url.path) else { return }
        if let decisions, decisions.file.standardizedFileURL.resolvingSymlinksInPath() == url.standardizedFileURL.resolvingSymlinksInPath() {
            return
        }
        let found: Int
        do {
            found = try ReviewedDecisions.read(from: url).pairs.count
        } catch {
            throw FileLinkageError.wouldOverwrite(path: url.path, detail: "Kith cannot read it (\(error))")
        }
        if found > 0 {
            throw FileLinkageError.wouldOverwrite(path: url.path, detail: "it holds \(found) decision\(found == 1 ? "" : "s") a reviewer made")
        }
    }
}

/// What `kith link FILES --out DIR` writes: the three CSV files, the review workbook, or both.
public enum LinkOutputFormat: String, CaseIterable, Sendable {
    case csv
    case xlsx
    case both

    var writesCSV: Bool { self != .xlsx }
    var writesWorkbook: Bool { self != .csv }
}

/// A tab of a workbook that was not read as a list, and why.
public struct SkippedSheet: Sendable, Equatable {
    public var fileName: String
    public var sheet: String
    public var reason: String

    public init(fileName: String, sheet: String, reason: String) {
        self.fileName = fileName
        self.sheet = sheet
        self.reason = reason
    }
}

/// What became of a reviewed workbook's decisions.
public struct DecisionOutcome: Sendable, Equatable {
    public var file: String
    public var same = 0
    public var notSame = 0
    /// Decisions on rows no longer in the lists (a list left out, or shorter now).
    public var unknown = 0
    /// Decisions on rows that now hold someone else: another name or date of birth than when they were reviewed.
    public var changed = 0

    public init(file: String, same: Int = 0, notSame: Int = 0, unknown: Int = 0, changed: Int = 0) {
        self.file = file
        self.same = same
        self.notSame = notSame
        self.unknown = unknown
        self.changed = changed
    }

    public var applied: Int { same + notSame }

    /// The outcome in sentences, as `kith link` prints it and the Summary sheet shows it.
    public var lines: [String] {
        var lines = [
            "Applied \(applied) decision\(applied == 1 ? "" : "s"): \(same) \(LinkWorkbook.same), \(notSame) \(LinkWorkbook.notSame)."
        ]
        if unknown > 0 {
            lines.append("\(unknown) decision\(unknown == 1 ? " is" : "s are") for rows no longer in the lists: not applied.")
        }
        if changed > 0 {
            lines.append(
                "\(changed) decision\(changed == 1 ? " is" : "s are") for rows that now hold another name or date of birth: "
                    + "not applied, so those pairs may come back for review."
            )
        }
        return lines
    }
}

/// Why `kith link FILES --out DIR` stopped before writing.
public enum FileLinkageError: Error, CustomStringConvertible, Equatable {
    case wouldOverwrite(path: String, detail: String)
    case tooManyRowsForWorkbook(Int)
    case tooManyPairsForWorkbook(Int)

    public var description: String {
        switch self {
        case .wouldOverwrite(let path, let detail):
            "\(path) is already there and \(detail). Give it with --decisions \(path) to apply and keep its decisions, "
                + "or move it out of the folder first."
        case .tooManyRowsForWorkbook(let rows):
            "The lists have \(rows) rows, too many for the Persons sheet of a workbook (Excel holds \(XLSXWriter.maximumRows) "
                + "rows, the header included). Use --format csv for lists this large."
        case .tooManyPairsForWorkbook(let pairs):
            "\(pairs) pairs are left to review, too many for the Review sheet (two rows each; Excel holds \(XLSXWriter.maximumRows) "
                + "rows). Use --format csv, or raise --review-threshold to leave fewer pairs to review."
        }
    }
}

/// Writes a linkage of files as CSV that opens cleanly in Excel: UTF-8 with a byte order mark, every cell that could
/// start a formula made inert.
struct LinkOutputWriter {
    let lists: [LinkableList]
    let result: LinkageResult
    /// For each record index: its list and its position in the list.
    private let place: [(list: Int, row: Int)]

    init(lists: [LinkableList], result: LinkageResult) {
        self.lists = lists
        self.result = result
        var place: [(list: Int, row: Int)] = []
        for (listIndex, list) in lists.enumerated() {
            for row in list.records.indices { place.append((listIndex, row)) }
        }
        self.place = place
    }

    func id(_ record: Int) -> String { Self.id(record, lists: lists, place: place) }

    private static func id(_ record: Int, lists: [LinkableList], place: [(list: Int, row: Int)]) -> String {
        let (list, row) = place[record]
        if let ids = lists[list].ids, !ids[row].isEmpty { return ids[row] }
        return lists[list].source + ":" + String(lists[list].rowNumbers[row])
    }

    func source(_ record: Int) -> String { lists[place[record].list].source }

    /// The record's list and its position in the list.
    func place(of record: Int) -> (list: Int, row: Int) { place[record] }

    var recordCount: Int { place.count }

    private static func csv(_ url: URL) throws -> CSVWriter {
        try CSVWriter(url: url, delimiter: ",", encoding: .utf8WithBOM)
    }

    private static func safe(_ fields: [String]) -> [String] { fields.map(FormulaGuard.neutralise) }

    /// Writes `header`, then `count` rows made by `row`, streamed: a few thousand rows at a time are made on every
    /// core and written in order, so the file is never whole in memory and the rows are as one thread makes them.
    private static func writeRows(
        to url: URL, header: [String], count: Int, row: @escaping @Sendable (Int) -> [String]
    ) throws {
        let writer = try csv(url)
        try writer.appendRow(header)
        let rowsPerPiece = 8_192
        let piecesAtOnce = max(2, ProcessInfo.processInfo.activeProcessorCount * 2)
        var start = 0
        while start < count {
            let first = start
            let pieces = min(piecesAtOnce, (count - first + rowsPerPiece - 1) / rowsPerPiece)
            let bytes = EncodedPieces(count: pieces)
            DispatchQueue.concurrentPerform(iterations: pieces) { piece in
                var encoded: [UInt8] = []
                encoded.reserveCapacity(rowsPerPiece * 64)
                let from = first + piece * rowsPerPiece
                for index in from..<min(count, from + rowsPerPiece) {
                    CSVWriter.encodeRow(safe(row(index)), into: &encoded)
                }
                bytes.set(piece, encoded)
            }
            for piece in bytes.values { try writer.append(encodedRows: piece) }
            start = min(count, first + pieces * rowsPerPiece)
        }
        try writer.finish()
    }

    func writePersons(to url: URL) throws {
        let lists = lists, place = place, state = result.state
        try Self.writeRows(to: url, header: ["source", "row", "id", "person_id"], count: place.count) { record in
            let (list, row) = place[record]
            return [
                lists[list].source, String(lists[list].rowNumbers[row]), Self.id(record, lists: lists, place: place),
                state.personID(ofRecord: record),
            ]
        }
    }

    /// Every pair at or above the minimum probability, strongest first, with each field's evidence.
    func writePairs(to url: URL) throws -> Int {
        let fields = LinkageField.allCases
        // Strongest first, by position among the pairs, not a sorted copy of them: at a million records the pairs
        // take hundreds of megabytes, their order a few. Ties keep the engine's order, as a stable sort would.
        let all = result.pairs
        let order = Self.order(all.count) { all[$0].matchWeight > all[$1].matchWeight }
        let scorer = result.scorer
        let lists = lists, place = place
        try Self.writeRows(
            to: url,
            header: ["id_l", "id_r", "source_l", "source_r", "match_probability", "match_weight", "decision", "reason"]
                + fields.flatMap { [$0.columnName + "_level", $0.columnName + "_weight"] },
            count: order.count
        ) { position in
            let pair = all[Int(order[position])]
            let left = Int(pair.left), right = Int(pair.right)
            let evidence = scorer.evidence(pair.levels, left, right)
            return [
                Self.id(left, lists: lists, place: place), Self.id(right, lists: lists, place: place),
                lists[place[left].list].source, lists[place[right].list].source, Self.format(pair.matchProbability, digits: 6),
                Self.format(pair.matchWeight, digits: 2), pair.decision.rawValue, pair.reason ?? "",
            ] + evidence.flatMap { [$0.level, $0.level == "missing" ? "" : Self.format($0.weight, digits: 2)] }
        }
        return order.count
    }

    /// The positions `0..<count` ordered by `isBefore`, ties in position order.
    static func order(_ count: Int, by isBefore: (Int, Int) -> Bool) -> [Int32] {
        var order = (0..<Int32(count)).map { $0 }
        order.sort { a, b in
            let i = Int(a), j = Int(b)
            if isBefore(i, j) { return true }
            return !isBefore(j, i) && i < j
        }
        return order
    }

    /// The pairs waiting for a person, side by side: one column per detail for each record, differences marked.
    func writeReview(to url: URL) throws -> Int {
        let details: [(String, @Sendable (PersonRecord) -> String?)] = [
            ("given_name", { $0.givenName }), ("family_name", { $0.familyName }), ("birth_date", { $0.birthDate?.description }),
            ("sex", { $0.sex }), ("nhs_number", { $0.nhsNumber }), ("address", { $0.address }), ("postcode", { $0.postcode }),
            ("phone", { $0.phone }), ("email", { $0.email }),
        ]
        let pairs = result.pairs.filter { $0.decision == .review }.sorted { $0.matchProbability > $1.matchProbability }
        let lists = lists, place = place, result = result
        try Self.writeRows(
            to: url,
            header: ["match_probability", "id_l", "id_r", "source_l", "source_r"]
                + details.flatMap { [$0.0 + "_l", $0.0 + "_r", $0.0 + "_same"] } + ["evidence", "same_person"],
            count: pairs.count
        ) { index in
            let pair = pairs[index]
            let left = Int(pair.left), right = Int(pair.right)
            let recordL = lists[place[left].list].records[place[left].row], recordR = lists[place[right].list].records[place[right].row]
            var row = [
                Self.format(pair.matchProbability, digits: 3), Self.id(left, lists: lists, place: place), Self.id(right, lists: lists, place: place),
                lists[place[left].list].source, lists[place[right].list].source,
            ]
            for (_, value) in details {
                let l = value(recordL) ?? "", r = value(recordR) ?? ""
                row += [l, r, l.isEmpty || r.isEmpty ? "" : (l.lowercased() == r.lowercased() ? "yes" : "NO")]
            }
            let evidence = result.evidence(for: pair).filter { $0.level != "missing" }
                .map { "\($0.field): \($0.level) (\(Self.format($0.weight, digits: 1)))" }.joined(separator: "; ")
            row += [evidence, ""]
            return row
        }
        return pairs.count
    }

    func record(_ index: Int) -> PersonRecord {
        let (list, row) = place[index]
        return lists[list].records[row]
    }

    /// `value` with `digits` decimals, exactly as `String(format: "%.2f")` writes it (rounded half to even on the
    /// value's exact binary expansion), without its cost for the millions of numbers in pairs.csv: the rare value
    /// within a hair of a tie, and any value too large to scale exactly, is left to `String(format:)`.
    static func format(_ value: Double, digits: Int) -> String {
        guard (0...6).contains(digits), value.isFinite else { return String(format: "%.\(digits)f", value) }
        let scaled = value.magnitude * Self.scales[digits]
        guard scaled < 1e9 else { return String(format: "%.\(digits)f", value) }
        let whole = scaled.rounded(.towardZero)
        let fraction = scaled - whole
        guard abs(fraction - 0.5) > 1e-6 else { return String(format: "%.\(digits)f", value) }
        let units = UInt64(fraction > 0.5 ? whole + 1 : whole)
        var text = value.sign == .minus ? "-" : ""
        let scale = UInt64(Self.scales[digits])
        text += String(units / scale)
        guard digits > 0 else { return text }
        let decimals = String(units % scale)
        text += "." + String(repeating: "0", count: digits - decimals.count) + decimals
        return text
    }

    private static let scales: [Double] = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000]
}

/// Rows of a file made on several threads, one piece per thread, read once all are made.
private final class EncodedPieces: @unchecked Sendable {
    private var pieces: [[UInt8]]
    private let lock = NSLock()

    init(count: Int) {
        pieces = Array(repeating: [], count: count)
    }

    func set(_ index: Int, _ bytes: [UInt8]) {
        lock.lock()
        pieces[index] = bytes
        lock.unlock()
    }

    var values: [[UInt8]] {
        lock.lock()
        defer { lock.unlock() }
        return pieces
    }
}
