import Foundation
import Hummingbird
import KithAccess
import KithConnect
import KithDirectory
import KithSpreadsheet
import KithStore

/// `/directory/manage` and `/directory/callbacks`: a partner keeps its own organisation's services up to date
/// (capacity in one step, "still right", details) and answers the callback requests residents left; administrators
/// and analysts do so for every service, and see which organisations are behind and what reminders went
/// (`/directory/reminders`). Who keeps what is ``DirectoryStewardship``'s rule; the actions, their history and their
/// audit are KithConnect's.
struct ServiceKeepingController: Sendable {
    typealias Context = WebRequestContext

    let keeper: ServiceKeeper
    let desk: CallbackDesk
    let notices: StaleProfileNotices
    let roles: RoleCheck
    let pages: PageRenderer
    let today: @Sendable () -> CivilDate

    func addRoutes(to group: RouterGroup<Context>) {
        group.get("directory/manage", use: list)
        group.post("directory/manage/:service/capacity", use: updateCapacity)
        group.post("directory/manage/:service/confirm", use: confirm)
        group.get("directory/manage/:service/edit", use: editForm)
        group.post("directory/manage/:service/edit", use: edit)
        group.get("directory/callbacks", use: callbacks)
        group.post("directory/callbacks/:callback/close", use: closeCallback)
        group.get("directory/reminders", use: reminders)
    }

    /// The account's services, the stale ones first, each with its one-step capacity form.
    @Sendable func list(_ request: Request, context: Context) async throws -> Response {
        let signedIn = try await roles.require(.editDirectory, request, context)
        let (keeper, today) = (keeper, today())
        let kept = try await offload { try keeper.services(keptBy: signedIn.account) }
        let waiting = try await offload { [desk] in try desk.waitingCount(for: signedIn.account) }
        let query = FormFields.query(of: request)
        let model = ManageServicesPage(
            kept, today: today, callbacksWaiting: waiting, everyone: signedIn.role.seesEveryone, organisation: query.text("organisation"))
        return pages.page(
            "directory-manage", title: "Your services", model: model, signedIn: signedIn, path: request.uri.path, notice: query.text("done"))
    }

    @Sendable func updateCapacity(_ request: Request, context: Context) async throws -> Response {
        let signedIn = try await roles.require(.editDirectory, request, context)
        let id = try context.parameters.require("service")
        var request = request
        let form = try await FormFields.read(&request, context: context)
        let change = CapacityChange(
            acceptingReferrals: form.text("accepting") ?? "", placesFree: form.text("places-free") ?? "",
            typicalWaitDays: form.text("wait-days") ?? "")
        do {
            let service = try await WebError.keeping { try keeper.updateCapacity(ofService: id, to: change, by: signedIn.account, through: .web) }
            return WebApp.redirect(to: "/directory/manage?done=" + Self.encoded("Capacity of \(service.name) saved.") + "#service-\(id)")
        } catch let problems as ServiceEditProblems {
            let message = problems.problems.map(\.message).joined(separator: " ")
            return WebApp.redirect(to: "/directory/manage?done=" + Self.encoded("Not saved: \(message)") + "#service-\(id)")
        }
    }

    @Sendable func confirm(_ request: Request, context: Context) async throws -> Response {
        let signedIn = try await roles.require(.editDirectory, request, context)
        let id = try context.parameters.require("service")
        let service = try await WebError.keeping { try keeper.confirm(serviceID: id, by: signedIn.account, through: .web) }
        return WebApp.redirect(to: "/directory/manage?done=" + Self.encoded("\(service.name) confirmed as right today.") + "#service-\(id)")
    }

    @Sendable func editForm(_ request: Request, context: Context) async throws -> Response {
        let signedIn = try await roles.require(.editDirectory, request, context)
        let id = try context.parameters.require("service")
        let kept = try await WebError.keeping { try keeper.service(id: id, keptBy: signedIn.account) }
        return pages.page(
            "directory-edit", title: "Change \(kept.service.name)", model: EditServicePage(id: id, edit: ServiceEdit(kept.service)),
            signedIn: signedIn, path: request.uri.path)
    }

