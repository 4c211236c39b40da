import Foundation
import KithSpreadsheet

/// Trains a ``LinkageModel`` without labelled data, in a way that stays calibrated whatever the size and mix of
/// the lists.
///
/// - u from pairs drawn at random, less the few matches among them, held fixed;
/// - m from the pairs that share a valid NHS number or UPN (trusted pairs) when there are enough of them; by
///   expectation maximisation over the candidate pairs otherwise. Expectation maximisation is not used when
///   trusted pairs are plentiful: at a million records with a small pool of names the candidates hold hundreds of
///   thousands of strangers who share a date of birth and a surname, and it took them for a second kind of match
///   (it said 55% of candidates matched where 24% did), so that a date of birth alone linked two strangers;
/// - m for the NHS number from what is typical, since trusted pairs all agree on it and lists that share none
///   show only disagreement;
/// - household u, for surname and date of birth between different people in one home, from how households are
///   (see ``typicalHouseholdU(_:)``): learning it from the pairs themselves mistakes typo-ridden duplicates at one
///   address for a household;
/// - the prior as the fixed point of "expected matches = the sum of the candidates' match probabilities",
///   scored as they will be scored, and held below what the lists can hold (``maximumMatchesPerRecord``);
/// - then sanity checks (``ModelSanity``): a model that would link two records agreeing on one field alone is
///   replaced by typical values, with a warning in the report.
struct ModelTrainer {
    var randomPairs = 1_000_000
    /// Trusted pairs needed to take m from them alone.
    var minimumTrustedPairs = 1_000
    /// Trusted pairs needed to start expectation maximisation from their m.
    var minimumTrustedPairsToStart = 50
    var minimumCandidatesForEstimation = 200
    /// Matching pairs the prior may assume, per record: a person on every list of a borough's dozen, with a few
    /// duplicates, gives about this many.
    var maximumMatchesPerRecord = 3.0
    /// The probability at or above which a pair would wait for review; the sanity checks keep archetypal pairs
    /// of different people below it.
    var reviewThreshold = LinkageThresholds.standard.review
    var seed: UInt64 = 0x4B17_4C49_4E4B

