import Foundation

/// Keeps each person's profile (``StoredProfile``) up to date with the rows, imports and contacts it is made from,
/// and reads contact lists from it with the latest scores.
public protocol ProfileRepository: Sendable {
    /// What the profiles were last brought up to date with; nil when they have never been built.
    func state() throws -> ProfileState?
    /// The store's latest complete import, link run and contact: what the profiles should be up to date with.
    func currentSources() throws -> ProfileState

    /// Every person with at least one linked row, in id order.
    func personIDsWithRows() throws -> [String]
    /// The linked rows of complete imports of each of these persons, in row id order, by person.
    func rows(ofPersons personIds: [String]) throws -> [String: [LinkableRow]]
    /// Persons whose rows a link run after `linkRunId` changed: rows gained, rows lost, merged away.
    func personsChanged(sinceLinkRun linkRunId: Int64?) throws -> Set<String>
    /// Persons with rows in an import that was its source's latest up to `importId` and is no longer: their rows
    /// have left the current picture.
    func personsOnListsSuperseded(sinceImport importId: Int64?) throws -> Set<String>
    /// The persons (by the id they were recorded against) of contacts recorded after `contactId`.
    func personsContacted(sinceContact contactId: Int64?) throws -> Set<String>

    /// Stored rows of complete imports that no link run has placed with a person yet.
    func unlinkedRowCount() throws -> Int

    /// Replaces these profiles and removes those of `removing`, in one transaction; with `state`, records it too.
    func save(_ profiles: [StoredProfile], removing: [String], state: ProfileState?) throws
    /// Removes every profile and the state, before building them all again.
    func removeAll() throws

    /// How many profiles on a latest list with an area of their own have each school key, by area.
    func schoolAreaCounts() throws -> [String: [String: Int]]
    /// Profiles without an area of their own, with their school key and the area they are placed in now.
    func profilesWithoutOwnArea() throws -> [(personId: String, schoolKey: String?, area: String?, fromSchool: Bool)]
    /// Places persons without an area of their own.
    func place(_ areas: [(personId: String, area: String, fromSchool: Bool)]) throws

    /// The stored profiles of these persons, in no order.
    func profiles(of personIds: [String]) throws -> [StoredProfile]
    /// Every stored profile (only those on a latest list when asked), in person id order, read one at a time.
    func forEachProfile(onLatestListOnly: Bool, _ body: (StoredProfile) throws -> Void) throws
    /// The profiles on a latest list that `query` admits and the run scored, with what ordering them needs.
    func outreachCandidates(inRun runId: Int64, _ query: OutreachQuery) throws -> [OutreachCandidate]
    /// How many profiles on a latest list the run did not score.
    func unscoredCount(inRun runId: Int64) throws -> Int
    /// Everyone on a latest list (only `personIds` when given) with the run's score, in person id order (by the
    /// id's bytes), read in one transaction; returns the state the profiles were read at.
    @discardableResult
    func forEachListedProfile(inRun runId: Int64, personIds: [String]?, _ body: (ListedProfile) throws -> Void) throws -> ProfileState?
    /// The areas and schools of the profiles on a latest list (only of `personIds` when given), sorted.
    func areasAndSchools(among personIds: Set<String>?) throws -> (areas: [String], schools: [String])
}
