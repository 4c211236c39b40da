import Foundation
import Hummingbird
import KithAccess
import KithAtlas
import KithPlaces
import KithSpreadsheet
import KithStore

/// `/places`: the map of a level's areas by the index of need, any indicator, Kith's live figures or helpline demand
/// against need, with the table beside it and its CSV and XLSX download; `/places/zones`, the low engagement zones
/// with their evidence; `/places/{code}`, an area's profile; `/places/{code}/residents`, the residents Kith knows
/// there as a contact list. KithAtlas works the figures out and audits exports and views of residents; KithAccess
/// says who sees counts as they are.
struct PlacesController: Sendable {
    typealias Context = WebRequestContext

    let book: PlaceBook
    let atlas: Atlas
    let roles: RoleCheck
    let pages: PageRenderer
    /// The day the pages count to by default: the configuration's reference date, else today.
    let configuration: WebConfiguration

    func addRoutes(to group: RouterGroup<Context>) {
        group.get("places", use: map)
        group.get("places/download", use: download)
        group.get("places/zones", use: zones)
        group.get("places/:code", use: profile)
        group.get("places/:code/residents", use: residents)
    }

    /// The period the overlay counts: the 8 weeks to `to` (default today), or `from` to `to`.
    static func period(_ query: FormFields, today: CivilDate) -> (from: CivilDate, to: CivilDate, errors: [PageRenderer.FieldError]) {
        var errors: [PageRenderer.FieldError] = []
        let last = query.text("to").flatMap(CivilDate.init(iso:)) ?? today
        if query.text("to") != nil, CivilDate(iso: query.text("to") ?? "") == nil {
            errors.append(.init(field: "to", message: "Enter the last day as 2026-11-30."))
        }
        var first = query.text("from").flatMap(CivilDate.init(iso:)) ?? last.adding(days: -55)
        if query.text("from") != nil, CivilDate(iso: query.text("from") ?? "") == nil {
            errors.append(.init(field: "from", message: "Enter the first day as 2026-10-06."))
        }
        if first > last || last.daysSinceEpoch - first.daysSinceEpoch > 366 {
            errors.append(.init(field: "from", message: "Choose a first day on or before the last, at most a year before it."))
            first = last.adding(days: -55)
        }
        return (first, last.adding(days: 1), errors)
    }

    private func level(_ query: FormFields, levels: [AreaLevel]) -> AreaLevel? {
        if let asked = query.text("level").map({ AreaLevel($0) }), levels.contains(asked) { return asked }
        return levels.first
    }

    @Sendable func map(_ request: Request, context: Context) async throws -> Response {
        let signedIn = try await roles.require(.viewPlaces, request, context)
        let query = FormFields.query(of: request)
        let levels = try await book.levels()
        guard let level = level(query, levels: levels) else {
            return pages.page("places", title: "Places", model: PlacesPage.empty, signedIn: signedIn, path: request.uri.path)
        }
        let period = Self.period(query, today: configuration.today)
        let snapshot = try await book.snapshot(level: level, from: period.from, to: period.to)
        let asked = query.text("show").flatMap(PlaceMeasure.init(parameter:))
        let suppressed = PlaceAccess.suppressesSmallNumbers(for: signedIn)
        let measure = asked ?? (snapshot.need != nil ? .index : .live(Atlas.liveIndicators[0].id))
        guard let drawn = try await book.drawnView(of: snapshot, measure: measure, suppressed: suppressed) else { throw WebError.notFound }
        let model = PlacesPage(snapshot: snapshot, drawn: drawn, levels: levels, suppressed: suppressed)
        return pages.page(
            "places", title: "Places", model: model, signedIn: signedIn, path: request.uri.path, errors: period.errors,
            status: period.errors.isEmpty ? .ok : .badRequest)
    }