    func train(records: EncodedRecords, comparator: RecordComparator, candidates: Blocker.Candidates) -> LinkageModel {
        let levelCounts = LinkageField.levelCounts
        let n = records.count
        let possiblePairs = Double(n) * Double(n - 1) / 2
        let nationalIdentifier = LinkageField.nationalIdentifier.rawValue

        let randomCounts = randomPairCounts(records: records, comparator: comparator)

        // Distinct candidate vectors with counts.
        var histogram: [PackedLevels: Int] = [:]
        for levels in candidates.levels { histogram[levels, default: 0] += 1 }
        let counts = histogram.map { (vector: $0.key.vector, count: Double($0.value)) }

        // Trusted pairs: one valid NHS number or UPN.
        let trusted = counts.filter { $0.vector.levels[nationalIdentifier] == 1 }
        let trustedCount = Int(trusted.reduce(0) { $0 + $1.count })

        var m: [[Double]]
        var iterations = 0
        let mSource: String
        if trustedCount >= minimumTrustedPairs {
            m = Self.blended(trusted, with: Self.typicalM, strength: 100)
            mSource = "pairs sharing an NHS number or UPN"
        } else {
            var model = FellegiSunterModel(levelCounts: levelCounts, lambda: 0.2)
            model.m = Self.startingM(levelCounts: levelCounts)
            if trustedCount >= minimumTrustedPairsToStart {
                let trustedM = FellegiSunterModel.shares(of: trusted, levelCounts: levelCounts)
                for field in LinkageField.allCases where field != .nationalIdentifier {
                    model.m[field.rawValue] = trustedM[field.rawValue]
                }
            }
            model.u = FellegiSunterModel.shares(of: counts, levelCounts: levelCounts)
            // Expectation maximisation needs enough pairs to find two kinds in them; a short list keeps typical m.
            if candidates.count >= minimumCandidatesForEstimation {
                iterations = model.estimateMAndU(fromCounts: counts)
                m = model.m
                mSource = "expectation maximisation"
            } else {
                m = LinkageField.allCases.map(Self.typicalM)
                mSource = "typical values (too few pairs to learn from)"
            }
        }
        m[nationalIdentifier] = Self.typicalM(.nationalIdentifier)
        m = Self.flooredM(m)

        // u from random pairs, blended with u as it usually is on UK lists (a short list has few random pairs to
        // learn from); then again with each random pair counted by its chance of being two people: in a small
        // file a million random pairs hold hundreds of matches, enough to make sharing an address look common.
        let randomTotal = randomCounts.reduce(0) { $0 + $1.count }
        let firstU = Self.blendedU(FellegiSunterModel.shares(of: randomCounts, levelCounts: levelCounts), randomTotal: randomTotal)
        let firstPrior = Self.fixedPointPrior(
            counts: counts, model: FellegiSunterModel(m: m, u: firstU), possiblePairs: possiblePairs,
            maximum: maximumMatchesPerRecord * Double(n)
        ).prior
        let plain = FellegiSunterModel(m: m, u: firstU, lambda: firstPrior)
        let u = Self.blendedU(
            FellegiSunterModel.shares(
                of: randomCounts.map { (vector: $0.vector, count: $0.count * (1 - plain.matchProbability($0.vector))) },
                levelCounts: levelCounts
            ),
            randomTotal: randomTotal
        )
        // How much the lists hold of different people sharing a home: among candidate pairs that share one, the
        // share that are two people. Council lists are full of households; a list of one person per address has
        // none, and there sharing an address is what duplicates do. Candidates, not random pairs: two records
        // drawn at random almost never share a home (a handful in a million), too few to tell the two apart.
        let household = LinkageField.household.rawValue
        var sharedPairs = 0.0
        var sharedByTwoPeople = 0.0
        for (vector, count) in counts where LinkageField.sharedHomeLevels.contains(vector.levels[household]) {
            sharedPairs += count
            sharedByTwoPeople += count * (1 - plain.matchProbability(vector))
        }
        let householdShare = sharedPairs > 0 ? sharedByTwoPeople / sharedPairs : 0
        var householdU = u
        for field in LinkageModel.householdConditioned {
            let f = field.rawValue
            householdU[f] = zip(Self.typicalHouseholdU(field), u[f]).map { householdShare * $0 + (1 - householdShare) * $1 }
        }

        var model = LinkageModel(
            m: m, u: u, householdU: householdU, prior: firstPrior, recordCount: n,
            trainingFigures: LinkageModel.TrainingFigures(
                candidatePairs: candidates.count, trustedPairs: trustedCount, randomPairs: Int(randomTotal),
                iterations: iterations, candidateMatchShare: 0, householdShare: householdShare, mSource: mSource
            )
        )
        var warnings: [String] = []
        settlePrior(&model, records: records, candidates: candidates, possiblePairs: possiblePairs, warnings: &warnings)
        let sanity = ModelSanity(reviewThreshold: reviewThreshold)
        let failures = sanity.failures(model)
        if !failures.isEmpty {
            model.m = Self.flooredM(LinkageField.allCases.map(Self.typicalM))
            model.trainingFigures.mSource = "typical values (the trained model failed its checks)"
            settlePrior(&model, records: records, candidates: candidates, possiblePairs: possiblePairs, warnings: &warnings)
            warnings.append(
                "The model learned from these lists would have linked " + failures.joined(separator: "; ")
                    + ", so Kith used typical values instead. Check that each list's columns are tagged right "
                    + "(a date column tagged as date of birth, say) and review more pairs than usual."
            )
            for failure in sanity.failures(model) {
                warnings.append("Even with typical values the model would link \(failure): review links by hand.")
            }
        }
        model.trainingFigures.warnings = warnings
        return model
    }

