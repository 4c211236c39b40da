import Foundation
import Hummingbird
import KithAccess
import KithPersons
import KithSpreadsheet
import KithStore

extension WebApp {
    /// `/persons`: search by name, date of birth, NHS number or postcode, tolerant of typos, within the account's scope.
    func addPersonSearchRoutes(to router: RouterGroup<WebRequestContext>) {
        router.get("persons") { request, context -> Response in
            let signedIn = try require(.searchPersons, request, context)
            let query = FormFields.query(of: request)
            let text = query.text("q") ?? ""
            let limit = min(Self.searchPageLimit, max(Self.searchPageSize, query.text("limit").flatMap(Int.init) ?? Self.searchPageSize))
            var values: [String: Any] = ["q": text, "searched": !text.isEmpty]
            if text.count > PersonSearchQuery.maximumTextLength {
                values["searched"] = false
                return pages.page(
                    "persons", title: "Find a resident", values: values, signedIn: signedIn, path: request.uri.path,
                    errors: [PageRenderer.FieldError(field: "q", message: Self.searchTooLong)], status: .badRequest
                )
            }
            if !text.isEmpty {
                let found = try await searchPersons(text, for: signedIn, limit: limit)
                if found.answer.matchCount > found.answer.results.count && limit < Self.searchPageLimit {
                    values["more"] = "/persons?q=\(text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")&limit=\(Self.searchPageLimit)"
                }
                let fields = ResidentFields.fields(for: signedIn.role)
                values["count"] = found.answer.matchCountText
                values["results"] = found.answer.results.map { result in
                    [
                        "personID": result.personID, "name": result.displayName, "birthDate": result.birthDate?.description ?? "",
                        "postcode": result.postcode ?? "", "sources": fields.showsEveryService ? result.sources.joined(separator: "; ") : "",
                        "why": Self.explanation(of: result),
                    ] as [String: Any]
                }
                values["showsSources"] = fields.showsEveryService
                if found.query.isEmpty {
                    values["hint"] = "Type a name, a date of birth (like 12/03/1984), an NHS number or a postcode."
                } else if found.query.hasOnlyInitials {
                    values["hint"] = "An initial alone matches too many people: add a name, a date of birth or a postcode."
                }
                if !found.query.ignoredWords.isEmpty {
                    values["ignored"] = Self.ignoredText(found.query.ignoredWords)
                }
            }
            return pages.page("persons", title: "Find a resident", values: values, signedIn: signedIn, path: request.uri.path)
        }
    }

    /// Results on the search page, and how many "show more" shows.
    static let searchPageSize = 25
    static let searchPageLimit = 100

    /// What a search longer than ``PersonSearchQuery/maximumTextLength`` characters is told, on the page and by the API.
    static let searchTooLong = "Search for at most \(PersonSearchQuery.maximumTextLength) characters: a name, date of birth, NHS number or postcode"

    /// "Kith searches for at most 8 name words of up to 40 letters each, so it left out X and Y."
    static func ignoredText(_ words: [String]) -> String {
        let shown = words.prefix(5).map { $0.count > 20 ? String($0.prefix(20)) + "…" : $0 }
        let named = shown.count == 1 ? shown[0] : shown.dropLast().joined(separator: ", ") + " and " + (shown.last ?? "")
        let more = words.count > shown.count ? " and \(words.count - shown.count) more" : ""
        return "Kith searches for at most \(PersonSearchQuery.maximumNameWords) name words of up to "
            + "\(PersonSearchQuery.maximumNameWordLength) letters each, so it left out \(named)\(more)."
    }

    /// Runs a search within the account's scope and writes it to the audit trail: the kinds of terms searched and
    /// the residents shown, never the words typed. Text longer than ``PersonSearchQuery/maximumTextLength``
    /// characters is refused (400).
    func searchPersons(_ text: String, for signedIn: SignedIn, limit: Int) async throws -> (query: PersonSearchQuery, answer: PersonSearchAnswer) {
        guard text.count <= PersonSearchQuery.maximumTextLength else { throw WebError.badRequest(Self.searchTooLong) }
        let query = PersonSearchQuery(text: text, referenceDate: configuration.today)
        let index = try await searchIndex.current()
        let visible = try residents(of: signedIn).personIDs()
        let answer = index.answer(to: query, limit: limit) { visible?.contains($0) ?? true }
        try AuditTrail(database: database).record(
            .search, by: signedIn.name, subject: "person search", personIDs: answer.results.map(\.personID),
            detail: "searched by " + Self.termKinds(of: query) + "; \(answer.matchCountText) found"
        )
        return (query, answer)
    }

    static func termKinds(of query: PersonSearchQuery) -> String {
        var kinds: [String] = []
        if !query.names.isEmpty || !query.givenNames.isEmpty || !query.familyNames.isEmpty { kinds.append("name") }
        if query.birthDate != nil { kinds.append("date of birth") }
        if query.birthYear != nil { kinds.append("year of birth") }
        if query.nhsNumber != nil { kinds.append("NHS number") }
        if query.postcode != nil { kinds.append("postcode") }
        if query.outwardCode != nil { kinds.append("postcode district") }
        return kinds.isEmpty ? "nothing recognisable" : kinds.joined(separator: ", ")
    }

    /// "family name: typo; date of birth: exact".
    static func explanation(of result: PersonSearchResult) -> String {
        result.reasons.joined(separator: "; ")
    }
}
