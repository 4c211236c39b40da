import KithSpreadsheet
import KithStore

/// Records a contact with a person and its outcome, and writes it to the audit trail in the same transaction. The
/// person's last contact is then that day, so the next contact list puts them after people not yet contacted.
public struct ContactRecorder: Sendable {
    public let database: any Store

    public init(database: any Store) {
        self.database = database
    }

    /// Records the contact against the person's current id (following merges) and returns it.
    public func record(
        personID: String, outcome: ContactRecord.Outcome, on date: CivilDate, note: String?, by recorder: String
    ) throws -> ContactRecord {
        guard let current = try database.linkage.resolvePerson(personID) else { throw OutreachError.unknownPerson(personID) }
        let contact = try database.outreach.recordContact(
            ContactRecord(
                personId: current, outcome: outcome, contactedOn: date.description, note: note, recordedBy: recorder, recordedAt: AuditTrail.now()
            ),
            audit: AuditTrail.note(
                .recordContact, by: recorder, subject: current, personIDs: [current], detail: "outcome \(outcome.rawValue) on \(date)"
            )
        )
        // The person's kept profile takes the contact at once, so the next list orders them by it.
        try ProfileTable(database: database).refresh()
        return contact
    }
}
