import Foundation
import KithIngest
import KithLinkage
import KithPersons
import KithSpreadsheet
import KithStore
import KithSynthetic
import KithTestSupport
import Testing

/// Linking the store: persons kept across runs, decisions that stick, and incremental runs that keep ids.
struct PersonIndexTests {
    static let asOf = CivilDate(year: 2026, month: 11, day: 16)!

    /// A store holding some of a generated borough's lists, and the borough's folder.
    static func store(importing names: [String], from folder: TemporaryFolder, into database: KithDatabase) throws {
        let importer = Importer(repository: database.imports)
        for name in names {
            try importer.run(
                ImportRequest(
                    file: folder.url.appendingPathComponent("lists/" + name), sourceName: name, importedBy: "test",
                    referenceDate: asOf
                )
            )
        }
    }

    static func borough() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        _ = try BoroughGenerator(configuration: BoroughConfiguration(people: 3_000, seed: 5)).write(to: folder.url)
        return folder
    }

    @Test func aSecondRunLinksOnlyNewRowsAndKeepsEveryPersonId() throws {
        let folder = try Self.borough()
        let database = try KithDatabase.open(path: folder.path("kith.sqlite").path)
        let index = PersonIndex(
            database: database, referenceDate: Self.asOf, snapshotFile: PersonIndex.snapshotFile(forStoreAt: folder.path("kith.sqlite").path))
        try Self.store(
            importing: ["nhs-shielding-list.csv", "school-attendance.csv", "adult-social-care.xlsx", "childrens-services.xlsx"],
            from: folder, into: database
        )
        let first = try index.link(by: "test")
        #expect(first.mode == .full)
        let before = try database.linkage.personAssignments()
        #expect(before.count == first.records)

        try Self.store(importing: ["helpline-calls.csv"], from: folder, into: database)
        let second = try index.link(by: "test")
        #expect(second.mode == .incremental)
        #expect(second.newRecords > 0 && second.newRecords < first.records)
        let after = try database.linkage.personAssignments()
        #expect(after.count == first.records + second.newRecords)
        // Every earlier row still leads to its person, directly or through a merge.
        for (row, person) in before {
            #expect(try database.linkage.resolvePerson(person) == after[row])
        }
        #expect(try database.linkage.runs(limit: 5).count == 2)
    }

    @Test func aDecisionThatTwoRowsAreDifferentPeopleHoldsOnEveryLaterRun() throws {
        let folder = try Self.borough()
        let database = try KithDatabase.open(path: folder.path("kith.sqlite").path)
        let index = PersonIndex(database: database, referenceDate: Self.asOf)
        try Self.store(importing: ["nhs-shielding-list.csv", "adult-social-care.xlsx", "helpline-calls.csv"], from: folder, into: database)
        try index.link(by: "test")
        let assignments = try database.linkage.personAssignments()
        // Two rows the model put in one person.
        var byPerson: [String: [Int64]] = [:]
        for (row, person) in assignments { byPerson[person, default: []].append(row) }
        let pair = try #require(byPerson.values.first { $0.count == 2 }?.sorted())
        _ = try database.linkage.recordDecision(
            leftRowId: pair[0], rightRowId: pair[1], verdict: .different, decidedBy: "reviewer", decidedAt: "2026-11-21T10:00:00Z", note: nil
        ) { _, _ in AuditTrail.note(.reviewDecision, by: "reviewer", subject: "a pair", detail: "") }
        try index.link(by: "test")
        var now = try database.linkage.personAssignments()
        #expect(now[pair[0]] != now[pair[1]])
        // A full run from scratch respects it too.
        try index.link(by: "test", full: true)
        now = try database.linkage.personAssignments()
        #expect(now[pair[0]] != now[pair[1]])

        // And "the same person" joins two rows of different persons (two helpline calls, imported last, with no
        // NHS numbers to keep them apart).
        let other = Array(byPerson.values.filter { $0.count == 1 }.map(\.[0]).sorted().suffix(2))
        #expect(now[other[0]] != now[other[1]])
        _ = try database.linkage.recordDecision(
            leftRowId: other[0], rightRowId: other[1], verdict: .same, decidedBy: "reviewer", decidedAt: "2026-11-21T10:01:00Z", note: nil
        ) { _, _ in AuditTrail.note(.reviewDecision, by: "reviewer", subject: "a pair", detail: "") }
        try index.link(by: "test")
        now = try database.linkage.personAssignments()
        #expect(now[other[0]] == now[other[1]])
    }

    @Test func theEvidenceStoredWithEachPairForReviewReadsBackAsPairEvidence() throws {
        let folder = try Self.borough()
        let database = try KithDatabase.open(path: folder.path("kith.sqlite").path)
        try Self.store(importing: ["nhs-shielding-list.csv", "adult-social-care.xlsx", "helpline-calls.csv"], from: folder, into: database)
        try PersonIndex(database: database, referenceDate: Self.asOf).link(by: "test")
        let pairs = try database.linkage.reviewQueue(limit: 50, offset: 0)
        #expect(!pairs.isEmpty)
        for pair in pairs {
            let evidence = try #require(PairEvidence(json: pair.evidence), "\(pair.evidence)")
            #expect(!evidence.fields.isEmpty, "a pair for review keeps what each field said")
            #expect(evidence.fields.allSatisfy { $0.level != "missing" }, "fields that said nothing are left out")
        }
    }
}
