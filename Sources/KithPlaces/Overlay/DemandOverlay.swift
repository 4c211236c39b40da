import Foundation

/// Demand set against need: the demand an area's need and population lead one to expect, from a model fitted
/// across the areas, and the areas with significantly less than expected — **low engagement zones**, where need is
/// high and calls are few (Oldham's "low call engagement zones").
///
/// The model is a Poisson regression with the population as exposure, log E[calls] = log(population) + a + b·need,
/// `need` being the index score standardised across areas, fitted by iteratively reweighted least squares. Calls
/// vary more than a Poisson count would, so the test allows for the overdispersion the fit shows (quasi-Poisson:
/// variance φ·μ): z = (observed − expected) / √(φ·expected), one-sided.
///
/// The areas being looked for would spoil the model if they were fitted with the others (they pull the fit down and
/// swell φ, hiding themselves), so the fit is trimmed: areas more than 2.5 standard deviations from the model are
/// left out of the next fit until the set stops changing, and φ is estimated robustly, from the median absolute
/// Pearson residual of the areas fitted. Only areas in the more needy half are tested, and the false discovery rate
/// among them is held at `falseDiscoveryRate` (Benjamini–Hochberg, 5% by default).
public struct DemandOverlay: Sendable, Equatable {
    /// One area's demand and need.
    public struct Area: Sendable, Equatable {
        public var code: String
        public var population: Double
        /// The index score (higher = more need) and its rank (1 = most need).
        public var needScore: Double
        public var needRank: Int
        public var observed: Int
        public var expected: Double
        /// Observed over expected.
        public var ratio: Double
        /// How many (overdispersed) standard deviations below or above expectation.
        public var z: Double
        /// One-sided p-value for "fewer calls than need predicts".
        public var pValue: Double
        public var isLowEngagement: Bool
    }

    /// What the overlay was given for one area.
    public struct Input: Sendable, Equatable {
        public var code: String
        public var population: Double
        public var needScore: Double
        public var needRank: Int
        public var observed: Int

        public init(code: String, population: Double, needScore: Double, needRank: Int, observed: Int) {
            self.code = code
            self.population = population
            self.needScore = needScore
            self.needRank = needRank
            self.observed = observed
        }
    }

    /// Areas in code order.
    public var areas: [Area]
    /// The fitted intercept and slope (per standard deviation of need), log scale.
    public var intercept: Double
    public var slope: Double
    /// The overdispersion φ (1 for a Poisson count).
    public var dispersion: Double
    public var falseDiscoveryRate: Double

    /// The low engagement zones, most significant first.
    public var lowEngagementZones: [Area] {
        areas.filter(\.isLowEngagement).sorted { ($0.pValue, $0.code) < ($1.pValue, $1.code) }
    }

