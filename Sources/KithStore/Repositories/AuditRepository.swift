/// The append-only audit trail: events, and the residents each touched. An action that writes to the store has its
/// event written by the repository method that performs it, in the same transaction (see ``AuditNote``); this one
/// records the rest.
public protocol AuditRepository: Sendable {
    /// Stores an event with the residents it touched, in a transaction of its own, and returns it with its id: for
    /// an action that writes nothing else (a sign-in refused, a search, a view, an export to a file).
    func record(_ event: AuditEvent, personIds: [String]) throws -> AuditEvent
    /// Events matching the query, the latest first.
    func events(_ query: AuditQuery) throws -> [AuditEvent]
    func count(_ query: AuditQuery) throws -> Int
    /// The residents each of these events touched, by event id.
    func personIds(ofEvents eventIds: [Int64]) throws -> [Int64: [String]]
    /// The events matching the query, the residents each touched and how many match in all, read in one snapshot on
    /// the store's own queue, so that a web request waiting for them holds no thread.
    func eventPage(_ query: AuditQuery) async throws -> AuditEventPage
}

/// A page of the audit trail: the events a query selects, latest first, with the residents each touched.
public struct AuditEventPage: Sendable {
    public var events: [AuditEvent]
    /// The residents each event touched, by event id.
    public var personIds: [Int64: [String]]
    /// How many events match the query in all, beyond this page's limit and offset.
    public var total: Int

    public init(events: [AuditEvent], personIds: [Int64: [String]], total: Int) {
        self.events = events
        self.personIds = personIds
        self.total = total
    }
}

/// Which audit events to read: any mix of who, what, which resident and when, a page at a time.
public struct AuditQuery: Sendable, Equatable {
    public var actor: String?
    public var action: String?
    public var personId: String?
    /// Events at or after this ISO 8601 time or date.
    public var from: String?
    /// Events before the end of this ISO 8601 date (or before this time).
    public var until: String?
    public var limit: Int
    public var offset: Int

    public init(
        actor: String? = nil, action: String? = nil, personId: String? = nil, from: String? = nil, until: String? = nil,
        limit: Int = 100, offset: Int = 0
    ) {
        self.actor = actor
        self.action = action
        self.personId = personId
        self.from = from
        self.until = until
        self.limit = limit
        self.offset = offset
    }
}
