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
    /// The people listed, in order; only the first ``shownLimit`` of them when the list was made for a page.
    public var entries: [OutreachEntry]
    public var run: ScoreRun
    /// How many people the list holds (after the filter's limit), whether or not every entry was read.
    public var listedCount: Int
    /// Left out: a list says they died.
    public var deceasedCount: Int
    /// Left out: a list says not to contact them.
    public var doNotContactCount: Int
    /// Left out: the latest contact recorded in Kith says they moved away.
    public var movedCount: Int
    /// People linked since the scores were made: not on the list until `kith score` runs again. Counted only for a
    /// list of everyone in reach (`restrictedTo` nil).
    public var unscoredCount: Int

    /// Who a contact list holds and in what order, without their profiles: what ``make(database:order:referenceDate:reading:)``
    /// reads entries from. It stays right until the store's profiles, scores or the reference day change, so a web
    /// page can keep it for the next request with the same filter.
    public struct Order: Sendable {
        public var run: ScoreRun
        /// Everyone listed, in order, after the filter's limit.
        public var personIDs: [String]
        public var deceasedCount: Int
        public var doNotContactCount: Int
        public var movedCount: Int
        public var unscoredCount: Int
    }

    /// Makes the list from the store's latest score run and the kept profiles (brought up to date first): the store
    /// finds, filters and counts the scored people, only the entries listed are read in full. Pass `restrictedTo` to
    /// list only those persons (an account's scope), before the limit applies, and `reading` to read only the
    /// first so many entries (a page that shows 200 of them). Counting the unscored reads every profile's score, so
    /// a page that does not show the count can leave it at zero (`countingUnscored` false).
    public static func make(
        database: any Store, filter: OutreachFilter, referenceDate: CivilDate, restrictedTo allowed: Set<String>? = nil,
        reading shownLimit: Int? = nil, countingUnscored: Bool = true
    ) throws -> OutreachList {
        let order = try order(
            database: database, filter: filter, referenceDate: referenceDate, restrictedTo: allowed, countingUnscored: countingUnscored
        )
        return try make(database: database, order: order, referenceDate: referenceDate, reading: shownLimit)
    }

    /// Who the list holds, in order, and who it leaves out (see ``make(database:filter:referenceDate:restrictedTo:reading:countingUnscored:)``).
    public static func order(
        database: any Store, filter: OutreachFilter, referenceDate: CivilDate, restrictedTo allowed: Set<String>? = nil,
        countingUnscored: Bool = true
    ) throws -> Order {
        guard let run = try database.outreach.scoreRuns(limit: 1).first, let runID = run.id else { throw OutreachError.notScored }
        let table = ProfileTable(database: database)
        try table.refresh()
        let query = OutreachQuery(
            area: filter.area, school: filter.school, bands: filter.bands.map(\.rawValue), cohort: filter.cohort?.rawValue
        )
        var list = OutreachList(
            entries: [], run: run, listedCount: 0, deceasedCount: 0, doNotContactCount: 0, movedCount: 0,
            unscoredCount: allowed == nil && countingUnscored ? try database.profiles.unscoredCount(inRun: runID) : 0
        )
        let day = referenceDate.daysSinceEpoch
        var listed: [(candidate: OutreachCandidate, band: Band, lastContact: Int?)] = []
        var datedLater: [String] = []
        for candidate in try database.profiles.outreachCandidates(inRun: runID, query) where allowed?.contains(candidate.personId) ?? true {
            guard let band = Band(rawValue: candidate.band),
                !list.leavesOut(isDeceased: candidate.isDeceased, doNotContact: candidate.doNotContact, hasMoved: candidate.hasMoved)
            else { continue }
            // A row dated after the reference day does not count: such a person's last contact is read again below.
            if let latest = candidate.latestDay, latest > day { datedLater.append(candidate.personId) }
            listed.append((candidate, band, candidate.lastContactDay))
        }
        if !datedLater.isEmpty {
            let recounted = try table.profiles(of: datedLater, asOf: referenceDate)
            for index in listed.indices where recounted[listed[index].candidate.personId] != nil {
                listed[index].lastContact = recounted[listed[index].candidate.personId]?.lastContact?.daysSinceEpoch
            }
        }
        func key(_ item: (candidate: OutreachCandidate, band: Band, lastContact: Int?)) -> OutreachSort.Key<String> {
            .init(band: item.band, lastContact: item.lastContact ?? Int.min, score: item.candidate.score, tie: item.candidate.personId)
        }
        listed.sort { filter.sort.isBefore(key($0), key($1)) }
        return Order(
            run: run, personIDs: listed.prefix(filter.limit ?? Int.max).map(\.candidate.personId), deceasedCount: list.deceasedCount,
            doNotContactCount: list.doNotContactCount, movedCount: list.movedCount, unscoredCount: list.unscoredCount
        )
    }

    /// The list in `order`, reading only the first `reading` entries in full when given.
    public static func make(database: any Store, order: Order, referenceDate: CivilDate, reading shownLimit: Int? = nil) throws -> OutreachList {
        var list = OutreachList(
            entries: [], run: order.run, listedCount: order.personIDs.count, deceasedCount: order.deceasedCount,
            doNotContactCount: order.doNotContactCount, movedCount: order.movedCount, unscoredCount: order.unscoredCount
        )
        guard let runID = order.run.id else { return list }
        let table = ProfileTable(database: database)
        let ids = order.personIDs.prefix(shownLimit ?? Int.max)
        var start = ids.startIndex
        while start < ids.endIndex {
            let batch = Array(ids[start..<min(start + 5_000, ids.endIndex)])
            start += batch.count
            let profiles = try table.profiles(of: batch, asOf: referenceDate)
            let scores = try database.outreach.personScores(inRun: runID, personIds: batch)
            for personID in batch {
                guard let profile = profiles[personID], let score = scores[personID], let band = Band(rawValue: score.band) else { continue }
                list.entries.append(
                    OutreachEntry(
                        profile: profile, band: band, score: score.score, cohort: Cohort(rawValue: score.cohort) ?? .adult,
                        reasons: ScoreReason.list(fromJSON: score.reasons), action: profile.actionNamingLeads(score.action)
                    )
                )
            }
        }
        return list
    }

    /// Makes the list as it was made before profiles were kept: every profile rebuilt from every row, filtered and
    /// sorted in memory. The reference that ``make(database:filter:referenceDate:restrictedTo:reading:countingUnscored:)`` must equal.
    public static func rebuilt(
        database: any Store, filter: OutreachFilter, referenceDate: CivilDate, restrictedTo allowed: Set<String>? = nil
    ) throws -> OutreachList {
        guard let run = try database.outreach.scoreRuns(limit: 1).first, let runID = run.id else { throw OutreachError.notScored }
        let scores = Dictionary(uniqueKeysWithValues: try database.outreach.personScores(inRun: runID).map { ($0.personId, $0) })
        let profiles = try PersonProfileReader(database: database, referenceDate: referenceDate).allProfiles().profiles
        var list = OutreachList(
            entries: [], run: run, listedCount: 0, deceasedCount: 0, doNotContactCount: 0, movedCount: 0, unscoredCount: 0
        )
        for profile in profiles where allowed?.contains(profile.personID) ?? true {
            guard let score = scores[profile.personID], let band = Band(rawValue: score.band) else {
                list.unscoredCount += 1
                continue
            }
            let entry = OutreachEntry(
                profile: profile, band: band, score: score.score, cohort: Cohort(rawValue: score.cohort) ?? .adult,
                reasons: ScoreReason.list(fromJSON: score.reasons), action: profile.actionNamingLeads(score.action)
            )
            guard filter.admits(entry),
                !list.leavesOut(isDeceased: profile.isDeceased, doNotContact: profile.doNotContact, hasMoved: profile.hasMoved)
            else { continue }
            list.entries.append(entry)
        }
        list.entries.sort { filter.sort.isBefore($0.sortKey, $1.sortKey) }
        if let limit = filter.limit { list.entries = Array(list.entries.prefix(limit)) }
        list.listedCount = list.entries.count
        if allowed != nil { list.unscoredCount = 0 }
        return list
    }

    /// Counts someone who must not be listed (died, not to be contacted, moved away) and says so.
    private mutating func leavesOut(isDeceased: Bool, doNotContact: Bool, hasMoved: Bool) -> Bool {
        if isDeceased {
            deceasedCount += 1
        } else if doNotContact {
            doNotContactCount += 1
        } else if hasMoved {
            movedCount += 1
        } else {
            return false
        }
        return true
    }
}
