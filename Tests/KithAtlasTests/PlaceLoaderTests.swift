import Foundation
import KithPlaces
import KithSpreadsheet
import KithStore
import KithTestSupport
import Testing

@testable import KithAtlas

/// Loading boundaries, the postcode lookup and indicator tables into a real store, and reading the index, Kith's
/// own figures and demand back by area.
@Suite struct PlaceLoaderTests {
    let folder: TemporaryFolder
    let database: KithDatabase
    let loader: PlaceLoader

    init() throws {
        folder = try TemporaryFolder()
        database = try KithDatabase.open(path: folder.path("kith.sqlite").path)
        loader = PlaceLoader(database: database)
    }

    /// Four neighbourhoods in a row, each a square 0.01° wide, in two hub areas.
    func boundaries() throws -> URL {
        func square(_ west: Double) -> String {
            let east = west + 0.01
            return "[[[\(west),53.5],[\(east),53.5],[\(east),53.51],[\(west),53.51],[\(west),53.5]]]"
        }
        var features: [String] = []
        for (index, code) in ["N1", "N2", "N3", "N4"].enumerated() {
            features.append(
                "{\"type\":\"Feature\",\"properties\":{\"code\":\"\(code)\",\"name\":\"Area \(code)\",\"level\":\"neighbourhood\",\"parent\":\"\(index < 2 ? "east" : "west")\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":\(square(-2.1 + Double(index) * 0.01))}}"
            )
        }
        features.append(
            "{\"type\":\"Feature\",\"properties\":{\"code\":\"east\",\"name\":\"East\",\"level\":\"hub\",\"parent\":null},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[-2.1,53.5],[-2.08,53.5],[-2.08,53.51],[-2.1,53.51],[-2.1,53.5]]]}}"
        )
        return try folder.file("boundaries.geojson", text: "{\"type\":\"FeatureCollection\",\"features\":[\(features.joined(separator: ","))]}")
    }

    func loadEverything() throws {
        _ = try loader.loadBoundaries(try boundaries(), level: nil, by: "analyst")
        let postcodes = try folder.file(
            "postcodes.csv",
            text: """
                pcds,lat,long,neighbourhood,hub,doterm
                HY1 1AA,53.505,-2.095,N1,east,
                hy1 1ab,53.505,-2.085,N2,east,
                HY1 1AD,53.505,-2.075,N3,west,
                HY1 1AE,53.505,-2.065,N4,west,
                HY9 9ZZ,53.505,-2.065,N4,west,202001
                not a postcode,53.5,-2.1,N4,west,

                """)
        let summary = try loader.loadPostcodes(postcodes, by: "analyst")
        #expect(summary.text == "Stored 4 postcodes (4 with centroids) placing them in hub, neighbourhood. Skipped 1 terminated postcode.")
        #expect(summary.warnings.count == 1)
        let metadata = try folder.file(
            "metadata.csv",
            text: """
                id,name,domain,source,date,unit,denominator,higher_is_more_need
                population,Residents,Population,Census,2021,persons,,no
                children,Children,Population,Census,2021,persons,,no
                claimants,Claimant count,Employment,DWP,2026-Q3,persons,population,yes
                free_meals,Pupils on free school meals,Education,DfE,2026,pupils,children,yes
                good_health,Residents in good health,Health,Census,2021,persons,population,no

                """)
        let table = try folder.file(
            "indicators.csv",
            text: """
                area_code,area_name,population,children,claimants,free_meals,good_health
                N1,Area N1,1000,200,80,60,700
                N2,Area N2,1000,250,40,30,800
                N3,Area N3,2000,400,40,20,1800
                N4,Area N4,500,100,5,1,480

                """)
        let loaded = try loader.loadIndicators(table, metadata: metadata, by: "analyst")
        #expect(loaded.text == "Stored 5 indicators for 4 areas from indicators.csv (a wide table).")
    }

    @Test func storesAreasPostcodesAndIndicatorsAndAuditsEachLoad() throws {
        try loadEverything()
        let atlas = Atlas(database: database)
        #expect(try atlas.levels() == [.neighbourhood, .hub])
        let areas = try atlas.areas(level: .neighbourhood)
        #expect(areas.map(\.code) == ["N1", "N2", "N3", "N4"])
        #expect(areas[0].shape?.contains(GeoCoordinate(longitude: -2.095, latitude: 53.505)) == true)
        #expect(try database.places.postcodeAreas(level: "neighbourhood")["HY1 1AB"] == "N2")
        #expect(try database.directory.postcodeCentroid("HY1 1AE")?.longitude == -2.065)
        let events = try database.audit.events(AuditQuery(action: "import-places"))
        #expect(events.count == 3)
        #expect(events.allSatisfy { $0.actor == "analyst" && $0.personCount == 0 })
    }

    @Test func theIndexRanksTheNeediestAreaFirst() throws {
        try loadEverything()
        let need = try Atlas(database: database).index(level: .neighbourhood)
        // N1: the most claimants, free school meals and least good health per head.
        #expect(need.index.areas.first?.code == "N1")
        #expect(need.index.areas.last?.code == "N4")
        #expect(need.method.domains.map(\.id) == ["education", "employment", "health"])
        #expect(need.population["N3"] == 2000)
        #expect(need.index.areas.first?.figures["claimants"]?.rate == 80)
        let rows = PlaceTables.index(need)
        #expect(
            rows[0] == ["area_code", "area_name", "rank", "decile", "score", "population", "education_score", "employment_score", "health_score"])
        #expect(rows[1][0...3] == ["N1", "Area N1", "1", "1"])
    }

    @Test func aTableWithAMistakeStoresNothing() throws {
        try loadEverything()
        let bad = try folder.file("bad.csv", text: "area_code,claimants\nN1,12\nN2,lots\n")
        #expect(throws: PlaceLoader.Refusal.self) { try loader.loadIndicators(bad, by: "analyst") }
        do {
            _ = try loader.loadIndicators(bad, by: "analyst")
        } catch let refusal as PlaceLoader.Refusal {
            #expect(refusal.description.contains("row 3, column B: “lots” is not a number."))
            #expect(refusal.description.hasPrefix("bad.csv: nothing was stored."))
        }
        let claimants = try database.places.indicatorValues(of: ["claimants"])
        #expect(claimants.first { $0.areaCode == "N1" }?.value == 80)
    }

    @Test func residentsAreCountedByTheAreaOfTheirPostcode() throws {
        try loadEverything()
        try database.profiles.save(
            [
                StoredProfile(
                    personId: "KP-1", onLatestList: true, hasOwnArea: true, area: "HY1", areaFromSchool: false, school: nil, schoolURN: nil,
                    schoolKey: nil, lastContactDay: nil, latestDay: nil, isDeceased: false, doNotContact: false, hasMoved: false, rowCount: 1,
                    data: Data(), postcode: "HY1 1AA"),
                StoredProfile(
                    personId: "KP-2", onLatestList: true, hasOwnArea: true, area: "HY1", areaFromSchool: false, school: nil, schoolURN: nil,
                    schoolKey: nil, lastContactDay: nil, latestDay: nil, isDeceased: false, doNotContact: false, hasMoved: false, rowCount: 1,
                    data: Data(), postcode: "HY1 1AB"),
                StoredProfile(
                    personId: "KP-3", onLatestList: false, hasOwnArea: true, area: "HY1", areaFromSchool: false, school: nil, schoolURN: nil,
                    schoolKey: nil, lastContactDay: nil, latestDay: nil, isDeceased: false, doNotContact: false, hasMoved: false, rowCount: 1,
                    data: Data(), postcode: "HY1 1AB"),
            ], removing: [], state: try database.profiles.currentSources())
        #expect(try database.places.personsByArea(level: "neighbourhood") == ["N1": 1, "N2": 1])
        #expect(try database.places.personsByArea(level: "hub") == ["east": 2])
        #expect(try database.places.persons(inArea: "east", level: "hub") == ["KP-1", "KP-2"])
        let live = try Atlas(database: database).liveFigures(level: .neighbourhood, today: CivilDate(year: 2026, month: 11, day: 16)!)
        #expect(live["kith-known"]?.first == IndicatorValue(area: "N1", value: 1, denominator: 1000))
    }

    @Test func theOverlayNeedsAPopulation() throws {
        _ = try loader.loadBoundaries(try boundaries(), level: nil, by: "analyst")
        #expect(throws: AtlasError.noPopulation) {
            let metadata = try folder.file("m.csv", text: "id,domain\nclaimants,Employment\n")
            _ = try loader.loadIndicators(try folder.file("c.csv", text: "area_code,claimants\nN1,3\nN2,4\n"), metadata: metadata, by: "analyst")
            _ = try Atlas(database: database).overlay(
                level: .neighbourhood, from: CivilDate(year: 2026, month: 10, day: 1)!, to: CivilDate(year: 2026, month: 11, day: 1)!)
        }
    }
}
