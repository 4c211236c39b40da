import Foundation
import HTTPTypes
import Hummingbird
import KithAccess
import KithOutreach
import KithPersons
import KithReferrals
import KithSpreadsheet
import KithStore

/// The JSON API under `/api`, authenticated by bearer tokens: the same operations as the pages, with the same role
/// checks, scopes, minimum fields and audit trail (written by the libraries that do each action).
struct APIController<Linkage: LinkageRepository, Audit: AuditRepository>: Sendable {
    typealias Context = WebRequestContext

    /// The review queue.
    let linkage: Linkage
    /// The audit trail, read by `GET /api/audit`.
    let audit: Audit
    let lists: ContactLists
    /// Records a verdict and audits it, as the review page and `kith review --decide` do.
    let decisions: MatchReview
    /// Records a contact and audits it, as the person page and `kith contact` do.
    let contacts: ContactRecorder
    let roles: RoleCheck
    /// The person search within an account's scope, audited by KithPersons, as the search page's is.
    let search: ResidentSearch
    /// One resident as an account may see them, the view audited, as the person page's is.
    let viewer: ResidentViewer
    let residents: ResidentCheck

    func addRoutes(to group: RouterGroup<Context>) {
        group.get("openapi.json", use: openAPIDocument)
        group.get("me", use: account)
        group.get("persons", use: search)
        group.get("persons/:id", use: person)
        group.post("persons/:id/contacts", use: recordContact)
        group.get("outreach", use: contactList)
        group.get("review", use: reviewQueue)
        group.post("review", use: decide)
        group.get("audit", use: auditTrail)
    }

