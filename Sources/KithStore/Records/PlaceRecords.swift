import GRDB

/// An area at any level (neighbourhood, ward, LSOA, hub area), with the area it sits in and its outline.
public struct AreaRecord: Codable, Sendable, Equatable {
    public var code: String
    public var name: String
    public var level: String
    public var parentCode: String?
    /// The GeoJSON geometry object it was loaded with (`{"type":"Polygon",…}`); nil when no boundary was given.
    public var geometry: String?

    public init(code: String, name: String, level: String, parentCode: String? = nil, geometry: String? = nil) {
        self.code = code
        self.name = name
        self.level = level
        self.parentCode = parentCode
        self.geometry = geometry
    }
}

extension AreaRecord: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "area"
}

/// The area of one level a postcode lies in.
public struct PostcodeAreaRecord: Codable, Sendable, Equatable {
    /// In normal form, `HY1 2AB`.
    public var postcode: String
    public var level: String
    public var areaCode: String

    public init(postcode: String, level: String, areaCode: String) {
        self.postcode = postcode
        self.level = level
        self.areaCode = areaCode
    }
}

extension PostcodeAreaRecord: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "postcodeArea"
}

/// An indicator as loaded: what it measures and where it came from.
public struct IndicatorRecord: Codable, Sendable, Equatable {
    public var id: String
    public var name: String
    public var domain: String
    public var source: String?
    public var date: String?
    public var unit: String?
    /// What the rate is per 1,000 of; nil when the value is used as it is.
    public var denominator: String?
    public var higherIsMoreNeed: Bool
    /// The community insights project the figures were shared with; nil for the council's own indicators.
    public var project: String?
    /// The file the figures were read from.
    public var file: String?
    public var loadedAt: String
    public var loadedBy: String

    public init(
        id: String, name: String, domain: String, source: String?, date: String?, unit: String?, denominator: String?, higherIsMoreNeed: Bool,
        project: String? = nil, file: String?, loadedAt: String, loadedBy: String
    ) {
        self.id = id
        self.name = name
        self.domain = domain
        self.source = source
        self.date = date
        self.unit = unit
        self.denominator = denominator
        self.higherIsMoreNeed = higherIsMoreNeed
        self.project = project
        self.file = file
        self.loadedAt = loadedAt
        self.loadedBy = loadedBy
    }
}

extension IndicatorRecord: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "indicator"
}

/// One area's figure for an indicator.
public struct IndicatorValueRecord: Codable, Sendable, Equatable {
    public var indicatorId: String
    public var areaCode: String
    public var value: Double?
    public var denominator: Double?

    public init(indicatorId: String, areaCode: String, value: Double?, denominator: Double? = nil) {
        self.indicatorId = indicatorId
        self.areaCode = areaCode
        self.value = value
        self.denominator = denominator
    }
}

extension IndicatorValueRecord: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "indicatorValue"
}

/// A community insights project: a question several organisations answer together with figures by area.
public struct InsightProjectRecord: Codable, Sendable, Equatable {
    public var name: String
    /// What the shared figures may be used for, as the contributors agreed it.
    public var purpose: String
    public var createdAt: String
    public var createdBy: String

    public init(name: String, purpose: String, createdAt: String, createdBy: String) {
        self.name = name
        self.purpose = purpose
        self.createdAt = createdAt
        self.createdBy = createdBy
    }
}

extension InsightProjectRecord: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "insightProject"
}

/// One organisation's figures for one measure of a project.
public struct InsightContributionRecord: Codable, Sendable, Equatable {
    /// The indicator the figures are stored as (`project:contributor:measure`).
    public var indicatorId: String
    public var project: String
    public var contributor: String
    /// The measure's id in the contributor's table; contributions of the same measure are added up.
    public var measure: String
    /// What this contributor's figures may be used for.
    public var usageNote: String

    public init(indicatorId: String, project: String, contributor: String, measure: String, usageNote: String) {
        self.indicatorId = indicatorId
        self.project = project
        self.contributor = contributor
        self.measure = measure
        self.usageNote = usageNote
    }
}

extension InsightContributionRecord: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "insightContribution"
}
