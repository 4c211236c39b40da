import Foundation
import Hummingbird
import KithAccess
import KithAtlas
import KithSpreadsheet
import KithStore

/// `/reports/weekly`: the weekly strategic report for the week to a day, in the edition the account's role may see
/// (counts under 5 suppressed outside the case teams), with downloads as HTML, PDF and XLSX. Case teams may also
/// download the partners' edition to share it.
struct ReportController: Sendable {
    typealias Context = WebRequestContext

    let atlas: Atlas
    let profiles: ProfileFreshness
    let roles: RoleCheck
    let pages: PageRenderer
    let configuration: WebConfiguration

    func addRoutes(to group: RouterGroup<Context>) {
        group.get("reports/weekly", use: weekly)
    }

    @Sendable func weekly(_ request: Request, context: Context) async throws -> Response {
        let signedIn = try await roles.require(.viewPlaces, request, context)
        let query = FormFields.query(of: request)
        guard let asOf = query.text("as-of").map({ CivilDate(iso: $0) }) ?? configuration.today else {
            throw WebError.badRequest("Give the week's last day as 2026-11-16.")
        }
        // Outside the case teams only the partners' edition; case teams see theirs unless they ask for the other.
        let edition: WeeklyReport.Edition =
            PlaceAccess.suppressesSmallNumbers(for: signedIn) || query.text("edition") == WeeklyReport.Edition.partners.rawValue
            ? .partners : .caseTeams
        try await profiles.ensureCurrent()
        let atlas = atlas
        let method = configuration.indexMethod
        let report = try await offload { try WeeklyReport.make(atlas, asOf: asOf, edition: edition, method: method) }
        if let format = query.text("format").flatMap(WeeklyReportDocument.Format.init(rawValue:)) {
            let name = "weekly-report-\(asOf)-\(edition.rawValue).\(format.rawValue)"
            let document = WeeklyReportDocument(report: report)
            let database = atlas.database
            return try await FileDownload.response(
                named: name,
                writeAwaiting: { url in
                    try await document.write(to: url, database: database, by: signedIn.name, via: .web)
                })
        }
        var model = WeeklyReportPage(report)
        let base = "/reports/weekly?as-of=\(asOf)"
        var links: [PlaceOption] = []
        for edition in PlaceAccess.suppressesSmallNumbers(for: signedIn) ? [WeeklyReport.Edition.partners] : WeeklyReport.Edition.allCases {
            let name = edition == .partners ? "partners' edition (counts under 5 suppressed)" : "case teams' edition"
            for (format, label) in [("pdf", "PDF"), ("html", "HTML"), ("xlsx", "Excel")] {
                links.append(PlaceOption(value: "\(base)&edition=\(edition.rawValue)&format=\(format)", label: "\(label), \(name)", selected: false))
            }
        }
        model.links = links
        return pages.page("report-weekly", title: "Weekly strategic report", model: model, signedIn: signedIn, path: request.uri.path)
    }
}

extension WebApp {
    /// `/reports/weekly`.
    func addReportController(to group: RouterGroup<WebRequestContext>) {
        ReportController(atlas: Atlas(database: database), profiles: profiles, roles: roles, pages: pages, configuration: configuration)
            .addRoutes(to: group)
    }
}
