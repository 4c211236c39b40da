import KithPersons
import KithSpreadsheet

/// What `persons.mustache` shows: the search box, and once something was searched for, what was found.
struct PersonSearchPage {
    /// One resident found.
    struct Result {
        var personID: String
        var name: String
        var birthDate: String
        var postcode: String
        /// The lists that know them, for an account that sees every list; else empty.
        var sources: String
        /// "family name: typo; date of birth: exact".
        var why: String
    }

    /// The text searched for, shown in the box again.
    var text: String
    /// Whether a search was run (not when the box was empty or the text too long).
    var searched: Bool
    /// `12`, or `more than 500`.
    var count: String?
    var results: [Result] = []
    /// Whether the results name the lists that know each resident.
    var showsSources = false
    /// Whether each result offers "Take a request" (for a call handler finding a caller).
    var takesRequests = false
    /// How to search better, when the text gave too little to search by.
    var hint: String?
    /// Which name words the search left out.
    var ignored: String?
    /// The link to the longest page of results, when more matched than are shown.
    var more: String?

    /// The box before anything is searched for, or with text that was not searched.
    init(text: String, searched: Bool) {
        self.text = text
        self.searched = searched
    }

    /// What a search found, as an account that sees every list (`showsSources`) or not sees it; `more` links to more.
    init(text: String, query: PersonSearchQuery, answer: PersonSearchAnswer, showsSources: Bool, more: String?) {
        self.init(text: text, searched: true)
        count = answer.matchCountText
        results = answer.results.map { result in
            Result(
                personID: result.personID, name: result.displayName, birthDate: result.birthDate?.description ?? "",
                postcode: result.postcode ?? "", sources: showsSources ? result.sources.joined(separator: "; ") : "",
                why: Self.explanation(of: result)
            )
        }
        self.showsSources = showsSources
        self.more = more
        if query.isEmpty {
            hint = "Type a name, a date of birth (like 12/03/1984), an NHS number or a postcode."
        } else if query.hasOnlyInitials {
            hint = "An initial alone matches too many people: add a name, a date of birth or a postcode."
        }
        if !query.ignoredWords.isEmpty {
            ignored = Self.ignoredText(query.ignoredWords)
        }
    }

    /// "family name: typo; date of birth: exact".
    static func explanation(of result: PersonSearchResult) -> String {
        result.reasons.joined(separator: "; ")
    }

    /// "Kith searches for at most 8 name words of up to 40 letters each, so it left out X and Y."
    static func ignoredText(_ words: [String]) -> String {
        let shown = words.prefix(5).map { $0.count > 20 ? String($0.prefix(20)) + "…" : $0 }
        let named = shown.count == 1 ? shown[0] : shown.dropLast().joined(separator: ", ") + " and " + (shown.last ?? "")
        let more = words.count > shown.count ? " and \(words.count - shown.count) more" : ""
        return "Kith searches for at most \(PersonSearchQuery.maximumNameWords) name words of up to "
            + "\(PersonSearchQuery.maximumNameWordLength) letters each, so it left out \(named)\(more)."
    }
}
