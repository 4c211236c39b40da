import Foundation
import KithIngest
import KithOutreach
import KithPersons
import KithSpreadsheet
import KithStore
import KithSynthetic
import KithTestSupport
import KithVulnerability
import Testing

/// The profiles the store keeps: contact lists and person pages read from them must say exactly what rebuilding
/// every profile from every row says, and they must follow contacts, link runs that merge persons, and imports.
struct ProfileTableTests {
    /// What a contact list entry says, to compare the kept and the rebuilt lists field by field.
    private static func summary(_ entry: OutreachEntry) -> String {
        let profile = entry.profile
        return [
            profile.personID, profile.name, profile.age.map(String.init) ?? "-", profile.area ?? "-", String(profile.areaFromSchool),
            profile.school ?? "-", profile.postcode ?? "-", profile.householdID ?? "-", profile.lastContact?.description ?? "never",
            profile.lastContactSource ?? "-", profile.servicesText, entry.band.rawValue, String(entry.score), entry.reasonText, entry.action,
            profile.involvements.map { "\($0.source) \($0.rowCount) \($0.lastContact?.description ?? "-") \($0.details.count)" }.joined(
                separator: "|"),
            String(profile.records.count), String(profile.records.compactMap(\.date).count),
        ].joined(separator: " / ")
    }

    private static func expectSame(_ kept: OutreachList, _ rebuilt: OutreachList, _ comment: Comment) {
        #expect(kept.entries.map(summary) == rebuilt.entries.map(summary), comment)
        #expect(kept.listedCount == rebuilt.listedCount, comment)
        #expect(kept.deceasedCount == rebuilt.deceasedCount, comment)
        #expect(kept.doNotContactCount == rebuilt.doNotContactCount, comment)
        #expect(kept.movedCount == rebuilt.movedCount, comment)
        #expect(kept.unscoredCount == rebuilt.unscoredCount, comment)
    }

    private static func filters(_ borough: ScoredBorough) throws -> [OutreachFilter] {
        let entries = try OutreachList.rebuilt(database: borough.database, filter: OutreachFilter(), referenceDate: ScoredBorough.asOf).entries
        let area = try #require(entries.first?.profile.area)
        let school = try #require(entries.compactMap(\.profile.school).first)
        let placed = try #require(entries.first { $0.profile.areaFromSchool }?.profile.area)
        return [
            OutreachFilter(), OutreachFilter(limit: 100), OutreachFilter(area: area.lowercased(), limit: 100), OutreachFilter(area: placed),
            OutreachFilter(school: String(school.prefix(6))), OutreachFilter(bands: [.purple, .red], cohort: .child, limit: 25),
            OutreachFilter(area: area, bands: [.amber], cohort: .adult),
        ]
    }

    @Test func contactListsFromKeptProfilesEqualListsFromRebuiltProfiles() throws {
        let borough = try ScoredBorough(people: 4_000, seed: 41)
        for filter in try Self.filters(borough) {
            // As of the lists' day and as of a later one (a page served weeks on), when ages and dates move.
            for day in [ScoredBorough.asOf, ScoredBorough.asOf.adding(days: 400), ScoredBorough.asOf.adding(days: -200)] {
                let kept = try OutreachList.make(database: borough.database, filter: filter, referenceDate: day)
                let rebuilt = try OutreachList.rebuilt(database: borough.database, filter: filter, referenceDate: day)
                Self.expectSame(kept, rebuilt, "\(filter.description) as of \(day)")
            }
        }
        // Restricted to a scope, and reading only the first entries as a page does.
        let rebuiltAll = try OutreachList.rebuilt(database: borough.database, filter: OutreachFilter(), referenceDate: ScoredBorough.asOf)
        let scope = Set(rebuiltAll.entries.map(\.profile.personID).enumerated().filter { $0.offset % 3 == 0 }.map(\.element))
        let kept = try OutreachList.make(
            database: borough.database, filter: OutreachFilter(), referenceDate: ScoredBorough.asOf, restrictedTo: scope, reading: 50)
        let rebuilt = try OutreachList.rebuilt(
            database: borough.database, filter: OutreachFilter(), referenceDate: ScoredBorough.asOf, restrictedTo: scope)
        #expect(kept.entries.count == 50)
        #expect(kept.entries.map(Self.summary) == rebuilt.entries.prefix(50).map(Self.summary))
        #expect(kept.listedCount == rebuilt.entries.count)
    }

