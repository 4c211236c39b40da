import Foundation
import Hummingbird
import KithAccess
import KithHelp
import KithHelpDesk
import KithSpreadsheet
import KithStore

/// `/cases`: a worker's own cases as lead professional, overdue follow-ups first, each with its next contact date
/// to change; `POST /cases` makes a worker (the account itself unless another is named) a resident's lead
/// professional, from the person page or the contact list. KithHelpDesk's `Caseloads` holds the rules and audits.
struct CaseController: Sendable {
    typealias Context = WebRequestContext

    let caseloads: Caseloads
    let roles: RoleCheck
    let pages: PageRenderer

    func addRoutes(to group: RouterGroup<Context>) {
        group.get("cases", use: list)
        group.post("cases", use: assign)
    }

    @Sendable func list(_ request: Request, context: Context) async throws -> Response {
        let signedIn = try await roles.require(.keepCaseloads, request, context)
        let caseloads = caseloads
        let cases = try await offload { try caseloads.cases(of: signedIn, via: .web) }
        let notice = FormFields.query(of: request).text("saved") != nil ? "Saved." : nil
        return pages.page("help-cases", title: "Your cases", model: CasesPage(cases), signedIn: signedIn, path: request.uri.path, notice: notice)
    }

    @Sendable func assign(_ request: Request, context: Context) async throws -> Response {
        let signedIn = try await roles.require(.keepCaseloads, request, context)
        var request = request
        let form = try await FormFields.read(&request, context: context)
        guard let personID = form.text("person") else { throw WebError.badRequest("Choose a resident.") }
        let next = form.text("next-contact")
        guard next == nil || CivilDate(iso: next ?? "") != nil else { throw WebError.badRequest("Enter the next contact date as 2026-12-07.") }
        let caseloads = caseloads
        do {
            _ = try await offload {
                try caseloads.assign(personID, to: form.text("worker"), nextContactOn: next.flatMap(CivilDate.init(iso:)), by: signedIn, via: .web)
            }
        } catch HelpDeskError.unknownPerson {
            throw WebError.notFound
        } catch let error as HelpDeskError {
            throw WebError.badRequest(error.description)
        }
        return WebApp.redirect(to: WebApp.localPath(form.text("return")) ?? "/cases?saved=1")
    }
}

/// What `help-cases.mustache` shows.
struct CasesPage {
    struct Row {
        var personID: String
        var name: String
        var band: String?
        var bandTag: String
        var next: String
        var nextOn: String
        var dueTag: String
        var lastContact: String
        var team: String?
    }

    var rows: [Row]
    var overdue: Int

    init(_ cases: [Caseloads.Case]) {
        rows = cases.map { item in
            Row(
                personID: item.personID, name: item.name, band: item.band.map { $0.prefix(1).uppercased() + $0.dropFirst() },
                bandTag: "tag--" + (item.band ?? "grey").lowercased(),
                next: item.due.map { $0.rawValue.prefix(1).uppercased() + $0.rawValue.dropFirst() } ?? "Not set",
                nextOn: item.nextContactOn?.description ?? "",
                dueTag: item.due == .overdue ? "tag--red" : item.due == .today ? "tag--amber" : "tag--grey",
                lastContact: item.lastContact?.description ?? "none known", team: item.team)
        }
        overdue = cases.filter { $0.due == .overdue }.count
    }
}

extension WebApp {
    func addCaseController(to group: RouterGroup<WebRequestContext>) {
        CaseController(caseloads: Caseloads(database: database), roles: roles, pages: pages).addRoutes(to: group)
    }
}
