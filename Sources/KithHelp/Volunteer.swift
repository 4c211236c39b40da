import KithDirectory
import KithSpreadsheet

/// A volunteer as the bureau knows them, for matching: what help they give, when, where from and how far, their
/// languages, whether they drive, their DBS check, where they are in the bureau's process, and how many tasks they
/// hold now.
public struct Volunteer: Sendable, Equatable {
    public var id: String
    public var name: String
    /// The ids of the ``HelpNeed``s they offer.
    public var offers: Set<String>
    public var availability: [Availability]
    /// Where they set out from (their postcode's centroid), if known.
    public var home: GeoPoint?
    /// How far they will go, in metres.
    public var travelMetres: Double
    /// Languages besides English, as lower-case names or codes ("polish", "pl").
    public var languages: Set<String>
    public var drives: Bool
    public var dbs: DBSCheck?
    public var status: VolunteerStatus
    /// Tasks assigned and not yet completed or cancelled.
    public var openTasks: Int

    public init(
        id: String, name: String, offers: Set<String>, availability: [Availability] = [], home: GeoPoint? = nil, travelMetres: Double = 3_000,
        languages: Set<String> = [], drives: Bool = false, dbs: DBSCheck? = nil, status: VolunteerStatus = .active, openTasks: Int = 0
    ) {
        self.id = id
        self.name = name
        self.offers = offers
        self.availability = availability
        self.home = home
        self.travelMetres = travelMetres
        self.languages = languages
        self.drives = drives
        self.dbs = dbs
        self.status = status
        self.openTasks = openTasks
    }
}

/// When a volunteer can help: a day of the week and the minutes since midnight from and to.
public struct Availability: Sendable, Equatable {
    public var day: Weekday
    public var from: Int
    public var to: Int

    public init(day: Weekday, from: Int, to: Int) {
        self.day = day
        self.from = from
        self.to = to
    }

    public func covers(_ moment: LocalMoment) -> Bool {
        moment.weekday == day && moment.minutes >= from && moment.minutes < to
    }
}

/// A Disclosure and Barring Service check, of the level the task needs, valid until a date the bureau sets (DBS
/// certificates do not expire; councils ask for renewal, often after three years).
public struct DBSCheck: Sendable, Equatable {
    public enum Level: Int, Sendable, Comparable, CaseIterable {
        case basic = 1
        case standard = 2
        case enhanced = 3
        /// Enhanced with a check of the barred lists: what work with vulnerable adults or children needs.
        case enhancedWithBarredLists = 4

        public static func < (a: Level, b: Level) -> Bool { a.rawValue < b.rawValue }
    }

    public var level: Level
    public var number: String
    public var validUntil: CivilDate

    public init(level: Level, number: String, validUntil: CivilDate) {
        self.level = level
        self.number = number
        self.validUntil = validUntil
    }

    /// Whether it is at least `level` and still valid on `date`.
    public func allows(_ level: Level, on date: CivilDate) -> Bool {
        self.level >= level && validUntil.daysSinceEpoch >= date.daysSinceEpoch
    }
}

/// Where a volunteer is in the bureau's process. Only active volunteers are given tasks.
public enum VolunteerStatus: String, Sendable, CaseIterable, Codable {
    case applied, verified, active, paused, left
}