    /// - Parameter inputs: areas with a population above 0; others are left out.
    public init(_ inputs: [Input], falseDiscoveryRate: Double = 0.05) {
        let inputs = inputs.filter { $0.population > 0 && $0.needScore.isFinite }.sorted { $0.code < $1.code }
        self.falseDiscoveryRate = falseDiscoveryRate
        let n = inputs.count
        let mean = inputs.reduce(0) { $0 + $1.needScore } / Double(max(n, 1))
        let variance = inputs.reduce(0) { $0 + ($1.needScore - mean) * ($1.needScore - mean) } / Double(max(n - 1, 1))
        let deviation = variance > 0 ? variance.squareRoot() : 1
        let x = inputs.map { ($0.needScore - mean) / deviation }
        let y = inputs.map { Double($0.observed) }
        let offset = inputs.map { log($0.population) }
        let moreNeedyHalf = Set(inputs.sorted { $0.needRank < $1.needRank }.prefix((n + 1) / 2).map(\.code))

        // Trimmed fit: leave out areas far from the model, refit, until the areas fitted stop changing.
        var fitted = Array(0..<n)
        var fit = (a: 0.0, b: 0.0)
        var phi = 1.0
        var expected = [Double](repeating: 0, count: n)
        var pearson = [Double](repeating: 0, count: n)
        for _ in 0..<20 {
            fit = Self.fitPoisson(x: fitted.map { x[$0] }, y: fitted.map { y[$0] }, offset: fitted.map { offset[$0] })
            expected = (0..<n).map { exp(offset[$0] + fit.a + fit.b * x[$0]) }
            pearson = (0..<n).map { (y[$0] - expected[$0]) / max(expected[$0], 1e-9).squareRoot() }
            phi = Self.robustDispersion(fitted.map { pearson[$0] })
            let next = (0..<n).filter { abs(pearson[$0]) / phi.squareRoot() < Self.trimAt }
            if next == fitted || next.count < 3 { break }
            fitted = next
        }
        let z = (0..<n).map { pearson[$0] / phi.squareRoot() }
        let p = z.map(Self.normalCDF)
        let tested = (0..<n).filter { moreNeedyHalf.contains(inputs[$0].code) }
        let flagged = Set(Self.benjaminiHochberg(tested.map { (inputs[$0].code, p[$0]) }, rate: falseDiscoveryRate))
        intercept = fit.a
        slope = fit.b
        dispersion = phi
        areas = (0..<n).map { i in
            Area(
                code: inputs[i].code, population: inputs[i].population, needScore: inputs[i].needScore, needRank: inputs[i].needRank,
                observed: inputs[i].observed, expected: expected[i], ratio: expected[i] > 0 ? y[i] / expected[i] : 0, z: z[i], pValue: p[i],
                isLowEngagement: flagged.contains(inputs[i].code))
        }
    }

    /// Areas this many standard deviations from the model are left out of the next fit.
    static let trimAt = 2.5

    /// φ from Pearson residuals, robustly: (MAD / 0.6745)², the variance a normal distribution with that median
    /// absolute deviation has; at least 1.
    static func robustDispersion(_ residuals: [Double]) -> Double {
        guard residuals.count > 2 else { return 1 }
        func median(_ values: [Double]) -> Double {
            let sorted = values.sorted()
            let middle = sorted.count / 2
            return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
        }
        let centre = median(residuals)
        let deviation = median(residuals.map { abs($0 - centre) }) / 0.6745
        return max(1, deviation * deviation)
    }

    /// Poisson regression with an offset, by Newton's method (IRLS) on two parameters.
    static func fitPoisson(x: [Double], y: [Double], offset: [Double]) -> (a: Double, b: Double) {
        let totalY = y.reduce(0, +)
        let totalExposure = offset.reduce(0) { $0 + exp($1) }
        guard totalY > 0, totalExposure > 0 else { return (log(max(totalY, 0.5) / max(totalExposure, 1)), 0) }
        var a = log(totalY / totalExposure)
        var b = 0.0
        for _ in 0..<50 {
            var g0 = 0.0
            var g1 = 0.0
            var h00 = 0.0
            var h01 = 0.0
            var h11 = 0.0
            for i in x.indices {
                let mu = exp(offset[i] + a + b * x[i])
                g0 += y[i] - mu
                g1 += (y[i] - mu) * x[i]
                h00 += mu
                h01 += mu * x[i]
                h11 += mu * x[i] * x[i]
            }
            let determinant = h00 * h11 - h01 * h01
            guard determinant > 1e-12 else { break }
            let da = (h11 * g0 - h01 * g1) / determinant
            let db = (h00 * g1 - h01 * g0) / determinant
            a += da
            b += db
            if abs(da) < 1e-10, abs(db) < 1e-10 { break }
        }
        return (a, b)
    }

    /// The codes whose p-values pass the Benjamini–Hochberg step-up procedure at `rate`.
    static func benjaminiHochberg(_ tests: [(code: String, p: Double)], rate: Double) -> [String] {
        let sorted = tests.sorted { ($0.p, $0.code) < ($1.p, $1.code) }
        let m = Double(sorted.count)
        var cut = -1
        for (index, test) in sorted.enumerated() where test.p <= Double(index + 1) / m * rate { cut = index }
        return cut < 0 ? [] : sorted[...cut].map(\.code)
    }

    /// Φ(z), the standard normal distribution function.
    static func normalCDF(_ z: Double) -> Double { 0.5 * erfc(-z / 2.0.squareRoot()) }
}
