import Foundation
import KithLinkage
import KithPersons
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
        /// Among pairs the model linked by itself (not by a rule or a person), the share that are one person.
        public var automaticLinkPrecision: Double = 1
        /// The best pairwise F1 any single probability threshold gives over the scored pairs, before clustering.
        public var bestPairwiseF1: Double = 0
        /// The threshold that gives it.
        public var bestPairwiseThreshold: Double = 1
        /// Records in the largest person.
        public var largestPerson: Int = 0
        /// Calibration: for each band of match probability (0.5–0.6, …, 0.9–0.95, 0.95–0.99, 0.99–1), the pairs
        /// in it and the share of them that are one person.
        public var calibration: [(band: String, pairs: Int, sameShare: Double)] = []
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
        outcome.measurePairs(result.pairs, truePersons: truePersons, truePairs: scores.truePairs)
        var sizes: [Int32: Int] = [:]
        for number in result.state.personNumbers { sizes[number, default: 0] += 1 }
        outcome.largestPerson = sizes.values.max() ?? 0
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

extension LinkageEvaluation.Outcome {
    /// Automatic-link precision and the best pairwise F1 over the scored pairs.
    mutating func measurePairs(_ pairs: [ScoredPair], truePersons: [String], truePairs: Int) {
        var automatic = 0, automaticRight = 0
        var byProbability: [(probability: Double, same: Bool)] = []
        byProbability.reserveCapacity(pairs.count)
        for pair in pairs {
            let same = truePersons[Int(pair.left)] == truePersons[Int(pair.right)]
            if pair.decision == .linked, pair.reason == nil {
                automatic += 1
                if same { automaticRight += 1 }
            }
            byProbability.append((pair.matchProbability, same))
        }
        automaticLinkPrecision = automatic == 0 ? 1 : Double(automaticRight) / Double(automatic)
        let edges = [0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99, 1.0000001]
        var inBand = [Int](repeating: 0, count: edges.count - 1), sameInBand = inBand
        for pair in byProbability {
            guard let band = edges.indices.dropLast().last(where: { edges[$0] <= pair.probability }) else { continue }
            inBand[band] += 1
            if pair.same { sameInBand[band] += 1 }
        }
        calibration = inBand.indices.map { band in
            (
                String(format: "%.2f–%.2f", edges[band], min(edges[band + 1], 1)), inBand[band],
                inBand[band] == 0 ? 0 : Double(sameInBand[band]) / Double(inBand[band])
            )
        }
        byProbability.sort { $0.probability > $1.probability }
        var truePositives = 0
        for (index, pair) in byProbability.enumerated() {
            if pair.same { truePositives += 1 }
            // Only where the next pair scores lower can a threshold fall.
            if index + 1 < byProbability.count, byProbability[index + 1].probability == pair.probability { continue }
            let precision = Double(truePositives) / Double(index + 1)
            let recall = truePairs == 0 ? 1 : Double(truePositives) / Double(truePairs)
            let f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
            if f1 > bestPairwiseF1 {
                bestPairwiseF1 = f1
                bestPairwiseThreshold = pair.probability
            }
        }
    }
}