    @Sendable func download(_ request: Request, context: Context) async throws -> Response {
        let signedIn = try await roles.require(.viewPlaces, request, context)
        let query = FormFields.query(of: request)
        let levels = try await book.levels()
        guard let level = level(query, levels: levels), let measure = PlaceMeasure(parameter: query.text("show") ?? "index") else {
            throw WebError.notFound
        }
        let period = Self.period(query, today: configuration.today)
        guard period.errors.isEmpty else { throw WebError.badRequest(period.errors.map(\.message).joined(separator: " ")) }
        let snapshot = try await book.snapshot(level: level, from: period.from, to: period.to)
        guard
            let view = PlaceView.make(
                snapshot, measure: measure, suppressed: PlaceAccess.suppressesSmallNumbers(for: signedIn), link: { _ in nil })
        else { throw WebError.notFound }
        let format = query.text("format") == "xlsx" ? "xlsx" : "csv"
        let slug = measure.parameter.map { $0.isLetter || $0.isNumber ? $0 : "-" }.reduce(into: "") { $0.append($1) }
        let name = "places-\(level.rawValue)-\(slug)-\(snapshot.to.adding(days: -1)).\(format)"
        let atlas = atlas
        return try await FileDownload.response(named: name) { url in
            try atlas.write(view, level: level, to: url, by: signedIn.name, via: .web)
        }
    }

    @Sendable func zones(_ request: Request, context: Context) async throws -> Response {
        let signedIn = try await roles.require(.viewPlaces, request, context)
        let query = FormFields.query(of: request)
        let levels = try await book.levels()
        guard let level = level(query, levels: levels) else { throw WebError.notFound }
        let period = Self.period(query, today: configuration.today)
        let snapshot = try await book.snapshot(level: level, from: period.from, to: period.to)
        let model = ZonesPage(
            snapshot: snapshot, suppressed: PlaceAccess.suppressesSmallNumbers(for: signedIn), canListResidents: signedIn.can(.viewOutreach))
        return pages.page(
            "places-zones", title: "Low engagement zones", model: model, signedIn: signedIn, path: request.uri.path, errors: period.errors,
            status: period.errors.isEmpty ? .ok : .badRequest)
    }

    @Sendable func profile(_ request: Request, context: Context) async throws -> Response {
        let signedIn = try await roles.require(.viewPlaces, request, context)
        let code = context.parameters.get("code") ?? ""
        let atlas = atlas
        guard let area = try await offload({ try atlas.area(code: code) }) else { throw WebError.notFound }
        let query = FormFields.query(of: request)
        let period = Self.period(query, today: configuration.today)
        let snapshot = try await book.snapshot(level: area.level, from: period.from, to: period.to)
        let parent = try await offload { try area.parent.flatMap { try atlas.area(code: $0) } }
        let children = try await offload {
            try atlas.database.places.areas(level: nil, withGeometry: false).filter { $0.parentCode == code }
        }
        let model = AreaProfilePage(
            area: area, parent: parent, children: children, snapshot: snapshot, suppressed: PlaceAccess.suppressesSmallNumbers(for: signedIn),
            canListResidents: signedIn.can(.viewOutreach))
        return pages.page("place", title: area.name, model: model, signedIn: signedIn, path: request.uri.path)
    }

    @Sendable func residents(_ request: Request, context: Context) async throws -> Response {
        let signedIn = try await roles.require(.viewOutreach, request, context)
        let code = context.parameters.get("code") ?? ""
        let atlas = atlas
        guard let area = try await offload({ try atlas.area(code: code) }) else { throw WebError.notFound }
        let residents = try await offload { try atlas.residents(inArea: code, level: area.level, for: signedIn, via: .web) }
        return pages.page(
            "place-residents", title: "Residents Kith knows in \(area.name)", model: AreaResidentsPage(area: area, residents: residents),
            signedIn: signedIn, path: request.uri.path)
    }
}

extension WebApp {
    /// `/places` and the area pages.
    func addPlacesController(to group: RouterGroup<WebRequestContext>) {
        let atlas = Atlas(database: database)
        PlacesController(book: placeBook, atlas: atlas, roles: roles, pages: pages, configuration: configuration).addRoutes(to: group)
    }
}
