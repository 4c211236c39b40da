/// A socio-economic indicator as an index reads it: what it measures, its domain, where it came from, its unit, the
/// denominator its rate is per 1,000 of (residents, households with children…), and whether higher means more need.
public struct Indicator: Sendable, Equatable, Hashable, Codable {
    public var id: String
    public var name: String
    public var domain: String
    public var source: String?
    /// When the figures are for, as the source says it (`2026-Q3`, `2021 Census`).
    public var date: String?
    public var unit: String?
    /// What the rate is per 1,000 of; nil when the value is used as it is (already a rate or a score).
    public var denominator: String?
    public var higherIsMoreNeed: Bool

    public init(
        id: String, name: String, domain: String, source: String? = nil, date: String? = nil, unit: String? = nil, denominator: String? = nil,
        higherIsMoreNeed: Bool = true
    ) {
        self.id = id
        self.name = name
        self.domain = domain
        self.source = source
        self.date = date
        self.unit = unit
        self.denominator = denominator
        self.higherIsMoreNeed = higherIsMoreNeed
    }
}

/// One area's figure for an indicator: the count or value, and the denominator when the indicator has one.
public struct IndicatorValue: Sendable, Equatable {
    public var area: String
    public var value: Double?
    public var denominator: Double?

    public init(area: String, value: Double?, denominator: Double? = nil) {
        self.area = area
        self.value = value
        self.denominator = denominator
    }
}
