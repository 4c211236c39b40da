import Foundation
import KithStore

/// Who keeps which of the directory's services: edits their details, updates their capacity and answers their
/// callback requests. A partner account keeps its own organisation's services only (the account's organisation is
/// the directory's organisation with that id or, ignoring case, that name); administrators and analysts keep every
/// service, for the borough; other roles keep none. Callback requests hold a resident's name and number, so the
/// same rule says who may read them.
public enum DirectoryStewardship {
    /// The organisations an account keeps.
    public enum Reach: Sendable, Equatable {
        case every
        /// These organisations, by ORUK id (possibly none).
        case organizations(Set<String>)

        public func includes(_ organizationID: String) -> Bool {
            switch self {
            case .every: true
            case .organizations(let ids): ids.contains(organizationID)
            }
        }
    }

    /// The organisations `account` keeps, among the directory's `organizations`.
    public static func reach(of account: Account, among organizations: [DirectoryOrganizationRecord]) -> Reach {
        guard let role = Role(rawValue: account.role), role.can(.editDirectory) else { return .organizations([]) }
        if role.seesEveryone { return .every }
        return .organizations(Set(organizations.filter { belongs(account, toOrganizationID: $0.id, named: $0.name) }.map(\.id)))
    }

    /// Whether `account` is a partner of the directory's organisation with this id and name: the account's
    /// organisation is the id, or the name ignoring case. The one rule for matching a partner to its organisation,
    /// for keeping services and for answering referrals alike.
    public static func belongs(_ account: Account, toOrganizationID id: String, named name: String) -> Bool {
        guard Role(rawValue: account.role) == .partner, let own = account.organisation.map(folded), !own.isEmpty else { return false }
        return own == folded(id) || own == folded(name)
    }

    /// Whether `account` keeps the organisation `organization`.
    public static func keeps(_ organization: DirectoryOrganizationRecord, account: Account) -> Bool {
        reach(of: account, among: [organization]).includes(organization.id)
    }

    static func folded(_ text: String) -> String {
        // Case only, as the store's NOCASE lookups of a partner's referrals compare names.
        text.trimmingCharacters(in: .whitespaces).lowercased()
    }
}
