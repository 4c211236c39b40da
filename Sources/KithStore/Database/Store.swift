/// A Kith store as the libraries know it: one repository protocol per capability and nothing of how they are kept.
/// The libraries are given an `any Store`, so they know neither SQLite nor GRDB; ``KithDatabase`` (one SQLite file)
/// is the store there is, and another (PostgreSQL, for a deployment with many users) would provide the same.
public protocol Store: Sendable {
    /// Sources, imports, their columns, findings and rows.
    var imports: any ImportRepository { get }
    /// Link runs, persons, decisions and the review queue.
    var linkage: any LinkageRepository { get }
    /// Score runs, scores and contacts.
    var outreach: any OutreachRepository { get }
    /// Accounts, sessions, tokens and what an account's scope reaches.
    var access: any AccessRepository { get }
    /// The person profiles kept up to date for pages and contact lists.
    var profiles: any ProfileRepository { get }
    /// The audit trail.
    var audit: any AuditRepository { get }
    /// The services and capacity directory.
    var directory: any DirectoryRepository { get }
    /// Referrals of residents to the directory's services, and their steps.
    var referrals: any ReferralRepository { get }
    /// Help requests, hubs, the volunteer bureau, volunteers' tasks and lead professionals.
    var help: any HelpRepository { get }
    /// Areas, boundaries, the postcode lookup and indicators, and the store's records counted by area.
    var places: any PlacesRepository { get }
}

extension KithDatabase: Store {}
