import KithStore

/// What one audit event says: the action, who did it, what it was done to and which residents it touched. Two
/// entries are equal when those are; the detail is free text, for a test to check on its own.
public struct AuditEntry: Equatable, Sendable, CustomStringConvertible {
    public var action: String
    public var actor: String
    public var subject: String
    public var personIDs: Set<String>
    public var detail: String

    public init(_ action: AuditTrail.Action, by actor: String, subject: String, personIDs: Set<String> = [], detail: String = "") {
        self.init(action: action.rawValue, actor: actor, subject: subject, personIDs: personIDs, detail: detail)
    }

    init(action: String, actor: String, subject: String, personIDs: Set<String>, detail: String) {
        self.action = action
        self.actor = actor
        self.subject = subject
        self.personIDs = personIDs
        self.detail = detail
    }

    public static func == (left: AuditEntry, right: AuditEntry) -> Bool {
        (left.action, left.actor, left.subject, left.personIDs) == (right.action, right.actor, right.subject, right.personIDs)
    }

    public var description: String {
        "\(action) by \(actor) on \(subject), persons \(personIDs.sorted())"
    }
}

/// Reads a store's audit trail around an action, to check that the action wrote exactly the events it should.
public struct AuditTrailWatch: Sendable {
    public let database: KithDatabase

    public init(database: KithDatabase) {
        self.database = database
    }

    /// Runs `action` and returns the events it added to the trail, oldest first.
    public func entries(addedBy action: () async throws -> Void) async throws -> [AuditEntry] {
        let before = try database.audit.events(AuditQuery(limit: 1)).first?.id ?? 0
        try await action()
        return try entries(after: before)
    }

    /// Every event in the trail, oldest first.
    public func entries(after id: Int64 = 0) throws -> [AuditEntry] {
        let events = try database.audit.events(AuditQuery(limit: 100_000)).filter { ($0.id ?? 0) > id }.reversed()
        let persons = try database.audit.personIds(ofEvents: events.compactMap(\.id))
        return events.map { event in
            AuditEntry(
                action: event.action, actor: event.actor, subject: event.subject, personIDs: Set(persons[event.id ?? 0] ?? []),
                detail: event.detail
            )
        }
    }
}
