/// Stores help requests and their history, hubs, the volunteer bureau, volunteers' tasks and lead professionals.
/// Every write goes with its audit entry in one transaction.
public protocol HelpRepository: Sendable {
    // MARK: Hubs
    /// Adds or replaces a hub.
    func saveHub(_ hub: HubRecord, audit: AuditNote) throws
    func hubs() throws -> [HubRecord]

    // MARK: Requests
    /// Stores a new request and its rows in the helpline's own list (made by `rows` from the request's id), and, when
    /// the call handler found the resident, their verdict that the first row is the same person as `sameAsRow`, with
    /// the audit entry, in one transaction; returns the request with its id and first row.
    func createRequest(
        _ request: HelpRequestRecord, helpline: HelplineRows, sameAsRow: Int64?, audit: (HelpRequestRecord) -> AuditNote
    ) throws -> HelpRequestRecord
    /// Stores a helpline's earlier requests (a file of its history), each with its rows in the helpline's own list
    /// and the volunteers' tasks that served it, with one audit entry, in one transaction; returns how many.
    func importRequests(_ items: [HelpHistoryItem], audit: AuditNote) throws -> Int
    /// Stores a request as changed, its revision one up, with the history lines and any contact on the person's
    /// record, in one transaction. Throws ``HelpStoreError/changed(request:)`` if its stored revision is no longer the
    /// request's (someone else changed it meanwhile); then nothing is stored.
    func updateRequest(
        _ request: HelpRequestRecord, notes: [HelpNoteRecord], contact: ContactRecord?, audit: AuditNote
    ) throws -> HelpRequestRecord
    func request(id: Int64) throws -> HelpRequestRecord?
    /// A hub's requests of `statuses` (nil hub: those no hub took), with the number in all: open ones most pressing
    /// first (due first, then urgency, then the oldest); done or cancelled ones newest first.
    func queue(hub: String?, statuses: [String], limit: Int, offset: Int) throws -> (requests: [HelpRequestRecord], total: Int)
    /// Open requests per hub id ("" for none), and of them those due on or before `dueBy`.
    func openCounts(dueBy: String) throws -> [(hubId: String, open: Int, due: Int)]
    /// Every open request (to do, in progress or blocked), for the figures.
    func openRequests() throws -> [HelpRequestRecord]
    /// The open requests an account is working, most pressing first.
    func openRequests(assignedTo name: String) throws -> [HelpRequestRecord]
    /// The requests of these persons, newest first: taken for them (or for a person merged into them since), or from
    /// a caller whose row linkage has placed with them.
    func requests(ofPersons personIds: [String]) throws -> [HelpRequestRecord]
    /// Every request made from `from` (inclusive) to `to` (exclusive) ISO times, oldest first.
    func requests(createdFrom from: String, to: String) throws -> [HelpRequestRecord]
    /// The history of a request, oldest first.
    func notes(ofRequest requestId: Int64) throws -> [HelpNoteRecord]

    // MARK: Volunteers
    /// Stores hubs and volunteers loaded from the bureau's files, with one audit entry, in one transaction; returns
    /// the volunteers with their ids, in the order given.
    func saveVolunteers(_ volunteers: [VolunteerRecord], hubs: [HubRecord], audit: AuditNote) throws -> [VolunteerRecord]
    /// Stores a new volunteer, or one changed, with the audit entry `audit` makes from it (its number known); returns
    /// it with its id.
    func saveVolunteer(_ volunteer: VolunteerRecord, audit: (VolunteerRecord) -> AuditNote) throws -> VolunteerRecord
    func volunteer(id: Int64) throws -> VolunteerRecord?
    /// Volunteers with one of `statuses` (every volunteer when empty), by name.
    func volunteers(statuses: [String]) throws -> [VolunteerRecord]
    /// Every active volunteer as matching reads them (only the columns it needs), with the bureau's revision read in
    /// the same snapshot.
    func matchableVolunteers() throws -> (revision: Int64, volunteers: [MatchableVolunteer])
    /// The bureau's revision: it changes with every change to a volunteer.
    func volunteerRevision() throws -> Int64
    /// The number of open tasks each volunteer holds.
    func openTaskCounts() throws -> [Int64: Int]

