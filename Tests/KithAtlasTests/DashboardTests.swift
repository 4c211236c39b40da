import Foundation
import KithAccess
import KithIngest
import KithOutreach
import KithPersons
import KithPlaces
import KithSpreadsheet
import KithStore
import KithSynthetic
import KithTestSupport
import KithVulnerability
import Testing

@testable import KithAtlas

/// The dashboard's counts over a real store: a generated borough imported, linked, scored twice, with its places
/// loaded; the counts must agree with the store's own rows, whichever way they are cut.
@Suite struct DashboardTests {
    static let asOf = CivilDate(year: 2026, month: 11, day: 16)!

    static func analyst() -> SignedIn {
        SignedIn(
            account: Account(name: "analyst", role: "analyst", passwordHash: "", createdAt: "", createdBy: ""), role: .analyst, csrfToken: nil,
            sessionDigest: nil)
    }

    @Test func theCountsAgreeWithTheStore() throws {
        let folder = try TemporaryFolder()
        let summary = try BoroughGenerator(configuration: BoroughConfiguration(people: 2_500, seed: 7)).write(to: folder.path("borough"))
        let database = try KithDatabase.open(path: folder.path("kith.sqlite").path)
        for list in summary.lists {
            _ = try Importer(repository: database.imports).run(
                ImportRequest(file: list.file, sourceName: list.source, sheet: list.sheet, importedBy: "test", referenceDate: Self.asOf))
        }
        let places = try #require(summary.places)
        let loader = PlaceLoader(database: database)
        _ = try loader.loadBoundaries(places.boundaries, level: nil, by: "test")
        _ = try loader.loadPostcodes(places.postcodes, by: "test")
        _ = try PersonIndex(database: database, referenceDate: Self.asOf).link(by: "test")
        _ = try VulnerabilityScoring(database: database, matrix: .standard, referenceDate: Self.asOf.adding(days: -7)).run(scoredBy: "test")
        let latest = try VulnerabilityScoring(database: database, matrix: .standard, referenceDate: Self.asOf).run(scoredBy: "test")
        let atlas = Atlas(database: database)
        let borough = try atlas.dashboard(area: nil, from: Self.asOf.adding(days: -13), through: Self.asOf, for: Self.analyst())

        // Every scored person on a latest list is counted once, by band; the moves cover everyone in either run.
        let scores = try database.outreach.personScores(inRun: try #require(latest.run.id))
        let onLists = Set(try database.profiles.profiles(of: scores.map(\.personId)).filter(\.onLatestList).map(\.personId))
        #expect(borough.bandTotals.values.reduce(0, +) == scores.filter { onLists.contains($0.personId) }.count)
        #expect(borough.activity.moves.reduce(0) { $0 + $1.persons } == scores.count)
        #expect(borough.activity.runs.map(\.day) == [Self.asOf.adding(days: -7).description, Self.asOf.description])

        // Welfare checks: those the latest run calls for; one reached counts as done.
        let triggered = scores.filter { $0.reasons.contains("\"vulnerable-child-not-attending\"") }
        #expect(borough.activity.welfareChecksTriggered == triggered.filter { onLists.contains($0.personId) }.count)
        let child = try #require(triggered.first { onLists.contains($0.personId) })
        _ = try ContactRecorder(database: database).record(personID: child.personId, outcome: .reached, on: Self.asOf, note: nil, by: "test")
        let after = try atlas.dashboard(area: nil, from: Self.asOf.adding(days: -13), through: Self.asOf, for: Self.analyst())
        #expect(after.activity.welfareChecksDone == 1)
        #expect(after.activity.contactsByDay[Self.asOf.description] == 1)
        #expect(after.weeks.last?.contacts == 1)

        // The hub areas together hold everyone placed by a postcode, and a hub's dashboard counts only its own.
        let hubs = borough.areas
        #expect(hubs.count == 7)
        let placed = hubs.reduce(0) { $0 + $1.purple + $1.red + $1.amber + $1.green }
        let ashbrook = try atlas.dashboard(area: "ashbrook", from: Self.asOf.adding(days: -13), through: Self.asOf, for: Self.analyst())
        let inAshbrook = try #require(hubs.first { $0.code == "ashbrook" })
        #expect(ashbrook.bandTotals.values.reduce(0, +) == inAshbrook.purple + inAshbrook.red + inAshbrook.amber + inAshbrook.green)
        #expect(placed <= borough.bandTotals.values.reduce(0, +))
        #expect(ashbrook.areas.allSatisfy { $0.code.hasPrefix("E019") }, "a hub area's dashboard lists its neighbourhoods")
        #expect(throws: AtlasError.unknownArea("nowhere")) {
            try atlas.dashboard(area: "nowhere", from: Self.asOf, through: Self.asOf, for: Self.analyst())
        }
    }
}
