import Foundation
import Hummingbird
import KithAccess
import KithDirectory
import KithOutreach
import KithReferrals
import KithSpreadsheet
import KithStore

/// `/referrals`: the referrals an account sent and those to its organisation; `/referrals/new`: refer a resident to
/// a directory service; `/referrals/{id}`: one referral with its steps, the service's answers and the referrer's
/// withdrawal, and after a decline other services with capacity. KithAccess says who may see and do what; KithReferrals
/// does it and audits it.
struct ReferralController<Referrals: ReferralRepository, Directory: DirectoryRepository>: Sendable {
    typealias Context = WebRequestContext

    let referrals: Referrals
    let directory: Directory
    let database: any Store
    let desk: ReferralDesk
    let roles: RoleCheck
    let residents: ResidentCheck
    let audit: AuditTrail
    let pages: PageRenderer

    func addRoutes(to group: RouterGroup<Context>) {
        group.get("referrals", use: list)
        group.get("referrals/new", use: newReferral)
        group.post("referrals", use: create)
        group.get("referrals/:referral", use: show)
        group.post("referrals/:referral/steps", use: answer)
    }

    /// The referrals the account sent, those to its organisation and, for whoever sees every resident, all of them.
    @Sendable func list(_ request: Request, context: Context) async throws -> Response {
        let signedIn = try roles.signedIn(request, context)
        let access = ReferralAccess(database: database, signedIn: signedIn)
        let (referrals, directory) = (referrals, directory)
        let groups = try await offload {
            let services = Dictionary(try directory.listing().map { ($0.service.id, $0.service.name) }, uniquingKeysWith: { a, _ in a })
            var groups: [ReferralListPage.Group] = []
            if signedIn.can(.makeReferrals) {
                groups.append(
                    .init(id: "sent", title: "Sent by you", rows: ReferralListPage.rows(try access.sent(), services: services, showsPersonIDs: true)))
            }
            if signedIn.can(.answerReferrals), signedIn.role == .partner {
                groups.append(
                    .init(
                        id: "incoming", title: "To \(signedIn.account.organisation ?? "your organisation")",
                        rows: ReferralListPage.rows(try access.incoming(), services: services, showsPersonIDs: false)))
            }
            if signedIn.role.seesEveryone {
                groups.append(
                    .init(
                        id: "all", title: "Every referral",
                        rows: ReferralListPage.rows(try referrals.allReferrals(), services: services, showsPersonIDs: true))
                )
            }
            return groups
        }
        return pages.page("referrals", title: "Referrals", model: ReferralListPage(groups: groups), signedIn: signedIn, path: request.uri.path)
    }

    /// The referral form for a resident in the account's scope, a service and need chosen if the link gives them.
    @Sendable func newReferral(_ request: Request, context: Context) async throws -> Response {
        let signedIn = try await roles.require(.makeReferrals, request, context)
        let query = FormFields.query(of: request)
        guard let personID = query.text("person") else { throw WebError.badRequest("Choose a resident to refer, from their page.") }
        try await requireResident(personID, for: signedIn, path: request.uri.path)
        let form = ReferralForm(personID: personID, serviceID: query.text("service"), need: query.text("need"))
        return try await formPage(form, for: signedIn, path: request.uri.path)
    }

    /// Sends a referral; a form with mistakes comes back with each on its field.
    @Sendable func create(_ request: Request, context: Context) async throws -> Response {
        let signedIn = try await roles.require(.makeReferrals, request, context)
        var request = request
        let fields = try await FormFields.read(&request, context: context)
        let form = ReferralForm(fields)
        try await requireResident(form.personID, for: signedIn, path: request.uri.path)
        var errors = form.errors
        if errors.isEmpty, let wanted = form.request {
            let desk = desk
            do {
                let referral = try await offload { try desk.refer(wanted, by: signedIn, via: .web) }
                return WebApp.redirect(to: "/referrals/\(referral.id)?sent=1")
            } catch let error as ReferralError {
                errors.append(.init(field: "reason", message: error.description))
            } catch ReferralActionError.unknownService {
                errors.append(.init(field: "service", message: ReferralActionError.unknownService.description))
            }
        }
        return try await formPage(form, for: signedIn, path: request.uri.path, errors: errors)
    }

    /// One referral, for whoever may see it; the view is audited.
    @Sendable func show(_ request: Request, context: Context) async throws -> Response {
        let signedIn = try roles.signedIn(request, context)
        let id = try context.parameters.require("referral")
        let record = try await visibleReferral(id, for: signedIn, path: request.uri.path)
        let (audit, path) = (audit, request.uri.path)
        try await offload {
            try audit.record(.viewReferral, by: signedIn.name, subject: record.id, personIDs: [record.personId], detail: "web: \(path)")
        }
        let query = FormFields.query(of: request)
        let notice = query.text("sent") != nil ? "Referral sent." : query.text("answered") != nil ? "Referral updated." : nil
        return try await referralPage(record, for: signedIn, path: path, notice: notice)
    }

