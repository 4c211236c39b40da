import Foundation
import Hummingbird
import KithAccess
import KithAtlas
import KithPlaces
import KithSpreadsheet
import KithStore

/// `/places/projects`: the community insights projects; `?project=NAME` a project's shared figures, each measure
/// added up over its contributors, as a map and a table with small numbers suppressed for everyone (the figures are
/// shared between organisations), with who contributed what and for which use; `&format=csv` downloads them
/// (audited). KithAtlas's `InsightProjects` adds the contributions up.
struct ProjectsController: Sendable {
    typealias Context = WebRequestContext

    let projects: InsightProjects
    let atlas: Atlas
    let roles: RoleCheck
    let pages: PageRenderer

    func addRoutes(to group: RouterGroup<Context>) {
        group.get("places/projects", use: show)
    }

    @Sendable func show(_ request: Request, context: Context) async throws -> Response {
        let signedIn = try await roles.require(.viewPlaces, request, context)
        let query = FormFields.query(of: request)
        let projects = projects
        guard let name = query.text("project") else {
            let all = try await offload { try projects.database.places.projects() }
            return pages.page(
                "places-projects", title: "Community insights projects", model: ProjectsPage(all), signedIn: signedIn, path: request.uri.path)
        }
        guard let shared = try await offload({ try projects.shared(name) }) else { throw WebError.notFound }
        let measure = shared.measures.first { $0.id == query.text("measure") } ?? shared.measures.first
        let atlas = atlas
        let areas = try await offload { () -> [Area] in
            guard let first = measure?.values.first?.area, let level = try atlas.area(code: first)?.level else { return [] }
            return try atlas.areas(level: level)
        }
        let view = ProjectView(shared: shared, measure: measure, areas: areas)
        if let format = query.text("format"), ["csv", "xlsx"].contains(format) {
            let fileName = "project-\(PlacesPage.path(name).prefix(40))-\(measure?.id ?? "none").\(format)"
            let rows = view.file
            return try await FileDownload.response(named: fileName) { url in
                try projects.write(rows, of: name, to: url, by: signedIn.name, via: .web)
            }
        }
        return pages.page("places-project", title: shared.project.name, model: view, signedIn: signedIn, path: request.uri.path)
    }
}

/// What `places-projects.mustache` shows.
struct ProjectsPage {
    struct Project {
        var href: String
        var name: String
        var purpose: String
    }

    var projects: [Project]

    init(_ records: [InsightProjectRecord]) {
        projects = records.map { Project(href: "/places/projects?project=" + PlacesPage.path($0.name), name: $0.name, purpose: $0.purpose) }
    }
}

/// What `places-project.mustache` shows: one measure of a project as a map and a table, small numbers suppressed.
struct ProjectView {
    struct Contributor {
        var name: String
        var usage: String
    }

    struct Row {
        var name: String
        var code: String
        var total: String
        var rate: String
    }

    var purpose: String
    var measures: [PlaceOption]
    var measureName: String
    var contributors: [Contributor]
    var svg: String?
    var rows: [Row]
    var csvHref: String
    var xlsxHref: String
    var hasRates: Bool
    var file: [[String]]

    init(shared: InsightProjects.Shared, measure: InsightProjects.Shared.Measure?, areas: [Area]) {
        purpose = shared.project.purpose
        measures = shared.measures.map { PlaceOption(value: $0.id, label: $0.name, selected: $0.id == measure?.id) }
        measureName = measure?.name ?? "No figures yet"
        contributors = measure?.contributors.map { Contributor(name: $0.name, usage: $0.usage) } ?? []
        let names = Dictionary(areas.map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first })
        let values = measure?.values ?? []
        hasRates = values.contains { $0.denominator != nil }
        // Shared figures leave every organisation's own teams: small numbers are suppressed for everyone.
        func hidden(_ value: Double?) -> Bool { PlaceAccess.hides(value ?? 0, suppressed: true) }
        func rate(_ value: IndicatorValue) -> Double? {
            guard let count = value.value, let base = value.denominator, base > 0, !hidden(count) else { return nil }
            return count / base * 1000
        }
        let shownValues = values.map { value -> (IndicatorValue, String, String) in
            let total = hidden(value.value) ? "<5" : value.value.map { PlaceTables.decimal($0, $0 == $0.rounded() ? 0 : 1) } ?? "—"
            return (value, total, rate(value).map { PlaceTables.decimal($0, 1) } ?? (hidden(value.value) ? "—" : ""))
        }
        rows = shownValues.map { Row(name: names[$0.0.area] ?? $0.0.area, code: $0.0.area, total: $0.1, rate: $0.2) }
        file = [["area_code", "area_name", "total", "rate_per_1000"]] + rows.map { [$0.code, $0.name, $0.total, $0.rate] }
        // Areas coloured by fifths of the rate (or of the total when no contribution gives a denominator).
        let figures: [String: Double] = Dictionary(
            values.compactMap { value in
                guard !hidden(value.value) else { return nil }
                if let rate = rate(value) { return (value.area, rate) }
                return value.value.map { (value.area, $0) }
            }, uniquingKeysWith: { first, _ in first })
        let percentiles = Percentiles.of(figures)
        func fifth(_ code: String) -> Int? { percentiles[code].map { min(4, Int($0 / 20)) } }
        let has = !areas.isEmpty && !figures.isEmpty
        svg =
            has
            ? ChoroplethMap(
                title: "\(measureName), \(shared.project.name)",
                description:
                    "Each area coloured by fifths of the shared figure\(hasRates ? " per 1,000" : ""); areas with fewer than 5 are not shown.",
                idPrefix: "project", regions: areas.map { ChoroplethMap.Region(area: $0, classIndex: fifth($0.code), label: $0.name) },
                colours: .sequential(classes: 5),
                legend: .init(
                    title: "Fifths", labels: ["Lowest fifth", "Second", "Middle", "Fourth", "Highest fifth"], noData: "Fewer than 5, or none")
            ).svg() : nil
        let base = "/places/projects?project=\(PlacesPage.path(shared.project.name))&measure=\(PlacesPage.path(measure?.id ?? ""))"
        csvHref = base + "&format=csv"
        xlsxHref = base + "&format=xlsx"
    }
}

extension WebApp {
    /// `/places/projects`.
    func addProjectsController(to group: RouterGroup<WebRequestContext>) {
        ProjectsController(projects: InsightProjects(database: database), atlas: Atlas(database: database), roles: roles, pages: pages)
            .addRoutes(to: group)
    }
}
