/// Keeps accounts, browser sessions and API tokens, and answers which residents an account's scope reaches: a
/// caseworker's area, a school's pupils, the residents on a VCS organisation's lists.
///
/// Each change to an account, a token or a list's owner is audited: it takes its audit entry (or how to make it,
/// from what it stored) and writes it in its own transaction, so that the change is stored with its entry or not
/// at all.
public protocol AccessRepository: Sendable {
    /// Stores a new account and the entry `audit` makes for it, and returns the account with its id; throws if the
    /// name is taken, whatever its case.
    func insertAccount(_ account: Account, audit: (Account) -> AuditNote) throws -> Account
    /// Saves a changed account with its audit entry; when `endingSessions`, ends every session of the account too,
    /// as when its password changes or it is disabled.
    func updateAccount(_ account: Account, endingSessions: Bool, audit: AuditNote) throws
    func account(named name: String) throws -> Account?
    func account(id: Int64) throws -> Account?
    /// Every account, by name.
    func accounts() throws -> [Account]

    func insertSession(_ session: WebSession) throws
    func session(tokenDigest: String) throws -> WebSession?
    func touchSession(tokenDigest: String, lastSeenAt: String) throws
    func deleteSession(tokenDigest: String) throws
    /// Ends a session as its account signs out, with the audit entry that says so.
    func endSession(tokenDigest: String, audit: AuditNote) throws
    /// Forgets sessions that expired before this ISO 8601 time.
    func deleteSessions(expiredBefore time: String) throws

    /// Stores a new token (its digest) and the entry `audit` makes for it, and returns the token with its id.
    func insertToken(_ token: APIToken, audit: (APIToken) -> AuditNote) throws -> APIToken
    func token(digest: String) throws -> APIToken?
    func token(id: Int64) throws -> APIToken?
    /// Every token, newest first.
    func tokens() throws -> [APIToken]
    /// Revokes a token that is not revoked yet, with its audit entry, and says whether it did; a token already
    /// revoked, or unknown, is left as it is and nothing is audited.
    func revokeToken(id: Int64, at time: String, audit: AuditNote) throws -> Bool

    /// Gives a list (creating its source if need be) to a VCS organisation, or takes it away with nil, with its
    /// audit entry.
    func setOrganisation(_ organisation: String?, ofSourceNamed name: String, at time: String, audit: AuditNote) throws
    /// The organisation a list belongs to, if the list is known and belongs to one; names ignore case.
    func organisation(ofSourceNamed name: String) throws -> String?
    /// The names of the lists that belong to an organisation.
    func sourceNames(ofOrganisation organisation: String) throws -> [String]

    /// Persons scored in a run whose area is `area`, ignoring case.
    func personIds(inRun runId: Int64, area: String) throws -> [String]
    /// Persons scored in a run at a school, named by its name or URN, ignoring case.
    func personIds(inRun runId: Int64, school: String) throws -> [String]
    /// Persons with a row in any list of the organisation.
    func personIds(listedByOrganisation organisation: String) throws -> [String]
    /// Whether a person has a row in any list of the organisation.
    func isPerson(_ personId: String, listedByOrganisation organisation: String) throws -> Bool
}