    /// `GET /api/openapi.json`: the API's description, open to anyone.
    @Sendable func openAPIDocument(_ request: Request, context: Context) async throws -> Response {
        Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: OpenAPIDocument.json)))
    }

    /// `GET /api/me`: the token's account, role, scope and what it may do.
    @Sendable func account(_ request: Request, context: Context) async throws -> Response {
        let signedIn = try roles.signedIn(request, context)
        return try WebApp.json(
            APIAccount(
                name: signedIn.name, role: signedIn.role.rawValue, scope: signedIn.scope.description,
                capabilities: signedIn.role.capabilities.map(\.rawValue).sorted()
            )
        )
    }

    /// `GET /api/persons?q=`: a person search within the account's scope, audited as the search page's is.
    @Sendable func search(_ request: Request, context: Context) async throws -> Response {
        let signedIn = try await roles.require(.searchPersons, request, context)
        let query = FormFields.query(of: request)
        guard let text = query.text("q") else { throw WebError.badRequest("Give the search as ?q=, e.g. ?q=Amara%20Okafor%201984-03-12.") }
        let limit = min(200, max(1, query.text("limit").flatMap(Int.init) ?? 50))
        let found = try await search.run(text, for: signedIn, limit: limit)
        let showsSources = ResidentFields.fields(for: signedIn.role).showsEveryService
        return try WebApp.json(
            APISearchResults(
                matchCount: found.answer.matchCount, isMatchCountCapped: found.answer.isMatchCountCapped,
                results: found.answer.results.map { result in
                    APISearchResult(
                        personId: result.personID, name: result.displayName, birthDate: result.birthDate?.description,
                        postcode: result.postcode, sources: showsSources ? result.sources : nil,
                        why: PersonSearchPage.explanation(of: result)
                    )
                }
            )
        )
    }

    /// `GET /api/persons/:id`: one resident, with the fields the role may see; the view is audited.
    @Sendable func person(_ request: Request, context: Context) async throws -> Response {
        let signedIn = try await roles.require(.viewPersons, request, context)
        let personID = try context.parameters.require("id")
        try await lists.profiles.ensureCurrent()
        let (viewer, path) = (viewer, request.uri.path)
        let view = try await offload { try viewer.view(personID, for: signedIn, path: path, purpose: "api: person") }
        return try WebApp.json(APIPerson(card: view.card, profile: view.profile, fields: view.fields))
    }

    /// `POST /api/persons/:id/contacts`: records a contact with a resident in scope (201); KithOutreach audits it.
    @Sendable func recordContact(_ request: Request, context: Context) async throws -> Response {
        let signedIn = try await roles.require(.recordContacts, request, context)
        let personID = try context.parameters.require("id")
        let (residents, path) = (residents, request.uri.path)
        try await offload { try residents.require(personID, for: signedIn, path: path) }
        let body = try await request.decode(as: APIContactRequest.self, context: context)
        guard let outcome = ContactRecord.Outcome(rawValue: body.outcome) else {
            throw WebError.badRequest("outcome must be one of: " + ContactRecord.Outcome.allCases.map(\.rawValue).joined(separator: ", "))
        }
        let date =
            try body.on.map { text in
                guard let date = CivilDate(iso: text), date <= CivilDate.ukToday else {
                    throw WebError.badRequest("on must be a date (yyyy-mm-dd), today or earlier.")
                }
                return date
            } ?? CivilDate.ukToday
        let (contacts, note, recorder) = (contacts, body.note.map { String($0.prefix(2000)) }, signedIn.name)
        // Recording brings the person's kept profile up to date: store work, off the request threads.
        let contact = try await offload { try contacts.record(personID: personID, outcome: outcome, on: date, note: note, by: recorder) }
        return try WebApp.json(
            APIContact(
                id: contact.id ?? 0, personId: contact.personId, outcome: contact.outcome.rawValue, on: contact.contactedOn,
                note: contact.note, recordedBy: contact.recordedBy
            ),
            status: .created
        )
    }

    /// `GET /api/outreach`: the first `limit` (500 by default) people of the contact list the filters ask for, within
    /// the account's scope; KithOutreach audits the view, as it does the page's.
    @Sendable func contactList(_ request: Request, context: Context) async throws -> Response {
        let signedIn = try await roles.require(.viewOutreach, request, context)
        let (filter, filterErrors) = ContactLists.filter(FormFields.query(of: request), for: signedIn)
        if let problem = filterErrors.first { throw WebError.badRequest(problem.message + ".") }
        let visible = try await lists.visible(to: signedIn)
        let list = try await lists.first(filter.limit ?? 500, of: filter, for: signedIn, reaching: visible, through: .api)
        let fields = ResidentFields.fields(for: signedIn.role)
        return try WebApp.json(
            APIOutreach(
                asOf: list.run.referenceDate, filter: filter.description, count: list.listedCount,
                entries: list.entries.map { APIOutreachEntry(entry: $0, fields: fields) }
            )
        )
    }

    /// `GET /api/review`: how many pairs wait for review, and the first `limit` (50 by default) of them.
    @Sendable func reviewQueue(_ request: Request, context: Context) async throws -> Response {
        _ = try await roles.require(.reviewMatches, request, context)
        let limit = min(500, max(1, FormFields.query(of: request).text("limit").flatMap(Int.init) ?? 50))
        let head = try await linkage.reviewQueueHead(limit: limit)
        return try WebApp.json(
            APIReviewQueue(
                waiting: head.waiting,
                pairs: head.pairs.map { APIReviewPair(leftRowId: $0.leftRowId, rightRowId: $0.rightRowId, matchProbability: $0.matchProbability) }
            )
        )
    }

    /// `POST /api/review`: records "same" or "different" on a pair (201); KithPersons audits it.
    @Sendable func decide(_ request: Request, context: Context) async throws -> Response {
        let signedIn = try await roles.require(.reviewMatches, request, context)
        let body = try await request.decode(as: APIDecisionRequest.self, context: context)
        guard ["same", "different"].contains(body.verdict) else { throw WebError.badRequest("verdict must be same or different.") }
        let (decisions, reviewer) = (decisions, signedIn.name)
        _ = try await offload {
            try decisions.decide(
                leftRowId: body.leftRowId, rightRowId: body.rightRowId, verdict: body.verdict == "same" ? .same : .different,
                by: reviewer, note: body.note, through: .api
            )
        }
        return try WebApp.json(["recorded": body.verdict], status: .created)
    }

    /// `GET /api/audit`: the audit trail's entries the filters ask for, the latest first, a page at a time.
    @Sendable func auditTrail(_ request: Request, context: Context) async throws -> Response {
        _ = try await roles.require(.readAudit, request, context)
        let query = FormFields.query(of: request)
        var (filter, filterErrors) = AuditFilter.query(query)
        if let problem = filterErrors.first { throw WebError.badRequest(problem.message + ".") }
        filter.limit = min(1000, max(1, query.text("limit").flatMap(Int.init) ?? 100))
        filter.offset = max(0, query.text("offset").flatMap(Int.init) ?? 0)
        let page = try await audit.eventPage(filter)
        return try WebApp.json(
            page.events.map { event in
                APIAuditEvent(
                    id: event.id ?? 0, at: event.at, actor: event.actor, action: event.action, subject: event.subject,
                    personCount: event.personCount, personIds: page.personIds[event.id ?? 0] ?? [], detail: event.detail
                )
            }
        )
    }
}

extension WebApp {
    /// `/api`, over the store's linkage, audit and import repositories. Each is opened from its existential here so
    /// that the controllers are specialised for the store's own types.
    func addAPIControllers(to group: RouterGroup<WebRequestContext>) {
        func add(_ linkage: some LinkageRepository, _ audit: some AuditRepository, _ imports: some ImportRepository) {
            APIController(
                linkage: linkage, audit: audit, lists: contactLists, decisions: MatchReview(database: database),
                contacts: ContactRecorder(database: database), roles: roles, search: residentSearch, viewer: residentViewer,
                residents: residentCheck
            )
            .addRoutes(to: group)
            ImportAPIController(imports: imports, roles: roles, importer: self).addRoutes(to: group)
        }
        addDirectoryAPIController(to: group)
        add(database.linkage, database.audit, database.imports)
        func addReferrals(_ referrals: some ReferralRepository) {
            ReferralAPIController(
                referrals: referrals, database: database, desk: ReferralDesk(database: database), roles: roles, residents: residentCheck,
                audit: AuditTrail(database: database)
            ).addRoutes(to: group)
        }
        addReferrals(database.referrals)
    }

    /// A JSON answer as the API writes every one: keys sorted, slashes unescaped.
    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(value)
        return Response(status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
