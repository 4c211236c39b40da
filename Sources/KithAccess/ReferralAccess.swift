import Foundation
import KithStore

/// Who may refer, answer and see which referrals, and what of the resident each sees: the referral part of "who may
/// see what". A caseworker refers residents in their scope and sees what they sent; a partner sees and answers the
/// referrals to its own organisation and, of the resident, only the details the referrer shared; admins and
/// analysts see every referral. Pages, the API and commands ask it, and decide none of it themselves.
public struct ReferralAccess: Sendable {
    public let database: any Store
    public let signedIn: SignedIn

    public init(database: any Store, signedIn: SignedIn) {
        self.database = database
        self.signedIn = signedIn
    }

    /// The details a referrer may share, in the order offered, and those ticked unless they choose.
    public static let shareableDetails = ["name", "phone", "address", "postcode", "date_of_birth", "email"]
    public static let defaultSharedDetails: Set<String> = ["name", "phone"]

    /// Whether the account may refer this resident: its role makes referrals and its scope reaches the resident.
    public func mayRefer(_ personID: String) throws -> Bool {
        guard signedIn.can(.makeReferrals) else { return false }
        return try ResidentScope(database: database, scope: signedIn.scope).allows(personID)
    }

    /// Whether the account's organisation runs the referral's service: named on the account by the organisation's
    /// directory id or by its name (either case).
    public func isOwnOrganisation(_ referral: ReferralRecord) -> Bool {
        DirectoryStewardship.belongs(signedIn.account, toOrganizationID: referral.organizationId, named: referral.organizationName)
    }

    /// Whether the account may see the referral: its referrer, the partners of its organisation, whoever sees every
    /// resident, and a caseworker whose scope reaches the resident.
    public func maySee(_ referral: ReferralRecord) throws -> Bool {
        if referral.referredBy == signedIn.name || signedIn.role.seesEveryone || isOwnOrganisation(referral) { return true }
        guard signedIn.role == .caseworker else { return false }
        return try ResidentScope(database: database, scope: signedIn.scope).allows(referral.personId)
    }

    /// Whether the account may accept, decline or complete the referral: only its organisation's partners.
    public func mayAnswer(_ referral: ReferralRecord) -> Bool {
        signedIn.can(.answerReferrals) && isOwnOrganisation(referral)
    }

    /// Whether the account may withdraw the referral: whoever sent it, or an admin.
    public func mayWithdraw(_ referral: ReferralRecord) -> Bool {
        referral.referredBy == signedIn.name || signedIn.role == .admin
    }

    /// Whether the account sees the resident's whole record (as its scope allows), not only the shared details.
    public func seesRecord(of referral: ReferralRecord) throws -> Bool {
        try ResidentScope(database: database, scope: signedIn.scope).allows(referral.personId)
    }

    /// Whether the account sees a service's counts of referrals received and completed (staff and partners; not a
    /// school, nor the public).
    public var seesReferralCounts: Bool {
        signedIn.role != .school
    }

    /// The referrals the account sent, newest first.
    public func sent() throws -> [ReferralRecord] {
        try database.referrals.referrals(referredBy: signedIn.name)
    }

    /// The referrals to the account's organisation, newest first; none for an account without one.
    public func incoming() throws -> [ReferralRecord] {
        guard signedIn.role == .partner, let organisation = signedIn.account.organisation, !organisation.isEmpty else { return [] }
        return try database.referrals.referrals(toOrganization: organisation)
    }

    /// The referrals of a person the account may see, newest first.
    public func referrals(ofPerson personID: String) throws -> [ReferralRecord] {
        let current = try database.linkage.resolvePerson(personID) ?? personID
        return try database.referrals.referrals(ofPersons: [current]).filter { try maySee($0) }
    }

    /// The details of the resident the referral shared, by field, in the order they are offered: all any reader of
    /// the referral sees of the resident through it.
    public static func sharedDetails(of referral: ReferralRecord) -> [(field: String, value: String)] {
        let values = (try? JSONDecoder().decode([String: String].self, from: Data(referral.sharedDetails.utf8))) ?? [:]
        return shareableDetails.compactMap { field in values[field].map { (field, $0) } }
    }
}

extension ResidentScope {
    /// The residents referred to the scope's organisation, each with only the details its referrals shared (later
    /// referrals' values first): what a partner sees of a resident who is on none of its lists. Empty for any other
    /// scope, which sees residents through its lists, area or school.
    public func referredResidents() throws -> [String: [String: String]] {
        guard case .organisation(let organisation) = scope else { return [:] }
        var residents: [String: [String: String]] = [:]
        for referral in try database.referrals.referrals(toOrganization: organisation) {
            for (field, value) in ReferralAccess.sharedDetails(of: referral) where residents[referral.personId]?[field] == nil {
                residents[referral.personId, default: [:]][field] = value
            }
        }
        return residents
    }
}
