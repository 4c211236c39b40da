import Foundation
import KithAccess
import KithAtlas
import KithPlaces
import KithSpreadsheet
import KithStore

/// A choice in a select.
struct PlaceOption {
    var value: String
    var label: String
    var selected: Bool
}

/// What `places.mustache` shows: the choosers, the map, its table and downloads.
struct PlacesPage {
    struct Group {
        var label: String
        var options: [PlaceOption]
    }

    struct Row {
        var href: String
        var name: String
        var code: String
        var cells: [String]
        var highlighted: Bool
    }

    var empty: Bool
    var levels: [PlaceOption] = []
    var measures: [Group] = []
    var from = ""
    var to = ""
    var mapTitle = ""
    var description = ""
    var svg = ""
    var header: [String] = []
    var rows: [Row] = []
    var csvHref = ""
    var xlsxHref = ""
    var problem: String?
    /// "3 low engagement zones", when the overlay could be made.
    var zones: String?
    var zonesHref = ""
    var suppressedNote: String?
    var tableNote: String?

    static let empty = PlacesPage(empty: true)

    private init(empty: Bool) {
        self.empty = empty
    }

    /// The most rows the page's table lists; the download has every area.
    static let rowsShown = 300

    init(snapshot: PlaceSnapshot, drawn: PlaceBook.DrawnView, levels: [AreaLevel], suppressed: Bool) {
        let view = drawn.view
        empty = false
        self.levels = levels.map { PlaceOption(value: $0.rawValue, label: $0.rawValue.capitalized, selected: $0 == snapshot.level) }
        var groups: [String: [PlaceOption]] = [:]
        var order: [String] = []
        for entry in PlaceView.measures(of: snapshot) {
            if groups[entry.group] == nil { order.append(entry.group) }
            groups[entry.group, default: []].append(
                PlaceOption(value: entry.measure.parameter, label: entry.label, selected: entry.measure == view.measure))
        }
        measures = order.map { Group(label: $0, options: groups[$0]!) }
        from = snapshot.from.description
        to = snapshot.to.adding(days: -1).description
        mapTitle = view.title
        description = view.description
        svg = drawn.svg
        header = view.header
        if view.rows.count > Self.rowsShown {
            tableNote = "The table lists the first \(Self.rowsShown) of \(view.rows.count) areas; the download has every one."
        }
        rows = view.rows.prefix(Self.rowsShown).map {
            Row(href: "/places/" + Self.path($0.code), name: $0.name, code: $0.code, cells: $0.cells, highlighted: $0.isHighlighted)
        }
        let base = "/places/download?level=\(Self.path(snapshot.level.rawValue))&show=\(Self.path(view.measure.parameter))&from=\(from)&to=\(to)"
        csvHref = base + "&format=csv"
        xlsxHref = base + "&format=xlsx"
        problem = view.measure == .overlay ? snapshot.overlayProblem : snapshot.needProblem
        if let overlay = snapshot.overlay {
            let count = overlay.overlay.lowEngagementZones.count
            zones = "\(count) low engagement zone\(count == 1 ? "" : "s")"
        }
        zonesHref = "/places/zones?level=\(Self.path(snapshot.level.rawValue))&from=\(from)&to=\(to)"
        suppressedNote = suppressed ? "Counts of residents from 1 to 4 are shown as <5, and their areas are left uncoloured." : nil
    }

    /// A code or parameter as it may sit in a URL path or query.
    static func path(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-_.:"))) ?? text
    }
}

/// What `places-zones.mustache` shows: each low engagement zone with its evidence.
struct ZonesPage {
    struct Zone {
        var href: String
        var residentsHref: String?
        var name: String
        var code: String
        var needRank: Int
        var areas: Int
        var population: String
        var expected: String
        var observed: String
        var ratio: String
        var pValue: String
        var persons: String
        var contacts: String
        var referrals: String
        var languages: String
    }

    var level: String
    var from: String
    var to: String
    var zones: [Zone]
    var problem: String?
    var slope: String?
    var dispersion: String?
    var mapHref: String

