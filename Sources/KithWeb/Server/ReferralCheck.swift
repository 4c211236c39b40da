import KithAccess
import KithStore

/// The referral a request names, if the signed-in account may see it (KithAccess's ``ReferralAccess`` says), for
/// the pages and the API alike; any other answers "not found", the refusal audited.
struct ReferralCheck: Sendable {
    let database: any Store
    let audit: AuditTrail

    /// The referral, or "not found" for one that does not exist or that the account may not see. Synchronous store
    /// work: an async handler runs it with `offload`.
    func require(_ id: String, for signedIn: SignedIn, path: String) throws -> ReferralRecord {
        guard let record = try database.referrals.referral(id: id) else { throw WebError.notFound }
        guard try ReferralAccess(database: database, signedIn: signedIn).maySee(record) else {
            try audit.record(.deniedAccess, by: signedIn.name, subject: path, personIDs: [record.personId], detail: "a referral not theirs")
            throw WebError.notFound
        }
        return record
    }
}
