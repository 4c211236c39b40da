import Foundation
import Hummingbird
import KithAccess
import KithConnect
import KithSpreadsheet
import KithStore

/// `/`: where an account's work starts: the sections its role reaches, and for roles that see everyone, where the
/// store stands.
struct HomeController<Imports: ImportRepository, Linkage: LinkageRepository, Outreach: OutreachRepository>: Sendable {
    typealias Context = WebRequestContext

    let imports: Imports
    let linkage: Linkage
    let outreach: Outreach
    let roles: RoleCheck
    let pages: PageRenderer
    /// For a partner: its services not confirmed lately and the residents waiting for a call back.
    let directoryNudge: @Sendable (Account) throws -> HomePage.Nudge?

    func addRoutes(to group: RouterGroup<Context>) {
        group.get("/", use: show)
    }

    @Sendable func show(_ request: Request, context: Context) async throws -> Response {
        let signedIn = try roles.signedIn(request, context)
        var model = HomePage(
            account: signedIn.name, scope: signedIn.scope.description,
            sections: HomePage.sections.filter { signedIn.can($0.capability) }, latest: nil
        )
        if signedIn.can(.editDirectory), !signedIn.role.seesEveryone {
            model.nudge = try await offload { [directoryNudge] in try directoryNudge(signedIn.account) }
        }
        if signedIn.role.seesEveryone {
            let rows = try await imports.countRows()
            let status = try await linkage.status()
            let scoreRun = try await outreach.latestScoreRun()
            model.latest = HomePage.Store(
                rows: rows.formatted(), linkedAt: status.latestRun.map { DisplayTime.text($0.finishedAt) } ?? "never",
                scoredAt: scoreRun.map { DisplayTime.text($0.scoredAt) } ?? "never", scoredAsOf: scoreRun?.referenceDate ?? "-",
                reviewCount: status.reviewWaiting.formatted()
            )
        }
        return pages.page("home", title: "Your work in Kith", model: model, signedIn: signedIn, path: request.uri.path)
    }
}

/// What `home.mustache` shows.
struct HomePage {
    /// One part of Kith, with what it is for.
    struct Section {
        var href: String
        var label: String
        var about: String
        var capability: Capability
    }

    /// Where the store stands, for roles that see everyone.
    struct Store {
        var rows: String
        var linkedAt: String
        var scoredAt: String
        var scoredAsOf: String
        var reviewCount: String
    }

    /// What a partner's services need from it now.
    struct Nudge {
        var stale: String?
        var callbacks: String?
    }

    var account: String
    var scope: String
    var nudge: Nudge?
    /// The sections the account's role reaches.
    var sections: [Section]
    var latest: Store?

    static let sections = [
        Section(
            href: "/persons", label: "Find a resident",
            about: "Search by name, date of birth, NHS number or postcode, and see one view of a person.", capability: .searchPersons
        ),
        Section(
            href: "/requests", label: "Help requests",
            about: "Take a call, work your hub's queue, and match requests with volunteers.", capability: .workRequests
        ),
        Section(
            href: "/tasks", label: "Your tasks", about: "The help your hub has asked you to give, and marking it done.", capability: .doTasks
        ),
        Section(
            href: "/cases", label: "Your cases", about: "The residents you are lead professional for, overdue follow-ups first.",
            capability: .keepCaseloads
        ),
        Section(
            href: "/volunteers", label: "Volunteers", about: "The volunteer bureau: new offers, DBS checks, induction and who is active.",
            capability: .manageVolunteers
        ),
        Section(
            href: "/outreach", label: "Contact lists",
            about: "Who to contact first: highest risk and least recent contact. Download, and record outcomes.", capability: .viewOutreach
        ),
        Section(
            href: "/review", label: "Review matches", about: "Pairs of records Kith is unsure about, side by side, for a person to decide.",
            capability: .reviewMatches
        ),
        Section(
            href: "/directory/manage", label: "Your services",
            about: "Keep your services right in the directory: capacity in one step, details, and residents waiting for a call back.",
            capability: .editDirectory
        ),
        Section(
            href: "/imports", label: "Imports", about: "Upload a partner's list, check its tags and data, import it; see every import.",
            capability: .importLists
        ),
        Section(href: "/audit", label: "Audit trail", about: "Every sign-in, search, view, export, import and decision.", capability: .readAudit),
    ]
}

extension WebApp {
    /// `/`, over the store's repositories, each opened from its existential so that the controller is specialised.
    func addHomeController(to group: RouterGroup<WebRequestContext>) {
        func add(_ imports: some ImportRepository, _ linkage: some LinkageRepository, _ outreach: some OutreachRepository) {
            let (notices, desk) = (StaleProfileNotices(database: database), CallbackDesk(database: database))
            HomeController(
                imports: imports, linkage: linkage, outreach: outreach, roles: roles, pages: pages,
                directoryNudge: { account in
                    let stale = try notices.staleCount(keptBy: account, today: .today)
                    let waiting = try desk.waitingCount(for: account)
                    guard stale > 0 || waiting > 0 else { return nil }
                    return HomePage.Nudge(
                        stale: stale == 0
                            ? nil : (stale == 1 ? "1 of your services has" : "\(stale) of your services have") + " not been confirmed in 30 days.",
                        callbacks: waiting == 0 ? nil : (waiting == 1 ? "1 resident is" : "\(waiting) residents are") + " waiting for a call back.")
                }
            ).addRoutes(to: group)
        }
        add(database.imports, database.linkage, database.outreach)
    }
}
