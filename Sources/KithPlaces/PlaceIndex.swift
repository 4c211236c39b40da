import Foundation

/// An index of need over areas, made by an ``IndexMethod`` from indicator tables: every area's rate and percentile
/// rank for each indicator, its domain scores before and after they are made comparable, and the index with its rank
/// (1 = most need) and decile (1 = the tenth most in need).
public struct PlaceIndex: Sendable, Equatable {
    /// One area's figure for one indicator.
    public struct Figure: Sendable, Equatable {
        public var value: Double?
        /// Per 1,000 of the denominator, or the value itself when the indicator has none.
        public var rate: Double?
        /// 0 for the least need among the areas, 100 for the most.
        public var percentile: Double
    }

    /// One area's place in the index.
    public struct Area: Sendable, Equatable {
        public var code: String
        /// Each domain's score: the weighted normal scores of its indicators' ranks.
        public var domainScores: [String: Double]
        /// Each domain's score made comparable (exponential 0 to 100, or a z-score).
        public var transformed: [String: Double]
        public var score: Double
        public var rank: Int
        public var decile: Int
        /// Each indicator's figure, by indicator id.
        public var figures: [String: Figure]
    }

    /// What stops an index being made.
    public struct Problems: Error, Equatable, CustomStringConvertible {
        public var problems: [String]
        public var description: String { problems.joined(separator: " ") }
    }

    /// The areas, most need first.
    public var areas: [Area]

    /// - Parameter values: each indicator's figures by area, keyed by indicator id.
    public init(areas codes: [String], indicators: [Indicator], values: [String: [IndicatorValue]], method: IndexMethod) throws {
        var problems = method.problems(knowing: indicators)
        let codes = Array(Set(codes)).sorted()
        if codes.count < 2 { problems.append("An index needs at least two areas.") }
        guard problems.isEmpty else { throw Problems(problems: problems) }
        let byID = Dictionary(indicators.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let position = Dictionary(uniqueKeysWithValues: codes.enumerated().map { ($1, $0) })
        let n = codes.count
        var figures = [[String: Figure]](repeating: [:], count: n)
        var domainScores = [[String: Double]](repeating: [:], count: n)
        var transformed = [[String: Double]](repeating: [:], count: n)
        for domain in method.domains {
            var sums = [Double](repeating: 0, count: n)
            let totalWeight = domain.indicators.reduce(0) { $0 + $1.weight }
            for weighted in domain.indicators {
                guard let indicator = byID[weighted.id] else { continue }
                var rates = [Double?](repeating: nil, count: n)
                var raw = [Double?](repeating: nil, count: n)
                for value in values[indicator.id] ?? [] {
                    guard let index = position[value.area], let figure = value.value, figure.isFinite else { continue }
                    raw[index] = figure
                    if indicator.denominator != nil {
                        guard let denominator = value.denominator, denominator > 0 else { continue }
                        rates[index] = figure / denominator * 1_000
                    } else {
                        rates[index] = figure
                    }
                }
                // Need: higher is more, turned round when lower means more need; no figure counts as least.
                let need = rates.map { rate in rate.map { indicator.higherIsMoreNeed ? $0 : -$0 } ?? -Double.infinity }
                let ranks = Self.ranks(need)
                for index in 0..<n {
                    figures[index][indicator.id] = Figure(
                        value: raw[index], rate: rates[index], percentile: n > 1 ? 100 * (ranks[index] - 1) / Double(n - 1) : 0)
                    sums[index] += weighted.weight * Self.normalScore((ranks[index] - 0.5) / Double(n))
                }
            }
            let scores = sums.map { $0 / totalWeight }
            let made = Self.comparable(scores, method.transformation)
            for index in 0..<n {
                domainScores[index][domain.id] = scores[index]
                transformed[index][domain.id] = made[index]
            }
        }
        let weightTotal = method.domains.reduce(0) { $0 + $1.weight }
        var areas = (0..<n).map { index in
            Area(
                code: codes[index], domainScores: domainScores[index], transformed: transformed[index],
                score: method.domains.reduce(0) { $0 + $1.weight * (transformed[index][$1.id] ?? 0) } / weightTotal, rank: 0, decile: 0,
                figures: figures[index])
        }
        areas.sort { ($1.score, $0.code) < ($0.score, $1.code) }
        for index in areas.indices {
            areas[index].rank = index + 1
            areas[index].decile = min(10, (index * 10) / n + 1)
        }
        self.areas = areas
    }

    /// Ranks from 1 (least) to n (most), ties given the average of their ranks.
    public static func ranks(_ values: [Double]) -> [Double] {
        let order = values.indices.sorted { values[$0] < values[$1] }
        var ranks = [Double](repeating: 0, count: values.count)
        var start = 0
        while start < order.count {
            var end = start
            while end + 1 < order.count, values[order[end + 1]] == values[order[start]] { end += 1 }
            let average = Double(start + end) / 2 + 1
            for position in start...end { ranks[order[position]] = average }
            start = end + 1
        }
        return ranks
    }

    /// Domain scores made comparable: ranked and transformed to an exponential distribution from 0 to 100, or
    /// standardised (a domain where every area scores alike gives 0 throughout).
    static func comparable(_ scores: [Double], _ transformation: IndexMethod.Transformation) -> [Double] {
        switch transformation {
        case .exponential:
            let n = Double(scores.count)
            return ranks(scores).map { rank in exponential(rank / n) }
        case .zScore:
            let mean = scores.reduce(0, +) / Double(scores.count)
            let variance = scores.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(scores.count)
            let deviation = variance.squareRoot()
            return scores.map { deviation > 0 ? ($0 - mean) / deviation : 0 }
        }
    }

    /// The English Indices of Deprivation's exponential transformation of a rank scaled to (0, 1], 1 the most need:
    /// 100 for the most, near 0 for the least.
    public static func exponential(_ scaledRank: Double) -> Double {
        -23 * log(1 - scaledRank * (1 - exp(-100.0 / 23)))
    }

    /// The normal score of a probability: the inverse of the standard normal distribution (Acklam's rational
    /// approximation, relative error under 1.2e-9).
    public static func normalScore(_ p: Double) -> Double {
        let a = [
            -3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01,
            2.506628277459239e+00,
        ]
        let b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01]
        let c = [
            -7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00,
            2.938163982698783e+00,
        ]
        let d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00]
        let low = 0.02425
        if p <= 0 { return -Double.infinity }
        if p >= 1 { return Double.infinity }
        if p < low {
            let q = (-2 * log(p)).squareRoot()
            return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
        }
        if p > 1 - low {
            let q = (-2 * log(1 - p)).squareRoot()
            return -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
        }
        let q = p - 0.5
        let r = q * q
        return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
            / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
    }
}
