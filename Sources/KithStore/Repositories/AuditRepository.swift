/// The append-only audit trail: events, and the residents each touched.
public protocol AuditRepository: Sendable {
    /// Stores an event with the residents it touched, in one transaction, and returns it with its id.
    func record(_ event: AuditEvent, personIds: [String]) throws -> AuditEvent
    /// Events matching the query, the latest first.
    func events(_ query: AuditQuery) throws -> [AuditEvent]
    func count(_ query: AuditQuery) throws -> Int
    /// The residents each of these events touched, by event id.
    func personIds(ofEvents eventIds: [Int64]) throws -> [Int64: [String]]
    /// Events matching the query, the latest first, each with the residents it touched, read in one snapshot
    /// without holding a thread.
    func eventsWithPersons(_ query: AuditQuery) async throws -> [(event: AuditEvent, personIds: [String])]
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
