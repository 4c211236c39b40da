import Foundation
import HTTPTypes
import Hummingbird
import KithAccess
import KithConnect
import KithDirectory
import KithStore

/// The JSON API's directory editing, for a partner's own systems: the services the token's account keeps, their
/// capacity in one call, "still right", changes to their details, and their callback requests. The same rules as
/// the pages (``DirectoryStewardship``, KithConnect's checks, history and audit), through the API.
struct DirectoryAPIController: Sendable {
    typealias Context = WebRequestContext

    let keeper: ServiceKeeper
    let desk: CallbackDesk
    let roles: RoleCheck

    func addRoutes(to group: RouterGroup<Context>) {
        group.get("directory/services", use: list)
        group.get("directory/services/:service", use: show)
        group.patch("directory/services/:service", use: edit)
        group.put("directory/services/:service/capacity", use: updateCapacity)
        group.post("directory/services/:service/confirm", use: confirm)
        group.get("directory/callbacks", use: callbacks)
        group.post("directory/callbacks/:callback/close", use: closeCallback)
    }

    /// `GET /api/directory/services`: the services the account keeps, with capacity and when each was last confirmed.
    @Sendable func list(_ request: Request, context: Context) async throws -> Response {
        let signedIn = try await roles.require(.editDirectory, request, context)
        let kept = try await offload { [keeper] in try keeper.services(keptBy: signedIn.account) }
        return try WebApp.json(["services": kept.map(APIKeptService.init)])
    }

    /// `GET /api/directory/services/{id}`: one kept service as ORUK 3.0 JSON, with Kith's extensions.
    @Sendable func show(_ request: Request, context: Context) async throws -> Response {
        let signedIn = try await roles.require(.editDirectory, request, context)
        let id = try context.parameters.require("service")
        let kept = try await WebError.keeping { [keeper] in try keeper.service(id: id, keptBy: signedIn.account) }
        return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: kept.record.json)))
    }

    /// `PATCH /api/directory/services/{id}`: changes the fields given (ORUK names), leaving the rest.
    @Sendable func edit(_ request: Request, context: Context) async throws -> Response {
        let signedIn = try await roles.require(.editDirectory, request, context)
        let id = try context.parameters.require("service")
        let change = try await request.decode(as: APIServiceChange.self, context: context)
        let keeper = keeper
        return try await answer {
            let kept = try keeper.service(id: id, keptBy: signedIn.account)
            let service = try keeper.edit(serviceID: id, change.applied(to: ServiceEdit(kept.service)), by: signedIn.account, through: .api)
            return try WebApp.json(APIKeptService(service: service, organizationName: kept.organizationName))
        }
    }

    /// `PUT /api/directory/services/{id}/capacity`: the service's capacity now, in one call.
    @Sendable func updateCapacity(_ request: Request, context: Context) async throws -> Response {
        let signedIn = try await roles.require(.editDirectory, request, context)
        let id = try context.parameters.require("service")
        let body = try await request.decode(as: APICapacity.self, context: context)
        let change = CapacityChange(
            acceptingReferrals: body.acceptingReferrals, placesFree: body.placesFree.map(String.init) ?? "",
            typicalWaitDays: body.typicalWaitDays.map(String.init) ?? "")
        let keeper = keeper
        return try await answer {
            let service = try keeper.updateCapacity(ofService: id, to: change, by: signedIn.account, through: .api)
            return try WebApp.json(APIKeptService(service: service, organizationName: nil))
        }
    }

    /// `POST /api/directory/services/{id}/confirm`: the service's details are still right today.
    @Sendable func confirm(_ request: Request, context: Context) async throws -> Response {
        let signedIn = try await roles.require(.editDirectory, request, context)
        let id = try context.parameters.require("service")
        let keeper = keeper
        return try await answer {
            try WebApp.json(APIKeptService(service: try keeper.confirm(serviceID: id, by: signedIn.account, through: .api), organizationName: nil))
        }
    }

    /// `GET /api/directory/callbacks`: the open callback requests of the account's services, oldest first (audited).
    @Sendable func callbacks(_ request: Request, context: Context) async throws -> Response {
        let signedIn = try await roles.require(.editDirectory, request, context)
        let queued = try await offload { [desk] in try desk.queue(for: signedIn.account, through: .api) }
        return try WebApp.json(["callbacks": queued.map(APICallback.init)])
    }

    /// `POST /api/directory/callbacks/{id}/close` with `{"outcome": "rang back", "note": "…"}`.
    @Sendable func closeCallback(_ request: Request, context: Context) async throws -> Response {
        let signedIn = try await roles.require(.editDirectory, request, context)
        guard let id = context.parameters.get("callback").flatMap(Int64.init) else { throw WebError.notFound }
        let body = try await request.decode(as: APICallbackClosing.self, context: context)
        guard let outcome = CallbackDesk.Outcome(rawValue: body.outcome) else {
            throw WebError.badRequest(
                "outcome must be one of: \(CallbackDesk.Outcome.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        let desk = desk
        return try await answer {
            try desk.close(callbackID: id, outcome: outcome, note: body.note, by: signedIn.account, through: .api)
            return try WebApp.json(["closed": id])
        }
    }

    /// Runs an action off the request's thread; its field problems are a 400 naming each field, its refusals the
    /// web's.
    private func answer(_ action: @escaping @Sendable () throws -> Response) async throws -> Response {
        do {
            return try await WebError.keeping(action)
        } catch let problems as ServiceEditProblems {
            return try WebApp.json(
                APIProblems(
                    error: "Nothing was saved: check the fields named.",
                    problems: problems.problems.map { .init(field: $0.field, message: $0.message) }),
                status: .badRequest)
        }
    }
}

extension WebApp {
    func addDirectoryAPIController(to group: RouterGroup<WebRequestContext>) {
        DirectoryAPIController(keeper: ServiceKeeper(database: database), desk: CallbackDesk(database: database), roles: roles).addRoutes(to: group)
    }
}
