import Foundation
import KithSpreadsheet
import KithTestSupport
import Testing

@testable import KithLinkage

/// The model recovers known m, u and λ from unlabelled pairs, and weighs pairs as Fellegi and Sunter do.
struct FellegiSunterModelTests {
    /// Three fields: a name with three levels, a date of birth with three, a postcode with two.
    static let trueM: [[Double]] = [[0.85, 0.10, 0.05], [0.90, 0.07, 0.03], [0.80, 0.20]]
    static let trueU: [[Double]] = [[0.01, 0.04, 0.95], [0.003, 0.02, 0.977], [0.05, 0.95]]
    static let trueLambda = 0.2

    static func draw(_ shares: [Double], using generator: inout SplitMix64) -> UInt8 {
        var roll = Double.random(in: 0..<1, using: &generator)
        for (index, share) in shares.enumerated() {
            roll -= share
            if roll < 0 { return UInt8(index + 1) }
        }
        return UInt8(shares.count)
    }

    static func pairs(count: Int, lambda: Double, missingShare: Double, seed: UInt64) -> [ComparisonVector] {
        var generator = SplitMix64(seed: seed)
        return (0..<count).map { _ in
            let isMatch = Double.random(in: 0..<1, using: &generator) < lambda
            let table = isMatch ? trueM : trueU
            return ComparisonVector(
                table.map { shares in
                    Double.random(in: 0..<1, using: &generator) < missingShare ? ComparisonVector.missing : draw(shares, using: &generator)
                }
            )
        }
    }

    @Test func recoversKnownMUAndLambdaWithoutLabels() {
        var model = FellegiSunterModel(levelCounts: [3, 3, 2], lambda: 0.01)
        model.estimateU(fromRandomPairs: Self.pairs(count: 200_000, lambda: 0, missingShare: 0.05, seed: 1))
        let iterations = model.estimateM(from: Self.pairs(count: 200_000, lambda: Self.trueLambda, missingShare: 0.05, seed: 2))
        #expect(iterations < 100)
        #expect(abs(model.lambda - Self.trueLambda) < 0.01, "λ \(model.lambda)")
        for field in 0..<3 {
            for level in Self.trueM[field].indices {
                #expect(abs(model.m[field][level] - Self.trueM[field][level]) < 0.015, "m[\(field)][\(level)] = \(model.m[field][level])")
                #expect(abs(model.u[field][level] - Self.trueU[field][level]) < 0.005, "u[\(field)][\(level)] = \(model.u[field][level])")
            }
        }
    }

    @Test func weighsAPairByItsFieldsAndTheirLevels() {
        var model = FellegiSunterModel(levelCounts: [3, 3, 2], lambda: 0.2)
        model.m = Self.trueM
        model.u = Self.trueU
        let agreeing = ComparisonVector([1, 1, 1])
        let disagreeing = ComparisonVector([3, 3, 2])
        let contributions = model.contributions(agreeing)
        #expect(abs(contributions[0] - log2(0.85 / 0.01)) < 1e-12)
        #expect(abs(model.matchWeight(agreeing) - (log2(0.2 / 0.8) + contributions.reduce(0, +))) < 1e-12)
        #expect(model.matchProbability(agreeing) > 0.999)
        #expect(model.matchProbability(disagreeing) < 0.001)
        // A missing field says nothing either way.
        #expect(model.contributions(ComparisonVector([0, 1, 1]))[0] == 0)
        #expect(model.matchWeight(ComparisonVector([0, 0, 0])) == log2(0.2 / 0.8))
    }
}
