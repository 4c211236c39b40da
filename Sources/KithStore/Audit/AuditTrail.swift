import Foundation

/// Writes the audit trail: every sign-in, search, view of a person, export, import, link run, review decision,
/// contact, score run, directory import or export, referral and its steps and change to an account, token or list's owner, with who did it, when, and which residents it
/// touched. It holds record ids and counts, never a resident's personal details, a password or a token.
///
/// An action that writes to the store takes its entry as a ``note(_:by:subject:personIDs:personCount:detail:)``
/// into the repository method that performs it, and the two are stored in one transaction; an action that only
/// reads (a search, a view, an export to a file) is recorded on its own with ``record(_:by:subject:personIDs:personCount:detail:)``.
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
        case revokeToken = "revoke-token"
        case changePassword = "change-password"
        case unlockAccount = "unlock-account"
        case disableAccount = "disable-account"
        case enableAccount = "enable-account"
        case assignList = "assign-list"
        case deniedAccess = "denied-access"
        case importDirectory = "import-directory"
        case exportDirectory = "export-directory"
        case editService = "edit-service"
        case updateCapacity = "update-capacity"
        case confirmService = "confirm-service"
        case requestCallback = "request-callback"
        case viewCallbacks = "view-callbacks"
        case closeCallback = "close-callback"
        case refer
        case referralStep = "referral-step"
        case viewReferral = "view-referral"
        case saveHub = "save-hub"
        case takeRequest = "take-request"
        case updateRequest = "update-request"
        case viewRequest = "view-request"
        case registerVolunteer = "register-volunteer"
        case updateVolunteer = "update-volunteer"
        case assignVolunteer = "assign-volunteer"
        case taskStep = "task-step"
        case viewTasks = "view-tasks"
        case assignLead = "assign-lead"
        case viewCases = "view-cases"
        case importPlaces = "import-places"
        case exportPlaces = "export-places"
        case exportReport = "export-report"
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

    public init(database: any Store) {
        self.init(repository: database.audit)
    }

    /// Records an action in a transaction of its own: for actions that write nothing else to the store (a sign-in
    /// refused, a search, a view, a file exported). An action that writes to the store hands a ``note(_:by:subject:personIDs:personCount:detail:)``
    /// to the repository method that writes it instead, so that both go in one transaction. `personIDs` are the
    /// residents it touched, kept so that everything done to one resident can be listed; `personCount` defaults to
    /// their number.
    @discardableResult
    public func record(
        _ action: Action, by actor: String, subject: String, personIDs: [String] = [], personCount: Int? = nil, detail: String
    ) throws -> AuditEvent {
        try record(Self.note(action, by: actor, subject: subject, personIDs: personIDs, personCount: personCount, detail: detail))
    }

    /// Records a note in a transaction of its own.
    @discardableResult
    public func record(_ note: AuditNote) throws -> AuditEvent {
        try repository.record(note.event, personIds: note.personIDs)
    }

    /// The entry for an action, stamped now, for the repository method that performs the action to write in the
    /// same transaction. `personCount` defaults to the number of `personIDs`.
    public static func note(
        _ action: Action, by actor: String, subject: String, personIDs: [String] = [], personCount: Int? = nil, detail: String
    ) -> AuditNote {
        AuditNote(
            at: now(), action: action, actor: actor, subject: subject, personIDs: personIDs, personCount: personCount ?? personIDs.count,
            detail: detail
        )
    }

    /// The current time as the store keeps it: ISO 8601 in UTC.
    public static func now() -> String {
        Timestamp.text(Date())
    }
}
