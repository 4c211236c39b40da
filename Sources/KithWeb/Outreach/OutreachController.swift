import Foundation
import HTTPTypes
import Hummingbird
import KithAccess
import KithOutreach
import KithSpreadsheet
import KithStore

/// `/outreach`: the prioritised contact list with filters, a page at a time, and its CSV or XLSX download.
///
/// It reads no repository itself: the list comes from KithOutreach and KithAccess through ``ContactLists``, which
/// audit the view and the export as they do for the API and `kith outreach`.
struct OutreachController: Sendable {
    typealias Context = WebRequestContext

    let lists: ContactLists
    let roles: RoleCheck
    let pages: PageRenderer

    func addRoutes(to group: RouterGroup<Context>) {
        group.get("outreach", use: show)
        group.get("outreach/download", use: download)
    }

    /// One page of the list the filters ask for, within the account's scope; a filter that cannot be read is
    /// named beside its field (400) over the list it could make.
    @Sendable func show(_ request: Request, context: Context) async throws -> Response {
        let signedIn = try await roles.require(.viewOutreach, request, context)
        let query = FormFields.query(of: request)
        let (filter, filterErrors) = ContactLists.filter(query, for: signedIn)
        let visible = try await lists.visible(to: signedIn)
        let asked = max(1, query.text("page").flatMap(Int.init) ?? 1)
        let list: OutreachList
        let page: Int
        do {
            (list, page) = try await lists.page(asked, of: filter, for: signedIn, reaching: visible, through: .web)
        } catch WebError.conflict(let message) {
            return pages.page(
                "message", title: "Contact lists", model: MessagePage(message: message), signedIn: signedIn,
                path: request.uri.path
            )
        }
        let choices = try await lists.choices(for: signedIn, among: visible)
        return pages.page(
            "outreach", title: "Contact list",
            model: OutreachPage(list, page: page, filter: filter, choices: choices, for: signedIn).referring(signedIn)
                .returning(to: "/outreach?" + ContactLists.queryString(filter, page: page)),
            signedIn: signedIn, path: request.uri.path, errors: filterErrors, status: filterErrors.isEmpty ? .ok : .badRequest
        )
    }

    /// The whole list the filters ask for, as a CSV file or an Excel workbook, without the columns the account's
    /// role may not see; KithOutreach audits the export.
    @Sendable func download(_ request: Request, context: Context) async throws -> Response {
        let signedIn = try await roles.require(.exportOutreach, request, context)
        let query = FormFields.query(of: request)
        let format = OutreachExport.Format(rawValue: query.text("format") ?? "csv") ?? .csv
        let (filter, filterErrors) = ContactLists.filter(query, for: signedIn)
        guard filterErrors.isEmpty else {
            let message = MessagePage(
                message: filterErrors.map(\.message).joined(separator: ". ") + ".",
                link: .init(href: "/outreach", label: "Back to the contact list")
            )
            return pages.page(
                "message", title: "The contact list was not downloaded", model: message, signedIn: signedIn, path: request.uri.path,
                errors: filterErrors, status: .badRequest
            )
        }
        let list = try await lists.whole(filter, for: signedIn, reaching: try await lists.visible(to: signedIn))
        let export = OutreachExport(
            database: lists.database, exportedBy: signedIn.name, referenceDate: lists.today,
            withholding: ResidentFields.fields(for: signedIn.role).withheldColumns
        )
        let name = "contact-list-\(lists.today).\(format.rawValue)"
        // Writing the file and auditing the export touch the disk and the store: FileDownload does it off the request threads.
        return try await FileDownload.response(named: name) { _ = try export.write(list, to: $0, split: nil, filter: filter) }
    }
}

extension WebApp {
    /// `/outreach` and its download.
    func addOutreachController(to group: RouterGroup<WebRequestContext>) {
        OutreachController(lists: contactLists, roles: roles, pages: pages).addRoutes(to: group)
    }

    /// The contact lists of the page and the API, over the app's kept profiles and ranking.
    var contactLists: ContactLists {
        ContactLists(database: database, profiles: profiles, configuration: configuration)
    }
}

extension OutreachPage {
    /// The page with a "Refer" link beside each person, if the account makes referrals.
    /// The page with its "Assign to me" forms coming back to `path`, the same page of the same list.
    func returning(to path: String) -> OutreachPage {
        var page = self
        page.returnPath = path
        return page
    }

    func referring(_ signedIn: SignedIn) -> OutreachPage {
        var page = self
        page.canRefer = signedIn.can(.makeReferrals)
        page.canKeepCases = signedIn.can(.keepCaseloads)
        return page
    }
}
