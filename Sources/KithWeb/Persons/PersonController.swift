import Foundation
import Hummingbird
import KithAccess
import KithHelpDesk
import KithHelp
import KithOutreach
import KithPersons
import KithSpreadsheet
import KithStore

/// `/persons`: search by name, date of birth, NHS number or postcode, tolerant of typos, within the account's scope;
/// `/persons/{id}`: one view of a resident, and recording a contact with them.
struct PersonController<Linkage: LinkageRepository, Outreach: OutreachRepository>: Sendable {
    typealias Context = WebRequestContext

    let linkage: Linkage
    let outreach: Outreach
    /// Runs a search within the account's scope; KithPersons audits it, as it does the API's.
    let search: ResidentSearch
    /// Loads a resident as the account may see them; KithOutreach audits the view.
    let viewer: ResidentViewer
    /// Records a contact and audits it, as `kith contact` and the API do.
    let contacts: ContactRecorder
    let profiles: ProfileFreshness
    let roles: RoleCheck
    let residents: ResidentCheck
    let pages: PageRenderer

    /// Results on the search page, and how many "Show more results" shows.
    static var pageSize: Int { 25 }
    static var pageLimit: Int { 100 }

    func addRoutes(to group: RouterGroup<Context>) {
        group.get("persons", use: find)
        group.get("persons/:id", use: show)
        group.post("persons/:id/contacts", use: recordContact)
    }

