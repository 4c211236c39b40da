import Foundation
import KithHelp
import KithOutreach
import KithPlaces
import KithSpreadsheet
import KithStore

/// Places as Kith reads them from the store: the areas of a level with their outlines, the index of need made from
/// the loaded indicators, Kith's own figures by area computed live, and demand set against need (the overlay).
public struct Atlas: Sendable {
    public let database: any Store

    public init(database: any Store) {
        self.database = database
    }

    /// The id of the indicator that gives each area's residents: the denominator of every rate per head.
    public static let populationIndicator = "population"

    /// Residents are placed by their profiles' postcodes: the profiles are brought up to date with the store (after
    /// an import or a link run) before anything counts them.
    public func bringProfilesUpToDate() throws {
        let profiles = ProfileTable(database: database)
        if try !profiles.isCurrent() { _ = try profiles.refresh() }
    }

    // MARK: - Areas

    /// The levels with areas loaded, neighbourhoods first when there are any.
    public func levels() throws -> [AreaLevel] {
        let levels = try database.places.areaLevels().map { AreaLevel($0.level) }
        return levels.sorted { ($0 == .neighbourhood ? 0 : 1, $0.rawValue) < ($1 == .neighbourhood ? 0 : 1, $1.rawValue) }
    }

    /// The areas of a level with their outlines, in code order.
    public func areas(level: AreaLevel) throws -> [Area] {
        try database.places.areas(level: level.rawValue, withGeometry: true).map(Self.area)
    }

    public func area(code: String) throws -> Area? {
        try database.places.area(code: code).map(Self.area)
    }

    static func area(_ record: AreaRecord) -> Area {
        Area(
            code: record.code, name: record.name, level: AreaLevel(record.level), parent: record.parentCode,
            shape: record.geometry.flatMap { try? AreaShape(geoJSONText: $0) })
    }

    // MARK: - The index

    /// The index of need over the areas of a level, made from the council's indicators by `method` (equal weights
    /// over the indicators' own domains when nil).
    public func index(level: AreaLevel, method: IndexMethod? = nil) throws -> NeedIndex {
        let records = try database.places.indicators(project: nil)
        let indicators = records.map(PlaceLoader.indicator)
        let method = method ?? IndexMethod.equalWeights(for: indicators)
        let codes = try database.places.areas(level: level.rawValue, withGeometry: false)
        let values = try database.places.indicatorValues(of: indicators.map(\.id))
        var byIndicator: [String: [IndicatorValue]] = [:]
        for value in values {
            byIndicator[value.indicatorId, default: []].append(
                IndicatorValue(area: value.areaCode, value: value.value, denominator: value.denominator))
        }
        let areaCodes = codes.isEmpty ? Array(Set(values.map(\.areaCode))).sorted() : codes.map(\.code)
        let index = try PlaceIndex(areas: areaCodes, indicators: indicators, values: byIndicator, method: method)
        var population: [String: Double] = [:]
        for value in byIndicator[Self.populationIndicator] ?? [] { population[value.area] = value.value }
        return NeedIndex(
            level: level, names: Dictionary(codes.map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first }), indicators: indicators,
            method: method, index: index, population: population)
    }

    // MARK: - Kith's own figures

    /// Kith's own indicators, computed live from the latest score run and the help desk: what they are.
    public static let liveIndicators: [Indicator] = [
        Indicator(
            id: "kith-purple-red", name: "Residents rated Purple or Red", domain: "Kith (live)", source: "Kith vulnerability matrix",
            unit: "persons", denominator: populationIndicator),
        Indicator(
            id: "kith-children-on-plan", name: "Children on a child protection plan", domain: "Kith (live)", source: "Kith vulnerability matrix",
            unit: "persons", denominator: "children"),
        Indicator(
            id: "kith-shielding", name: "Residents on the shielding list", domain: "Kith (live)", source: "Kith vulnerability matrix",
            unit: "persons", denominator: populationIndicator),
        Indicator(
            id: "kith-food", name: "Residents using a food bank or asking for food", domain: "Kith (live)",
            source: "Kith vulnerability matrix", unit: "persons", denominator: populationIndicator),
        Indicator(
            id: "kith-known", name: "Residents on any partner list", domain: "Kith (live)", source: "Kith persons", unit: "persons",
            denominator: populationIndicator),
        Indicator(
            id: "kith-requests", name: "Help requests in the last 8 weeks", domain: "Kith (live)", source: "Kith help desk", unit: "requests",
            denominator: populationIndicator),
    ]

    /// The matrix factors the live indicators count.
    static let liveFactors = ["kith-children-on-plan": "child-protection", "kith-shielding": "shielding", "kith-food": "food-insecurity"]

    /// Kith's own figures for every area of a level, as of `today`: each live indicator's count with its denominator
    /// (the area's population, or children, when those indicators are loaded).
    public func liveFigures(level: AreaLevel, today: CivilDate) throws -> [String: [IndicatorValue]] {
        try bringProfilesUpToDate()
        let places = database.places
        var counts: [String: [String: Int]] = [:]
        if let run = try database.outreach.scoreRuns(limit: 1).first, let runId = run.id {
            for row in try places.bandsByArea(level: level.rawValue, runId: runId) where row.band == "purple" || row.band == "red" {
                counts["kith-purple-red", default: [:]][row.area, default: 0] += row.persons
            }
            let factorToIndicator = Dictionary(uniqueKeysWithValues: Self.liveFactors.map { ($1, $0) })
            for row in try places.factorsByArea(level: level.rawValue, runId: runId, factors: Array(Self.liveFactors.values)) {
                if let indicator = factorToIndicator[row.factor] { counts[indicator, default: [:]][row.area] = row.persons }
            }
        }
        counts["kith-known"] = try places.personsByArea(level: level.rawValue)
        counts["kith-requests"] = try places.helpRequestsByArea(
            level: level.rawValue, from: today.adding(days: -56).description, to: today.adding(days: 1).description)
        let denominators = try database.places.indicatorValues(of: [Self.populationIndicator, "children"])
        var base: [String: [String: Double]] = [:]
        for value in denominators { base[value.indicatorId, default: [:]][value.areaCode] = value.value }
        let codes = try database.places.areas(level: level.rawValue, withGeometry: false).map(\.code)
        var figures: [String: [IndicatorValue]] = [:]
        for indicator in Self.liveIndicators {
            let denominator = indicator.denominator.flatMap { base[$0] }
            figures[indicator.id] = codes.map { code in
                IndicatorValue(area: code, value: Double(counts[indicator.id]?[code] ?? 0), denominator: denominator?[code])
            }
        }
        return figures
    }
}

/// The index of need over one level's areas, with what it was made from.
public struct NeedIndex: Sendable {
    public var level: AreaLevel
    /// Area names by code.
    public var names: [String: String]
    public var indicators: [Indicator]
    public var method: IndexMethod
    public var index: PlaceIndex
    /// Residents by area, from the `population` indicator; empty when none is loaded.
    public var population: [String: Double]

    public func name(of code: String) -> String { names[code] ?? code }
}