    @Test func aPersonsKeptProfileEqualsTheirRebuiltProfileAndTakesAContactAtOnce() throws {
        let borough = try ScoredBorough(people: 3_000, seed: 42)
        let reader = PersonProfileReader(database: borough.database, referenceDate: ScoredBorough.asOf)
        let ids = try OutreachList.rebuilt(database: borough.database, filter: OutreachFilter(limit: 40), referenceDate: ScoredBorough.asOf)
            .entries.map(\.profile.personID)
        for id in ids {
            let kept = try #require(try reader.profile(of: id))
            let rebuilt = try #require(try reader.rebuiltProfile(of: id))
            #expect(kept.records == rebuilt.records && kept.involvements == rebuilt.involvements && kept.rows == rebuilt.rows)
            #expect(kept.name == rebuilt.name && kept.area == rebuilt.area && kept.lastContact == rebuilt.lastContact)
        }
        let person = try #require(ids.last)
        let day = ScoredBorough.asOf.adding(days: 30)
        _ = try ContactRecorder(database: borough.database).record(personID: person, outcome: .referred, on: day, note: nil, by: "worker")
        // Recording the contact brought the kept profile up to date; nothing is left to refresh.
        #expect(try ProfileTable(database: borough.database).isCurrent())
        let stored = try #require(try borough.database.profiles.profiles(of: [person]).first)
        #expect(stored.lastContactDay == day.daysSinceEpoch)
        let later = PersonProfileReader(database: borough.database, referenceDate: day)
        #expect(try later.profile(of: person)?.lastContactSource == "Kith: referred")
        _ = try ContactRecorder(database: borough.database).record(personID: person, outcome: .moved, on: day, note: nil, by: "worker")
        #expect(try borough.database.profiles.profiles(of: [person]).first?.hasMoved == true)
    }

    @Test func aLinkRunThatMergesTwoPersonsLeavesOneProfileWithBothPersonsRows() throws {
        let borough = try ScoredBorough(people: 3_000, seed: 43)
        let entries = try OutreachList.rebuilt(database: borough.database, filter: OutreachFilter(), referenceDate: ScoredBorough.asOf).entries
        let from = try #require(entries.first { $0.profile.records.count == 1 }?.profile)
        let into = try #require(entries.last { $0.profile.personID != from.personID && $0.profile.involvements.count >= 1 }?.profile)
        try ProfileTable(database: borough.database).refresh()
        #expect(try borough.database.profiles.profiles(of: [from.personID]).count == 1)

        // A link run (as an incremental `kith link` saves one) that finds the two are one person.
        let latest = try #require(try borough.database.linkage.latestRun())
        var run = latest
        run.id = nil
        _ = try borough.database.linkage.saveRun(
            run, replacingPairs: false, newPersons: [], merges: [(from: from.personID, into: into.personID)], assignments: [], pairs: [],
            snapshot: nil
        ) { _ in AuditTrail.note(.link, by: "test", subject: "a merge", detail: "") }
        #expect(try !ProfileTable(database: borough.database).isCurrent())
        let rebuiltCount = try ProfileTable(database: borough.database).refresh()
        #expect(rebuiltCount == 2, "only the two persons the run changed are rebuilt")
        #expect(try borough.database.profiles.profiles(of: [from.personID]).isEmpty)
        let reader = PersonProfileReader(database: borough.database, referenceDate: ScoredBorough.asOf)
        let merged = try #require(try reader.profile(of: from.personID))
        #expect(merged.personID == into.personID)
        #expect(merged.records.count == from.records.count + into.records.count)
        let rebuilt = try #require(try reader.rebuiltProfile(of: into.personID))
        #expect(merged.records == rebuilt.records && merged.involvements == rebuilt.involvements && merged.name == rebuilt.name)
        let kept = try OutreachList.make(database: borough.database, filter: OutreachFilter(), referenceDate: ScoredBorough.asOf)
        let rebuiltList = try OutreachList.rebuilt(database: borough.database, filter: OutreachFilter(), referenceDate: ScoredBorough.asOf)
        Self.expectSame(kept, rebuiltList, "after the merge")
    }

