import Foundation
import KithAccess
import KithPlaces
import KithSpreadsheet
import KithStore

/// What a map of places can show.
public enum PlaceMeasure: Sendable, Hashable {
    /// The index of need, by decile.
    case index
    /// A loaded indicator, by its percentile rank among the areas.
    case indicator(String)
    /// One of Kith's live figures (``Atlas/liveIndicators``), by its rate's percentile rank.
    case live(String)
    /// Helpline demand against need: observed over expected, with the low engagement zones outlined.
    case overlay

    /// As a query parameter: `index`, `overlay`, `indicator:claimant_count`, `live:kith-purple-red`.
    public var parameter: String {
        switch self {
        case .index: "index"
        case .overlay: "overlay"
        case .indicator(let id): "indicator:" + id
        case .live(let id): "live:" + id
        }
    }

    public init?(parameter: String) {
        if parameter == "index" {
            self = .index
        } else if parameter == "overlay" {
            self = .overlay
        } else if parameter.hasPrefix("indicator:") {
            self = .indicator(String(parameter.dropFirst("indicator:".count)))
        } else if parameter.hasPrefix("live:") {
            self = .live(String(parameter.dropFirst("live:".count)))
        } else {
            return nil
        }
    }
}

/// One measure over a level's areas as a map and the table beside it (the same figures, and the CSV download).
public struct PlaceView: Sendable {
    /// A row of the table: the area and its cells, in the header's order after the area's name.
    public struct Row: Sendable {
        public var code: String
        public var name: String
        public var cells: [String]
        public var isHighlighted: Bool
    }

    public var measure: PlaceMeasure
    public var title: String
    /// What the map shows and how to read it, in a sentence or two.
    public var description: String
    public var map: ChoroplethMap
    /// The table's column names after "Area".
    public var header: [String]
    public var rows: [Row]
    /// The CSV and XLSX download: a header row, then the table with area codes.
    public var file: [[String]]

    /// The measures a snapshot can show: the index and the overlay when they could be made, every loaded
    /// indicator, and Kith's live figures.
    public static func measures(of snapshot: PlaceSnapshot) -> [(measure: PlaceMeasure, label: String, group: String)] {
        var measures: [(PlaceMeasure, String, String)] = []
        if snapshot.need != nil { measures.append((.index, "Index of need", "Need")) }
        if snapshot.overlay != nil { measures.append((.overlay, "Helpline calls against need", "Need")) }
        for indicator in snapshot.need?.indicators ?? [] where indicator.domain.lowercased() != "population" {
            measures.append((.indicator(indicator.id), indicator.name, indicator.domain))
        }
        for indicator in Atlas.liveIndicators { measures.append((.live(indicator.id), indicator.name, indicator.domain)) }
        return measures
    }

    /// The view, or nil when the snapshot cannot show the measure.
    /// - Parameters:
    ///   - suppressed: counts of residents under 5 are shown as "<5", and their areas left uncoloured.
    ///   - link: the page an area links to, from its code (its profile).
    public static func make(
        _ snapshot: PlaceSnapshot, measure: PlaceMeasure, suppressed: Bool, idPrefix: String = "map", link: (String) -> String?
    ) -> PlaceView? {
        switch measure {
        case .index: indexView(snapshot, idPrefix: idPrefix, link: link)
        case .indicator(let id): indicatorView(snapshot, id: id, idPrefix: idPrefix, link: link)
        case .live(let id): liveView(snapshot, id: id, suppressed: suppressed, idPrefix: idPrefix, link: link)
        case .overlay: overlayView(snapshot, suppressed: suppressed, idPrefix: idPrefix, link: link)
        }
    }

