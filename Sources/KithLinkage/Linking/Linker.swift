import Foundation
import KithSpreadsheet

/// Finds the same resident within and across partner lists: encodes records, blocks, trains a model, scores,
/// and joins records into persons with stable ids.
///
/// ```swift
/// let result = Linker().link(records)
/// for (index, record) in records.enumerated() { print(record.key, result.state.personID(ofRecord: index)) }
/// // Next week:
/// let next = Linker().link(newRecords, onto: result.state)
/// ```
public struct Linker: Sendable {
    public var options: LinkageOptions

    public init(options: LinkageOptions = LinkageOptions()) {
        self.options = options
    }

    /// Links a whole set of records from scratch, training the model on them.
    /// - Parameters:
    ///   - decisions: people's verdicts on pairs, which override the model.
    ///   - previousPersons: each record's person id from an earlier run, by record key, so that ids stay stable.
    ///   - nextPersonNumber: the first number a new person may take.
    public func link(
        _ records: some Sequence<PersonRecord>, decisions: [HumanDecision] = [], previousPersons: [String: String] = [:],
        nextPersonNumber: Int32 = 1
    ) -> LinkageResult {
        var clock = StageClock(progress: options.progress)
        var encoded = EncodedRecords()
        encoded.append(contentsOf: records)
        clock.finish("encode", through: 0.1)

        let blocker = Blocker(maximumBlockSize: options.maximumBlockSize)
        let comparator = RecordComparator(records: encoded)
        let (candidates, blocking) = blocker.candidates(encoded, comparator: comparator)
        clock.finish("block and compare", through: 0.5)

        let model = ModelTrainer(randomPairs: options.randomPairs).train(
            records: encoded, comparator: comparator, candidates: candidates
        )
        clock.finish("train", through: 0.6)

        var previous = [Int32](repeating: 0, count: encoded.count)
        if !previousPersons.isEmpty {
            for (index, key) in encoded.keys.enumerated() {
                if let id = previousPersons[key], let number = PersonNumbering.number(id) { previous[index] = number }
            }
        }
        let highest = previous.max() ?? 0
        var next = max(nextPersonNumber, highest + 1)
        var report = LinkageReport()
        report.mode = .full
        report.newRecords = encoded.count
        report.training = model.trainingFigures
        var touched: Set<Int>?
        let outcome = settle(
            encoded: encoded, model: model, candidates: candidates, decisions: decisions, previous: previous,
            oldLinks: [], touched: &touched, next: &next, report: &report, clock: &clock, thresholds: nil
        )
        report.blocking = blocking
        return finish(outcome, encoded: encoded, model: model, next: next, report: report, clock: clock)
    }

    /// Links new records onto an earlier run without linking everything again: only pairs with a new record are
    /// compared, the earlier model is kept, and persons keep their ids unless new records join or split them.
    public func link(
        _ newRecords: some Sequence<PersonRecord>, onto state: consuming LinkageState, decisions: [HumanDecision] = []
    ) -> LinkageResult {
        var clock = StageClock(progress: options.progress)
        var encoded = state.records
        // The state's copy let go, so that appending does not copy every array of a million records.
        state.records = EncodedRecords()
        let oldCount = encoded.count
        encoded.append(contentsOf: newRecords)
        let newCount = encoded.count - oldCount
        clock.finish("encode", through: 0.1)

        let blocker = Blocker(maximumBlockSize: options.maximumBlockSize)
        let comparator = RecordComparator(records: encoded)
        let (candidates, blocking) = blocker.candidates(encoded, comparator: comparator, newFrom: oldCount)
        clock.finish("block and compare", through: 0.5)

        var previous = state.personNumbers
        previous.append(contentsOf: repeatElement(0, count: newCount))
        var next = state.nextPersonNumber
        var report = LinkageReport()
        report.mode = .incremental
        report.newRecords = newCount
        var touched: Set<Int>? = Set(oldCount..<encoded.count)
        let outcome = settle(
            encoded: encoded, model: state.model, candidates: candidates, decisions: decisions, previous: previous,
            oldLinks: state.links, touched: &touched, next: &next, report: &report, clock: &clock,
            thresholds: state.thresholds
        )
        report.blocking = blocking
        return finish(outcome, encoded: encoded, model: state.model, next: next, report: report, clock: clock)
    }

    // MARK: - Stages

    private struct Outcome {
        var pairs: [ScoredPair]
        var links: [Clusterer.Link]
        var numbers: [Int32]
        var changed: [Int]
        var thresholds: LinkageThresholds
    }

