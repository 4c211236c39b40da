/// What a search found: the best results, and how many visible persons matched in all, counted up to a cap so that
/// a broad search stays quick ("more than 500").
public struct PersonSearchAnswer: Sendable, Equatable {
    /// The best matches, highest score first, then by person id; at most the limit asked for.
    public var results: [PersonSearchResult]
    /// Visible persons that matched, or the cap when more did.
    public var matchCount: Int
    /// Whether more than ``matchCount`` persons matched.
    public var isMatchCountCapped: Bool

    public init(results: [PersonSearchResult], matchCount: Int, isMatchCountCapped: Bool) {
        self.results = results
        self.matchCount = matchCount
        self.isMatchCountCapped = isMatchCountCapped
    }

    /// The count for people: `12`, or `more than 500`.
    public var matchCountText: String {
        isMatchCountCapped ? "more than \(matchCount)" : String(matchCount)
    }
}
