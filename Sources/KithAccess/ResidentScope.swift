import KithStore

/// Answers which residents an account's ``AccessScope`` reaches, from the store: a caseworker's area and a
/// school's pupils as the latest score run places them, a partner's residents from the lists of its organisation.
/// Every page and API call that shows a resident asks it first.
public struct ResidentScope: Sendable {
    public let database: any Store
    public let scope: AccessScope

    public init(database: any Store, scope: AccessScope) {
        self.database = database
        self.scope = scope
    }

    /// Whether the scope reaches the person (by any id the person has had).
    public func allows(_ personID: String) throws -> Bool {
        switch scope {
        case .everyone: return true
        case .nobody, .volunteer: return false
        case .organisation(let organisation):
            guard let current = try database.linkage.resolvePerson(personID) else { return false }
            return try database.access.isPerson(current, listedByOrganisation: organisation)
        case .area(let area):
            return try latestScore(of: personID)?.area?.lowercased() == area.lowercased()
        case .school(let school):
            guard let score = try latestScore(of: personID) else { return false }
            return score.schoolURN == school || score.school?.lowercased() == school.lowercased()
        }
    }

    /// The person's score in the latest run, which places them in an area and a school.
    private func latestScore(of personID: String) throws -> PersonScore? {
        guard let current = try database.linkage.resolvePerson(personID), let runID = try database.outreach.scoreRuns(limit: 1).first?.id
        else { return nil }
        return try database.outreach.personScore(inRun: runID, personId: current)
    }

    /// The persons the scope reaches; nil when it reaches everyone.
    public func personIDs() throws -> Set<String>? {
        switch scope {
        case .everyone: return nil
        case .nobody, .volunteer: return []
        case .organisation(let organisation): return Set(try database.access.personIds(listedByOrganisation: organisation))
        case .area(let area):
            guard let runID = try database.outreach.scoreRuns(limit: 1).first?.id else { return [] }
            return Set(try database.access.personIds(inRun: runID, area: area))
        case .school(let school):
            guard let runID = try database.outreach.scoreRuns(limit: 1).first?.id else { return [] }
            return Set(try database.access.personIds(inRun: runID, school: school))
        }
    }
}
