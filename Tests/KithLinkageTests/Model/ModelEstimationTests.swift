import Foundation
import KithSpreadsheet
import KithTestSupport
import Testing

@testable import KithLinkage

/// Expectation maximisation over unlabelled candidate pairs recovers the m, u and λ of the model that drew them.
struct ModelEstimationTests {
    /// A known two-class model: four fields with 4, 3, 3 and 2 levels.
    struct TrueModel: Sendable, CustomTestStringConvertible {
        var m: [[Double]]
        var u: [[Double]]
        var lambda: Double
        var pairs: Int
        var missingShare: Double
        var seed: UInt64

        var testDescription: String { "λ \(lambda), \(pairs) pairs, \(Int(missingShare * 100))% missing" }

        var levelCounts: [Int] { m.map(\.count) }
    }

    static let m: [[Double]] = [[0.80, 0.10, 0.06, 0.04], [0.88, 0.08, 0.04], [0.75, 0.15, 0.10], [0.90, 0.10]]
    static let u: [[Double]] = [[0.02, 0.03, 0.10, 0.85], [0.05, 0.10, 0.85], [0.10, 0.20, 0.70], [0.30, 0.70]]

    static let models: [TrueModel] = [
        TrueModel(m: m, u: u, lambda: 0.30, pairs: 100_000, missingShare: 0, seed: 11),
        TrueModel(m: m, u: u, lambda: 0.10, pairs: 200_000, missingShare: 0.1, seed: 12),
        TrueModel(m: m, u: u, lambda: 0.60, pairs: 100_000, missingShare: 0.05, seed: 13),
    ]

    static func draw(_ shares: [Double], using generator: inout SplitMix64) -> UInt8 {
        var roll = Double.random(in: 0..<1, using: &generator)
        for (index, share) in shares.enumerated() {
            roll -= share
            if roll < 0 { return UInt8(index + 1) }
        }
        return UInt8(shares.count)
    }

    /// Distinct vectors with counts, drawn from the true model.
    static func counts(_ model: TrueModel) -> (counts: [(vector: ComparisonVector, count: Double)], matches: Int) {
        var generator = SplitMix64(seed: model.seed)
        var histogram: [ComparisonVector: Double] = [:]
        var matches = 0
        for _ in 0..<model.pairs {
            let isMatch = Double.random(in: 0..<1, using: &generator) < model.lambda
            if isMatch { matches += 1 }
            let table = isMatch ? model.m : model.u
            let levels = table.map { shares in
                Double.random(in: 0..<1, using: &generator) < model.missingShare
                    ? ComparisonVector.missing : draw(shares, using: &generator)
            }
            histogram[ComparisonVector(levels), default: 0] += 1
        }
        return (histogram.sorted { $0.key.levels.lexicographicallyPrecedes($1.key.levels) }.map { ($0.key, $0.value) }, matches)
    }

    @Test(arguments: models)
    func recoversKnownMUAndLambda(_ truth: TrueModel) {
        let (counts, matches) = Self.counts(truth)
        #expect(counts.reduce(0) { $0 + $1.count } == Double(truth.pairs))
        // Start from the model's own guesses: m favouring the closest levels, u the last, λ far from the truth.
        var model = FellegiSunterModel(levelCounts: truth.levelCounts, lambda: 0.01)
        let iterations = model.estimateMAndU(fromCounts: counts, maximumIterations: 500)
        #expect(iterations > 1 && iterations < 500, "iterations \(iterations)")

        let tolerance = 0.03
        #expect(abs(model.lambda - truth.lambda) < tolerance, "λ \(model.lambda), true \(truth.lambda)")
        // The drawn share of matches is what the model can at best find.
        #expect(abs(model.lambda - Double(matches) / Double(truth.pairs)) < tolerance)
        for field in truth.m.indices {
            #expect(abs(model.m[field].reduce(0, +) - 1) < 1e-9)
            #expect(abs(model.u[field].reduce(0, +) - 1) < 1e-9)
            for level in truth.m[field].indices {
                #expect(
                    abs(model.m[field][level] - truth.m[field][level]) < tolerance,
                    "m[\(field)][\(level)] \(model.m[field][level]), true \(truth.m[field][level])"
                )
                #expect(
                    abs(model.u[field][level] - truth.u[field][level]) < tolerance,
                    "u[\(field)][\(level)] \(model.u[field][level]), true \(truth.u[field][level])"
                )
            }
        }
        // The estimated model tells the classes apart: all agreeing is a match, all disagreeing is not.
        #expect(model.matchProbability(ComparisonVector([1, 1, 1, 1])) > 0.99)
        #expect(model.matchProbability(ComparisonVector([4, 3, 3, 2])) < 0.01)
    }

    @Test func estimatesDoNotDependOnTheOrderOfTheCounts() {
        let (counts, _) = Self.counts(Self.models[0])
        var forward = FellegiSunterModel(levelCounts: Self.models[0].levelCounts, lambda: 0.01)
        var backward = forward
        forward.estimateMAndU(fromCounts: counts)
        backward.estimateMAndU(fromCounts: counts.reversed())
        #expect(abs(forward.lambda - backward.lambda) < 1e-6)
        for (a, b) in zip(forward.m.joined(), backward.m.joined()) { #expect(abs(a - b) < 1e-6) }
        for (a, b) in zip(forward.u.joined(), backward.u.joined()) { #expect(abs(a - b) < 1e-6) }
    }

    @Test func missingLevelsDoNotCountTowardsAnyShare() {
        // Field 1 is missing in every pair: its shares stay even (nothing observed), the others are still learned.
        var truth = Self.models[0]
        truth.missingShare = 0
        let (counts, _) = Self.counts(truth)
        let blanked = counts.map { item -> (vector: ComparisonVector, count: Double) in
            var levels = item.vector.levels
            levels[1] = ComparisonVector.missing
            return (ComparisonVector(levels), item.count)
        }
        var model = FellegiSunterModel(levelCounts: truth.levelCounts, lambda: 0.01)
        model.estimateMAndU(fromCounts: blanked, maximumIterations: 500)
        #expect(model.m[1].allSatisfy { abs($0 - 1.0 / 3) < 1e-9 }, "m[1] \(model.m[1])")
        #expect(model.u[1].allSatisfy { abs($0 - 1.0 / 3) < 1e-9 }, "u[1] \(model.u[1])")
        #expect(abs(model.lambda - truth.lambda) < 0.03, "λ \(model.lambda)")
        #expect(abs(model.m[0][0] - truth.m[0][0]) < 0.03, "m[0][0] \(model.m[0][0])")
    }

    @Test func noPairsLeavesTheModelAsItWas() {
        var model = FellegiSunterModel(levelCounts: [4, 3], lambda: 0.2)
        let before = model
        #expect(model.estimateMAndU(fromCounts: []) == 0)
        #expect(model == before)
    }
}
