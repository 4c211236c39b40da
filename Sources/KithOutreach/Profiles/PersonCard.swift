import KithSpreadsheet
import KithStore

/// Everything shown about one person when someone looks them up: their profile, latest score, household and
/// recorded contacts. Loading a card is a view of a person, so it is written to the audit trail.
public struct PersonCard: Sendable {
    /// A household member as the card lists them.
    public struct Member: Sendable {
        public var personID: String
        public var name: String
        public var age: Int?
    }

    public var profile: PersonProfile
    public var run: ScoreRun?
    public var score: PersonScore?
    public var household: HouseholdScore?
    /// Everyone scored at the same address, the person included.
    public var members: [Member]
    public var contacts: [ContactRecord]

    /// Loads the card of `personID` (following merges) and records the view; throws for an unknown id.
    public static func load(
        personID: String, database: any Store, referenceDate: CivilDate, viewedBy viewer: String, purpose: String
    ) throws -> PersonCard {
        let reader = PersonProfileReader(database: database, referenceDate: referenceDate)
        guard let profile = try reader.profile(of: personID) else { throw OutreachError.unknownPerson(personID) }
        let run = try database.outreach.scoreRuns(limit: 1).first
        let score = try run?.id.flatMap { try database.outreach.personScore(inRun: $0, personId: profile.personID) }
        var household: HouseholdScore?
        var members: [Member] = []
        if let runID = run?.id, let householdID = score?.householdId {
            household = try database.outreach.householdScore(inRun: runID, householdId: householdID)
            let scored = try database.outreach.personScores(inRun: runID, householdId: householdID)
            var names: [String: String] = [:]
            for member in scored where member.personId != profile.personID {
                // A member merged since the run is named by the person they are now.
                let current = try database.linkage.resolvePerson(member.personId) ?? member.personId
                names[member.personId] = current
            }
            let profiles = try ProfileTable(database: database).profiles(of: Array(Set(names.values)), asOf: referenceDate)
            members = scored.map { member in
                let name = member.personId == profile.personID ? profile.name : names[member.personId].flatMap { profiles[$0]?.name } ?? ""
                return Member(personID: member.personId, name: name, age: member.age)
            }
        }
        let contacts = try database.outreach.contacts(ofPersons: [profile.personID])
        try AuditTrail(database: database).record(.viewPerson, by: viewer, subject: profile.personID, personIDs: [profile.personID], detail: purpose)
        return PersonCard(profile: profile, run: run, score: score, household: household, members: members, contacts: contacts)
    }
}
