import Foundation

/// Round values along a chart's axis (0, 20, 40…; 0, 0.5, 1…): steps of 1, 2 or 5 times a power of ten, from a tick at
/// or below the lowest value to one at or above the highest.
public struct AxisTicks: Sendable, Equatable {
    /// The ticks, lowest first; the first and last are the axis's ends.
    public let values: [Double]
    public let step: Double
    /// The decimal places a tick's label needs (1 for steps of 0.5 or 0.1, 0 for whole steps).
    public let decimals: Int

    public var lower: Double { values.first ?? 0 }
    public var upper: Double { values.last ?? 1 }

    /// About `count` steps covering `low` to `high`. Values that are not finite are ignored; a range of one value is
    /// widened to take in 0 (and to 0…1 when that value is 0), so there is always an axis to draw.
    ///
    /// - Parameter wholeNumbers: steps of at least 1, for counts (no axis of requests at 0.5 apart).
    public init(from low: Double, through high: Double, count: Int = 5, wholeNumbers: Bool = false) {
        // Kept within ±1e300 so the range itself is finite.
        var low = low.isFinite ? max(-1e300, min(1e300, low)) : 0
        var high = high.isFinite ? max(-1e300, min(1e300, high)) : 0
        if low > high { swap(&low, &high) }
        if low == high {
            low = min(low, 0)
            high = max(high, 0)
            if low == high { high = 1 }
        }
        let rough = (high - low) / Double(max(1, count))
        var exponent = Int(log10(rough).rounded(.down))
        let fraction = rough / pow(10, Double(exponent))
        var multiple: Double = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10
        if multiple == 10 {
            multiple = 1
            exponent += 1
        }
        if wholeNumbers, exponent < 0 {
            multiple = 1
            exponent = 0
        }
        // Dividing by an exact power of ten, not multiplying by a fraction of one, keeps 0.3 from being 0.30000000000000004.
        func tick(_ index: Int) -> Double {
            exponent >= 0 ? Double(index) * multiple * pow(10, Double(exponent)) : Double(index) * multiple / pow(10, Double(-exponent))
        }
        let step = tick(1)
        // The small allowance stops a value a rounding error past a tick from adding another.
        let first = Int((low / step + 1e-9).rounded(.down))
        let last = Int((high / step - 1e-9).rounded(.up))
        values = (first...max(first + 1, last)).map { tick($0) == 0 ? 0 : tick($0) }
        self.step = step
        decimals = max(0, -exponent)
    }

    /// Where `value` falls between the axis's ends, 0 at the lower and 1 at the upper.
    public func position(_ value: Double) -> Double {
        upper > lower ? (value - lower) / (upper - lower) : 0
    }

    /// A tick's label: as many decimal places as the step needs, thousands separated (`1,000`, `0.5`).
    public func label(_ value: Double) -> String {
        SVG.figure(value, decimals: decimals)
    }
}
