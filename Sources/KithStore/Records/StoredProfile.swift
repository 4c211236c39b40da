import Foundation

/// A person's profile as kept in the store (`personProfile`): the columns lists filter and sort on, and the whole
/// profile, encoded by the outreach module, in ``data``. The store never reads ``data``.
public struct StoredProfile: Sendable, Equatable {
    public var personId: String
    /// At least one of the person's rows is in the latest import of its source.
    public var onLatestList: Bool
    /// A list gives the person a neighbourhood, ward or postcode; else ``area`` is their school's or "not known".
    public var hasOwnArea: Bool
    public var area: String?
    public var areaFromSchool: Bool
    public var school: String?
    public var schoolURN: String?
    /// What places a person without an area of their own: their school's URN, else its name in lower case.
    public var schoolKey: String?
    /// The latest contact, as days since 1970-01-01, counting every date on the rows and the latest recorded contact.
    public var lastContactDay: Int?
    /// The latest date on any of the rows, future or not: a list made as of an earlier day must recount this person.
    public var latestDay: Int?
    public var isDeceased: Bool
    public var doNotContact: Bool
    public var hasMoved: Bool
    /// How many stored rows the profile was made from.
    public var rowCount: Int
    public var data: Data
    /// The postcode the person's lists give (normal form), which places them in the areas of the postcode lookup.
    public var postcode: String?

    public init(
        personId: String, onLatestList: Bool, hasOwnArea: Bool, area: String?, areaFromSchool: Bool, school: String?, schoolURN: String?,
        schoolKey: String?, lastContactDay: Int?, latestDay: Int?, isDeceased: Bool, doNotContact: Bool, hasMoved: Bool, rowCount: Int,
        data: Data, postcode: String? = nil
    ) {
        self.personId = personId
        self.onLatestList = onLatestList
        self.hasOwnArea = hasOwnArea
        self.area = area
        self.areaFromSchool = areaFromSchool
        self.school = school
        self.schoolURN = schoolURN
        self.schoolKey = schoolKey
        self.lastContactDay = lastContactDay
        self.latestDay = latestDay
        self.isDeceased = isDeceased
        self.doNotContact = doNotContact
        self.hasMoved = hasMoved
        self.rowCount = rowCount
        self.data = data
        self.postcode = postcode
    }
}

/// What the stored profiles were brought up to date with; compared with the store's own latest to find what changed.
public struct ProfileState: Sendable, Equatable {
    public var linkRunId: Int64?
    public var importId: Int64?
    public var contactId: Int64?

    public init(linkRunId: Int64?, importId: Int64?, contactId: Int64?) {
        self.linkRunId = linkRunId
        self.importId = importId
        self.contactId = contactId
    }
}

/// Which scored people a contact list asks for, in the store's terms.
public struct OutreachQuery: Sendable, Equatable {
    /// An area, ignoring case.
    public var area: String?
    /// A school's URN, or part of its name ignoring case.
    public var school: String?
    /// Band raw values; all when empty.
    public var bands: [String]
    public var cohort: String?

    public init(area: String?, school: String?, bands: [String], cohort: String?) {
        self.area = area
        self.school = school
        self.bands = bands
        self.cohort = cohort
    }
}

/// One person a contact list query found: what ordering and leaving out need, without the profile itself.
public struct OutreachCandidate: Sendable, Equatable {
    public var personId: String
    public var band: String
    public var score: Int
    public var lastContactDay: Int?
    public var latestDay: Int?
    public var isDeceased: Bool
    public var doNotContact: Bool
    public var hasMoved: Bool
}

/// One person on a latest list as a kept contact list order needs them: where they are, when they were last
/// contacted, whether they are left out, and the run's score when it has one.
public struct ListedProfile: Sendable, Equatable {
    public var personId: String
    public var area: String?
    public var school: String?
    public var schoolURN: String?
    public var lastContactDay: Int?
    public var latestDay: Int?
    public var isDeceased: Bool
    public var doNotContact: Bool
    public var hasMoved: Bool
    /// The run's band, score and cohort; nil when the run did not score the person.
    public var band: String?
    public var score: Int?
    public var cohort: String?

    public init(
        personId: String, area: String?, school: String?, schoolURN: String?, lastContactDay: Int?, latestDay: Int?, isDeceased: Bool,
        doNotContact: Bool, hasMoved: Bool, band: String?, score: Int?, cohort: String?
    ) {
        self.personId = personId
        self.area = area
        self.school = school
        self.schoolURN = schoolURN
        self.lastContactDay = lastContactDay
        self.latestDay = latestDay
        self.isDeceased = isDeceased
        self.doNotContact = doNotContact
        self.hasMoved = hasMoved
        self.band = band
        self.score = score
        self.cohort = cohort
    }
}
