import Foundation

/// The Fellegi–Sunter match model: for each field and level, how likely the level is among pairs that are the
/// same person (m) and among pairs that are not (u), and how likely a compared pair is to be a match at all (λ).
///
/// A pair's match weight is log2 of its Bayes factor plus the prior's log-odds; each field adds log2(m/u) for its
/// level, so a person can see what each field contributed. u is estimated from random pairs, which are almost
/// all non-matches; m and λ by expectation maximisation over the candidate pairs, with u held fixed, so no
/// labelled data is needed (Splink's approach, anchors.md §3).
public struct FellegiSunterModel: Sendable, Equatable {
    /// Levels each field has, not counting the missing level.
    public let levelCounts: [Int]
    /// m[field][level − 1]: the chance of each level among matching pairs.
    public var m: [[Double]]
    /// u[field][level − 1]: the chance of each level among non-matching pairs.
    public var u: [[Double]]
    /// The share of compared pairs that are matches.
    public var lambda: Double

    /// Probabilities are kept at least this far from 0, so that no level can make a weight infinite.
    static let floor = 1e-6

    /// A model with starting guesses: m favouring the closest levels, u favouring the last, λ as given.
    public init(levelCounts: [Int], lambda: Double = 0.001) {
        self.levelCounts = levelCounts
        m = levelCounts.map { count in Self.normalised((0..<count).map { pow(0.5, Double($0)) }) }
        u = levelCounts.map { count in Self.normalised((0..<count).map { pow(4, Double($0)) }) }
        self.lambda = lambda
    }

    /// A model with given shares; every field's levels as in `m`.
    public init(m: [[Double]], u: [[Double]], lambda: Double = 0.001) {
        levelCounts = m.map(\.count)
        self.m = m
        self.u = u
        self.lambda = lambda
    }

    /// Sets u from pairs drawn at random, which are non-matches but for a negligible few.
    public mutating func estimateU(fromRandomPairs pairs: [ComparisonVector]) {
        u = Self.levelShares(of: pairs.map { ($0, 1.0) }, levelCounts: levelCounts)
    }

    /// Estimates m and λ by expectation maximisation over candidate pairs, holding u fixed.
    /// - Returns: the number of iterations until the parameters moved less than `tolerance`.
    @discardableResult
    public mutating func estimateM(from pairs: [ComparisonVector], maximumIterations: Int = 100, tolerance: Double = 1e-6) -> Int {
        // Pairs repeat the same few vectors many times: work on distinct vectors with counts.
        var counts: [ComparisonVector: Double] = [:]
        for pair in pairs { counts[pair, default: 0] += 1 }
        let distinct = Array(counts)
        let total = Double(pairs.count)
        guard total > 0 else { return 0 }
        for iteration in 1...maximumIterations {
            let weighted = distinct.map { (vector: $0.key, weight: $0.value * matchProbability($0.key)) }
            let newLambda = min(max(weighted.reduce(0) { $0 + $1.weight } / total, Self.floor), 1 - Self.floor)
            let newM = Self.levelShares(of: weighted, levelCounts: levelCounts)
            let change = zip(m.joined(), newM.joined()).map { abs($0 - $1) }.max() ?? 0
            m = newM
            let lambdaChange = abs(newLambda - lambda)
            lambda = newLambda
            if max(change, lambdaChange) < tolerance { return iteration }
        }
        return maximumIterations
    }

    /// What each field adds to a pair's match weight: log2(m/u) for its level, 0 when missing.
    public func contributions(_ vector: ComparisonVector) -> [Double] {
        vector.levels.enumerated().map { field, level in
            guard level != ComparisonVector.missing else { return 0 }
            let index = Int(level) - 1
            return log2(m[field][index] / u[field][index])
        }
    }

    /// The pair's match weight: the prior's log-odds plus every field's contribution.
    public func matchWeight(_ vector: ComparisonVector) -> Double {
        log2(lambda / (1 - lambda)) + contributions(vector).reduce(0, +)
    }

    /// The probability that the pair is the same person.
    public func matchProbability(_ vector: ComparisonVector) -> Double {
        let weight = matchWeight(vector)
        return 1 / (1 + pow(2, -weight))
    }

    /// Each field's level shares among weighted pairs, ignoring pairs where the field is missing.
    static func levelShares(of pairs: [(vector: ComparisonVector, weight: Double)], levelCounts: [Int]) -> [[Double]] {
        var sums = levelCounts.map { [Double](repeating: 0, count: $0) }
        for (vector, weight) in pairs {
            for (field, level) in vector.levels.enumerated() where level != ComparisonVector.missing {
                sums[field][Int(level) - 1] += weight
            }
        }
        return sums.map(normalised)
    }

    /// Shares that sum to one, none below ``floor``.
    static func normalised(_ values: [Double]) -> [Double] {
        let floored = values.map { max($0, 0) }
        let total = floored.reduce(0, +)
        guard total > 0 else { return values.map { _ in 1 / Double(values.count) } }
        let shares = floored.map { max($0 / total, floor) }
        let sum = shares.reduce(0, +)
        return shares.map { $0 / sum }
    }
}

extension FellegiSunterModel {
    /// Estimates m, u and λ together by expectation maximisation over weighted distinct vectors (a vector and how
    /// many pairs had it). Used on candidate pairs, whose non-matches are not random pairs: blocking chose them
    /// for sharing something, so their u is learned here rather than taken from random pairs.
    /// - Returns: the number of iterations until the parameters moved less than `tolerance`.
    @discardableResult
    public mutating func estimateMAndU(
        fromCounts counts: [(vector: ComparisonVector, count: Double)], maximumIterations: Int = 200, tolerance: Double = 1e-6
    ) -> Int {
        let total = counts.reduce(0) { $0 + $1.count }
        guard total > 0 else { return 0 }
        for iteration in 1...maximumIterations {
            let probabilities = counts.map { matchProbability($0.vector) }
            let matches = zip(counts, probabilities).map { (vector: $0.vector, weight: $0.count * $1) }
            let nonMatches = zip(counts, probabilities).map { (vector: $0.vector, weight: $0.count * (1 - $1)) }
            let newLambda = min(max(matches.reduce(0) { $0 + $1.weight } / total, Self.floor), 1 - Self.floor)
            let newM = Self.levelShares(of: matches, levelCounts: levelCounts)
            let newU = Self.levelShares(of: nonMatches, levelCounts: levelCounts)
            let change = max(
                zip(m.joined(), newM.joined()).map { abs($0 - $1) }.max() ?? 0,
                zip(u.joined(), newU.joined()).map { abs($0 - $1) }.max() ?? 0,
                abs(newLambda - lambda)
            )
            m = newM
            u = newU
            lambda = newLambda
            if change < tolerance { return iteration }
        }
        return maximumIterations
    }

    /// Each field's level shares among weighted vectors, ignoring vectors where the field is missing; even shares
    /// for a field never observed.
    public static func shares(of counts: [(vector: ComparisonVector, count: Double)], levelCounts: [Int]) -> [[Double]] {
        levelShares(of: counts.map { ($0.vector, $0.count) }, levelCounts: levelCounts)
    }
}