    init(snapshot: PlaceSnapshot, suppressed: Bool, canListResidents: Bool) {
        level = snapshot.level.rawValue
        from = snapshot.from.description
        to = snapshot.to.adding(days: -1).description
        problem = snapshot.overlayProblem
        mapHref = "/places?level=\(PlacesPage.path(level))&show=overlay&from=\(from)&to=\(to)"
        guard let overlay = snapshot.overlay else {
            zones = []
            return
        }
        slope = PlaceTables.decimal(exp(overlay.overlay.slope), 2)
        dispersion = PlaceTables.decimal(overlay.overlay.dispersion, 2)
        let count = overlay.overlay.areas.count
        zones = overlay.overlay.lowEngagementZones.map { zone in
            let demand = overlay.demand[zone.code] ?? AreaDemand()
            let shown = { (count: Int) in PlaceAccess.shown(count, suppressed: suppressed) }
            let languages = demand.mainLanguages.prefix(3).map { "\($0.language) (\(shown($0.records)))" }
            return Zone(
                href: "/places/" + PlacesPage.path(zone.code),
                residentsHref: canListResidents ? "/places/\(PlacesPage.path(zone.code))/residents" : nil, name: snapshot.name(of: zone.code),
                code: zone.code, needRank: zone.needRank, areas: count, population: PlaceTables.decimal(zone.population, 0),
                expected: PlaceTables.decimal(zone.expected, 1), observed: shown(zone.observed), ratio: PlaceTables.decimal(zone.ratio, 2),
                pValue: PlaceTables.significant(zone.pValue), persons: shown(demand.persons), contacts: shown(demand.contacts),
                referrals: shown(demand.referrals), languages: languages.isEmpty ? "None recorded" : languages.joined(separator: ", "))
        }
    }
}

/// What `place.mustache` shows: an area's profile in the Children's Commissioner's form (estimate, rate, percentile
/// rank) with Kith's live figures and its demand.
struct AreaProfilePage {
    struct Link {
        var href: String
        var name: String
    }

    struct Figure {
        var name: String
        var estimate: String
        var rate: String
        var percentile: String
        var source: String
    }

    struct Domain {
        var name: String
        var score: String
        var figures: [Figure]
    }

    var code: String
    var level: String
    var parent: Link?
    var children: [Link]
    var population: String?
    var rank: String?
    var decile: String?
    var domains: [Domain]
    var live: [Figure]
    var svg: String
    var chart: String?
    var demand: [Figure]
    var zone: String?
    var languages: String?
    var period: String
    var residentsHref: String?
    var problem: String?
    var suppressedNote: String?

