/// What someone looking for help asks the directory: a need, words, a place and how far, a language, access, an
/// age, open now, and whether the service must be taking referrals. Every part left empty matches everything.
public struct DirectoryQuery: Sendable, Equatable {
    /// Words that must all be found (as the start of a word) in the service's name, description, organisation or
    /// needs: "food bank", "debt".
    public var words: String?
    /// Needs, as taxonomy term ids or terms ("Food", "Debt"); a service meeting any of them matches.
    public var needs: [String]
    /// Where the person is, and how far they can go.
    public var near: GeoPoint?
    public var withinMetres: Double?
    /// A language by code ("pl") or name ("Polish"). Services are taken to work in English too.
    public var language: String?
    /// Words that must all be found in a location's accessibility notes: "step-free", "hearing loop".
    public var access: [String]
    /// The age of the person the service is for.
    public var age: Int?
    /// Only services open at this moment.
    public var openAt: LocalMoment?
    /// Only services that say they are accepting referrals now (not those with a waiting list, nor those that say
    /// nothing of it).
    public var acceptingReferralsOnly: Bool
    /// Services that are inactive, defunct or temporarily closed too.
    public var includeClosed: Bool

    public init(
        words: String? = nil, needs: [String] = [], near: GeoPoint? = nil, withinMetres: Double? = nil, language: String? = nil,
        access: [String] = [], age: Int? = nil, openAt: LocalMoment? = nil, acceptingReferralsOnly: Bool = false, includeClosed: Bool = false
    ) {
        self.words = words
        self.needs = needs
        self.near = near
        self.withinMetres = withinMetres
        self.language = language
        self.access = access
        self.age = age
        self.openAt = openAt
        self.acceptingReferralsOnly = acceptingReferralsOnly
        self.includeClosed = includeClosed
    }
}