    @Sendable func edit(_ request: Request, context: Context) async throws -> Response {
        let signedIn = try await roles.require(.editDirectory, request, context)
        let id = try context.parameters.require("service")
        var request = request
        let form = try await FormFields.read(&request, context: context)
        let edit = ServiceEdit(
            name: form.text("name") ?? "", description: form.text("description") ?? "", status: form.text("status") ?? "",
            alert: form.text("alert") ?? "", email: form.text("email") ?? "", phone: form.text("phone") ?? "", url: form.text("url") ?? "",
            minimumAge: form.text("minimum-age") ?? "", maximumAge: form.text("maximum-age") ?? "",
            eligibilityDescription: form.text("eligibility") ?? "", safetyNotes: form.text("safety-notes") ?? "",
            acceptsCallbacks: form.text("callbacks") == "yes")
        do {
            let service = try await WebError.keeping { try keeper.edit(serviceID: id, edit, by: signedIn.account, through: .web) }
            return WebApp.redirect(to: "/directory/manage?done=" + Self.encoded("\(service.name) saved.") + "#service-\(id)")
        } catch let problems as ServiceEditProblems {
            return pages.page(
                "directory-edit", title: "Change \(edit.name.isEmpty ? "the service" : edit.name)", model: EditServicePage(id: id, edit: edit),
                signedIn: signedIn, path: request.uri.path, errors: problems.problems.map { .init(field: $0.field, message: $0.message) },
                status: .badRequest)
        }
    }

    /// The open callback requests of the account's services, oldest first; reading them is audited.
    @Sendable func callbacks(_ request: Request, context: Context) async throws -> Response {
        let signedIn = try await roles.require(.editDirectory, request, context)
        let queued = try await offload { [desk] in try desk.queue(for: signedIn.account, through: .web) }
        return pages.page(
            "directory-callbacks", title: "Callback requests", model: CallbacksPage(queued), signedIn: signedIn, path: request.uri.path,
            notice: FormFields.query(of: request).text("done"))
    }

    @Sendable func closeCallback(_ request: Request, context: Context) async throws -> Response {
        let signedIn = try await roles.require(.editDirectory, request, context)
        guard let id = context.parameters.get("callback").flatMap(Int64.init) else { throw WebError.notFound }
        var request = request
        let form = try await FormFields.read(&request, context: context)
        guard let outcome = form.text("outcome").flatMap(CallbackDesk.Outcome.init(rawValue:)) else {
            throw WebError.badRequest("Choose what came of the request: rang back, no answer, passed on or no longer needed.")
        }
        let note = form.text("note")
        try await WebError.keeping { try desk.close(callbackID: id, outcome: outcome, note: note, by: signedIn.account, through: .web) }
        return WebApp.redirect(to: "/directory/callbacks?done=" + Self.encoded("Request closed: \(outcome.rawValue)."))
    }

    /// For administrators and analysts: every organisation with services unconfirmed in 30 days, and the outbox.
    @Sendable func reminders(_ request: Request, context: Context) async throws -> Response {
        let signedIn = try await roles.require(.editDirectory, request, context)
        guard signedIn.role.seesEveryone else { throw WebError.forbidden(.manageAccounts) }
        let (notices, today) = (notices, today())
        let (overview, outbox) = try await offload { (try notices.overview(today: today), try notices.database.directory.notices(unsentOnly: false)) }
        return pages.page(
            "directory-reminders", title: "Services not confirmed lately", model: RemindersPage(overview, outbox: outbox), signedIn: signedIn,
            path: request.uri.path)
    }

    static func encoded(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
    }
}

extension WebApp {
    /// `/directory/manage`, `/directory/callbacks` and `/directory/reminders`, for the services' keepers.
    func addServiceKeepingController(to group: RouterGroup<WebRequestContext>) {
        ServiceKeepingController(
            keeper: ServiceKeeper(database: database), desk: CallbackDesk(database: database), notices: StaleProfileNotices(database: database),
            roles: roles, pages: pages, today: { CivilDate.today }
        ).addRoutes(to: group)
        GapController(gaps: DirectoryGaps(database: database), roles: roles, pages: pages).addRoutes(to: group)
    }
}