    init(area: Area, parent: Area?, children: [AreaRecord], snapshot: PlaceSnapshot, suppressed: Bool, canListResidents: Bool) {
        code = area.code
        level = area.level.rawValue.capitalized
        self.parent = parent.map { Link(href: "/places/" + PlacesPage.path($0.code), name: $0.name) }
        self.children = children.map { Link(href: "/places/" + PlacesPage.path($0.code), name: $0.name) }
        let shown = { (count: Int) in PlaceAccess.shown(count, suppressed: suppressed) }
        let need = snapshot.need
        let place = need?.index.areas.first { $0.code == area.code }
        let areas = need?.index.areas.count ?? 0
        population = need?.population[area.code].map { PlaceTables.decimal($0, 0) }
        rank = place.map { "\($0.rank) of \(areas)" }
        decile = place.map { String($0.decile) }
        problem = snapshot.needProblem
        period = "\(snapshot.from) to \(snapshot.to.adding(days: -1))"
        var domains: [Domain] = []
        var bars: [BarChart.Bar] = []
        if let need, let place {
            for domain in need.method.domains {
                let figures = domain.indicators.compactMap { weighted -> Figure? in
                    guard let indicator = need.indicators.first(where: { $0.id == weighted.id }) else { return nil }
                    let figure = place.figures[indicator.id]
                    bars.append(
                        BarChart.Bar(
                            label: indicator.name, value: figure?.percentile, valueLabel: figure.map { String(Int($0.percentile.rounded())) }))
                    return Figure(
                        name: indicator.name,
                        estimate: figure?.value.map { PlaceTables.decimal($0, $0 == $0.rounded() ? 0 : 1) + (indicator.unit.map { " \($0)" } ?? "") }
                            ?? "—",
                        rate: indicator.denominator == nil ? "" : figure?.rate.map { PlaceTables.decimal($0, 1) } ?? "—",
                        percentile: figure.map { String(Int($0.percentile.rounded())) } ?? "—",
                        source: [indicator.source, indicator.date].compactMap { $0 }.joined(separator: ", "))
                }
                domains.append(Domain(name: domain.name, score: PlaceTables.decimal(place.transformed[domain.id] ?? 0, 1), figures: figures))
            }
        }
        self.domains = domains
        chart =
            bars.isEmpty
            ? nil
            : BarChart(
                title: "\(area.name): percentile rank of need for each indicator",
                description: "Each indicator's percentile rank among the \(areas) areas: 0 least need, 100 most. The line marks the middle (50).",
                idPrefix: "ranks", bars: bars, reference: .init(value: 50, label: "Middle"), axisLabel: "Percentile rank of need", decimals: 0
            ).svg()
        live = Atlas.liveIndicators.compactMap { indicator in
            guard let value = snapshot.live[indicator.id]?.first(where: { $0.area == area.code }) else { return nil }
            let count = Int(value.value ?? 0)
            let hidden = PlaceAccess.hides(Double(count), suppressed: suppressed)
            let rates = Atlas.rates(snapshot.live[indicator.id] ?? [])
            let rate = rates[area.code]
            let percentile = hidden ? nil : Percentiles.of(rates)[area.code]
            return Figure(
                name: indicator.name, estimate: shown(count), rate: hidden ? "—" : rate.map { PlaceTables.decimal($0, 1) } ?? "—",
                percentile: percentile.map { String(Int($0.rounded())) } ?? "—", source: indicator.source ?? "")
        }
        var demand: [Figure] = []
        if let overlay = snapshot.overlay {
            let counts = overlay.demand[area.code] ?? AreaDemand()
            let row = { (name: String, count: Int) in Figure(name: name, estimate: shown(count), rate: "", percentile: "", source: "") }
            demand = [
                row("Calls in partners' helpline lists", counts.calls), row("Requests to Kith's help desk", counts.requests),
                row("Contacts made", counts.contacts), row("Referrals made", counts.referrals),
            ]
            if let tested = overlay.overlay.areas.first(where: { $0.code == area.code }) {
                demand.append(
                    Figure(
                        name: "Calls and requests expected from need and population", estimate: PlaceTables.decimal(tested.expected, 1),
                        rate: "", percentile: "", source: "observed \(PlaceTables.decimal(tested.ratio, 2)) × expected"))
                zone =
                    tested.isLowEngagement
                    ? "A low engagement zone: significantly fewer calls and requests than its need predicts (p = \(PlaceTables.significant(tested.pValue)))."
                    : nil
            }
            let languages = counts.mainLanguages.prefix(3).map { "\($0.language) (\(shown($0.records)))" }
            self.languages = languages.isEmpty ? nil : languages.joined(separator: ", ")
        }
        self.demand = demand
        let regions = snapshot.areas.map { other in
            ChoroplethMap.Region(
                area: other, classIndex: other.code == area.code ? 1 : 0, label: other.name, link: "/places/" + PlacesPage.path(other.code))
        }
        svg = ChoroplethMap(
            title: "Where \(area.name) is", description: "The \(snapshot.level.rawValue)s of the borough, \(area.name) outlined.",
            idPrefix: "where", regions: regions, colours: ColourScale(colours: ["#f3f2f1", "#1d70b8"]),
            legend: .init(title: "", labels: ["Other areas", area.name], highlighted: area.name), highlighted: [area.code], width: 360,
            maximumHeight: 300
        ).svg()
        residentsHref = canListResidents ? "/places/\(PlacesPage.path(area.code))/residents" : nil
        suppressedNote = suppressed ? "Counts of residents from 1 to 4 are shown as <5." : nil
    }
}

/// What `place-residents.mustache` shows: the residents Kith knows in an area, as a contact list.
struct AreaResidentsPage {
    struct Row {
        var personID: String
        var name: String
        var band: String?
        var bandTag: String
        var lastContact: String
        var phone: String?
    }

    var code: String
    var name: String
    var rows: [Row]
    var count: Int

    init(area: Area, residents: [AreaResident]) {
        code = area.code
        name = area.name
        rows = residents.map { resident in
            Row(
                personID: resident.personID, name: resident.name, band: resident.band.map { $0.prefix(1).uppercased() + $0.dropFirst() },
                bandTag: "tag--" + (resident.band ?? "grey"), lastContact: resident.lastContact?.description ?? "none known", phone: resident.phone)
        }
        count = residents.count
    }
}
