import Foundation
import Hummingbird
import KithConnect
import KithDirectory
import KithStore

/// `/directory/services/{service}/callback`: a resident asks a service to ring them back, without an account: name,
/// phone, best time and what it is about. Public, so it is guarded against floods and bots without a third-party
/// service: a limit per address, the store's limit per service, a hidden field only bots fill in, and a signed form
/// time (``FormStamp``).
struct CallbackController<Directory: DirectoryRepository>: Sendable {
    typealias Context = WebRequestContext

    /// The directory as the pages read it, decoded once.
    let catalog: DirectoryCatalog<Directory>
    let desk: CallbackDesk
    let stamps: FormStamp
    let limiter: PublicFormLimiter
    let pages: PageRenderer

    func addRoutes(to group: RouterGroup<Context>) {
        group.get("directory/services/:service/callback", use: form)
        group.post("directory/services/:service/callback", use: leave)
    }

    @Sendable func form(_ request: Request, context: Context) async throws -> Response {
        let service = try await offeredService(context)
        return page(CallbackPage(service: service, stamp: stamps.stamp(for: service.id)), context: context, request: request)
    }

    @Sendable func leave(_ request: Request, context: Context) async throws -> Response {
        let service = try await offeredService(context)
        var request = request
        let form = try await FormFields.read(&request, context: context)
        var model = CallbackPage(service: service, stamp: stamps.stamp(for: service.id))
        model.fill(from: form)
        // A bot: say it went, so that it learns nothing, and keep nothing.
        if !(form.text(FormStamp.honeypot) ?? "").isEmpty {
            return pages.page(
                "directory-callback-sent", title: "Request sent", model: model, signedIn: context.signedIn, path: request.uri.path, isPublic: true)
        }
        switch stamps.check(form.text("stamp"), for: service.id) {
        case .good: break
        case .tooQuick:
            return page(
                model, context: context, request: request, problem: "That was sent very quickly. Check your details, then send the request again.")
        case .expired, .unreadable:
            return page(
                model, context: context, request: request, problem: "This form was open too long. Check your details, then send the request again.")
        }
        guard limiter.allow(context.remoteAddress) else {
            return page(
                model, context: context, request: request,
                problem: "Several requests have been sent from here in the last hour. Please ring the service instead.", status: .tooManyRequests)
        }
        let callback: CallbackRequest
        do {
            callback = try CallbackRequest(
                serviceID: service.id, name: form.text("name") ?? "", phone: form.text("phone") ?? "", bestTime: form.text("best-time"),
                need: form.text("need"), requestedAt: Timestamp.text(Date()))
        } catch let problems as CallbackProblems {
            let errors = problems.problems.map { PageRenderer.FieldError(field: $0.field, message: $0.message) }
            return pages.page(
                "directory-callback", title: "Ask \(service.name) to ring you", model: model, signedIn: context.signedIn, path: request.uri.path,
                errors: errors, status: .badRequest, isPublic: true)
        }
        do {
            try await offload { [desk] in try desk.leave(callback) }
        } catch CallbackRefusal.busy {
            return page(
                model, context: context, request: request,
                problem: "\(service.name) has had many requests in the last hour. Please ring them instead, or try again later.",
                status: .tooManyRequests)
        }
        return pages.page(
            "directory-callback-sent", title: "Request sent", model: model, signedIn: context.signedIn, path: request.uri.path, isPublic: true)
    }

    /// The service, if it is active and takes callbacks; else there is no form.
    private func offeredService(_ context: Context) async throws -> Service {
        let id = try context.parameters.require("service")
        guard let service = try await catalog.current().index.service(id: id), service.status == .active, service.acceptsCallbacks == true
        else { throw WebError.notFound }
        return service
    }

    private func page(
        _ model: CallbackPage, context: Context, request: Request, problem: String? = nil, status: HTTPResponse.Status = .ok
    ) -> Response {
        let errors = problem.map { [PageRenderer.FieldError(field: "name", message: $0)] } ?? []
        return pages.page(
            "directory-callback", title: "Ask \(model.serviceName) to ring you", model: model, signedIn: context.signedIn, path: request.uri.path,
            errors: errors, status: problem == nil ? .ok : (status == .ok ? .badRequest : status), isPublic: true)
    }
}

/// What `directory-callback.mustache` and `directory-callback-sent.mustache` show.
struct CallbackPage {
    var serviceID: String
    var serviceName: String
    var phones: [String]
    var stamp: String
    var name = ""
    var phone = ""
    var bestTime = ""
    var need = ""

    init(service: Service, stamp: String) {
        serviceID = service.id
        serviceName = service.name
        phones = ((service.phones ?? []) + (service.contacts ?? []).flatMap { $0.phones ?? [] }).map(\.number)
        self.stamp = stamp
    }

    mutating func fill(from form: FormFields) {
        name = form.text("name") ?? ""
        phone = form.text("phone") ?? ""
        bestTime = form.text("best-time") ?? ""
        need = form.text("need") ?? ""
    }
}
