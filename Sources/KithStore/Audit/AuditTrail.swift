import Foundation

/// Writes the audit trail: every sign-in, search, view of a person, export, import, review decision, contact and
/// score run, with who did it, when, and which residents it touched. It holds record ids and counts, never a
/// resident's personal details.
public struct AuditTrail: Sendable {
    /// What was done.
    public enum Action: String, Sendable, CaseIterable {
        case signIn = "sign-in"
        case signInFailed = "sign-in-failed"
        case signOut = "sign-out"
        case accountLocked = "account-locked"
        case search
        case viewPerson = "view-person"
        case viewReviewPair = "view-review-pair"
        case reviewDecision = "review-decision"
        case importList = "import"
        case link
        case score
        case exportOutreach = "export-outreach"
        case viewOutreach = "view-outreach"
        case recordContact = "record-contact"
        case exportAudit = "export-audit"
        case addAccount = "add-account"
        case issueToken = "issue-token"
        case deniedAccess = "denied-access"
    }

    /// Which way into Kith an action came, for the audit details that say so ("through the API").
    public enum Door: String, Sendable, CaseIterable {
        case web = "the web"
        case api = "the API"
        case commandLine = "the command line"
    }

    public let repository: any AuditRepository

    public init(repository: any AuditRepository) {
        self.repository = repository
    }

    public init(database: KithDatabase) {
        self.init(repository: database.audit)
    }

    /// Records an action. `personIDs` are the residents it touched, kept so that everything done to one resident
    /// can be listed; `personCount` defaults to their number.
    @discardableResult
    public func record(
        _ action: Action, by actor: String, subject: String, personIDs: [String] = [], personCount: Int? = nil, detail: String
    ) throws -> AuditEvent {
        try repository.record(
            AuditEvent(
                at: Self.now(), actor: actor, action: action.rawValue, subject: subject, personCount: personCount ?? personIDs.count,
                detail: detail
            ),
            personIds: personIDs
        )
    }

    /// The current time as the store keeps it: ISO 8601 in UTC.
    public static func now() -> String {
        Timestamp.text(Date())
    }
}
