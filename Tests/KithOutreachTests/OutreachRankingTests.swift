import Foundation
import KithOutreach
import KithSpreadsheet
import KithStore
import KithVulnerability
import Testing

/// The ranking the web keeps of every contact list at once: each list it gives must be the list the store's own
/// query gives, for any filter and scope, and stay so after contacts are recorded (read again for those persons
/// only) and on another day.
struct OutreachRankingTests {
    private static func filters(_ borough: ScoredBorough) throws -> [OutreachFilter] {
        let entries = try OutreachList.rebuilt(database: borough.database, filter: OutreachFilter(), referenceDate: ScoredBorough.asOf).entries
        let area = try #require(entries.first?.profile.area)
        let school = try #require(entries.compactMap(\.profile.school).first)
        let urn = try #require(entries.compactMap(\.profile.schoolURN).first)
        let placed = try #require(entries.first { $0.profile.areaFromSchool }?.profile.area)
        return [
            OutreachFilter(), OutreachFilter(limit: 100), OutreachFilter(area: area.lowercased(), limit: 100), OutreachFilter(area: placed),
            OutreachFilter(area: "nowhere at all"), OutreachFilter(school: String(school.prefix(6)).uppercased()), OutreachFilter(school: urn),
            OutreachFilter(bands: [.purple, .red], cohort: .child, limit: 25), OutreachFilter(area: area, bands: [.amber], cohort: .adult),
            OutreachFilter(cohort: .olderAdult), OutreachFilter(area: area, school: String(school.suffix(4))),
            OutreachFilter(limit: 100, sort: .leastRecentContact), OutreachFilter(area: area, sort: .score),
            OutreachFilter(bands: [.red, .amber], limit: 30, sort: .score),
        ]
    }

    private static func expectSame(_ ranked: OutreachList.Order, _ queried: OutreachList.Order, _ comment: Comment) {
        #expect(ranked.personIDs == queried.personIDs, comment)
        #expect(ranked.deceasedCount == queried.deceasedCount, comment)
        #expect(ranked.doNotContactCount == queried.doNotContactCount, comment)
        #expect(ranked.movedCount == queried.movedCount, comment)
        #expect(ranked.unscoredCount == queried.unscoredCount, comment)
        #expect(ranked.run.id == queried.run.id, comment)
    }

    private static func expectSameLists(_ ranking: OutreachRanking, _ borough: ScoredBorough, day: CivilDate, _ label: String) throws {
        let everyone = try OutreachList.order(database: borough.database, filter: OutreachFilter(), referenceDate: day).personIDs
        let scope = Set(everyone.enumerated().filter { $0.offset % 3 == 0 }.map(\.element))
        for filter in try filters(borough) {
            for allowed in [nil, scope] {
                let queried = try OutreachList.order(database: borough.database, filter: filter, referenceDate: day, restrictedTo: allowed)
                expectSame(
                    ranking.order(filter, restrictedTo: allowed), queried,
                    "\(label): \(filter.description), \(allowed == nil ? "everyone" : "a scope")")
            }
        }
    }

    @Test func eachOrderSortsByItsOwnKeyFirstAndBreaksTiesByTheOthers() {
        typealias Key = OutreachSort.Key<Int>
        let purpleRecent = Key(band: .purple, lastContact: 20_000, score: 40, tie: 1)
        let redNever = Key(band: .red, lastContact: Int.min, score: 30, tie: 2)
        let greenHigh = Key(band: .green, lastContact: 19_000, score: 90, tie: 3)
        func sorted(_ sort: OutreachSort) -> [Int] { [greenHigh, redNever, purpleRecent].sorted { sort.isBefore($0, $1) }.map(\.tie) }
        #expect(sorted(.priority) == [1, 2, 3])
        #expect(sorted(.leastRecentContact) == [2, 3, 1], "never contacted first, then the longest ago")
        #expect(sorted(.score) == [3, 1, 2])
        #expect(!OutreachSort.score.isBefore(redNever, redNever), "a strict order")
    }

    @Test func everyListFromTheRankingIsTheStoresListAndFollowsContacts() throws {
        let borough = try ScoredBorough(people: 4_000, seed: 44)
        try ProfileTable(database: borough.database).refresh()
        let ranking = try OutreachRanking.make(database: borough.database, referenceDate: ScoredBorough.asOf)
        try Self.expectSameLists(ranking, borough, day: ScoredBorough.asOf, "as made")
        #expect(try ranking.isCurrent(database: borough.database, referenceDate: ScoredBorough.asOf))
        #expect(try ranking.updated(database: borough.database, referenceDate: ScoredBorough.asOf).key == ranking.key)

        // Contacts recorded: the people reached move down, the one who moved away leaves the list.
        let order = ranking.order(OutreachFilter())
        let reached = Array(order.personIDs.prefix(5)), moved = order.personIDs[7]
        for person in reached {
            _ = try ContactRecorder(database: borough.database).record(
                personID: person, outcome: .reached, on: ScoredBorough.asOf, note: nil, by: "worker")
        }
        _ = try ContactRecorder(database: borough.database).record(personID: moved, outcome: .moved, on: ScoredBorough.asOf, note: nil, by: "worker")
        #expect(try !ranking.isCurrent(database: borough.database, referenceDate: ScoredBorough.asOf))
        let updated = try ranking.updated(database: borough.database, referenceDate: ScoredBorough.asOf)
        #expect(updated.key != ranking.key)
        try Self.expectSameLists(updated, borough, day: ScoredBorough.asOf, "after contacts")
        let after = updated.order(OutreachFilter())
        #expect(!after.personIDs.prefix(5).contains(reached[0]), "reached today, they go after people not contacted")
        #expect(!after.personIDs.contains(moved) && after.movedCount == order.movedCount + 1)

        // Another day: made again as of it.
        let later = ScoredBorough.asOf.adding(days: 400)
        try Self.expectSameLists(try updated.updated(database: borough.database, referenceDate: later), borough, day: later, "a year on")
    }

    @Test func theChoicesAreTheAreasAndSchoolsOfThePeopleListed() throws {
        let borough = try ScoredBorough(people: 3_000, seed: 45)
        try ProfileTable(database: borough.database).refresh()
        let ranking = try OutreachRanking.make(database: borough.database, referenceDate: ScoredBorough.asOf)
        let listed = try OutreachList.make(database: borough.database, filter: OutreachFilter(), referenceDate: ScoredBorough.asOf).entries
        let choices = ranking.everyonesChoices
        #expect(choices.areas == Set(listed.compactMap(\.profile.area)).sorted())
        #expect(choices.schools(inArea: nil) == Set(listed.compactMap(\.profile.school)).sorted())
        let area = try #require(listed.first { $0.profile.school != nil }?.profile.area)
        let inArea = Set(listed.filter { $0.profile.area == area }.compactMap(\.profile.school)).sorted()
        #expect(choices.schools(inArea: area.lowercased()) == inArea)
        #expect(choices.schoolCount(inArea: area) == inArea.count && inArea.count < choices.schoolCount(inArea: nil))

        // A scope's choices are those of its own people only.
        let scope = Set(listed.filter { $0.profile.area == area }.prefix(40).map(\.profile.personID))
        let scoped = ranking.choices(restrictedTo: scope)
        #expect(scoped.areas == [area])
        #expect(scoped.schools(inArea: nil) == Set(listed.filter { scope.contains($0.profile.personID) }.compactMap(\.profile.school)).sorted())
    }
}
