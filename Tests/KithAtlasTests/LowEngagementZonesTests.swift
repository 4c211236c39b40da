import Foundation
import KithHelpDesk
import KithIngest
import KithPlaces
import KithSpreadsheet
import KithStore
import KithSynthetic
import KithTestSupport
import Testing

@testable import KithAtlas

/// The overlay on the synthetic borough of 50,000 residents, where the generator hides under-served neighbourhoods
/// (their residents call about a third as often as others of the same need): the low engagement zones must find
/// them and flag few others. Demand is read as Kith reads it: the partner helpline's call log imported as a list,
/// and the help desk's eight weeks of requests, each placed by its postcode through the generated postcode lookup.
@Suite struct LowEngagementZonesTests {
    @Test func theZonesFindTheHiddenUnderServedNeighbourhoods() throws {
        let folder = try TemporaryFolder()
        let configuration = BoroughConfiguration()
        let summary = try BoroughGenerator(configuration: configuration).write(to: folder.path("borough"))
        let database = try KithDatabase.open(path: folder.path("kith.sqlite").path)
        let helpline = try #require(summary.lists.first { $0.source == "Helpline call log" })
        _ = try Importer(repository: database.imports).run(
            ImportRequest(file: helpline.file, sourceName: helpline.source, sheet: helpline.sheet, importedBy: "test"))
        let help = try #require(summary.help)
        _ = try HelpLoader(database: database).load(hubs: help.hubs, volunteers: help.volunteers, requests: help.requests, by: "test")
        let places = try #require(summary.places)
        let loader = PlaceLoader(database: database)
        _ = try loader.loadBoundaries(places.boundaries, level: nil, by: "test")
        _ = try loader.loadPostcodes(places.postcodes, by: "test")
        _ = try loader.loadIndicators(places.indicators, metadata: places.indicatorMetadata, by: "test")

        let day = configuration.extractDate
        let result = try Atlas(database: database).overlay(level: .neighbourhood, from: day.adding(days: -55), to: day.adding(days: 1))
        let truth = try String(contentsOf: folder.path("borough/truth/underserved-areas.csv"), encoding: .utf8)
        let hidden = Set(truth.split(whereSeparator: \.isNewline).dropFirst().map { String($0.split(separator: ",")[0]) })
        let zones = Set(result.overlay.lowEngagementZones.map(\.code))
        #expect(hidden.count == 8)
        #expect(zones.intersection(hidden).count >= 7, "found \(zones.intersection(hidden).count) of \(hidden.count)")
        #expect(zones.subtracting(hidden).count <= 2, "wrongly flagged \(zones.subtracting(hidden).sorted())")
        // The model says what a needier area is expected to ask: more, not less.
        #expect(result.overlay.slope > 0)
        // Each zone comes with its evidence: fewer calls than expected, by a margin chance rarely gives.
        for zone in result.overlay.lowEngagementZones {
            #expect(zone.ratio < 0.6 && zone.pValue < 0.01)
        }
        // The calls counted are the log's rows and the requests, each placed by postcode.
        let demand = result.demand.values.reduce(0) { $0 + $1.helpline }
        #expect(demand > 2_000)
    }
}
