/// Keeps accounts, browser sessions and API tokens, and answers which residents an account's scope reaches: a
/// caseworker's area, a school's pupils, the residents on a VCS organisation's lists.
public protocol AccessRepository: Sendable {
    /// Stores a new account and returns it with its id; throws if the name is taken, whatever its case.
    func insertAccount(_ account: Account) throws -> Account
    func updateAccount(_ account: Account) throws
    func account(named name: String) throws -> Account?
    func account(id: Int64) throws -> Account?
    /// Every account, by name.
    func accounts() throws -> [Account]

    func insertSession(_ session: WebSession) throws
    func session(tokenDigest: String) throws -> WebSession?
    func touchSession(tokenDigest: String, lastSeenAt: String) throws
    func deleteSession(tokenDigest: String) throws
    /// Ends every session of an account, as when its password changes or it is disabled.
    func deleteSessions(ofAccount accountId: Int64) throws
    /// Forgets sessions that expired before this ISO 8601 time.
    func deleteSessions(expiredBefore time: String) throws

    func insertToken(_ token: APIToken) throws -> APIToken
    func token(digest: String) throws -> APIToken?
    /// Every token, newest first.
    func tokens() throws -> [APIToken]
    func revokeToken(id: Int64, at time: String) throws

    /// Gives a list (creating its source if need be) to a VCS organisation, or takes it away with nil.
    func setOrganisation(_ organisation: String?, ofSourceNamed name: String, at time: String) throws
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
