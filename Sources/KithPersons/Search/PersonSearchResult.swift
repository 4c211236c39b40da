import KithSpreadsheet

/// One person found by a ``PersonSearchIndex``, with what to show in a list of results and why they were found.
public struct PersonSearchResult: Sendable, Equatable {
    public var personID: String
    /// The given and family name written most often among the person's rows.
    public var displayName: String
    /// The date of birth given most often among the person's rows.
    public var birthDate: CivilDate?
    /// The postcode given most often among the person's rows.
    public var postcode: String?
    /// The lists the person appears in, by name, in alphabetical order.
    public var sources: [String]
    /// The sum of the best evidence for each thing searched for; higher is a closer match.
    public var score: Int
    /// How each thing searched for was matched: name words in the order typed, then date of birth, year of birth,
    /// NHS number and postcode.
    public var matches: [PersonSearchMatch]
    /// What was searched for and not found on the person, when the rest identifies them strongly enough (see
    /// ``PersonSearchIndex``).
    public var misses: [PersonSearchMiss]

    public init(
        personID: String, displayName: String, birthDate: CivilDate?, postcode: String?, sources: [String], score: Int,
        matches: [PersonSearchMatch], misses: [PersonSearchMiss]
    ) {
        self.personID = personID
        self.displayName = displayName
        self.birthDate = birthDate
        self.postcode = postcode
        self.sources = sources
        self.score = score
        self.matches = matches
        self.misses = misses
    }

    /// Why the person was found, for people: `given name exact`, `family name typo`, `postcode did not match`, in the
    /// order of ``matches`` then ``misses``, each reason once however many terms gave it.
    public var reasons: [String] {
        var seen: Set<String> = []
        let all = matches.map { "\($0.field.rawValue) \($0.kind.rawValue)" } + misses.map { "\($0.field.rawValue) did not match" }
        return all.filter { seen.insert($0).inserted }
    }
}

/// Why a search found a person: which of their details matched what was typed, and how.
public struct PersonSearchMatch: Sendable, Equatable {
    public var field: PersonSearchField
    public var kind: PersonSearchMatchKind
    /// What was searched for, normalised: a name's matching key (`SMIHT`), an ISO date, a postcode.
    public var searched: String
    /// The person's value it matched, normalised the same way.
    public var found: String

    public init(field: PersonSearchField, kind: PersonSearchMatchKind, searched: String, found: String) {
        self.field = field
        self.kind = kind
        self.searched = searched
        self.found = found
    }
}

/// Something searched for that a result does not have.
public struct PersonSearchMiss: Sendable, Equatable {
    public var field: PersonSearchField
    public var searched: String

    public init(field: PersonSearchField, searched: String) {
        self.field = field
        self.searched = searched
    }
}

/// The person's detail a search term matched.
public enum PersonSearchField: String, Sendable, Equatable, CaseIterable {
    case givenName = "given name"
    case familyName = "family name"
    /// A word searched for as a name that matched none of the person's names (only in ``PersonSearchMiss``).
    case name
    case birthDate = "date of birth"
    case birthYear = "year of birth"
    case nhsNumber = "NHS number"
    case postcode
}

/// How a search term matched, from the strongest: its raw value is the wording for people.
public enum PersonSearchMatchKind: String, Sendable, Equatable, CaseIterable {
    case exact
    /// Another form of the same given name (Bill for William), from the nickname table linkage uses.
    case nickname
    /// The name starts with the letters typed (three or more).
    case prefix
    /// One side is an initial of the other (J for John).
    case initial
    /// Within one edit (two for names of eight letters or more): a letter wrong, missing, added, or two swapped.
    case typo
    case swappedDayAndMonth = "swapped day and month"
    /// A date of birth one digit away from the one typed: 1985-03-12 for 1984-03-12.
    case oneDigitDifferent = "one digit different"
    /// A postcode in the outward code (district) typed, such as `HY1`.
    case outwardCode = "outward code"
}
