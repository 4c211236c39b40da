import Foundation
import KithStore

/// Writes the audit trail: every score run, export, person view and recorded contact, with who and when. It holds
/// record ids and counts, never a resident's personal details.
public struct AuditTrail: Sendable {
    /// What was done.
    public enum Action: String, Sendable {
        case score
        case exportOutreach = "export-outreach"
        case viewPerson = "view-person"
        case recordContact = "record-contact"
    }

    public let database: KithDatabase

    public init(database: KithDatabase) {
        self.database = database
    }

    public func record(_ action: Action, by actor: String, subject: String, personCount: Int, detail: String) throws {
        try database.outreach.recordAudit(
            AuditEvent(at: Self.now(), actor: actor, action: action.rawValue, subject: subject, personCount: personCount, detail: detail)
        )
    }

    /// The current time as the store keeps it: ISO 8601 in UTC.
    static func now() -> String {
        ISO8601DateFormatter().string(from: Date())
    }
}