    /// Sets the prior so that the matches it expects among all pairs equal the sum of the candidates' match
    /// probabilities, scored as ``MatchScorer`` scores them; held at or below ``maximumMatchesPerRecord`` per record.
    private func settlePrior(
        _ model: inout LinkageModel, records: EncodedRecords, candidates: Blocker.Candidates, possiblePairs: Double,
        warnings: inout [String]
    ) {
        guard possiblePairs > 0, candidates.count > 0 else {
            model.prior = 0.5
            return
        }
        // Each candidate's Bayes factor (log2, without the prior), worked out once on every core. Candidates share
        // a few thousand distinct factors to 1/64 bit: the prior is settled over those, each with its count.
        var withoutPrior = model
        withoutPrior.prior = 0.5
        let scorer = MatchScorer(model: withoutPrior, records: records)
        let count = candidates.count
        let slices = max(1, min(count / 100_000 + 1, ParallelWork.coreCount * 4))
        let parts = ParallelWork.map(count: slices) { slice in
            var binned: [Int: Double] = [:]
            for index in (count * slice / slices)..<(count * (slice + 1) / slices) {
                let factor = scorer.weight(candidates.levels[index], Int(candidates.left[index]), Int(candidates.right[index]))
                binned[Int((factor * 64).rounded()), default: 0] += 1
            }
            return binned
        }
        var binned: [Int: Double] = [:]
        for part in parts { binned.merge(part, uniquingKeysWith: +) }
        let maximum = maximumMatchesPerRecord * Double(records.count)
        let (prior, expected) = Self.settledPrior(
            factors: binned.map { (weight: Double($0.key) / 64, count: $0.value) }, start: model.prior,
            possiblePairs: possiblePairs, maximum: maximum
        )
        if expected > maximum {
            warnings.append(
                String(
                    format: "The candidates looked like %.0f matching pairs, more than %.0f per record the lists can hold; "
                        + "the prior was held at that. Check for a column tagged wrongly (many records sharing a value).",
                    expected, maximumMatchesPerRecord
                )
            )
        }
        model.prior = prior
        model.trainingFigures.candidateMatchShare = min(expected, maximum) / Double(count)
    }

    /// Level shares of `pairs`, each field blended with `typical` as if from `strength` more pairs.
    static func blended(
        _ pairs: [(vector: ComparisonVector, count: Double)], with typical: (LinkageField) -> [Double], strength: Double
    ) -> [[Double]] {
        var sums = LinkageField.levelCounts.map { [Double](repeating: 0, count: $0) }
        for (vector, count) in pairs {
            for (field, level) in vector.levels.enumerated() where level != ComparisonVector.missing {
                sums[field][Int(level) - 1] += count
            }
        }
        return LinkageField.allCases.map { field in
            let observed = sums[field.rawValue]
            let total = observed.reduce(0, +)
            return zip(observed, typical(field)).map { ($0 + strength * $1) / (total + strength) }
        }
    }

    /// Random-pair u blended with ``typicalRandomU(_:)`` as if from 2,000 more pairs.
    static func blendedU(_ observed: [[Double]], randomTotal: Double) -> [[Double]] {
        let priorStrength = 2_000.0
        return LinkageField.allCases.map { field in
            zip(observed[field.rawValue], Self.typicalRandomU(field)).map {
                (randomTotal * $0 + priorStrength * $1) / (randomTotal + priorStrength)
            }
        }
    }

    /// A first prior from distinct candidate vectors and a plain model (no name frequencies, no households).
    static func fixedPointPrior(
        counts: [(vector: ComparisonVector, count: Double)], model: FellegiSunterModel, possiblePairs: Double, maximum: Double
    ) -> (prior: Double, expected: Double) {
        var plain = model
        plain.lambda = 0.5
        return settledPrior(
            factors: counts.map { (weight: plain.matchWeight($0.vector), count: $0.count) }, start: 1e-6,
            possiblePairs: possiblePairs, maximum: maximum
        )
    }

    /// The prior at which the matches expected among all pairs equal the sum of the candidates' match probabilities,
    /// from each distinct Bayes factor (log2, without the prior) and how many candidates have it; the expected
    /// matches held at `maximum`.
    static func settledPrior(
        factors: [(weight: Double, count: Double)], start: Double, possiblePairs: Double, maximum: Double
    ) -> (prior: Double, expected: Double) {
        guard possiblePairs > 0, !factors.isEmpty else { return (0.5, 0) }
        var prior = min(max(start, 1e-12), 0.5)
        var expected = 0.0
        for _ in 0..<60 {
            let logOdds = log2(prior / (1 - prior))
            expected = factors.reduce(0) { $0 + $1.count / (1 + exp2(-($1.weight + logOdds))) }
            let next = min(max(min(expected, maximum) / possiblePairs, 1e-12), 0.5)
            let settled = abs(log(next) - log(prior)) < 1e-4
            prior = next
            if settled { break }
        }
        return (prior, expected)
    }

    /// Levels among pairs that are one person, as they usually fall on UK council lists: used where the lists
    /// cannot teach m (the NHS number; a short list) and where what they taught fails the sanity checks.
    static func typicalM(_ field: LinkageField) -> [Double] {
        let shares: [Double] =
            switch field {
            case .givenName: [0.86, 0.04, 0.03, 0.01, 0.01, 0.01, 0.005, 0.035]
            case .familyName: [0.86, 0.04, 0.03, 0.01, 0.01, 0.005, 0.045]
            case .birthDate: [0.93, 0.01, 0.04, 0.01, 0.003, 0.007]
            case .sex: [0.98, 0.02]
            case .household: [0.3, 0.25, 0.05, 0.1, 0.05, 0.05, 0.2]
            case .nationalIdentifier: [0.99, 0.01]
            case .otherIdentifier: [0.9, 0.05, 0.05]
            }
        let total = shares.reduce(0, +)
        return shares.map { $0 / total }
    }