    // MARK: Tasks
    /// Gives a volunteer a task, with a line in the request's history and the request picked up, in one transaction.
    func assignTask(_ task: VolunteerTaskRecord, request: HelpRequestRecord, note: HelpNoteRecord, audit: AuditNote) throws -> VolunteerTaskRecord
    /// Moves a task on from `from`, with the request as it becomes (its revision checked and moved on), a history line and any contact on the person's
    /// record, in one transaction. Throws ``HelpStoreError/taskMoved(task:now:)`` when the task is no longer `from`.
    func stepTask(
        _ task: VolunteerTaskRecord, from: String, request: HelpRequestRecord?, note: HelpNoteRecord, contact: ContactRecord?, audit: AuditNote
    ) throws
    func task(id: Int64) throws -> VolunteerTaskRecord?
    func tasks(ofRequest requestId: Int64) throws -> [VolunteerTaskRecord]
    /// A volunteer's tasks, open ones first, newest first.
    func tasks(ofVolunteer volunteerId: Int64) throws -> [VolunteerTaskRecord]
    /// The tasks of requests made from `from` to `to` (ISO times), whenever they were given, for the figures.
    func tasks(ofRequestsCreatedFrom from: String, to: String) throws -> [VolunteerTaskRecord]

    // MARK: Lead professionals
    func setLead(_ lead: LeadProfessionalRecord, audit: AuditNote) throws
    func lead(ofPerson personId: String) throws -> LeadProfessionalRecord?
    /// A worker's cases, the soonest next contact first (none last).
    func cases(ofWorker worker: String) throws -> [LeadProfessionalRecord]
}

/// Rows for the helpline's own list ("Kith helpline"), kept as one import per day: the day's import is made on its
/// first request and each later request adds rows to it.
public struct HelplineRows: Sendable {
    public var sourceName: String
    /// `yyyy-mm-dd`: which day's import the rows go in.
    public var day: String
    /// The columns: their letters (A, B…), headers and tags.
    public var columns: [(letter: String, header: String, tag: String?)]
    /// Each row's cells and normalised changes, made from the request's id.
    public var rows: @Sendable (_ requestId: Int64) -> [(cells: [String], changes: [(position: Int, value: String?)])]
    public var recordedBy: String

    public init(
        sourceName: String, day: String, columns: [(letter: String, header: String, tag: String?)],
        rows: @escaping @Sendable (_ requestId: Int64) -> [(cells: [String], changes: [(position: Int, value: String?)])], recordedBy: String
    ) {
        self.sourceName = sourceName
        self.day = day
        self.columns = columns
        self.rows = rows
        self.recordedBy = recordedBy
    }
}

/// An active volunteer as matching reads them: the columns it needs of the bureau's row.
public struct MatchableVolunteer: Sendable, Equatable {
    public var id: Int64
    public var name: String
    public var offers: String
    public var slots: String
    public var latitude: Double?
    public var longitude: Double?
    public var travelMetres: Double
    public var languages: String
    public var drives: Bool
    public var dbsLevel: String?
    public var dbsNumber: String?
    public var dbsValidUntil: String?
    public var dbsVerified: Bool

    public init(
        id: Int64, name: String, offers: String, slots: String, latitude: Double?, longitude: Double?, travelMetres: Double, languages: String,
        drives: Bool, dbsLevel: String?, dbsNumber: String?, dbsValidUntil: String?, dbsVerified: Bool
    ) {
        self.id = id
        self.name = name
        self.offers = offers
        self.slots = slots
        self.latitude = latitude
        self.longitude = longitude
        self.travelMetres = travelMetres
        self.languages = languages
        self.drives = drives
        self.dbsLevel = dbsLevel
        self.dbsNumber = dbsNumber
        self.dbsValidUntil = dbsValidUntil
        self.dbsVerified = dbsVerified
    }
}

/// One request of a helpline's history: the request as it ended, its rows in the helpline's own list, and the tasks
/// volunteers did for it (their request id is set when stored).
public struct HelpHistoryItem: Sendable {
    public var request: HelpRequestRecord
    public var helpline: HelplineRows
    public var tasks: [VolunteerTaskRecord]

    public init(request: HelpRequestRecord, helpline: HelplineRows, tasks: [VolunteerTaskRecord]) {
        self.request = request
        self.helpline = helpline
        self.tasks = tasks
    }
}

/// Why a change to a request or task was not stored.
public enum HelpStoreError: Error, Equatable, CustomStringConvertible {
    case changed(request: Int64)
    case taskMoved(task: Int64, now: String)
    case unknownRequest(Int64)

    public var description: String {
        switch self {
        case .changed: "Someone else changed this request while you were looking at it. Look at it again before changing it."
        case .taskMoved(_, let now): "The task was changed meanwhile: it is now \(now). Look again."
        case .unknownRequest(let id): "There is no request \(HelpRequestRecord.reference(id))."
        }
    }
}
