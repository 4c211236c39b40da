import KithAccess
import KithPersons
import KithStore

/// The person search as the search page and the API run it: the text read into a query, the index of the latest link
/// run asked within the account's scope, and the search audited by KithPersons' ``PersonSearch``.
struct ResidentSearch: Sendable {
    let index: SearchIndexCache
    let residents: ResidentCheck
    let search: PersonSearch
    /// Read for each search: today, unless the configuration fixes the day ages count from.
    let configuration: WebConfiguration

    /// What a search longer than ``PersonSearchQuery/maximumTextLength`` characters is told, on the page and by the API.
    static let tooLong = "Search for at most \(PersonSearchQuery.maximumTextLength) characters: a name, date of birth, NHS number or postcode"

    /// Runs a search within the account's scope, audited: the kinds of terms searched and the residents shown, never
    /// the words typed. Text longer than ``PersonSearchQuery/maximumTextLength`` characters is refused (400).
    func run(_ text: String, for signedIn: SignedIn, limit: Int) async throws -> (query: PersonSearchQuery, answer: PersonSearchAnswer) {
        guard text.count <= PersonSearchQuery.maximumTextLength else { throw WebError.badRequest(Self.tooLong) }
        let query = PersonSearchQuery(text: text, referenceDate: configuration.today)
        let index = try await index.current()
        let (scope, search) = (residents.residents(of: signedIn), search)
        // The scope's residents are read, and the search recorded, off the request's thread.
        let answer = try await offload {
            try search.answer(query, in: index, limit: limit, within: try scope.personIDs(), by: signedIn.name)
        }
        return (query, answer)
    }
}
