/// What happened among the residents of one area (or the whole borough) that a dashboard counts: the latest score
/// run's bands, moves since the run before, welfare checks, and contacts, requests and referrals by day.
public struct AreaActivity: Sendable, Equatable {
    /// The latest score run and the one before it, if any.
    public var latestRunId: Int64?
    public var previousRunId: Int64?
    /// Persons on a latest list in the latest run, by cohort and band.
    public var bands: [Count] = []
    /// Every score run as of a day in the period: its day and its persons by band, oldest first — the bands week by
    /// week when the council scores weekly.
    public var runs: [Run] = []
    /// Persons by their band in the previous run and the latest (nil: not identified in that run).
    public var moves: [Move] = []
    /// Persons whose latest score calls for a welfare check (a vulnerable child not attending school).
    public var welfareChecksTriggered = 0
    /// Of those, the ones reached on or after the latest run's reference date.
    public var welfareChecksDone = 0
    /// Contacts recorded, by day (yyyy-mm-dd).
    public var contactsByDay: [String: Int] = [:]
    /// Help requests taken and closed, by day, and open now.
    public var requestsTakenByDay: [String: Int] = [:]
    public var requestsClosedByDay: [String: Int] = [:]
    public var requestsOpen = 0
    /// Referrals made by day, and open now (sent or accepted).
    public var referralsByDay: [String: Int] = [:]
    public var referralsOpen = 0
    /// Services by whether they accept referrals (`yes`, `waiting_list`, `no`, or `unknown`).
    public var services: [String: Int] = [:]

    public struct Count: Sendable, Equatable {
        public var cohort: String
        public var band: String
        public var persons: Int

        public init(cohort: String, band: String, persons: Int) {
            self.cohort = cohort
            self.band = band
            self.persons = persons
        }
    }

    public struct Run: Sendable, Equatable {
        public var id: Int64
        /// The day the run scored as of (yyyy-mm-dd).
        public var day: String
        public var bands: [String: Int]

        public init(id: Int64, day: String, bands: [String: Int]) {
            self.id = id
            self.day = day
            self.bands = bands
        }
    }

    public struct Move: Sendable, Equatable {
        public var from: String?
        public var to: String?
        public var persons: Int

        public init(from: String?, to: String?, persons: Int) {
            self.from = from
            self.to = to
            self.persons = persons
        }
    }

    public init() {}
}