    @Test func aNewImportOfAListTakesItsOldRowsOutOfTheCurrentPicture() throws {
        let folder = try TemporaryFolder()
        let borough = try BoroughGenerator(configuration: BoroughConfiguration(people: 3_000, seed: 44)).write(to: folder.url)
        let database = try KithDatabase.open(path: folder.url.appendingPathComponent("kith.sqlite").path)
        let importer = Importer(repository: database.imports)
        for list in borough.lists {
            try importer.run(
                ImportRequest(file: list.file, sourceName: list.source, sheet: list.sheet, importedBy: "test", referenceDate: ScoredBorough.asOf))
        }
        try PersonIndex(database: database, referenceDate: ScoredBorough.asOf).link(by: "test")
        _ = try VulnerabilityScoring(database: database, matrix: .standard, referenceDate: ScoredBorough.asOf).run(scoredBy: "test")
        let before = try OutreachList.make(database: database, filter: OutreachFilter(), referenceDate: ScoredBorough.asOf)

        // This week's copy of one list arrives: until it is linked, its rows are in no profile, and the persons the old
        // copy alone knew are on no current list.
        let list = try #require(borough.lists.first)
        try importer.run(
            ImportRequest(
                file: list.file, sourceName: list.source, sheet: list.sheet, importedBy: "test", force: true, referenceDate: ScoredBorough.asOf)
        )
        let rebuiltCount = try ProfileTable(database: database).refresh()
        #expect(rebuiltCount > 0 && rebuiltCount < before.listedCount + before.deceasedCount + before.doNotContactCount + before.movedCount + 1)
        let kept = try OutreachList.make(database: database, filter: OutreachFilter(), referenceDate: ScoredBorough.asOf)
        let rebuilt = try OutreachList.rebuilt(database: database, filter: OutreachFilter(), referenceDate: ScoredBorough.asOf)
        Self.expectSame(kept, rebuilt, "after the new import")
        #expect(kept.listedCount < before.listedCount)

        // Linked, they are back, and scoring reads the kept profiles.
        try PersonIndex(database: database, referenceDate: ScoredBorough.asOf).link(by: "test")
        _ = try VulnerabilityScoring(database: database, matrix: .standard, referenceDate: ScoredBorough.asOf).run(scoredBy: "test")
        let relinked = try OutreachList.make(database: database, filter: OutreachFilter(), referenceDate: ScoredBorough.asOf)
        Self.expectSame(
            relinked, try OutreachList.rebuilt(database: database, filter: OutreachFilter(), referenceDate: ScoredBorough.asOf), "relinked")
        #expect(relinked.unscoredCount == 0)
    }

    @Test func aStoreWhoseProfilesWereNeverBuiltBuildsThemOnFirstUse() throws {
        let borough = try ScoredBorough(people: 2_000, seed: 45)
        try borough.database.profiles.removeAll()
        #expect(try borough.database.profiles.state() == nil)
        let kept = try OutreachList.make(database: borough.database, filter: OutreachFilter(), referenceDate: ScoredBorough.asOf)
        #expect(try ProfileTable(database: borough.database).isCurrent())
        Self.expectSame(
            kept, try OutreachList.rebuilt(database: borough.database, filter: OutreachFilter(), referenceDate: ScoredBorough.asOf), "first use"
        )
    }
}