    /// Scores the candidates, applies rules and decisions, clusters and numbers the persons.
    private func settle(
        encoded: EncodedRecords, model: LinkageModel, candidates: Blocker.Candidates, decisions: [HumanDecision],
        previous: [Int32], oldLinks: [Clusterer.Link], touched: inout Set<Int>?, next: inout Int32,
        report: inout LinkageReport, clock: inout StageClock, thresholds given: LinkageThresholds?
    ) -> Outcome {
        let thresholds = options.thresholds ?? given ?? .standard
        let scorer = MatchScorer(model: model, records: encoded)
        let decided = decidedPairs(decisions, encoded: encoded)
        var pairs = scorePairs(candidates, scorer: scorer, encoded: encoded, thresholds: thresholds, decided: decided.verdicts)
        clock.finish("score", through: 0.8)

        // Decisions on pairs blocking did not produce.
        let comparator = RecordComparator(records: encoded)
        var seen = Set<UInt64>()
        for pair in pairs where decided.verdicts[Clusterer.pairKey(Int(pair.left), Int(pair.right))] != nil {
            seen.insert(Clusterer.pairKey(Int(pair.left), Int(pair.right)))
        }
        for (key, same) in decided.verdicts where !seen.contains(key) {
            let left = Int(key >> 32), right = Int(key & 0xFFFF_FFFF)
            let levels = comparator.compare(left, right)
            let weight = scorer.weight(levels, left, right)
            pairs.append(
                ScoredPair(
                    left: Int32(left), right: Int32(right), levels: levels, matchWeight: weight,
                    matchProbability: MatchScorer.probability(weight: weight), decision: same ? .linked : .notLinked,
                    reason: same ? "decided the same person" : "decided not the same person"
                )
            )
        }

        var sets = UnionFind(count: encoded.count)
        if !oldLinks.isEmpty || touched != nil {
            // Old persons as they were.
            var firstOfPerson = [Int32](repeating: -1, count: Int(previous.max() ?? 0) + 1)
            for (record, number) in previous.enumerated() where number > 0 {
                let first = firstOfPerson[Int(number)]
                if first >= 0 { sets.union(Int(first), record) } else { firstOfPerson[Int(number)] = Int32(record) }
            }
        }
        var links = oldLinks
        for pair in pairs where pair.decision == .linked {
            let weight: Float = pair.reason == nil ? Float(pair.matchWeight) : .infinity
            links.append(Clusterer.Link(left: pair.left, right: pair.right, weight: weight))
            sets.union(Int(pair.left), Int(pair.right))
            touched?.insert(Int(pair.left))
            touched?.insert(Int(pair.right))
            switch pair.reason {
            case nil: report.automaticLinks += 1
            case "decided the same person": report.decidedLinks += 1
            default: report.ruleLinks += 1
            }
        }
        report.reviewPairs = pairs.reduce(0) { $0 + ($1.decision == .review ? 1 : 0) }
        for key in decided.verdicts.keys {
            touched?.insert(Int(key >> 32))
            touched?.insert(Int(key & 0xFFFF_FFFF))
        }

        // How likely two records the clusterer asks about are one person: a person's decision or a shared NHS
        // number settles it, else the model's score.
        func probability(_ i: Int, _ j: Int) -> Double {
            if let same = decided.verdicts[Clusterer.pairKey(i, j)] { return same ? 1 : 0 }
            let levels = comparator.compare(i, j)
            if levels[.nationalIdentifier] == 1 { return 1 }
            return MatchScorer.probability(weight: scorer.weight(levels, i, j))
        }
        let different = options.differentPersonProbability
        let clusterer = Clusterer(
            records: encoded,
            scoresAsDifferent: { probability($0, $1) < different },
            linksDirectly: { probability($0, $1) >= thresholds.link },
            keptApart: Set(decided.verdicts.filter { !$0.value }.keys)
        )
        report.splits = clusterer.enforceRules(on: &sets, links: links, touched: touched)
        clock.finish("cluster", through: 0.9)

        // Number the persons: every group in a full run, only groups with a touched record in an incremental one.
        var groups: [Int: [Int]] = [:]
        if let touched {
            for (root, members) in Clusterer.members(ofGroupsHolding: touched, in: &sets, count: encoded.count) {
                groups[root] = members
            }
        } else {
            for record in 0..<encoded.count { groups[sets.find(record), default: []].append(record) }
        }
        let orderedGroups = groups.values.sorted { $0[0] < $1[0] }
        let numbered = PersonNumbering.number(groups: orderedGroups, previous: previous, next: &next)
        var numbers = previous
        var changed: [Int] = []
        for (group, number) in zip(orderedGroups, numbered.numbers) {
            for record in group where numbers[record] != number {
                numbers[record] = number
                changed.append(record)
            }
        }
        report.merges = numbered.merges.map {
            PersonMerge(from: PersonNumbering.identifier($0.from), into: PersonNumbering.identifier($0.into))
        }
        report.newPersons = orderedGroups.count
        report.thresholds = thresholds
        return Outcome(pairs: pairs, links: links, numbers: numbers, changed: changed.sorted(), thresholds: thresholds)
    }

