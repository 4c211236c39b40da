import Foundation
import KithPlaces

/// The tables beside every map and chart, and the CSV and XLSX files downloaded from them: figures by area, never
/// persons.
public enum PlaceTables {
    /// The index: every area's rank, decile, score, population and domain scores, most need first.
    public static func index(_ need: NeedIndex) -> [[String]] {
        let domains = need.method.domains
        var rows = [["area_code", "area_name", "rank", "decile", "score", "population"] + domains.map { "\($0.id)_score" }]
        for area in need.index.areas {
            rows.append(
                [
                    area.code, need.name(of: area.code), String(area.rank), String(area.decile), decimal(area.score, 2),
                    need.population[area.code].map { decimal($0, 0) } ?? "",
                ] + domains.map { decimal(area.transformed[$0.id] ?? 0, 2) })
        }
        return rows
    }

    /// One indicator over the areas: value, denominator, rate per 1,000 and percentile rank, in code order.
    public static func indicator(_ id: String, of need: NeedIndex) -> [[String]] {
        var rows = [["area_code", "area_name", "value", "rate_per_1000", "percentile_rank"]]
        for area in need.index.areas.sorted(by: { $0.code < $1.code }) {
            let figure = area.figures[id]
            rows.append([
                area.code, need.name(of: area.code), figure?.value.map { decimal($0, 2) } ?? "", figure?.rate.map { decimal($0, 2) } ?? "",
                figure.map { decimal($0.percentile, 1) } ?? "",
            ])
        }
        return rows
    }

    /// The overlay: need, expected and observed demand, the test and each area's other demand, most need first.
    public static func overlay(_ overlay: NeedOverlay) -> [[String]] {
        var rows = [
            [
                "area_code", "area_name", "need_rank", "population", "expected_calls", "observed_calls", "observed_over_expected", "z",
                "p_value", "low_engagement_zone", "partner_helpline_calls", "help_requests", "residents_on_lists", "contacts", "referrals",
                "main_languages",
            ]
        ]
        for area in overlay.overlay.areas.sorted(by: { $0.needRank < $1.needRank }) {
            let demand = overlay.demand[area.code] ?? AreaDemand()
            rows.append([
                area.code, overlay.need.name(of: area.code), String(area.needRank), decimal(area.population, 0), decimal(area.expected, 1),
                String(area.observed), decimal(area.ratio, 2), decimal(area.z, 2), significant(area.pValue),
                area.isLowEngagement ? "yes" : "no", String(demand.calls), String(demand.requests), String(demand.persons),
                String(demand.contacts), String(demand.referrals), demand.mainLanguages.prefix(3).map(\.language).joined(separator: "; "),
            ])
        }
        return rows
    }

    /// `3.14159` with 2 places as `3.14`; no `-0`.
    public static func decimal(_ value: Double, _ places: Int) -> String {
        guard value.isFinite else { return "" }
        let text = String(format: "%.\(places)f", value)
        return text.hasPrefix("-") && Double(text) == 0 ? String(text.dropFirst()) : text
    }

    /// A p-value to 3 significant figures, `<0.0001` below that.
    public static func significant(_ p: Double) -> String {
        p < 0.0001 ? "<0.0001" : String(format: "%.4f", p)
    }
}
