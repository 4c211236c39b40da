/// Stores referrals of residents to directory services and each step the service or the referrer takes. Every write
/// goes with its audit entry in one transaction.
public protocol ReferralRepository: Sendable {
    /// Stores a new referral, the contact it makes on the person's record, and its audit entry, in one transaction;
    /// returns the contact with its id.
    func createReferral(_ referral: ReferralRecord, contact: ContactRecord, audit: AuditNote) throws -> ContactRecord
    /// Stores a step, moves the referral to the step's status and, if given, stores the service with its capacity
    /// changed, with the audit entry, in one transaction. Throws if the referral's status is no longer `from` (someone
    /// else answered first); then nothing is stored.
    func recordStep(_ step: ReferralStepRecord, from: String, service: DirectoryServiceRecord?, audit: AuditNote) throws -> ReferralStepRecord

    func referral(id: String) throws -> ReferralRecord?
    /// The referrals of these persons, newest first.
    func referrals(ofPersons personIds: [String]) throws -> [ReferralRecord]
    /// The referrals sent by an account, newest first.
    func referrals(referredBy name: String) throws -> [ReferralRecord]
    /// The referrals to an organisation, named by its directory id or its name (either case), newest first.
    func referrals(toOrganization organization: String) throws -> [ReferralRecord]
    /// The referrals to a service, newest first.
    func referrals(toService serviceId: String) throws -> [ReferralRecord]
    /// Every referral, newest first.
    func allReferrals() throws -> [ReferralRecord]
    /// The steps of these referrals, oldest first.
    func steps(ofReferrals referralIds: [String]) throws -> [ReferralStepRecord]
}

/// Why a referral's step was not stored.
public enum ReferralStoreError: Error, Equatable, CustomStringConvertible {
    /// The referral is not (or no longer) where the step expected it to be.
    case moved(referral: String, now: String)
    case unknown(String)

    public var description: String {
        switch self {
        case .moved(_, let now): "The referral was changed by someone else meanwhile: it is now \(now). Look again before answering."
        case .unknown(let id): "There is no referral \(id)."
        }
    }
}