    private func finish(
        _ outcome: Outcome, encoded: EncodedRecords, model: LinkageModel, next: Int32, report: LinkageReport,
        clock: StageClock
    ) -> LinkageResult {
        var report = report
        report.records = encoded.count
        report.persons = PersonNumbering.distinctCount(outcome.numbers)
        report.candidatePairs = report.blocking.candidatePairs
        report.stageSeconds = clock.stages
        let state = LinkageState(
            records: encoded, model: model, thresholds: outcome.thresholds, personNumbers: outcome.numbers,
            nextPersonNumber: next, links: outcome.links
        )
        return LinkageResult(state: state, pairs: outcome.pairs, report: report, changedRecords: outcome.changed)
    }

    /// Decisions by record index: `pairKey → same person?`, the latest decision on a pair winning.
    private func decidedPairs(_ decisions: [HumanDecision], encoded: EncodedRecords) -> (verdicts: [UInt64: Bool], unknown: Int) {
        guard !decisions.isEmpty else { return ([:], 0) }
        var index: [String: Int] = [:]
        index.reserveCapacity(encoded.count)
        for (position, key) in encoded.keys.enumerated() { index[key] = position }
        var verdicts: [UInt64: Bool] = [:]
        var unknown = 0
        for decision in decisions {
            guard let left = index[decision.leftKey], let right = index[decision.rightKey], left != right else {
                unknown += 1
                continue
            }
            verdicts[Clusterer.pairKey(left, right)] = decision.isSamePerson
        }
        return (verdicts, unknown)
    }

    /// Weighs every candidate on every core and decides it: rules and people's decisions first, then thresholds.
    private func scorePairs(
        _ candidates: Blocker.Candidates, scorer: MatchScorer, encoded: EncodedRecords, thresholds: LinkageThresholds,
        decided: [UInt64: Bool]
    ) -> [ScoredPair] {
        let count = candidates.count
        let slices = max(1, min(count / 50_000 + 1, ParallelWork.coreCount * 4))
        let minimum = options.minimumProbability
        let parts = ParallelWork.map(count: slices) { slice in
            var pairs: [ScoredPair] = []
            let range = (count * slice / slices)..<(count * (slice + 1) / slices)
            for index in range {
                let left = Int(candidates.left[index]), right = Int(candidates.right[index])
                let levels = candidates.levels[index]
                let weight = scorer.weight(levels, left, right)
                let probability = MatchScorer.probability(weight: weight)
                var decision: ScoredPair.Decision =
                    probability >= thresholds.link ? .linked : probability >= thresholds.review ? .review : .notLinked
                var reason: String?
                if let same = decided[Clusterer.pairKey(left, right)] {
                    decision = same ? .linked : .notLinked
                    reason = same ? "decided the same person" : "decided not the same person"
                } else if levels[.nationalIdentifier] == 1 {
                    decision = .linked
                    reason = "same NHS number or UPN"
                } else if encoded.partnerID[left] != 0, encoded.partnerID[left] == encoded.partnerID[right] {
                    decision = .linked
                    reason = "same partner id in one list"
                }
                guard probability >= minimum || reason != nil else { continue }
                pairs.append(
                    ScoredPair(
                        left: Int32(left), right: Int32(right), levels: levels, matchWeight: weight,
                        matchProbability: probability, decision: decision, reason: reason
                    )
                )
            }
            return pairs
        }
        return Array(parts.joined())
    }
}

/// Times the stages of a run and reports progress.
struct StageClock {
    let progress: (@Sendable (String, Double) -> Void)?
    private(set) var stages: [LinkageReport.StageTime] = []
    private var started = DispatchTime.now().uptimeNanoseconds

    init(progress: (@Sendable (String, Double) -> Void)?) {
        self.progress = progress
    }

    mutating func finish(_ stage: String, through fraction: Double) {
        let now = DispatchTime.now().uptimeNanoseconds
        stages.append(LinkageReport.StageTime(stage: stage, seconds: Double(now - started) / 1e9))
        started = now
        progress?(stage, fraction)
    }
}
