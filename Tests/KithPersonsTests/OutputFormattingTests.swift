import Foundation
import Testing

@testable import KithPersons

/// The numbers in pairs.csv and review.csv are written as `String(format: "%.Nf")` writes them, without its cost.
struct OutputFormattingTests {
    @Test func decimalsAreWrittenAsPrintfWritesThem() {
        var values: [Double] = [
            0, -0.0, 0.5, -0.5, 1.5, 2.5, 0.125, 0.375, 1.005, 2.675, -2.675, 0.0049999, 0.005, -0.001, 0.999_999_5, 1e-9,
            -1e-9, 12_345.678_9, -47.125, 0.1, 0.2, 0.3, 99.995, 1e8 + 0.5, 1e12, -3e10, .infinity, -.infinity, .nan,
        ]
        var state: UInt64 = 42
        for _ in 0..<20_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let unit = Double(state >> 11) / Double(1 << 53)
            values.append((unit - 0.5) * 60)  // match weights
            values.append(unit)  // probabilities
            values.append(Double(Int(unit * 2_000) - 1_000) / 8)  // exact binary ties: 0.125, 0.375…
        }
        for value in values {
            for digits in [1, 2, 3, 6] {
                #expect(LinkOutputWriter.format(value, digits: digits) == String(format: "%.\(digits)f", value), "\(value), \(digits)")
            }
        }
    }

    @Test func pairsAreOrderedStrongestFirstWithTiesInTheirOrder() {
        let weights: [Double] = [1, 3, 3, -2, 3, 1, 0, 7, 1]
        let order = LinkOutputWriter.order(weights.count) { weights[$0] > weights[$1] }
        #expect(order == [7, 1, 2, 4, 0, 5, 8, 6, 3])
    }
}
