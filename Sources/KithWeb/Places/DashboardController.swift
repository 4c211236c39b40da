import Foundation
import Hummingbird
import KithAccess
import KithAtlas
import KithPlaces
import KithSpreadsheet
import KithStore

/// `/dashboard`: residents by band and cohort, moves between bands, new and no longer identified, welfare checks,
/// contacts, requests, referrals and services' capacity, for the borough or one area over a period, with a trend
/// chart and the tables beside it; `/dashboard/download` writes its tables (audited). KithAtlas works the figures
/// out and keeps a caseworker to their area; the figures are kept until the store changes.
struct DashboardController: Sendable {
    typealias Context = WebRequestContext

    let book: DashboardBook
    let atlas: Atlas
    let roles: RoleCheck
    let pages: PageRenderer
    let configuration: WebConfiguration

    func addRoutes(to group: RouterGroup<Context>) {
        group.get("dashboard", use: page)
        group.get("dashboard/download", use: download)
    }

    private func dashboard(_ request: Request, _ signedIn: SignedIn) async throws -> (Dashboard, [PageRenderer.FieldError]) {
        let query = FormFields.query(of: request)
        let period = PlacesController.period(query, today: configuration.today)
        var dashboard = try await book.dashboard(area: query.text("area"), from: period.from, through: period.to.adding(days: -1), for: signedIn)
        dashboard.suppressed = PlaceAccess.suppressesSmallNumbers(for: signedIn)
        return (dashboard, period.errors)
    }

    @Sendable func page(_ request: Request, context: Context) async throws -> Response {
        let signedIn = try await roles.require(.viewPlaces, request, context)
        let dashboard: Dashboard
        let errors: [PageRenderer.FieldError]
        do {
            (dashboard, errors) = try await self.dashboard(request, signedIn)
        } catch let error as AtlasError {
            let message = MessagePage(message: error.description, link: .init(href: "/places", label: "Places"))
            return pages.page("message", title: "Dashboard", model: message, signedIn: signedIn, path: request.uri.path, status: .notFound)
        }
        let atlas = atlas
        let choices = try await offload {
            try atlas.database.places.areas(level: nil, withGeometry: false).filter { $0.parentCode == nil || $0.level == AreaLevel.hub.rawValue }
        }
        let model = DashboardPage(dashboard, choices: PlaceAccess.dashboardArea(for: signedIn) == nil ? choices : [])
        return pages.page(
            "dashboard", title: "Dashboard", model: model, signedIn: signedIn, path: request.uri.path, errors: errors,
            status: errors.isEmpty ? .ok : .badRequest)
    }

    @Sendable func download(_ request: Request, context: Context) async throws -> Response {
        let signedIn = try await roles.require(.viewPlaces, request, context)
        let (dashboard, errors) = try await self.dashboard(request, signedIn)
        guard errors.isEmpty else { throw WebError.badRequest(errors.map(\.message).joined(separator: " ")) }
        let format = FormFields.query(of: request).text("format") == "xlsx" ? "xlsx" : "csv"
        let name = "dashboard-\(dashboard.area?.code ?? "borough")-\(dashboard.from)-to-\(dashboard.through).\(format)"
        let atlas = atlas
        return try await FileDownload.response(named: name) { url in
            try atlas.write(dashboard, to: url, by: signedIn.name, via: .web)
        }
    }
}

/// The dashboards worked out, kept until the store changes (its places revision), so that a page is read, not
/// counted again: on a store of a million rows the counting takes seconds, the reading microseconds.
actor DashboardBook {
    struct Key: Hashable {
        var area: String?
        var from: CivilDate
        var through: CivilDate
    }

    let atlas: Atlas
    let profiles: ProfileFreshness
    private var kept: [Key: (revision: String, dashboard: Dashboard)] = [:]
    private var order: [Key] = []
    static let capacity = 32

    init(atlas: Atlas, profiles: ProfileFreshness) {
        self.atlas = atlas
        self.profiles = profiles
    }

    func dashboard(area: String?, from: CivilDate, through: CivilDate, for signedIn: SignedIn) async throws -> Dashboard {
        try await profiles.ensureCurrent()
        let atlas = atlas
        let revision = try await offload { try atlas.database.places.revision() }
        // A caseworker's dashboard is their own area's, whatever is asked: kept under that area.
        let key = Key(area: PlaceAccess.dashboardArea(for: signedIn) ?? area, from: from, through: through)
        if let kept = kept[key], kept.revision == revision { return kept.dashboard }
        let dashboard = try await offload { try atlas.dashboard(area: area, from: from, through: through, for: signedIn) }
        if kept[key] == nil {
            order.append(key)
            if order.count > Self.capacity { kept[order.removeFirst()] = nil }
        }
        kept[key] = (revision, dashboard)
        return dashboard
    }
}

/// What `dashboard.mustache` shows.
struct DashboardPage {
    struct Cell {
        var value: String
    }

    struct Table {
        var caption: String
        var header: [String]
        var rows: [[Cell]]
    }

