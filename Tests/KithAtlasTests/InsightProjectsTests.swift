import Foundation
import KithPlaces
import KithStore
import KithTestSupport
import Testing

@testable import KithAtlas

/// A community insights project over a real store: two organisations' figures for the same measure are added up
/// area by area, each under its own note of use; a contribution with a mistake stores nothing.
@Suite struct InsightProjectsTests {
    let folder: TemporaryFolder
    let database: KithDatabase
    let projects: InsightProjects

    init() throws {
        folder = try TemporaryFolder()
        database = try KithDatabase.open(path: folder.path("kith.sqlite").path)
        projects = InsightProjects(database: database)
    }

    static let metadata = """
        id,name,domain,unit,denominator,higher_is_more_need
        offline,Older residents not online,Digital access,people,older_people,yes
        older_people,Older residents known,Population,people,,no

        """

    @Test func contributionsOfAMeasureAreAddedUpUnderTheirNotesOfUse() throws {
        try projects.create("Digital divide", purpose: "Planning digital inclusion sessions", by: "analyst")
        let metadata = try folder.file("meta.csv", text: Self.metadata)
        let first = try folder.file("a.csv", text: "area_code,offline,older_people\nN1,12,100\nN2,3,50\n")
        let second = try folder.file("b.csv", text: "area_code,offline,older_people\nN1,8,60\nN3,1,10\n")
        let stored = try projects.contribute(
            first, metadata: metadata, toProject: "Digital divide", from: "Age Concern", usage: "Planning only", by: "a")
        #expect(stored.text == "Stored the figures of Age Concern for 1 measure of the project “Digital divide”.")
        _ = try projects.contribute(
            second, metadata: metadata, toProject: "Digital divide", from: "Libraries", usage: "Planning and reports", by: "b")
        let shared = try #require(try projects.shared("Digital divide"))
        #expect(shared.project.purpose == "Planning digital inclusion sessions")
        let measure = try #require(shared.measures.first)
        #expect(shared.measures.count == 1 && measure.id == "offline" && measure.name == "Older residents not online")
        #expect(measure.contributors.map(\.name) == ["Age Concern", "Libraries"])
        #expect(measure.contributors.map(\.usage) == ["Planning only", "Planning and reports"])
        #expect(
            measure.values == [
                IndicatorValue(area: "N1", value: 20, denominator: 160), IndicatorValue(area: "N2", value: 3, denominator: 50),
                IndicatorValue(area: "N3", value: 1, denominator: 10),
            ])
        // A project's figures are kept apart from the council's own indicators and index.
        #expect(try database.places.indicators(project: nil).isEmpty)
        // Loading again replaces that organisation's figures rather than adding them twice.
        _ = try projects.contribute(first, metadata: metadata, toProject: "Digital divide", from: "Age Concern", usage: "Planning only", by: "a")
        #expect(try projects.shared("Digital divide")?.measures.first?.values.first?.value == 20)
    }

    @Test func aContributionWithAMistakeOrNoProjectStoresNothing() throws {
        let table = try folder.file("a.csv", text: "area_code,offline\nN1,twelve\n")
        let metadata = try folder.file("meta.csv", text: Self.metadata)
        #expect(throws: InsightProjectError.unknownProject("Nope")) {
            try projects.contribute(table, metadata: metadata, toProject: "Nope", from: "Age Concern", usage: "Planning", by: "a")
        }
        try projects.create("Digital divide", purpose: "Planning", by: "analyst")
        #expect(throws: InsightProjectError.noUsage) {
            try projects.contribute(table, metadata: metadata, toProject: "Digital divide", from: "Age Concern", usage: " ", by: "a")
        }
        #expect(throws: PlaceLoader.Refusal.self) {
            try projects.contribute(table, metadata: metadata, toProject: "Digital divide", from: "Age Concern", usage: "Planning", by: "a")
        }
        #expect(try database.places.contributions(toProject: "Digital divide").isEmpty)
        #expect(throws: InsightProjectError.noPurpose) { try projects.create("Another", purpose: "", by: "analyst") }
    }
}