    /// Accepts, declines (with a reason), completes (with an outcome) or withdraws a referral.
    @Sendable func answer(_ request: Request, context: Context) async throws -> Response {
        let signedIn = try roles.signedIn(request, context)
        let id = try context.parameters.require("referral")
        let record = try await visibleReferral(id, for: signedIn, path: request.uri.path)
        var request = request
        let form = try await FormFields.read(&request, context: context)
        guard let status = form.text("status").flatMap(ReferralStatus.init(rawValue:)), status != .sent else {
            throw WebError.badRequest("Choose accept, decline, complete or withdraw.")
        }
        let note = form.text(status == .declined ? "decline_reason" : status == .completed ? "outcome" : "note")
        var errors: [PageRenderer.FieldError] = []
        if status == .declined, note == nil { errors.append(.init(field: "decline_reason", message: "Say why the service cannot help")) }
        if status == .completed, note == nil { errors.append(.init(field: "outcome", message: "Say what came of the referral")) }
        if let note, note.count > 2000 {
            errors.append(.init(field: status == .declined ? "decline_reason" : "outcome", message: "Write 2,000 characters or fewer"))
        }
        if errors.isEmpty {
            let desk = desk
            do {
                _ = try await offload { try desk.answer(record.id, status, note: note, by: signedIn, via: .web) }
                return WebApp.redirect(to: "/referrals/\(record.id)?answered=1")
            } catch ReferralActionError.notAllowed {
                throw WebError.notFound
            } catch let error as ReferralError {
                errors.append(.init(field: "status", message: error.description))
            } catch let error as ReferralStoreError {
                errors.append(.init(field: "status", message: error.description))
            }
        }
        return try await referralPage(
            record, for: signedIn, path: request.uri.path, errors: errors,
            typed: (status == .declined ? note : nil, status == .completed ? note : nil))
    }

    // MARK: Pages

    private func formPage(
        _ form: ReferralForm, for signedIn: SignedIn, path: String, errors: [PageRenderer.FieldError] = []
    ) async throws -> Response {
        let (directory, database) = (directory, database)
        let (listing, terms, name) = try await offload {
            let profile = try PersonProfileReader(database: database, referenceDate: .ukToday).profile(of: form.personID)
            return (try directory.listing(), try directory.taxonomyTerms(), profile?.name ?? "")
        }
        let model = form.page(personName: name, listing: listing, needs: terms.map(\.term))
        return pages.page(
            "referral-new", title: "Refer a resident to a service", model: model, signedIn: signedIn, path: path, errors: errors,
            status: errors.isEmpty ? .ok : .unprocessableContent)
    }

    private func referralPage(
        _ record: ReferralRecord, for signedIn: SignedIn, path: String, notice: String? = nil, errors: [PageRenderer.FieldError] = [],
        typed: (declineReason: String?, outcome: String?) = (nil, nil)
    ) async throws -> Response {
        let (referrals, directory, database, desk) = (referrals, directory, database, desk)
        let access = ReferralAccess(database: database, signedIn: signedIn)
        let model = try await offload {
            let current = try referrals.referral(id: record.id) ?? record
            let steps = try referrals.steps(ofReferrals: [current.id])
            let service = try directory.service(id: current.serviceId)
            let declined = current.status == ReferralStatus.declined.rawValue
            let showsSuggestions = declined && !access.isOwnOrganisation(current) && signedIn.can(.makeReferrals)
            let suggestions = try showsSuggestions ? desk.suggestions(after: current) : []
            return ReferralPageModel.make(
                current, steps: steps, serviceName: service?.name ?? current.serviceId, access: access,
                seesRecord: try access.seesRecord(of: current),
                suggestions: suggestions, showsSuggestions: showsSuggestions, typed: typed)
        }
        return pages.page(
            "referral", title: "Referral \(record.id)", model: model, signedIn: signedIn, path: path, notice: notice, errors: errors,
            status: errors.isEmpty ? .ok : .unprocessableContent)
    }

    /// The referral, if the account may see it; otherwise "not found", the refusal audited.
    private func visibleReferral(_ id: String, for signedIn: SignedIn, path: String) async throws -> ReferralRecord {
        let check = ReferralCheck(database: database, audit: audit)
        return try await offload { try check.require(id, for: signedIn, path: path) }
    }

    private func requireResident(_ personID: String, for signedIn: SignedIn, path: String) async throws {
        let residents = residents
        try await offload { try residents.require(personID, for: signedIn, path: path) }
    }
}

extension WebApp {
    /// `/referrals`, over the store's referral and directory repositories, opened from their existentials here so that
    /// the controller is specialised for the store's own types.
    func addReferralController(to group: RouterGroup<WebRequestContext>) {
        func add(_ referrals: some ReferralRepository, _ directory: some DirectoryRepository) {
            ReferralController(
                referrals: referrals, directory: directory, database: database, desk: ReferralDesk(database: database), roles: roles,
                residents: residentCheck, audit: AuditTrail(database: database), pages: pages
            ).addRoutes(to: group)
        }
        add(database.referrals, database.directory)
    }
}
