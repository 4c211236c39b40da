import Foundation
import KithSpreadsheet
import KithStore
import KithVulnerability

/// The prioritised contact list: everyone in the latest score run, with their current profile and last contact,
/// in the order they should be contacted.
///
/// People a list says have died or must not be contacted, and people recorded as moved away, are left out and
/// counted.
public struct OutreachList: Sendable {
    public var entries: [OutreachEntry]
    public var run: ScoreRun
    /// Left out: a list says they died.
    public var deceasedCount: Int
    /// Left out: a list says not to contact them.
    public var doNotContactCount: Int
    /// Left out: the latest contact recorded in Kith says they moved away.
    public var movedCount: Int
    /// People linked since the scores were made: not on the list until `kith score` runs again.
    public var unscoredCount: Int

    /// Builds the list from the store's latest score run. Pass `profiles` when they were just read (as a scoring
    /// returns them) to save reading every row again, and `restrictedTo` to list only those persons (an account's
    /// scope), before the limit applies.
    public static func make(
        database: KithDatabase, filter: OutreachFilter, referenceDate: CivilDate, profiles: [PersonProfile]? = nil,
        restrictedTo allowed: Set<String>? = nil
    ) throws -> OutreachList {
        guard let run = try database.outreach.scoreRuns(limit: 1).first, let runID = run.id else { throw OutreachError.notScored }
        let scores = Dictionary(uniqueKeysWithValues: try database.outreach.personScores(inRun: runID).map { ($0.personId, $0) })
        let profiles = try profiles ?? PersonProfileReader(database: database, referenceDate: referenceDate).allProfiles().profiles
        var list = OutreachList(entries: [], run: run, deceasedCount: 0, doNotContactCount: 0, movedCount: 0, unscoredCount: 0)
        for profile in profiles where allowed?.contains(profile.personID) ?? true {
            guard let score = scores[profile.personID], let band = Band(rawValue: score.band) else {
                list.unscoredCount += 1
                continue
            }
            let entry = OutreachEntry(
                profile: profile, band: band, score: score.score, cohort: Cohort(rawValue: score.cohort) ?? .adult,
                reasons: ScoreReason.list(fromJSON: score.reasons), action: profile.actionNamingLeads(score.action)
            )
            guard filter.admits(entry) else { continue }
            if profile.isDeceased {
                list.deceasedCount += 1
            } else if profile.doNotContact {
                list.doNotContactCount += 1
            } else if profile.hasMoved {
                list.movedCount += 1
            } else {
                list.entries.append(entry)
            }
        }
        list.entries.sort(by: OutreachEntry.isBefore)
        if let limit = filter.limit { list.entries = Array(list.entries.prefix(limit)) }
        return list
    }
}
