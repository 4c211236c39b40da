import Foundation
import HTTPTypes
import Hummingbird
import KithAccess
import Mustache

/// Renders Kith's pages from the Mustache templates in `Resources/Templates`, each inside the shared layout
/// (skip link, header, the navigation the account's role allows, error summary, footer).
struct PageRenderer: Sendable {
    let library: MustacheLibrary

    init() async throws {
        guard let folder = Bundle.module.resourceURL?.appendingPathComponent("Templates").path else {
            throw WebError.badRequest("Kith's page templates are missing from the build.")
        }
        self.library = try await MustacheLibrary(directory: folder)
    }

    /// One problem with what was typed, shown in the error summary and beside its field (`#field-id`).
    struct FieldError: Sendable {
        var field: String
        var message: String
    }

    /// Renders a page from its typed view model, whose stored properties the template names. The layout adds the
    /// title, who is signed in, the navigation, the CSRF token, a notice and the error summary, and takes precedence
    /// over a property of the same name.
    /// A public page (the services directory) carries no OFFICIAL-SENSITIVE marking: it shows no resident.
    func page(
        _ template: String, title: String, model: Any, signedIn: SignedIn?, path: String, notice: String? = nil,
        errors: [FieldError] = [], status: HTTPResponse.Status = .ok, isPublic: Bool = false
    ) -> Response {
        var layout = layout(title: title, signedIn: signedIn, path: path, notice: notice, errors: errors)
        if isPublic { layout["isPublic"] = true }
        let context = PageContext(layout: layout, model: model)
        return render(context, template: template, status: status)
    }

    /// A document rendered on its own, without the site's layout: a report written to a file.
    func document(_ template: String, model: Any) -> String {
        library.render(model, withTemplate: template) ?? "Kith could not render \(template)."
    }

    private func render(_ context: Any, template: String, status: HTTPResponse.Status) -> Response {
        let html = library.render(context, withTemplate: template) ?? "Kith could not render the page \(template)."
        return Self.html(html, status: status)
    }

    /// What the shared layout shows around every page.
    private func layout(title: String, signedIn: SignedIn?, path: String, notice: String?, errors: [FieldError]) -> [String: Any] {
        var context: [String: Any] = [:]
        context["pageTitle"] = (errors.isEmpty ? "" : "Error: ") + title + " – Kith"
        context["heading"] = title
        context["notice"] = notice
        context["errors"] = [[String: String]]()
        if !errors.isEmpty {
            context["errors"] = errors.map { ["field": $0.field, "message": $0.message] }
            for error in errors { context["error_" + error.field] = error.message }
        }
        if let signedIn {
            context["signedIn"] = [
                "name": signedIn.name, "role": signedIn.role.label, "scope": signedIn.scope.description,
            ]
            context["csrf"] = signedIn.csrfToken ?? ""
            context["navigation"] = Self.navigation(for: signedIn, path: path)
        }
        return context
    }

    static func html(_ html: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: html))
        )
    }

    /// The sections an account's role reaches, the current one marked.
    static func navigation(for signedIn: SignedIn, path: String) -> [[String: Any]] {
        let sections: [(href: String, label: String, capability: Capability)] = [
            ("/persons", "Residents", .searchPersons),
            ("/requests", "Help requests", .workRequests),
            ("/tasks", "Your tasks", .doTasks),
            ("/cases", "Your cases", .keepCaseloads),
            ("/outreach", "Contact lists", .viewOutreach),
            ("/places", "Places", .viewPlaces),
            ("/dashboard", "Dashboard", .viewPlaces),
            ("/reports/weekly", "Weekly report", .viewPlaces),
            ("/referrals", "Referrals", signedIn.can(.answerReferrals) ? .answerReferrals : .makeReferrals),
            ("/review", "Review matches", .reviewMatches),
            ("/imports", "Imports", .importLists),
            ("/audit", "Audit trail", .readAudit),
            ("/directory/manage", "Services", .editDirectory),
            ("/volunteers", "Volunteers", .manageVolunteers),
        ]
        return sections.filter { signedIn.can($0.capability) }.map { section in
            ["href": section.href, "label": section.label, "current": path == section.href || path.hasPrefix(section.href + "/")]
        }
    }
}