    var place: String
    var from: String
    var to: String
    var areas: [PlaceOption]
    var headlines: [Dashboard.Figure]
    var trend: String
    var weeks: Table
    var cohorts: Table
    var runs: Table?
    var bandTrend: String?
    var moves: Table?
    var within: Table?
    var capacity: [Dashboard.Figure]
    var csvHref: String
    var xlsxHref: String
    var suppressedNote: String?
    var areaParameter: String
    /// The most areas the page lists.
    static let areasShown = 50

    init(_ dashboard: Dashboard, choices: [AreaRecord]) {
        place = dashboard.area?.name ?? "the borough"
        from = dashboard.from.description
        to = dashboard.through.description
        areaParameter = dashboard.area?.code ?? ""
        areas =
            choices.isEmpty
            ? []
            : [PlaceOption(value: "", label: "The whole borough", selected: dashboard.area == nil)]
                + choices.map { PlaceOption(value: $0.code, label: $0.name, selected: $0.code == dashboard.area?.code) }
        headlines = dashboard.headlines
        func table(_ caption: String, _ rows: [[String]], header: [String]) -> Table {
            Table(caption: caption, header: header, rows: rows.dropFirst().map { $0.map { Cell(value: $0) } })
        }
        weeks = table(
            "Week by week", dashboard.weekRows, header: ["Week from", "Contacts made", "Requests taken", "Requests closed", "Referrals made"])
        cohorts = table("Residents by cohort and band", dashboard.cohortRows, header: ["Cohort", "Purple", "Red", "Amber", "Green"])
        let scoreRuns = dashboard.activity.runs
        runs =
            scoreRuns.isEmpty
            ? nil
            : table(
                "Residents by band at each score run in the period", dashboard.runRows, header: ["Scored as of", "Purple", "Red", "Amber", "Green"])
        bandTrend =
            scoreRuns.count < 2 || dashboard.suppressed
            ? nil
            : LineChart(
                title: "Residents rated Purple and Red at each score run",
                description: "Residents rated Purple and Red at each score run in the period.",
                idPrefix: "bands", labels: scoreRuns.map { String($0.day.dropFirst(5)) },
                series: [
                    .init(name: "Purple", values: scoreRuns.map { Double($0.bands["purple"] ?? 0) }),
                    .init(name: "Red", values: scoreRuns.map { Double($0.bands["red"] ?? 0) }),
                ], valueLabel: "Residents", decimals: 0
            ).svg()
        moves =
            dashboard.activity.previousRunId == nil
            ? nil
            : table(
                "Moves between bands since the last score run (rows: band then; columns: band now)", dashboard.moveRows,
                header: ["Band then", "Purple", "Red", "Amber", "Green", "Not identified"])
        // A hub area of a big borough holds hundreds of neighbourhoods: the page lists those with the most residents
        // rated Purple or Red, the download all of them.
        let shownAreas = dashboard.areas.sorted { ($0.purple + $0.red, $1.name) > ($1.purple + $1.red, $0.name) }.prefix(Self.areasShown)
        within =
            dashboard.areas.isEmpty
            ? nil
            : Table(
                caption: dashboard.areas.count > Self.areasShown
                    ? "The \(Self.areasShown) areas with the most residents rated Purple or Red, of \(dashboard.areas.count) (the download has every one)"
                    : "Residents by band in each area",
                header: ["Area", "Purple", "Red", "Amber", "Green"],
                rows: shownAreas.map { area in
                    [area.name, dashboard.shown(area.purple), dashboard.shown(area.red), dashboard.shown(area.amber), dashboard.shown(area.green)].map
                    {
                        Cell(value: $0)
                    }
                })
        capacity = dashboard.capacity
        let labels = dashboard.weeks.map { "w/c " + String($0.from.description.dropFirst(5)) }
        trend = LineChart(
            title: "Activity week by week in \(place)", description: "Contacts made, help requests taken and closed, and referrals made, each week.",
            idPrefix: "trend", labels: labels,
            series: dashboard.suppressed
                ? []
                : [
                    .init(name: "Contacts made", values: dashboard.weeks.map { Double($0.contacts) }),
                    .init(name: "Requests taken", values: dashboard.weeks.map { Double($0.requestsTaken) }),
                    .init(name: "Requests closed", values: dashboard.weeks.map { Double($0.requestsClosed) }),
                    .init(name: "Referrals made", values: dashboard.weeks.map { Double($0.referrals) }),
                ], valueLabel: "A week", decimals: 0
        ).svg()
        let query = "area=\(PlacesPage.path(areaParameter))&from=\(from)&to=\(to)"
        csvHref = "/dashboard/download?\(query)&format=csv"
        xlsxHref = "/dashboard/download?\(query)&format=xlsx"
        suppressedNote =
            dashboard.suppressed
            ? "Counts of residents from 1 to 4 are shown as <5; the week-by-week chart is left out, its table shows the same figures." : nil
    }
}

extension WebApp {
    /// `/dashboard` and its download.
    func addDashboardController(to group: RouterGroup<WebRequestContext>) {
        DashboardController(book: dashboardBook, atlas: Atlas(database: database), roles: roles, pages: pages, configuration: configuration)
            .addRoutes(to: group)
    }
}
