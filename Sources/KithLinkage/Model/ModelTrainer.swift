import Foundation

/// Trains a ``LinkageModel`` without labelled data.
///
/// - u from pairs drawn at random, less the few matches among them;
/// - m by expectation maximisation over the candidate pairs, started from the pairs that share a valid NHS
///   number or UPN (trusted pairs) when there are enough of them;
/// - household u, for surname and date of birth between different people in one home, from how households are
///   (see ``typicalHouseholdU(_:)``): learning it from the pairs themselves mistakes typo-ridden duplicates at one
///   address for a household;
/// - the prior from the matches expectation maximisation expects among the candidates, over all possible pairs.
struct ModelTrainer {
    var randomPairs = 1_000_000
    var minimumTrustedPairs = 50
    var minimumCandidatesForEstimation = 200
    var seed: UInt64 = 0x4B17_4C49_4E4B

    func train(records: EncodedRecords, comparator: RecordComparator, candidates: Blocker.Candidates) -> LinkageModel {
        let levelCounts = LinkageField.levelCounts
        let n = records.count
        let possiblePairs = Double(n) * Double(n - 1) / 2

        let randomCounts = randomPairCounts(records: records, comparator: comparator)

        // Distinct candidate vectors with counts.
        var histogram: [PackedLevels: Int] = [:]
        for levels in candidates.levels { histogram[levels, default: 0] += 1 }
        let counts = histogram.map { (vector: $0.key.vector, count: Double($0.value)) }

        // Trusted pairs: one valid NHS number or UPN.
        let trusted = counts.filter { $0.vector.levels[LinkageField.nationalIdentifier.rawValue] == 1 }
        let trustedCount = Int(trusted.reduce(0) { $0 + $1.count })

        var model = FellegiSunterModel(levelCounts: levelCounts, lambda: 0.2)
        model.m = Self.startingM(levelCounts: levelCounts)
        if trustedCount >= minimumTrustedPairs {
            let trustedM = FellegiSunterModel.shares(of: trusted, levelCounts: levelCounts)
            for field in LinkageField.allCases where field != .nationalIdentifier {
                model.m[field.rawValue] = trustedM[field.rawValue]
            }
        }
        model.u = FellegiSunterModel.shares(of: counts, levelCounts: levelCounts)
        // Expectation maximisation needs enough pairs to find two kinds in them; a short list keeps the starting m
        // (or the trusted pairs' m) and assumes half its candidates match.
        var iterations = 0
        if candidates.count >= minimumCandidatesForEstimation {
            iterations = model.estimateMAndU(fromCounts: counts)
        } else {
            model.lambda = 0.5
        }

        // u from random pairs, each counted by its chance of being two people: in a small file a million random
        // pairs hold hundreds of matches, enough to make sharing an address look common among different people.
        // A short list has few random pairs to learn from; they are blended with u as it usually is on UK lists.
        let observedU = FellegiSunterModel.shares(
            of: randomCounts.map { (vector: $0.vector, count: $0.count * (1 - model.matchProbability($0.vector))) },
            levelCounts: levelCounts
        )
        let randomTotal = randomCounts.reduce(0) { $0 + $1.count }
        let priorStrength = 2_000.0
        let u = LinkageField.allCases.map { field in
            zip(observedU[field.rawValue], Self.typicalRandomU(field)).map {
                (randomTotal * $0 + priorStrength * $1) / (randomTotal + priorStrength)
            }
        }
        // How much the lists hold of different people sharing a home: among random pairs that share one, the share
        // that are two people. Council lists are full of households; a list of one person per address has none, and
        // there sharing an address is what duplicates do.
        let household = LinkageField.household.rawValue
        var sharedPairs = 0.0
        var sharedByTwoPeople = 0.0
        for (vector, count) in randomCounts where LinkageField.sharedHomeLevels.contains(vector.levels[household]) {
            sharedPairs += count
            sharedByTwoPeople += count * (1 - model.matchProbability(vector))
        }
        let householdShare = sharedPairs > 0 ? sharedByTwoPeople / sharedPairs : 0
        var householdU = u
        for field in LinkageModel.householdConditioned {
            let f = field.rawValue
            householdU[f] = zip(Self.typicalHouseholdU(field), u[f]).map { householdShare * $0 + (1 - householdShare) * $1 }
        }
        let expectedMatches = model.lambda * Double(candidates.count)
        let prior = possiblePairs > 0 ? min(max(expectedMatches / possiblePairs, 1e-12), 0.5) : 0.5
        return LinkageModel(
            m: Self.flooredM(model.m),
            u: u,
            householdU: householdU,
            prior: prior,
            recordCount: n,
            trainingFigures: LinkageModel.TrainingFigures(
                candidatePairs: candidates.count, trustedPairs: trustedCount,
                randomPairs: Int(randomCounts.reduce(0) { $0 + $1.count }),                 iterations: iterations, candidateMatchShare: model.lambda,
                householdShare: householdShare
            )
        )
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
        let shares: [Double] = switch field {
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
