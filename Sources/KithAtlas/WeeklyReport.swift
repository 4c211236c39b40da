import Foundation
import KithAccess
import KithPlaces
import KithSpreadsheet
import KithStore

/// The weekly strategic report (Stockton's Summary Strategic Report): the week's headline figures and their change
/// from the week before, movements between Red, Amber, Green and Purple, welfare checks outstanding, low engagement
/// zones, capacity gaps and each hub area's figures. Any edition that leaves the case teams has counts under 5
/// suppressed (``Edition/partners``).
public struct WeeklyReport: Sendable {
    /// Who the report is for: the council's case teams see counts as they are; an edition for partners and
    /// leaders outside them has small numbers suppressed.
    public enum Edition: String, Sendable, CaseIterable {
        case caseTeams = "case-teams"
        case partners

        public var suppresses: Bool { self == .partners }
    }

    /// A headline: this week, the week before and the change.
    public struct Headline: Sendable, Equatable {
        public var label: String
        public var thisWeek: String
        public var lastWeek: String
        public var change: String
    }

    /// A service not taking referrals, or with a waiting list.
    public struct CapacityGap: Sendable, Equatable {
        public var service: String
        public var organisation: String
        public var accepting: String
    }

    public var asOf: CivilDate
    public var edition: Edition
    /// The dashboard of the fortnight to the report's day: its two weeks are the week before and this week.
    public var week: Dashboard
    /// The low engagement zones of the 8 weeks to the report's day, with the overlay they came from.
    public var overlay: NeedOverlay?
    public var overlayProblem: String?
    public var capacityGaps: [CapacityGap]
    public var madeAt: String
    /// The level's areas with their outlines, for the map of the zones.
    public var areas: [Area]
    public var level: AreaLevel

    public var suppressed: Bool { edition.suppresses }

