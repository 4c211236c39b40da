import Foundation
import KithLinkage
import KithSpreadsheet
import KithStandard

/// Scores linkage against known truth: generated boroughs (their `truth/records.csv`) and the FEBRL benchmark
/// files (`rec-12-dup-0` and `rec-12-org` are one person). Used by tests and `kith-benchmark accuracy`.
public enum LinkageEvaluation {
    /// Scores and blocking recall of one linkage.
    public struct Outcome: Sendable {
        public var name: String
        public var records: Int
        public var scores: LinkageScores
        /// True pairs that blocking made candidates, as a share of all true pairs.
        public var blockingRecall: Double
        public var report: LinkageReport
        public var model: LinkageModel?
        /// True pairs left apart and false pairs joined, with their evidence, for looking into.
        public var missedExamples: [String] = []
        public var wrongExamples: [String] = []
        public var unblockedExamples: [String] = []
    }

    /// Reads a generated borough's lists, links them and scores the persons against its truth.
    public static func borough(directory: URL, options: LinkageOptions = LinkageOptions()) throws -> Outcome {
        let truth = try BoroughTruth(directory: directory)
        let files = try FileManager.default.contentsOfDirectory(
            at: directory.appendingPathComponent("lists"), includingPropertiesForKeys: nil
        ).filter { ["csv", "xlsx"].contains($0.pathExtension) }.sorted { $0.path < $1.path }
        let loader = ListFileLoader(referenceDate: CivilDate(year: 2026, month: 11, day: 16)!)
        var records: [PersonRecord] = []
        var truePersons: [String] = []
        for file in files {
            let list = try loader.load(file)
            for (record, number) in zip(list.records, list.rowNumbers) {
                records.append(record)
                truePersons.append(truth.personByRow[BoroughTruth.key(fileName: file.lastPathComponent, rowNumber: number)] ?? "?")
            }
        }
        return evaluate(name: directory.lastPathComponent, records: records, truePersons: truePersons, options: options)
    }

    /// Reads FEBRL files (`rec_id,given_name,surname,street_number,address_1,address_2,suburb,postcode,state,
    /// date_of_birth,soc_sec_id,…`), links them and scores. The `true_id` column is never read: the truth is
    /// the record id's stem.
    public static func febrl(files: [URL], options: LinkageOptions = LinkageOptions()) throws -> Outcome {
        var records: [PersonRecord] = []
        var truePersons: [String] = []
        for file in files {
            let reader = try TableReader(url: file)
            var columns: [String: Int] = [:]
            let source = file.deletingPathExtension().lastPathComponent
            try reader.read(sheet: nil) { layout in
                for (index, name) in layout.columnNames.enumerated() { columns[name] = index }
            } onRow: { row in
                func cell(_ name: String) -> String? {
                    guard let index = columns[name], index < row.cells.count else { return nil }
                    let value = row.cells[index].trimmingCharacters(in: .whitespaces)
                    return value.isEmpty ? nil : value
                }
                guard let id = cell("rec_id") else { return }
                var record = PersonRecord(key: id, source: source)
                record.givenName = cell("given_name")
                record.familyName = cell("surname")
                record.address = [cell("street_number"), cell("address_1"), cell("address_2"), cell("suburb")]
                    .compactMap { $0 }.joined(separator: " ")
                record.postcode = cell("postcode")
                record.birthDate = cell("date_of_birth").flatMap(Self.compactDate)
                record.otherIdentifier = cell("soc_sec_id")
                records.append(record)
                truePersons.append(id.components(separatedBy: "-").prefix(2).joined(separator: "-"))
            }
        }
        return evaluate(
            name: files.map { $0.deletingPathExtension().lastPathComponent }.joined(separator: "+"), records: records,
            truePersons: truePersons, options: options
        )
    }

    /// `19560409` as a date.
    static func compactDate(_ text: String) -> CivilDate? {
        guard text.count == 8, let value = Int(text) else { return nil }
        return CivilDate(year: value / 10_000, month: value / 100 % 100, day: value % 100)
    }

    /// Links records and scores the result against each record's true person.
    public static func evaluate(
        name: String, records: [PersonRecord], truePersons: [String], options: LinkageOptions
    ) -> Outcome {
        var options = options
        options.minimumProbability = 0
        let result = Linker(options: options).link(records)
        var predicted: [Int: Int32] = [:]
        var truth: [Int: String] = [:]
        for index in records.indices {
            predicted[index] = result.state.personNumbers[index]
            truth[index] = truePersons[index]
        }
        let scores = LinkageScores(predicted: predicted, truth: truth)
        // Blocking recall: true pairs among the compared pairs, over all true pairs.
        var comparedTrue = 0
        for pair in result.pairs where truePersons[Int(pair.left)] == truePersons[Int(pair.right)] { comparedTrue += 1 }
        let blockingRecall = scores.truePairs == 0 ? 1 : Double(comparedTrue) / Double(scores.truePairs)
        var outcome = Outcome(
            name: name, records: records.count, scores: scores, blockingRecall: blockingRecall, report: result.report,
            model: result.state.model
        )
        func describe(_ pair: ScoredPair) -> String {
            let left = records[Int(pair.left)], right = records[Int(pair.right)]
            func text(_ r: PersonRecord) -> String {
                [r.givenName, r.familyName, r.birthDate?.description, r.postcode, r.address, r.phone].map { $0 ?? "·" }
                    .joined(separator: "|")
            }
            let evidence = result.evidence(for: pair).filter { $0.level != "missing" }
                .map { String(format: "%@=%.1f", $0.field, $0.weight) }.joined(separator: " ")
            return String(format: "p=%.3f %@  <>  %@  [%@]", pair.matchProbability, text(left), text(right), evidence)
        }
        for pair in result.pairs {
            let same = truePersons[Int(pair.left)] == truePersons[Int(pair.right)]
            let joined = result.state.personNumbers[Int(pair.left)] == result.state.personNumbers[Int(pair.right)]
            if same, !joined, outcome.missedExamples.count < 40 { outcome.missedExamples.append(describe(pair)) }
            if !same, joined, outcome.wrongExamples.count < 40 { outcome.wrongExamples.append(describe(pair)) }
        }
        // True pairs blocking never compared.
        var compared = Set<UInt64>()
        for pair in result.pairs { compared.insert(UInt64(pair.left) << 32 | UInt64(pair.right)) }
        var byPerson: [String: [Int]] = [:]
        for (index, person) in truePersons.enumerated() { byPerson[person, default: []].append(index) }
        outer: for group in byPerson.values where group.count > 1 {
            for a in group.indices {
                for b in group.indices where b > a {
                    let key = UInt64(min(group[a], group[b])) << 32 | UInt64(max(group[a], group[b]))
                    guard !compared.contains(key) else { continue }
                    func text(_ r: PersonRecord) -> String {
                        [r.givenName, r.familyName, r.birthDate?.description, r.postcode, r.address, r.phone].map { $0 ?? "·" }
                            .joined(separator: "|")
                    }
                    outcome.unblockedExamples.append(text(records[group[a]]) + "  <>  " + text(records[group[b]]))
                    if outcome.unblockedExamples.count >= 30 { break outer }
                }
            }
        }
        return outcome
    }
}
