import Foundation
import HTTPTypes
import Hummingbird
import KithAccess
import KithOutreach
import KithPersons
import KithSpreadsheet
import KithStore
import KithVulnerability

extension WebApp {
    /// The JSON API under `/api`, authenticated by bearer tokens: the same operations as the pages, with the same
    /// role checks, scopes, minimum fields and audit trail.
    func addAPIRoutes(to router: RouterGroup<WebRequestContext>) {
        router.get("openapi.json") { _, _ -> Response in
            Response(
                status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: OpenAPIDocument.json))
            )
        }
        router.get("me") { request, context -> Response in
            let signedIn = try requireSignedIn(request, context)
            return try Self.json(
                APIAccount(name: signedIn.name, role: signedIn.role.rawValue, scope: signedIn.scope.description,
                           capabilities: signedIn.role.capabilities.map(\.rawValue).sorted())
            )
        }
        router.get("persons") { request, context -> Response in
            let signedIn = try require(.searchPersons, request, context)
            let query = FormFields.query(of: request)
            guard let text = query.text("q") else { throw WebError.badRequest("Give the search as ?q=, e.g. ?q=Amara%20Okafor%201984-03-12.") }
            let limit = min(200, max(1, query.text("limit").flatMap(Int.init) ?? 50))
            let found = try await searchPersons(text, for: signedIn, limit: limit)
            let showsSources = ResidentFields.fields(for: signedIn.role).showsEveryService
            return try Self.json(
                APISearchResults(
                    matchCount: found.answer.matchCount, isMatchCountCapped: found.answer.isMatchCountCapped,
                    results: found.answer.results.map { result in
                        APISearchResult(
                            personId: result.personID, name: result.displayName, birthDate: result.birthDate?.description,
                            postcode: result.postcode, sources: showsSources ? result.sources : nil, why: Self.explanation(of: result)
                        )
                    }
                )
            )
        }
        router.get("persons/:id") { request, context -> Response in
            let signedIn = try require(.viewPersons, request, context)
            let personID = try context.parameters.require("id")
            try await profiles.ensureCurrent()
            let (card, profile, fields) = try residentView(personID, for: signedIn, path: request.uri.path, purpose: "api: person")
            return try Self.json(APIPerson(card: card, profile: profile, fields: fields))
        }
        router.post("persons/:id/contacts") { request, context -> Response in
            let signedIn = try require(.recordContacts, request, context)
            let personID = try context.parameters.require("id")
            try requireResident(personID, for: signedIn, path: request.uri.path)
            let body = try await request.decode(as: APIContactRequest.self, context: context)
            guard let outcome = ContactRecord.Outcome(rawValue: body.outcome) else {
                throw WebError.badRequest("outcome must be one of: " + ContactRecord.Outcome.allCases.map(\.rawValue).joined(separator: ", "))
            }
            let date = try body.on.map { text in
                guard let date = CivilDate(iso: text), date <= CivilDate.ukToday else {
                    throw WebError.badRequest("on must be a date (yyyy-mm-dd), today or earlier.")
                }
                return date
            } ?? CivilDate.ukToday
            let contact = try ContactRecorder(database: database).record(
                personID: personID, outcome: outcome, on: date, note: body.note.map { String($0.prefix(2000)) }, by: signedIn.name
            )
            return try Self.json(
                APIContact(id: contact.id ?? 0, personId: contact.personId, outcome: contact.outcome.rawValue, on: contact.contactedOn,
                           note: contact.note, recordedBy: contact.recordedBy),
                status: .created
            )
        }
        router.get("outreach") { request, context -> Response in
            let signedIn = try require(.viewOutreach, request, context)
            let (filter, filterErrors) = outreachFilter(FormFields.query(of: request), for: signedIn)
            if let problem = filterErrors.first { throw WebError.badRequest(problem.message + ".") }
            let list = try await contactList(filter, for: signedIn, reaching: try residents(of: signedIn).personIDs(), reading: filter.limit ?? 500)
            let entries = Array(list.entries.prefix(filter.limit ?? 500))
            try AuditTrail(database: database).record(
                .viewOutreach, by: signedIn.name, subject: "api: contact list", personIDs: entries.map(\.profile.personID), detail: filter.description
            )
            let fields = ResidentFields.fields(for: signedIn.role)
            return try Self.json(
                APIOutreach(
                    asOf: list.run.referenceDate, filter: filter.description, count: list.listedCount,
                    entries: entries.map { APIOutreachEntry(entry: $0, fields: fields) }
                )
            )
        }
        router.get("review") { request, context -> Response in
            _ = try require(.reviewMatches, request, context)
            let limit = min(500, max(1, FormFields.query(of: request).text("limit").flatMap(Int.init) ?? 50))
            return try Self.json(
                APIReviewQueue(
                    waiting: try database.linkage.reviewQueueCount(),
                    pairs: try database.linkage.reviewQueue(limit: limit, offset: 0).map {
                        APIReviewPair(leftRowId: $0.leftRowId, rightRowId: $0.rightRowId, matchProbability: $0.matchProbability)
                    }
                )
            )
        }
        router.post("review") { request, context -> Response in
            let signedIn = try require(.reviewMatches, request, context)
            let body = try await request.decode(as: APIDecisionRequest.self, context: context)
            guard ["same", "different"].contains(body.verdict) else { throw WebError.badRequest("verdict must be same or different.") }
            try MatchReview(database: database).decide(
                leftRowId: body.leftRowId, rightRowId: body.rightRowId, verdict: body.verdict == "same" ? .same : .different,
                by: signedIn.name, note: body.note, through: .api
            )
            return try Self.json(["recorded": body.verdict], status: .created)
        }
        router.get("audit") { request, context -> Response in
            _ = try require(.readAudit, request, context)
            let query = FormFields.query(of: request)
            var (filter, filterErrors) = Self.auditQuery(query)
            if let problem = filterErrors.first { throw WebError.badRequest(problem.message + ".") }
            filter.limit = min(1000, max(1, query.text("limit").flatMap(Int.init) ?? 100))
            filter.offset = max(0, query.text("offset").flatMap(Int.init) ?? 0)
            let events = try database.audit.events(filter)
            let persons = try database.audit.personIds(ofEvents: events.compactMap(\.id))
            return try Self.json(
                events.map { event in
                    APIAuditEvent(id: event.id ?? 0, at: event.at, actor: event.actor, action: event.action, subject: event.subject,
                                  personCount: event.personCount, personIds: persons[event.id ?? 0] ?? [], detail: event.detail)
                }
            )
        }
    }

    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(value)
        return Response(status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