    /// The search box, and what the text in it finds; text too long to search is refused on the page (400).
    @Sendable func find(_ request: Request, context: Context) async throws -> Response {
        let signedIn = try await roles.require(.searchPersons, request, context)
        let query = FormFields.query(of: request)
        let text = query.text("q") ?? ""
        let limit = min(Self.pageLimit, max(Self.pageSize, query.text("limit").flatMap(Int.init) ?? Self.pageSize))
        if text.count > PersonSearchQuery.maximumTextLength {
            let tooLong = PageRenderer.FieldError(field: "q", message: ResidentSearch.tooLong)
            return pages.page(
                "persons", title: "Find a resident", model: PersonSearchPage(text: text, searched: false), signedIn: signedIn,
                path: request.uri.path, errors: [tooLong], status: .badRequest
            )
        }
        guard !text.isEmpty else {
            return pages.page(
                "persons", title: "Find a resident", model: PersonSearchPage(text: text, searched: false), signedIn: signedIn,
                path: request.uri.path
            )
        }
        let found = try await search.run(text, for: signedIn, limit: limit)
        let more: String? =
            if found.answer.matchCount > found.answer.results.count && limit < Self.pageLimit {
                "/persons?q=\(text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")&limit=\(Self.pageLimit)"
            } else { nil }
        let fields = ResidentFields.fields(for: signedIn.role)
        var model = PersonSearchPage(text: text, query: found.query, answer: found.answer, showsSources: fields.showsEveryService, more: more)
        model.takesRequests = signedIn.can(.takeRequests)
        return pages.page("persons", title: "Find a resident", model: model, signedIn: signedIn, path: request.uri.path)
    }

    /// One resident across the lists the account may see; a merged id leads to the person it was merged into.
    @Sendable func show(_ request: Request, context: Context) async throws -> Response {
        let signedIn = try await roles.require(.viewPersons, request, context)
        let personID = try context.parameters.require("id")
        let path = request.uri.path
        if let merged = try await linkage.currentID(ofPerson: personID), merged != personID {
            try await requireResident(personID, for: signedIn, path: path)
            return WebApp.redirect(to: "/persons/\(merged)")
        }
        try await profiles.ensureCurrent()
        let (viewer, residents) = (viewer, residents)
        // The scope, the card and the household's reach are read, and the view audited, off the request's thread.
        let (view, visibleMembers) = try await offload {
            let view = try viewer.view(personID, for: signedIn, path: path, purpose: "web: person page")
            return (view, view.fields.showsHousehold ? try residents.residents(of: signedIn).personIDs() : [])
        }
        let current = view.card.profile.personID
        let history = view.fields.showsReasons ? try await outreach.recentScores(ofPerson: current, limit: 12) : []
        var model = PersonPage(
            card: view.card, profile: view.profile, fields: view.fields, history: history, visibleMembers: visibleMembers,
            canRecordContacts: signedIn.can(.recordContacts), today: .ukToday
        )
        let database = residents.database
        (model.referrals, model.referHref) = try await offload {
            let access = ReferralAccess(database: database, signedIn: signedIn)
            let records = try access.referrals(ofPerson: current)
            let steps = Dictionary(grouping: try database.referrals.steps(ofReferrals: records.map(\.id)), by: \.referralId)
            let rows = try records.map { record in
                let name = try database.directory.service(id: record.serviceId)?.name ?? record.serviceId
                return ReferralRow(record, serviceName: name, steps: steps[record.id] ?? [])
            }
            return (rows, try access.mayRefer(current) ? "/referrals/new?person=\(current)" : nil)
        }
        let works = signedIn.can(.workRequests)
        let help: ([PersonHelpRequest], LeadProfessionalRecord?) = try await offload {
            let records = works ? try database.help.requests(ofPersons: [current]) : []
            return (records.map(PersonHelpRequest.init), try Caseloads(database: database).lead(of: current, for: signedIn))
        }
        model.requests = help.0
        model.lead = help.1?.worker
        model.nextContact = help.1?.nextContactOn
        model.showsRequests = signedIn.can(.workRequests)
        model.takeRequestHref = signedIn.can(.takeRequests) ? "/requests/new?person=\(current)" : nil
        model.canKeepCase = signedIn.can(.keepCaseloads)
        let notice = FormFields.query(of: request).text("recorded").map { _ in "Contact recorded." }
        let title = view.profile.name.isEmpty ? current : view.profile.name
        return pages.page("person", title: title, model: model, signedIn: signedIn, path: path, notice: notice)
    }

    /// Records a contact with a resident in the account's scope, then goes back to where the form was sent from.
    @Sendable func recordContact(_ request: Request, context: Context) async throws -> Response {
        let signedIn = try await roles.require(.recordContacts, request, context)
        let personID = try context.parameters.require("id")
        try await requireResident(personID, for: signedIn, path: request.uri.path)
        var request = request
        let form = try await FormFields.read(&request, context: context)
        var errors: [PageRenderer.FieldError] = []
        let outcome = form.text("outcome").flatMap(ContactRecord.Outcome.init(rawValue:))
        if outcome == nil { errors.append(.init(field: "outcome", message: "Choose what happened")) }
        let date = form.text("on").flatMap { CivilDate(iso: $0) }
        if date == nil {
            errors.append(.init(field: "on", message: "Enter the date of the contact as a date, like 2026-11-16"))
        } else if let date, date > CivilDate.ukToday {
            errors.append(.init(field: "on", message: "The date of the contact must be today or in the past"))
        }
        let note = form.text("note")
        if let note, note.count > 2000 { errors.append(.init(field: "note", message: "The note must be 2,000 characters or fewer")) }
        guard errors.isEmpty, let outcome, let date else {
            let model = ContactNotRecordedPage(
                message: errors.map(\.message).joined(separator: ". ") + ".",
                link: .init(href: "/persons/\(personID)#record-contact", label: "Back to the person")
            )
            return pages.page(
                "message", title: "The contact was not recorded", model: model, signedIn: signedIn, path: request.uri.path,
                errors: errors, status: .unprocessableContent
            )
        }
        let contacts = contacts
        _ = try await offload { try contacts.record(personID: personID, outcome: outcome, on: date, note: note, by: signedIn.name) }
        return WebApp.redirect(to: WebApp.localPath(form.text("return")) ?? "/persons/\(personID)?recorded=1")
    }

    /// Throws "not found" unless the account's scope reaches the person (a refusal is audited), reading the scope
    /// off the request's thread.
    private func requireResident(_ personID: String, for signedIn: SignedIn, path: String) async throws {
        let residents = residents
        try await offload { try residents.require(personID, for: signedIn, path: path) }
    }
}

/// What `message.mustache` shows when a contact could not be recorded: what was wrong, and the way back to the form.
struct ContactNotRecordedPage {
    /// The way back.
    struct Link {
        var href: String
        var label: String
    }

    var message: String
    var link: Link
}