    /// Works the report out for the week ending `asOf` (the 7 days to it, and the 7 before for the changes).
    public static func make(
        _ atlas: Atlas, asOf: CivilDate, edition: Edition, level: AreaLevel = .neighbourhood, method: IndexMethod? = nil
    ) throws -> WeeklyReport {
        let everyone = SignedIn(
            account: Account(name: "weekly report", role: Role.analyst.rawValue, passwordHash: "", createdAt: "", createdBy: ""), role: .analyst,
            csrfToken: nil, sessionDigest: nil)
        // One dashboard over the two weeks: its weeks are the week before and this one, and everything else (bands,
        // moves, welfare checks) is the latest score run's either way.
        var fortnight = try atlas.dashboard(area: nil, from: asOf.adding(days: -13), through: asOf, for: everyone)
        fortnight.suppressed = edition.suppresses
        var overlay: NeedOverlay?
        var overlayProblem: String?
        if try !atlas.levels().isEmpty {
            do {
                overlay = try atlas.overlay(level: level, from: asOf.adding(days: -55), to: asOf.adding(days: 1), method: method)
            } catch let error as AtlasError {
                overlayProblem = error.description
            } catch let problems as PlaceIndex.Problems {
                overlayProblem = "No index of need yet: " + problems.description
            }
        } else {
            overlayProblem = "No areas are loaded: load the boundaries, the postcode lookup and the indicators to find low engagement zones."
        }
        let organisations = Dictionary(try atlas.database.directory.organizations().map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let gaps = try atlas.database.directory.services().filter {
            $0.status == "active" && ["no", "waiting_list"].contains($0.acceptingReferrals ?? "")
        }
        .map {
            CapacityGap(
                service: $0.name, organisation: organisations[$0.organizationId] ?? $0.organizationId,
                accepting: $0.acceptingReferrals == "no" ? "Not accepting referrals" : "Waiting list")
        }
        .sorted { ($0.accepting, $0.service) < ($1.accepting, $1.service) }
        return WeeklyReport(
            asOf: asOf, edition: edition, week: fortnight, overlay: overlay, overlayProblem: overlayProblem, capacityGaps: gaps,
            madeAt: AuditTrail.now(), areas: try atlas.areas(level: level), level: level)
    }

    /// The week's headline figures beside the week before's.
    public var headlines: [Headline] {
        let weeks = week.weeks
        let now = weeks.last
        let before = weeks.count > 1 ? weeks[weeks.count - 2] : nil
        let rows: [(String, Int, Int)] = [
            ("Contacts made", now?.contacts ?? 0, before?.contacts ?? 0),
            ("Help requests taken", now?.requestsTaken ?? 0, before?.requestsTaken ?? 0),
            ("Help requests closed", now?.requestsClosed ?? 0, before?.requestsClosed ?? 0),
            ("Referrals made", now?.referrals ?? 0, before?.referrals ?? 0),
        ]
        var headlines = rows.map { label, now, before in
            Headline(label: label, thisWeek: week.shown(now), lastWeek: week.shown(before), change: change(now, before))
        }
        let bands = week.bandTotals
        headlines.insert(
            Headline(label: "Residents rated Purple", thisWeek: week.shown(bands["purple"] ?? 0), lastWeek: "", change: ""), at: 0)
        headlines.insert(Headline(label: "Residents rated Red", thisWeek: week.shown(bands["red"] ?? 0), lastWeek: "", change: ""), at: 1)
        headlines.append(
            Headline(
                label: "Welfare checks outstanding",
                thisWeek: week.shown(week.activity.welfareChecksTriggered - week.activity.welfareChecksDone), lastWeek: "", change: ""))
        headlines.append(Headline(label: "Help requests open now", thisWeek: week.shown(week.activity.requestsOpen), lastWeek: "", change: ""))
        return headlines
    }

    /// "+12", "−3", "no change"; hidden when either side is suppressed.
    private func change(_ now: Int, _ before: Int) -> String {
        if PlaceAccess.hides(Double(now), suppressed: suppressed) || PlaceAccess.hides(Double(before), suppressed: suppressed) {
            return ""
        }
        let difference = now - before
        return difference == 0 ? "no change" : difference > 0 ? "+\(difference)" : "−\(-difference)"
    }

    /// The map of helpline calls against need with the zones outlined, as SVG; nil without an overlay.
    public var zoneMap: String? {
        // A page of A4 cannot show thousands of outlines (and printing them takes chromium longer than the rest of the
        // report); past this many areas the report's table and /places carry the zones instead.
        guard let overlay, areas.count <= Self.mostAreasMapped else { return nil }
        let snapshot = PlaceSnapshot(
            level: level, areas: areas, need: overlay.need, needProblem: nil, live: [:], overlay: overlay, overlayProblem: nil, from: overlay.from,
            to: overlay.to, revision: "")
        return PlaceView.make(snapshot, measure: .overlay, suppressed: suppressed, idPrefix: "zones", link: { _ in nil })?.map.svg()
    }

    /// The most areas the report draws on its map of the zones.
    public static let mostAreasMapped = 1_500

    /// Residents rated Purple and Red in each hub area, as a bar chart; nil when no area is loaded.
    public var hubChart: String? {
        guard !week.areas.isEmpty else { return nil }
        return BarChart(
            title: "Residents rated Purple or Red by area",
            description: "Residents on a partner's latest list rated Purple or Red, by the area their postcode is in.",
            idPrefix: "hubs",
            bars: week.areas.map { area in
                let count = area.purple + area.red
                let hidden = PlaceAccess.hides(Double(count), suppressed: suppressed)
                return BarChart.Bar(label: area.name, value: hidden ? nil : Double(count), valueLabel: hidden ? "<5" : nil)
            }, axisLabel: "Residents", decimals: 0
        ).svg()
    }

    /// The zones with their evidence, as rows: the header first.
    public var zoneRows: [[String]] {
        var rows = [["area_code", "area_name", "need_rank", "calls_and_requests", "expected", "observed_over_expected", "main_languages"]]
        guard let overlay else { return rows }
        for zone in overlay.overlay.lowEngagementZones {
            let demand = overlay.demand[zone.code] ?? AreaDemand()
            rows.append([
                zone.code, overlay.need.name(of: zone.code), String(zone.needRank), week.shown(zone.observed), PlaceTables.decimal(zone.expected, 1),
                PlaceTables.decimal(zone.ratio, 2), demand.mainLanguages.prefix(3).map(\.language).joined(separator: "; "),
            ])
        }
        return rows
    }

    /// Every table of the report, for a workbook or CSV: each after a line naming it.
    public var file: [[String]] {
        var rows: [[String]] = [
            ["report", "Weekly strategic report, week to \(asOf) (\(edition == .partners ? "counts under 5 suppressed" : "for the case teams"))"]
        ]
        rows.append([])
        rows.append(["headlines"])
        rows.append(["figure", "this_week", "last_week", "change"])
        rows += headlines.map { [$0.label, $0.thisWeek, $0.lastWeek, $0.change] }
        for (name, table) in [("moves between bands", week.moveRows), ("hub areas", week.areaRows), ("low engagement zones", zoneRows)] {
            rows.append([])
            rows.append([name])
            rows += table
        }
        rows.append([])
        rows.append(["capacity gaps"])
        rows.append(["service", "organisation", "accepting"])
        rows += capacityGaps.map { [$0.service, $0.organisation, $0.accepting] }
        return rows
    }
}
