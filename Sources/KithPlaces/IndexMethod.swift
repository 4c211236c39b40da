/// How indicators become one index, documented and configurable: the domains with their weights, each domain's
/// indicators with theirs, and how domain scores are made comparable before they are added up.
///
/// 1. Each indicator's figure becomes a rate per 1,000 of its denominator (or stays as it is), turned round when
///    lower means more need.
/// 2. Each is ranked among the areas (an area with no figure counts as least in need, as the British Red Cross
///    index does) and given its percentile rank, 100 for the most need.
/// 3. Within a domain the ranks become normal scores (Φ⁻¹((r − ½)/n)) and are added up with the indicators' weights:
///    the domain score.
/// 4. The domain scores are made comparable: ranked and transformed to an exponential distribution from 0 to 100
///    (X = −23 ln(1 − R(1 − e^(−100/23))), R the rank scaled to (0, 1], 1 for the most need: the English Indices of
///    Deprivation's transformation, so that high need in one domain is only partly cancelled by low need in another),
///    or standardised to z-scores.
/// 5. The index is their sum with the domains' weights; areas are ranked (1 = most need) and put in deciles
///    (1 = the tenth most in need).
public struct IndexMethod: Sendable, Equatable, Codable {
    public enum Transformation: String, Sendable, Codable, CaseIterable {
        case exponential
        case zScore = "z-score"
    }

    public struct Domain: Sendable, Equatable, Codable {
        public var id: String
        public var name: String
        public var weight: Double
        /// Indicator ids and their weights within the domain.
        public var indicators: [WeightedIndicator]

        public init(id: String, name: String, weight: Double, indicators: [WeightedIndicator]) {
            self.id = id
            self.name = name
            self.weight = weight
            self.indicators = indicators
        }
    }

    public struct WeightedIndicator: Sendable, Equatable, Codable {
        public var id: String
        public var weight: Double

        public init(id: String, weight: Double = 1) {
            self.id = id
            self.weight = weight
        }
    }

    public var domains: [Domain]
    public var transformation: Transformation

    public init(domains: [Domain], transformation: Transformation = .exponential) {
        self.domains = domains
        self.transformation = transformation
    }

    /// What is wrong with the method, every problem named: no domains, weights that are not positive, an indicator
    /// the tables do not have, one in two domains.
    public func problems(knowing indicators: [Indicator]) -> [String] {
        var problems: [String] = []
        if domains.isEmpty { problems.append("The method has no domains.") }
        let known = Set(indicators.map(\.id))
        var seen: [String: String] = [:]
        for domain in domains {
            if !(domain.weight > 0) { problems.append("Domain \(domain.id): give a weight above 0.") }
            if domain.indicators.isEmpty { problems.append("Domain \(domain.id) has no indicators.") }
            for indicator in domain.indicators {
                if !known.contains(indicator.id) { problems.append("Domain \(domain.id): there is no indicator \(indicator.id) in the tables.") }
                if !(indicator.weight > 0) { problems.append("Domain \(domain.id), indicator \(indicator.id): give a weight above 0.") }
                if let other = seen[indicator.id] { problems.append("Indicator \(indicator.id) is in both \(other) and \(domain.id).") }
                seen[indicator.id] = domain.id
            }
        }
        return problems
    }
}

extension IndexMethod {
    /// The method when the council has written none: every indicator of need in its own domain, the domains and the
    /// indicators within each weighted equally, and the exponential transformation. Indicators of the `Population`
    /// domain are denominators, not need, and are left out.
    public static func equalWeights(for indicators: [Indicator]) -> IndexMethod {
        var byDomain: [String: [Indicator]] = [:]
        for indicator in indicators where indicator.domain.lowercased() != "population" {
            byDomain[indicator.domain, default: []].append(indicator)
        }
        let domains = byDomain.keys.sorted().map { name in
            Domain(
                id: name.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" }.reduce(into: "") { $0.append($1) }, name: name, weight: 1,
                indicators: byDomain[name]!.map { WeightedIndicator(id: $0.id) }.sorted { $0.id < $1.id })
        }
        return IndexMethod(domains: domains, transformation: .exponential)
    }
}
