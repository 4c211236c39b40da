import Foundation
import Testing

@testable import KithPlaces

@Suite struct DemandOverlayTests {
    /// A reproducible stream of numbers for Poisson draws (SplitMix64).
    struct Draws {
        var state: UInt64
        mutating func unit() -> Double {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Double((z ^ (z >> 31)) >> 11) / Double(1 << 53)
        }
        mutating func poisson(_ mean: Double) -> Int {
            // Knuth's method, for small means; a normal approximation above 50.
            if mean > 50 {
                let u = max(unit(), 1e-12)
                let v = unit()
                return max(0, Int((mean + mean.squareRoot() * (-2 * log(u)).squareRoot() * cos(2 * .pi * v)).rounded()))
            }
            let limit = exp(-mean)
            var product = unit()
            var count = 0
            while product > limit {
                product *= unit()
                count += 1
            }
            return count
        }
    }

    @Test func theFitRecoversAModelWithoutNoise() {
        let x = [-1.5, -0.5, 0, 0.5, 1.5]
        let offset = [6.0, 6.2, 6.1, 5.9, 6.3]
        let y = x.indices.map { exp(offset[$0] - 3 + 0.7 * x[$0]) }
        let fit = DemandOverlay.fitPoisson(x: x, y: y, offset: offset)
        #expect(abs(fit.a + 3) < 1e-6)
        #expect(abs(fit.b - 0.7) < 1e-6)
    }

    @Test func benjaminiHochbergStepsUp() {
        let tests = [("a", 0.001), ("b", 0.008), ("c", 0.039), ("d", 0.041), ("e", 0.9)]
        // Thresholds 0.01, 0.02, 0.03, 0.04, 0.05: the largest p under its threshold is b's (0.008 ≤ 0.02); c and d miss.
        #expect(DemandOverlay.benjaminiHochberg(tests, rate: 0.05) == ["a", "b"])
        #expect(DemandOverlay.benjaminiHochberg([], rate: 0.05).isEmpty)
    }

    /// 120 areas of 400–800 residents whose calls (about 30 an area, overdispersed) follow their need, except eight
    /// of the needier half that call 30% as often: the overlay finds them and flags few others.
    @Test func findsHiddenUnderServedAreas() {
        var draws = Draws(state: 42)
        var inputs: [DemandOverlay.Input] = []
        var needs: [(String, Double)] = []
        for index in 0..<120 {
            let need = (draws.unit() + draws.unit() + draws.unit() - 1.5) * 2
            needs.append((String(format: "A%03d", index), need))
        }
        let ranks = Dictionary(uniqueKeysWithValues: needs.sorted { $0.1 > $1.1 }.enumerated().map { ($1.0, $0 + 1) })
        let hidden = Set(needs.map(\.0).filter { ranks[$0]! <= 55 }.enumerated().filter { $0.offset % 3 == 1 }.prefix(8).map(\.element))
        for (code, need) in needs {
            let population = 400 + 400 * draws.unit()
            // About 5 calls per 100 residents at average need; overdispersed by a per-area factor.
            let spread = exp(0.15 * (draws.unit() + draws.unit() + draws.unit() - 1.5) * 2)
            var mean = population * 0.05 * exp(0.6 * need) * spread
            if hidden.contains(code) { mean *= 0.3 }
            inputs.append(
                DemandOverlay.Input(code: code, population: population, needScore: need, needRank: ranks[code]!, observed: draws.poisson(mean)))
        }
        let overlay = DemandOverlay(inputs)
        let flagged = Set(overlay.lowEngagementZones.map(\.code))
        #expect(hidden.count == 8)
        #expect(flagged.intersection(hidden).count >= hidden.count - 1)
        #expect(flagged.subtracting(hidden).count <= 1)
        #expect(overlay.slope > 0.4 && overlay.slope < 0.8)
        for zone in overlay.lowEngagementZones {
            #expect(zone.ratio < 1)
            #expect(zone.needRank <= 60)
        }
    }

    @Test func anAreaWithoutPopulationIsLeftOut() {
        let overlay = DemandOverlay([
            .init(code: "A", population: 0, needScore: 1, needRank: 1, observed: 3),
            .init(code: "B", population: 100, needScore: 0, needRank: 2, observed: 3),
            .init(code: "C", population: 100, needScore: -1, needRank: 3, observed: 1),
        ])
        #expect(overlay.areas.map(\.code) == ["B", "C"])
    }
}
