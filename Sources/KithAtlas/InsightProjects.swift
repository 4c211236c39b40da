import Foundation
import KithAccess
import KithPlaces
import KithSpreadsheet
import KithStore

/// Community insights projects (the workshop's second concept): a named question — "the digital divide among older
/// residents" — that several organisations answer together with aggregate figures by area, counts and never persons,
/// each contribution loaded through the same reading and checking as any indicator table, under a note of what it
/// may be used for. Kith adds the contributions of each measure up into shared figures that every contributor sees
/// as a map and a table, with small numbers suppressed for everyone.
public struct InsightProjects: Sendable {
    public let database: any Store

    public init(database: any Store) {
        self.database = database
    }

    /// A project's shared figures: each measure added up over its contributions.
    public struct Shared: Sendable {
        public struct Measure: Sendable {
            public var id: String
            public var name: String
            public var unit: String?
            /// Who contributed it, and what each said it may be used for.
            public var contributors: [(name: String, usage: String)]
            /// The measure's total by area, and the total of its denominator where contributions give one.
            public var values: [IndicatorValue]
        }

        public var project: InsightProjectRecord
        public var measures: [Measure]
    }

    /// Starts a project; naming one that exists changes its purpose.
    public func create(_ name: String, purpose: String, by actor: String) throws {
        let name = name.trimmingCharacters(in: .whitespaces)
        let purpose = purpose.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty, name.count <= 120 else { throw InsightProjectError.badName }
        guard !purpose.isEmpty else { throw InsightProjectError.noPurpose }
        try database.places.saveProject(
            InsightProjectRecord(name: name, purpose: purpose, createdAt: AuditTrail.now(), createdBy: actor),
            audit: AuditTrail.note(.importPlaces, by: actor, subject: name, detail: "community insights project: \(purpose)"))
    }

    /// Stores one organisation's table of figures for a project: each indicator of the table is a measure, stored
    /// as an indicator of its own and replacing that organisation's earlier figures of the same measure.
    public func contribute(
        _ url: URL, sheet: String? = nil, metadata: URL? = nil, toProject name: String, from contributor: String, usage: String, by actor: String
    ) throws -> PlaceLoader.Summary {
        guard try database.places.project(named: name) != nil else { throw InsightProjectError.unknownProject(name) }
        let contributor = contributor.trimmingCharacters(in: .whitespaces)
        let usage = usage.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !contributor.isEmpty else { throw InsightProjectError.noContributor }
        guard !usage.isEmpty else { throw InsightProjectError.noUsage }
        // What earlier contributions said each measure is, so that a later one may leave its metadata out.
        let earlier = try database.places.contributions(toProject: name)
        let byID = Dictionary(try database.places.allIndicators().map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var known: [String: Indicator] = [:]
        for contribution in earlier {
            if let record = byID[contribution.indicatorId] {
                var indicator = PlaceLoader.indicator(record)
                indicator.id = contribution.measure
                known[contribution.measure] = indicator
            }
        }
        let loader = PlaceLoader(database: database)
        let checked = try loader.checkedTable(url, sheet: sheet, metadata: metadata, knownIndicators: Array(known.values))
        let now = AuditTrail.now()
        let slug = contributor.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" }.reduce(into: "") { $0.append($1) }
        func stored(_ measure: String) -> String { "\(name):\(slug):\(measure)" }
        let measures = checked.table.indicators.filter { $0.domain.lowercased() != "population" }
        let records = measures.map { PlaceLoader.record($0, id: stored($0.id), project: name, file: url.lastPathComponent, at: now, by: actor) }
        let contributions = measures.map {
            InsightContributionRecord(indicatorId: stored($0.id), project: name, contributor: contributor, measure: $0.id, usageNote: usage)
        }
        let values = measures.flatMap { indicator in
            (checked.table.values[indicator.id] ?? []).map {
                IndicatorValueRecord(indicatorId: stored(indicator.id), areaCode: $0.area, value: $0.value, denominator: $0.denominator)
            }
        }
        try database.places.saveContribution(
            contributions, indicators: records, values: values,
            audit: AuditTrail.note(
                .importPlaces, by: actor, subject: url.lastPathComponent,
                detail: "project \(name): \(records.count) measures from \(contributor), for: \(usage)"))
        return PlaceLoader.Summary(
            text: "Stored the figures of \(contributor) for \(records.count) measure\(records.count == 1 ? "" : "s") of the project “\(name)”.",
            warnings: PlaceLoader.warnings(checked.table, file: url.lastPathComponent, sheet: checked.sheet))
    }

    /// A project's shared figures: every measure added up over its contributors, area by area.
    public func shared(_ name: String) throws -> Shared? {
        guard let project = try database.places.project(named: name) else { return nil }
        let contributions = try database.places.contributions(toProject: name)
        let records = Dictionary(try database.places.allIndicators().map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let values = try database.places.indicatorValues(of: contributions.map(\.indicatorId))
        var measures: [Shared.Measure] = []
        for (measure, group) in Dictionary(grouping: contributions, by: \.measure).sorted(by: { $0.key < $1.key }) {
            let ids = Set(group.map(\.indicatorId))
            var totals: [String: (value: Double?, denominator: Double?)] = [:]
            for value in values where ids.contains(value.indicatorId) {
                var total = totals[value.areaCode] ?? (nil, nil)
                if let figure = value.value { total.value = (total.value ?? 0) + figure }
                if let base = value.denominator { total.denominator = (total.denominator ?? 0) + base }
                totals[value.areaCode] = total
            }
            let first = group.first.flatMap { records[$0.indicatorId] }
            measures.append(
                Shared.Measure(
                    id: measure, name: first?.name ?? measure, unit: first?.unit, contributors: group.map { ($0.contributor, $0.usageNote) },
                    values: totals.keys.sorted().map { IndicatorValue(area: $0, value: totals[$0]!.value, denominator: totals[$0]!.denominator) }))
        }
        return Shared(project: project, measures: measures)
    }
}

/// A project or contribution that cannot be stored, and what to do.
public enum InsightProjectError: Error, Equatable, CustomStringConvertible {
    case badName
    case noPurpose
    case unknownProject(String)
    case noContributor
    case noUsage

    public var description: String {
        switch self {
        case .badName: "Give the project a name of up to 120 characters."
        case .noPurpose: "Say what the project's figures may be used for."
        case .unknownProject(let name): "There is no project “\(name)”: start it first (kith places project \"\(name)\" --purpose …)."
        case .noContributor: "Say which organisation the figures come from."
        case .noUsage: "Say what these figures may be used for."
        }
    }
}

extension InsightProjects {
    /// Writes a project's shared figures (already suppressed as shown) to a `.csv` or `.xlsx` file and audits it.
    public func write(_ rows: [[String]], of project: String, to url: URL, by actor: String, via door: AuditTrail.Door) throws {
        try FigureTable.write(rows, to: url, sheet: "Shared figures")
        try AuditTrail(database: database).record(
            .exportPlaces, by: actor, subject: url.lastPathComponent, detail: "project \(project), \(rows.count - 1) areas, through \(door.rawValue)")
    }
}
