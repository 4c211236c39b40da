import Foundation
import KithLinkage
import KithSpreadsheet
import KithStandard

/// The standalone deduplication tool: partner lists in, `persons.csv`, `pairs.csv` and `review.csv` out, with no
/// store. For councils who want one list of people from several spreadsheets today.
public struct FileLinkage: Sendable {
    public var loader: ListFileLoader
    public var options: LinkageOptions

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
    }

    /// Reads the files, links their rows and writes the three files into `directory`.
    public func run(files: [URL], into directory: URL) throws -> Summary {
        var lists: [LinkableList] = []
        var usedNames = Set<String>()
        for file in files {
            var name = file.deletingPathExtension().lastPathComponent
            // Two files of one name (two weeks' lists in different folders) stay apart as sources.
            var suffix = 2
            while usedNames.contains(name) {
                name = file.deletingPathExtension().lastPathComponent + "-" + String(suffix)
                suffix += 1
            }
            usedNames.insert(name)
            options.progress?("read " + file.lastPathComponent, 0)
            lists.append(try loader.load(file, source: name))
        }
        let records = lists.flatMap(\.records)
        let result = Linker(options: options).link(records)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let writer = LinkOutputWriter(lists: lists, result: result)
        let persons = directory.appendingPathComponent("persons.csv")
        let pairs = directory.appendingPathComponent("pairs.csv")
        let review = directory.appendingPathComponent("review.csv")
        try writer.writePersons(to: persons)
        let pairCount = try writer.writePairs(to: pairs)
        let reviewCount = try writer.writeReview(to: review)
        return Summary(lists: lists, report: result.report, pairsWritten: pairCount, reviewWritten: reviewCount, files: [persons, pairs, review])
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

    func id(_ record: Int) -> String {
        let (list, row) = place[record]
        if let ids = lists[list].ids, !ids[row].isEmpty { return ids[row] }
        return lists[list].source + ":" + String(lists[list].rowNumbers[row])
    }

    func source(_ record: Int) -> String { lists[place[record].list].source }

    private static func csv(_ url: URL) throws -> CSVWriter {
        try CSVWriter(url: url, delimiter: ",", encoding: .utf8WithBOM)
    }

    private static func safe(_ fields: [String]) -> [String] { fields.map(FormulaGuard.neutralise) }

    func writePersons(to url: URL) throws {
        let writer = try Self.csv(url)
        try writer.appendRow(["source", "row", "id", "person_id"])
        for record in place.indices {
            let (list, row) = place[record]
            try writer.appendRow(
                Self.safe([lists[list].source, String(lists[list].rowNumbers[row]), id(record), result.state.personID(ofRecord: record)])
            )
        }
        try writer.finish()
    }

    /// Every pair at or above the minimum probability, strongest first, with each field's evidence.
    func writePairs(to url: URL) throws -> Int {
        let writer = try Self.csv(url)
        let fields = LinkageField.allCases
        try writer.appendRow(
            ["id_l", "id_r", "source_l", "source_r", "match_probability", "match_weight", "decision", "reason"]
                + fields.flatMap { [$0.columnName + "_level", $0.columnName + "_weight"] }
        )
        let pairs = result.pairs.sorted { $0.matchWeight > $1.matchWeight }
        let scorer = result.scorer
        for pair in pairs {
            let left = Int(pair.left), right = Int(pair.right)
            let evidence = scorer.evidence(pair.levels, left, right)
            try writer.appendRow(
                Self.safe(
                    [
                        id(left), id(right), source(left), source(right), Self.format(pair.matchProbability, digits: 6),
                        Self.format(pair.matchWeight, digits: 2), pair.decision.rawValue, pair.reason ?? "",
                    ] + evidence.flatMap { [$0.level, $0.level == "missing" ? "" : Self.format($0.weight, digits: 2)] }
                )
            )
        }
        try writer.finish()
        return pairs.count
    }

    /// The pairs waiting for a person, side by side: one column per detail for each record, differences marked.
    func writeReview(to url: URL) throws -> Int {
        let writer = try Self.csv(url)
        let details: [(String, (PersonRecord) -> String?)] = [
            ("given_name", \.givenName), ("family_name", \.familyName), ("birth_date", { $0.birthDate?.description }),
            ("sex", \.sex), ("nhs_number", \.nhsNumber), ("address", \.address), ("postcode", \.postcode),
            ("phone", \.phone), ("email", \.email),
        ]
        try writer.appendRow(
            ["match_probability", "id_l", "id_r", "source_l", "source_r"]
                + details.flatMap { [$0.0 + "_l", $0.0 + "_r", $0.0 + "_same"] } + ["evidence", "same_person"]
        )
        let pairs = result.pairs.filter { $0.decision == .review }.sorted { $0.matchProbability > $1.matchProbability }
        for pair in pairs {
            let left = Int(pair.left), right = Int(pair.right)
            let recordL = record(left), recordR = record(right)
            var row = [Self.format(pair.matchProbability, digits: 3), id(left), id(right), source(left), source(right)]
            for (_, value) in details {
                let l = value(recordL) ?? "", r = value(recordR) ?? ""
                row += [l, r, l.isEmpty || r.isEmpty ? "" : (l.lowercased() == r.lowercased() ? "yes" : "NO")]
            }
            let evidence = result.evidence(for: pair).filter { $0.level != "missing" }
                .map { "\($0.field): \($0.level) (\(Self.format($0.weight, digits: 1)))" }.joined(separator: "; ")
            row += [evidence, ""]
            try writer.appendRow(Self.safe(row))
        }
        try writer.finish()
        return pairs.count
    }

    private func record(_ index: Int) -> PersonRecord {
        let (list, row) = place[index]
        return lists[list].records[row]
    }

    static func format(_ value: Double, digits: Int) -> String {
        String(format: "%.\(digits)f", value)
    }
}
