import Foundation
import KithHelp
import KithPlaces
import KithSpreadsheet
import KithStore

/// An area's demand over a period: what residents asked of the council and its partners, and what was done.
public struct AreaDemand: Sendable, Equatable {
    /// Calls in partners' helpline lists (rows with a need, dated in the period).
    public var calls = 0
    /// Requests taken by Kith's help desk.
    public var requests = 0
    /// Residents on any latest partner list.
    public var persons = 0
    public var contacts = 0
    public var referrals = 0
    /// Preferred languages other than English that the lists and help requests record for residents here, with how
    /// many records (list rows and requests) give each.
    public var languages: [String: Int] = [:]

    /// Calls and requests: the demand the overlay sets against need.
    public var helpline: Int { calls + requests }

    public init() {}

    /// The languages, most recorded first.
    public var mainLanguages: [(language: String, records: Int)] {
        languages.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { ($0.key, $0.value) }
    }
}

extension Atlas {
    /// Tags, compared without regard to the order of their attributes.
    static func tagKey(_ tag: String) -> String {
        let parts = tag.lowercased().split(separator: " ").map(String.init)
        guard let hashtag = parts.first else { return "" }
        return ([hashtag] + parts.dropFirst().sorted()).joined(separator: " ")
    }

    static let needTag = tagKey("#need +type")
    static let postcodeTag = tagKey("#loc +postcode")
    static let contactDateTag = tagKey("#date +contact")
    static let languageTag = tagKey("#x_person +language +preferred")

    /// Demand by area of a level from `from` up to but not including `to`.
    ///
    /// Calls are read from the latest import of every partner list with a need column (a helpline's call log): each
    /// row dated in the period is placed by its postcode. Kith's own helpline is counted from its requests instead,
    /// since each day's requests are an import of their own. Languages come from every latest list that records them
    /// and from every help request.
    public func demand(level: AreaLevel, from: CivilDate, to: CivilDate) throws -> [String: AreaDemand] {
        try bringProfilesUpToDate()
        let places = database.places
        let lookup = try places.postcodeAreas(level: level.rawValue)
        var demand: [String: AreaDemand] = [:]
        let fromText = from.description
        let toText = to.description
        let sources = try database.imports.sources()
        for source in sources where source.name != HelplineRow.sourceName {
            guard let latest = try database.imports.imports(ofSourceNamed: source.name).first,
                let importId = latest.id
            else { continue }
            let columns = try database.imports.columns(ofImport: importId)
            func position(_ tag: String) -> Int? { columns.first { $0.tag.map(Self.tagKey) == tag }?.position }
            guard let postcode = position(Self.postcodeTag) else { continue }
            let need = position(Self.needTag)
            let date = position(Self.contactDateTag)
            let language = position(Self.languageTag)
            guard need != nil || language != nil else { continue }
            for row in try database.imports.rows(ofImport: importId, limit: nil) {
                guard let code = row.normalisedValue(at: postcode), let area = lookup[code] else { continue }
                if need != nil, let day = date.flatMap({ row.normalisedValue(at: $0) }), day >= fromText, day < toText {
                    demand[area, default: AreaDemand()].calls += 1
                }
                if let language, let spoken = row.normalisedValue(at: language)?.trimmingCharacters(in: .whitespaces), !spoken.isEmpty,
                    spoken.lowercased() != "english"
                {
                    demand[area, default: AreaDemand()].languages[spoken.capitalized, default: 0] += 1
                }
            }
        }
        for (area, count) in try places.helpRequestsByArea(level: level.rawValue, from: fromText, to: toText) {
            demand[area, default: AreaDemand()].requests = count
        }
        for row in try places.helpRequestLanguagesByArea(level: level.rawValue) where row.language.lowercased() != "english" {
            demand[row.area, default: AreaDemand()].languages[row.language.capitalized, default: 0] += row.requests
        }
        for (area, count) in try places.personsByArea(level: level.rawValue) { demand[area, default: AreaDemand()].persons = count }
        for (area, count) in try places.contactsByArea(level: level.rawValue, from: fromText, to: toText) {
            demand[area, default: AreaDemand()].contacts = count
        }
        for (area, count) in try places.referralsByArea(level: level.rawValue, from: fromText, to: toText) {
            demand[area, default: AreaDemand()].referrals = count
        }
        return demand
    }

    /// Helpline demand set against need over the areas of a level, with each area's demand: the low engagement
    /// zones are the overlay's ``DemandOverlay/lowEngagementZones``.
    /// - Throws: ``AtlasError/noPopulation`` when no `population` indicator is loaded (the model needs each area's
    ///   residents).
    public func overlay(level: AreaLevel, from: CivilDate, to: CivilDate, method: IndexMethod? = nil) throws -> NeedOverlay {
        let need = try index(level: level, method: method)
        guard !need.population.isEmpty else { throw AtlasError.noPopulation }
        let demand = try demand(level: level, from: from, to: to)
        let inputs = need.index.areas.compactMap { area -> DemandOverlay.Input? in
            guard let population = need.population[area.code] else { return nil }
            return DemandOverlay.Input(
                code: area.code, population: population, needScore: area.score, needRank: area.rank, observed: demand[area.code]?.helpline ?? 0)
        }
        return NeedOverlay(need: need, demand: demand, overlay: DemandOverlay(inputs), from: from, to: to)
    }
}

/// The overlay of demand on need for one level and period.
public struct NeedOverlay: Sendable {
    public var need: NeedIndex
    public var demand: [String: AreaDemand]
    public var overlay: DemandOverlay
    public var from: CivilDate
    /// The day after the period's last.
    public var to: CivilDate
}

/// What stops places being worked out.
public enum AtlasError: Error, Equatable, CustomStringConvertible {
    case noPopulation
    /// The account's role may not do this.
    case notAllowed
    /// No area of that code (or name) is loaded.
    case unknownArea(String)

    public var description: String {
        switch self {
        case .noPopulation:
            "No area has a population: load an indicator table with a `population` column (residents by area), then try again."
        case .notAllowed:
            "Your role does not allow this."
        case .unknownArea(let area):
            "There is no area \(area) among the areas loaded. Load its boundaries, or ask an administrator to set your area to one that is."
        }
    }
}