    /// m with every level kept possible: real lists always hold some matches that disagree (a surname changed,
    /// a date of birth mistyped beyond recognition), so plain disagreement is never taken as proof.
    static func flooredM(_ m: [[Double]]) -> [[Double]] {
        m.map { levels in
            let floored = levels.enumerated().map { index, share in max(share, index == levels.count - 1 ? 0.005 : 0.0005) }
            let total = floored.reduce(0, +)
            return floored.map { $0 / total }
        }
    }

    /// Before training: the closest levels likely among matches, plain disagreement rare.
    static func startingM(levelCounts: [Int]) -> [[Double]] {
        levelCounts.map { count in
            var shares = (0..<count).map { 0.3 * pow(2, -Double($0)) }
            shares[0] = 0.85
            shares[count - 1] = 0.02
            let total = shares.reduce(0, +)
            return shares.map { $0 / total }
        }
    }

    /// Level counts of random pairs, compared on every core.
    private func randomPairCounts(records: EncodedRecords, comparator: RecordComparator) -> [(vector: ComparisonVector, count: Double)] {
        let n = records.count
        guard n > 1 else { return [] }
        // Fifty random pairs per record pin u down well; a million is plenty for any list.
        let pairCount = min(randomPairs, max(100_000, 50 * n), n * (n - 1) / 2)
        let slices = ParallelWork.coreCount * 4
        let seed = seed
        let parts = ParallelWork.map(count: slices) { slice in
            var state = seed &+ UInt64(slice) &* 0x9E37_79B9_7F4A_7C15
            var histogram: [PackedLevels: Int] = [:]
            let share = pairCount / slices + (slice < pairCount % slices ? 1 : 0)
            var drawn = 0
            while drawn < share {
                state = state &+ 0x9E37_79B9_7F4A_7C15
                let random = BlockingRule.stir(state)
                let i = Int((random >> 32) % UInt64(n))
                let j = Int((random & 0xFFFF_FFFF) % UInt64(n))
                if i == j { continue }
                histogram[comparator.compare(min(i, j), max(i, j)), default: 0] += 1
                drawn += 1
            }
            return histogram
        }
        var histogram: [PackedLevels: Int] = [:]
        for part in parts { histogram.merge(part, uniquingKeysWith: +) }
        return histogram.map { (vector: $0.key.vector, count: Double($0.value)) }
    }

    /// Levels among two different people drawn at random from UK lists, as they usually fall.
    static func typicalRandomU(_ field: LinkageField) -> [Double] {
        let shares: [Double] =
            switch field {
            case .givenName: [0.005, 0.002, 0.002, 0.003, 0.005, 0.001, 0.00001, 0.982]
            case .familyName: [0.003, 0.0005, 0.001, 0.001, 0.003, 0.00001, 0.99]
            case .birthDate: [0.0002, 0.00001, 0.005, 0.1, 0.2, 0.7]
            case .sex: [0.5, 0.5]
            case .household: [0.00001, 0.0001, 0.00001, 0.001, 0.02, 0.1, 0.88]
            case .nationalIdentifier: [0.000001, 1]
            case .otherIdentifier: [0.000001, 0.00001, 1]
            }
        let total = shares.reduce(0, +)
        return shares.map { $0 / total }
    }

    /// Levels among different people in one home as they usually fall: most households share a surname (couples
    /// who kept their own names and house shares do not); a shared birthday there means twins, about one pair of
    /// household members in fifty; parents seldom give two children one first name; siblings are born within a few years of each other, parents a generation apart.
    static func typicalHouseholdU(_ field: LinkageField) -> [Double] {
        switch field {
        case .givenName: [0.002, 0.003, 0.005, 0.005, 0.03, 0.02, 0.0005, 0.9345]
        case .familyName: [0.7, 0.05, 0.02, 0.01, 0.02, 0.001, 0.199]
        case .birthDate: [0.02, 0.002, 0.03, 0.4, 0.2, 0.348]
        default: []
        }
    }
}
