/// An audit entry not yet written: made by ``AuditTrail`` (which stamps its time) and handed to the repository
/// method that performs the action, which writes it in the action's own transaction. Either both are stored or
/// neither is, so no action is ever left without its entry.
public struct AuditNote: Sendable, Equatable {
    /// ISO 8601 time.
    public var at: String
    public var action: AuditTrail.Action
    public var actor: String
    public var subject: String
    /// The residents the action touched.
    public var personIDs: [String]
    /// How many residents it touched; the number of ``personIDs`` unless the action counted them otherwise.
    public var personCount: Int
    /// Filters and settings, in words; never a resident's details, a password or a token.
    public var detail: String

    init(at: String, action: AuditTrail.Action, actor: String, subject: String, personIDs: [String], personCount: Int, detail: String) {
        self.at = at
        self.action = action
        self.actor = actor
        self.subject = subject
        self.personIDs = personIDs
        self.personCount = personCount
        self.detail = detail
    }

    /// The event the trail stores for this note, without its id.
    public var event: AuditEvent {
        AuditEvent(at: at, actor: actor, action: action.rawValue, subject: subject, personCount: personCount, detail: detail)
    }
}
