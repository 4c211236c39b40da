import KithAccess
import KithStore

/// Which residents the signed-in account's scope reaches, as KithAccess answers it, and the refusal of any other:
/// what every handler that names a resident asks after ``RoleCheck``. Held by each controller that shows residents.
struct ResidentCheck: Sendable {
    let database: any Store
    let audit: AuditTrail

    /// What the account's scope reaches.
    func residents(of signedIn: SignedIn) -> ResidentScope {
        ResidentScope(database: database, scope: signedIn.scope)
    }

    /// Throws "not found" unless the account's scope reaches the person: a resident outside it is not told apart
    /// from one who does not exist. A refusal is audited.
    func require(_ personID: String, for signedIn: SignedIn, path: String) throws {
        guard try residents(of: signedIn).allows(personID) else {
            try audit.record(.deniedAccess, by: signedIn.name, subject: path, personIDs: [personID], detail: "outside \(signedIn.scope)")
            throw WebError.notFound
        }
    }
}