    private static func indexView(_ snapshot: PlaceSnapshot, idPrefix: String, link: (String) -> String?) -> PlaceView? {
        guard let need = snapshot.need else { return nil }
        let n = need.index.areas.count
        let byCode = Dictionary(need.index.areas.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        let regions = snapshot.areas.map { area in
            let place = byCode[area.code]
            return ChoroplethMap.Region(
                area: area, classIndex: place.map { 10 - $0.decile },
                label: place.map { "\(area.name): rank \($0.rank) of \(n), decile \($0.decile)" } ?? "\(area.name): no figures",
                link: link(area.code))
        }
        let title = "Index of need by \(snapshot.level.rawValue)"
        let map = ChoroplethMap(
            title: title,
            description:
                "Each \(snapshot.level.rawValue) coloured by its decile of the index of need: darkest for the tenth of areas in most need. The table below gives every area's rank.",
            idPrefix: idPrefix, regions: regions, colours: .sequential(classes: 10),
            legend: .init(
                title: "Decile of need",
                labels: (1...10).reversed().map { $0 == 10 ? "10 (least need)" : $0 == 1 ? "1 (most need)" : String($0) }))
        let rows = need.index.areas.map { area in
            Row(
                code: area.code, name: need.name(of: area.code),
                cells: [
                    String(area.rank), String(area.decile), PlaceTables.decimal(area.score, 1),
                    need.population[area.code].map { PlaceTables.decimal($0, 0) } ?? "",
                ], isHighlighted: false)
        }
        return PlaceView(
            measure: .index, title: title, description: map.description, map: map, header: ["Rank", "Decile", "Score", "Residents"], rows: rows,
            file: PlaceTables.index(need))
    }

    private static func indicatorView(_ snapshot: PlaceSnapshot, id: String, idPrefix: String, link: (String) -> String?) -> PlaceView? {
        guard let need = snapshot.need, let indicator = need.indicators.first(where: { $0.id == id }) else { return nil }
        let figures = Dictionary(need.index.areas.map { ($0.code, $0.figures[id]) }, uniquingKeysWith: { first, _ in first })
        let regions = snapshot.areas.map { area -> ChoroplethMap.Region in
            guard let figure = figures[area.code] ?? nil, figure.value != nil else {
                return ChoroplethMap.Region(area: area, classIndex: nil, label: "\(area.name): no figure", link: link(area.code))
            }
            return ChoroplethMap.Region(
                area: area, classIndex: min(4, Int(figure.percentile / 20)),
                label: "\(area.name): \(Self.figureText(figure, indicator)), percentile rank \(Int(figure.percentile.rounded()))",
                link: link(area.code))
        }
        let title = indicator.name
        let map = ChoroplethMap(
            title: "\(indicator.name) by \(snapshot.level.rawValue)",
            description:
                "Each area coloured by its percentile rank for \(indicator.name.lowercased()) (0 = least need, 100 = most), in fifths\(indicator.higherIsMoreNeed ? "" : "; a lower figure means more need")."
                + (indicator.source.map { " Source: \($0)\(indicator.date.map { ", \($0)" } ?? "")." } ?? ""),
            idPrefix: idPrefix, regions: regions, colours: .sequential(classes: 5),
            legend: .init(
                title: "Percentile rank of need", labels: ["0–19 (least need)", "20–39", "40–59", "60–79", "80–100 (most need)"]))
        let rows = need.index.areas.sorted { ($0.figures[id]?.percentile ?? -1, $1.code) > ($1.figures[id]?.percentile ?? -1, $0.code) }.map { area in
            let figure = area.figures[id]
            return Row(
                code: area.code, name: need.name(of: area.code),
                cells: [
                    figure?.value.map { PlaceTables.decimal($0, $0 == $0.rounded() ? 0 : 1) } ?? "—",
                    indicator.denominator == nil ? "" : (figure?.rate.map { PlaceTables.decimal($0, 1) } ?? "—"),
                    figure.map { String(Int($0.percentile.rounded())) } ?? "—",
                ], isHighlighted: false)
        }
        return PlaceView(
            measure: .indicator(id), title: title, description: map.description, map: map,
            header: ["Estimate", indicator.denominator.map { "Per 1,000 \($0.replacingOccurrences(of: "_", with: " "))" } ?? "", "Percentile rank"],
            rows: rows, file: PlaceTables.indicator(id, of: need))
    }

    private static func liveView(
        _ snapshot: PlaceSnapshot, id: String, suppressed: Bool, idPrefix: String, link: (String) -> String?
    ) -> PlaceView? {
        guard let indicator = Atlas.liveIndicators.first(where: { $0.id == id }), let values = snapshot.live[id] else { return nil }
        let rates = Atlas.rates(values)
        let percentiles = Percentiles.of(rates)
        func hidden(_ count: Double?) -> Bool { count.map { PlaceAccess.hides($0, suppressed: suppressed) } ?? true }
        let byArea = Dictionary(values.map { ($0.area, $0) }, uniquingKeysWith: { first, _ in first })
        let regions = snapshot.areas.map { area -> ChoroplethMap.Region in
            let value = byArea[area.code]
            guard let percentile = percentiles[area.code], !hidden(value?.value) else {
                return ChoroplethMap.Region(area: area, classIndex: nil, label: "\(area.name): not shown", link: link(area.code))
            }
            return ChoroplethMap.Region(
                area: area, classIndex: min(4, Int(percentile / 20)),
                label: "\(area.name): \(Int(value?.value ?? 0)) (\(PlaceTables.decimal(rates[area.code] ?? 0, 1)) per 1,000)", link: link(area.code))
        }
        let map = ChoroplethMap(
            title: "\(indicator.name) by \(snapshot.level.rawValue)",
            description:
                "Kith's own figure, worked out now from the latest scores and requests: each area coloured by its rate per 1,000 \(indicator.denominator == "children" ? "children" : "residents") against the others', in fifths."
                + (suppressed ? " Counts from 1 to 4 are not shown." : ""),
            idPrefix: idPrefix, regions: regions, colours: .sequential(classes: 5),
            legend: .init(
                title: "Rate, percentile rank", labels: ["0–19 (lowest)", "20–39", "40–59", "60–79", "80–100 (highest)"],
                noData: suppressed ? "Fewer than 5, or no population" : "No population"))
        let rows = values.sorted { (rates[$0.area] ?? -1, $1.area) > (rates[$1.area] ?? -1, $0.area) }.map { value in
            let count = Int(value.value ?? 0)
            let isHidden = hidden(value.value)
            return Row(
                code: value.area, name: snapshot.name(of: value.area),
                cells: [
                    PlaceAccess.shown(count, suppressed: suppressed), isHidden ? "—" : rates[value.area].map { PlaceTables.decimal($0, 1) } ?? "—",
                    isHidden ? "—" : percentiles[value.area].map { String(Int($0.rounded())) } ?? "—",
                ], isHighlighted: false)
        }
        var file = [["area_code", "area_name", "count", "rate_per_1000", "percentile_rank"]]
        file += rows.map { [$0.code, $0.name] + $0.cells.map { $0 == "—" ? "" : $0 } }
        return PlaceView(
            measure: .live(id), title: indicator.name, description: map.description, map: map,
            header: ["Count", "Per 1,000", "Percentile rank"], rows: rows, file: file)
    }

    /// Observed over expected, in bands either side of 1.
    static let ratioBands: [(upTo: Double, label: String)] = [
        (0.5, "under half"), (0.75, "half to ¾"), (0.9, "¾ to 0.9"), (1.1, "about as expected"), (1.33, "1.1 to 1⅓"), (2, "1⅓ to twice"),
        (.infinity, "over twice"),
    ]

    private static func overlayView(_ snapshot: PlaceSnapshot, suppressed: Bool, idPrefix: String, link: (String) -> String?) -> PlaceView? {
        guard let overlay = snapshot.overlay else { return nil }
        let byCode = Dictionary(overlay.overlay.areas.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        let zones = Set(overlay.overlay.lowEngagementZones.map(\.code))
        let regions = snapshot.areas.map { area -> ChoroplethMap.Region in
            guard let place = byCode[area.code] else {
                return ChoroplethMap.Region(area: area, classIndex: nil, label: "\(area.name): no population", link: link(area.code))
            }
            let band = ratioBands.firstIndex { place.ratio < $0.upTo } ?? ratioBands.count - 1
            return ChoroplethMap.Region(
                area: area, classIndex: band,
                label:
                    "\(area.name): \(PlaceAccess.shown(place.observed, suppressed: suppressed)) calls and requests, \(PlaceTables.decimal(place.expected, 0)) expected"
                    + (zones.contains(area.code) ? " — low engagement zone" : ""),
                link: link(area.code))
        }
        let period = "\(snapshot.from) to \(snapshot.to.adding(days: -1))"
        let map = ChoroplethMap(
            title: "Helpline calls against need, \(period)",
            description:
                "Each area coloured by its calls and requests over those its need and population predict (red: fewer, blue: more). Outlined: low engagement zones, where calls are significantly fewer than need predicts.",
            idPrefix: idPrefix, regions: regions, colours: ColourScale.diverging(classes: 7),
            legend: .init(title: "Calls over expected", labels: ratioBands.map(\.label), noData: "No population", highlighted: "Low engagement zone"),
            highlighted: zones)
        let rows = overlay.overlay.areas.sorted { ($0.needRank, $0.code) < ($1.needRank, $1.code) }.map { area in
            Row(
                code: area.code, name: snapshot.name(of: area.code),
                cells: [
                    String(area.needRank), PlaceTables.decimal(area.expected, 1), PlaceAccess.shown(area.observed, suppressed: suppressed),
                    PlaceTables.decimal(area.ratio, 2), zones.contains(area.code) ? "Low engagement zone" : "",
                ], isHighlighted: zones.contains(area.code))
        }
        var file = PlaceTables.overlay(overlay)
        if suppressed {
            // Every count of residents in the file goes through the same rule as the page.
            let countColumns = ["observed_calls", "partner_helpline_calls", "help_requests", "residents_on_lists", "contacts", "referrals"]
            let positions = countColumns.compactMap { file[0].firstIndex(of: $0) }
            for row in file.indices.dropFirst() {
                for position in positions { file[row][position] = PlaceAccess.shown(Int(file[row][position]) ?? 0, suppressed: true) }
            }
        }
        return PlaceView(
            measure: .overlay, title: "Helpline calls against need", description: map.description, map: map,
            header: ["Need rank", "Expected", "Calls and requests", "Over expected", "Zone"], rows: rows, file: file)
    }

    static func figureText(_ figure: PlaceIndex.Figure, _ indicator: Indicator) -> String {
        let value = figure.value.map { PlaceTables.decimal($0, $0 == $0.rounded() ? 0 : 1) } ?? "—"
        guard indicator.denominator != nil, let rate = figure.rate else { return value + (indicator.unit.map { " \($0)" } ?? "") }
        return "\(value) (\(PlaceTables.decimal(rate, 1)) per 1,000)"
    }
}

/// Percentile ranks of figures among areas: 0 for the lowest, 100 for the highest, ties sharing their average rank
/// (the index's own ranking, ``PlaceIndex/ranks(_:)``).
public enum Percentiles {
    public static func of(_ values: [String: Double]) -> [String: Double] {
        let codes = Array(values.keys)
        guard codes.count > 1 else { return Dictionary(uniqueKeysWithValues: codes.map { ($0, 50) }) }
        let ranks = PlaceIndex.ranks(codes.map { values[$0]! })
        return Dictionary(uniqueKeysWithValues: zip(codes, ranks.map { ($0 - 1) / Double(codes.count - 1) * 100 }))
    }
}

extension Atlas {
    /// Each area's rate per 1,000 of its denominator, for the figures that have one above 0.
    public static func rates(_ values: [IndicatorValue]) -> [String: Double] {
        Dictionary(
            values.compactMap { value in
                guard let count = value.value, let base = value.denominator, base > 0 else { return nil }
                return (value.area, count / base * 1000)
            }, uniquingKeysWith: { first, _ in first })
    }
}

extension Atlas {
    /// Writes a view's figures to a `.csv` or `.xlsx` file and audits the export (figures by area: no resident is
    /// named, but every export is on the record).
    public func write(_ view: PlaceView, level: AreaLevel, to url: URL, by actor: String, via door: AuditTrail.Door) throws {
        try FigureTable.write(view.file, to: url, sheet: String(view.title.prefix(31)))
        try AuditTrail(database: database).record(
            .exportPlaces, by: actor, subject: url.lastPathComponent,
            detail: "\(view.measure.parameter) by \(level.rawValue), \(view.rows.count) areas, through \(door.rawValue)")
    }
}
