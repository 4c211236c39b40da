import Foundation
import KithPlaces
import Testing

@testable import KithSynthetic

/// `places/`: the neighbourhoods' and hub areas' outlines, the postcode lookup and the indicators.
struct PlacesGeneratorTests {
    static let boundaries = PlacesFixture.boundaries

    @Test func boundariesHoldEveryNeighbourhoodAndHubArea() throws {
        let collection = Self.boundaries.collection
        #expect(collection.type == "FeatureCollection")
        let neighbourhoods = Self.boundaries.neighbourhoods
        #expect(neighbourhoods.map(\.properties.code) == PlacesFixture.areas.map { $0["small_area"]! })
        #expect(neighbourhoods.map(\.properties.name) == PlacesFixture.areas.map { $0["name"]! })
        #expect(neighbourhoods.map(\.properties.parent) == PlacesFixture.areas.map { HelpGenerator.hubID($0["neighbourhood"]!) })
        #expect(neighbourhoods.first?.properties.code == "E01900001")
        #expect(neighbourhoods.first?.properties.name == "Kithmoor 001A")

        let hubIDs = PlacesFixture.table("help/hubs.csv").records.filter { $0["kind"] == "hub" }.map { $0["id"]! }
        #expect(Self.boundaries.hubs.map(\.properties.code) == hubIDs)
        #expect(Self.boundaries.hubs.map(\.properties.name).contains("Calder Vale"))
        #expect(Self.boundaries.hubs.allSatisfy { $0.properties.parent == nil })
        #expect(Self.boundaries.text.components(separatedBy: "\"parent\":null").count - 1 == 7)
        #expect(collection.features.count == neighbourhoods.count + 7)

        let places = try #require(PlacesFixture.summary.places)
        #expect(places.neighbourhoods == neighbourhoods.count)
        #expect(places.hubAreas == 7)
        #expect(places.indicatorCount == 30)
    }

    @Test func outlinesAreClosedCounterClockwiseRingsWithSixDecimals() throws {
        for feature in Self.boundaries.collection.features {
            #expect(feature.type == "Feature")
            // Every neighbourhood and hub area comes out in one piece.
            #expect(feature.geometry.type == "Polygon", "\(feature.properties.code) is in pieces")
            for rings in feature.geometry.polygons {
                for (index, ring) in rings.enumerated() {
                    #expect(ring.count >= 5)
                    #expect(ring.first == ring.last, "\(feature.properties.code): ring not closed")
                    let area = GeoJSONBoundaries.twiceArea(ring)
                    #expect(index == 0 ? area > 0 : area < 0, "\(feature.properties.code): outer rings run counter-clockwise, holes clockwise")
                    for point in ring {
                        #expect(abs(point[0] + 2.1) < 0.1 && abs(point[1] - 53.55) < 0.06, "\(point) is far from Kithmoor")
                    }
                }
            }
        }
        let numbers = try Regex(#"-?[0-9]+\.[0-9]+"#)
        let coordinates = Self.boundaries.text.matches(of: numbers).map { String(Self.boundaries.text[$0.range]) }
        #expect(coordinates.count > 1_000)
        #expect(coordinates.allSatisfy { $0.split(separator: ".")[1].count == 6 })
    }

    @Test func neighbourhoodsTileTheirHubAreasWithNoGapOrOverlap() throws {
        let hubs = Self.boundaries.hubs.map { ($0.properties.code, $0.shape) }
        let neighbourhoods = Self.boundaries.neighbourhoods.map { ($0.properties.parent!, $0.shape) }
        var west = Double.infinity
        var south = Double.infinity
        var east = -Double.infinity
        var north = -Double.infinity
        for (_, shape) in hubs {
            let bounds = try #require(shape.bounds)
            west = min(west, bounds.west)
            south = min(south, bounds.south)
            east = max(east, bounds.east)
            north = max(north, bounds.north)
        }
        // About 8.5 km across: 0.13° of longitude and 0.08° of latitude at 53.55° N.
        #expect((0.10...0.16).contains(east - west), "\(east - west)° across")
        #expect((0.06...0.10).contains(north - south), "\(north - south)° from south to north")
        let steps = 80
        var inside = 0
        for row in 0..<steps {
            for column in 0..<steps {
                // Off the grid's lines, so that no point sits on a side.
                let point = GeoCoordinate(
                    longitude: west + (east - west) * (Double(column) + 0.37) / Double(steps),
                    latitude: south + (north - south) * (Double(row) + 0.61) / Double(steps))
                let inHubs = hubs.filter { $0.1.contains(point) }.map(\.0)
                let inNeighbourhoods = neighbourhoods.filter { $0.1.contains(point) }.map(\.0)
                #expect(inHubs.count <= 1, "\(point) is in hub areas \(inHubs)")
                #expect(inNeighbourhoods == inHubs, "\(point) is in hub areas \(inHubs) and neighbourhoods of \(inNeighbourhoods)")
                inside += inHubs.count
            }
        }
        // A round borough fills about π/4 of its box.
        #expect((0.6...0.9).contains(Double(inside) / Double(steps * steps)), "\(inside) of \(steps * steps) points inside")

        // A hub area's outline is its neighbourhoods' together, so their areas add up exactly.
        for hub in Self.boundaries.hubs {
            let parts = Self.boundaries.neighbourhoods.filter { $0.properties.parent == hub.properties.code }
            let sum = parts.reduce(0) { $0 + GeoJSONBoundaries.area($1) }
            #expect(abs(sum - GeoJSONBoundaries.area(hub)) < 1e-9, "\(hub.properties.code)")
            #expect(parts.count >= 2)
        }
    }

    @Test func everyPostcodeLiesInsideItsNeighbourhood() throws {
        let table = PlacesFixture.table("places/postcodes.csv")
        #expect(table.header == ["pcds", "lat", "long", "neighbourhood", "hub"])
        let shapes = Dictionary(uniqueKeysWithValues: Self.boundaries.neighbourhoods.map { ($0.properties.code, $0) })
        var seen: Set<String> = []
        for row in table.records {
            let postcode = row["pcds"]!
            #expect(seen.insert(postcode).inserted, "\(postcode) twice")
            #expect(row["lat"]!.split(separator: ".")[1].count == 6 && row["long"]!.split(separator: ".")[1].count == 6)
            let feature = try #require(shapes[row["neighbourhood"]!])
            #expect(feature.properties.parent == row["hub"])
            let point = GeoCoordinate(longitude: Double(row["long"]!)!, latitude: Double(row["lat"]!)!)
            #expect(feature.shape.contains(point), "\(postcode) lies outside \(row["neighbourhood"]!)")
        }

        // Every postcode the generator used is there: homes, previous addresses, schools, the help desk's and the
        // directory's, each home's in the small area it was built in.
        let households = PlacesFixture.table("truth/households.csv").records
        for household in households {
            #expect(PlacesFixture.neighbourhoodOfPostcode[household["postcode"]!] == household["small_area"])
            if let previous = household["previous_postcode"], !previous.isEmpty { #expect(seen.contains(previous)) }
        }
        for school in PlacesFixture.table("truth/schools.csv").records { #expect(seen.contains(school["postcode"]!)) }
        for request in PlacesFixture.table("help/requests.csv").records { #expect(seen.contains(request["Postcode"]!)) }
        for volunteer in PlacesFixture.table("help/volunteers.csv").records { #expect(seen.contains(volunteer["Postcode"]!)) }

        // The directory's centroids are the same points.
        let lookup = Dictionary(uniqueKeysWithValues: table.records.map { ($0["pcds"]!, $0) })
        let directory = PlacesFixture.table("directory/postcode-centroids.csv").records
        #expect(directory.count > households.count / 20)
        for centroid in directory {
            let row = try #require(lookup[centroid["postcode"]!])
            #expect(Double(centroid["latitude"]!) == Double(row["lat"]!))
            #expect(Double(centroid["longitude"]!) == Double(row["long"]!))
        }
        #expect(PlacesFixture.summary.places?.postcodeCount == table.rows.count)
    }

    @Test func indicatorsAreThirtyWithTheirDenominators() throws {
        let metadata = PlacesFixture.table("places/indicators-metadata.csv")
        #expect(metadata.header == ["id", "name", "domain", "source", "date", "unit", "denominator", "higher_is_more_need"])
        let columns = metadata.records
        let denominators = ["population", "households", "children", "older_people", "working_age"]
        #expect(columns.prefix(5).map { $0["id"]! } == denominators)
        #expect(columns.prefix(5).allSatisfy { $0["domain"] == "Population" && $0["denominator"] == "" && $0["higher_is_more_need"] != "true" })
        let indicators = Array(columns.dropFirst(5))
        #expect(indicators.count == 30)
        #expect(Set(indicators.map { $0["id"]! }).count == 30)
        #expect(Set(indicators.map { $0["domain"]! }).count >= 6)
        #expect(!indicators.contains { $0["domain"] == "Population" })
        #expect(indicators.allSatisfy { $0["denominator"] == "" || denominators.contains($0["denominator"]!) })
        #expect(indicators.allSatisfy { ["true", "false"].contains($0["higher_is_more_need"]!) })
        #expect((2...3).contains(indicators.filter { $0["higher_is_more_need"] == "false" }.count))
        #expect(indicators.allSatisfy { !$0["name"]!.isEmpty && $0["source"]!.hasSuffix("(synthetic)") && !$0["date"]!.isEmpty })
        #expect(indicators.filter { $0["denominator"] != "" }.count >= 15)

        let table = PlacesFixture.table("places/indicators.csv")
        #expect(table.header == ["area_code", "area_name"] + columns.map { $0["id"]! })
        #expect(PlacesFixture.indicators.map { $0["area_code"]! } == PlacesFixture.areas.map { $0["small_area"]! })
        #expect(PlacesFixture.indicators.map { $0["area_name"]! } == PlacesFixture.areas.map { $0["name"]! })
        var people = 0
        var households = 0
        for row in PlacesFixture.indicators {
            let population = Int(row["population"]!)!
            people += population
            households += Int(row["households"]!)!
            #expect((400...600).contains(population))
            for group in ["children", "older_people", "working_age"] { #expect(Int(row[group]!)! <= population) }
            for indicator in indicators {
                let value = try #require(Double(row[indicator["id"]!]!), "\(indicator["id"]!) in \(row["area_code"]!)")
                #expect(value >= 0)
                if let denominator = indicator["denominator"], !denominator.isEmpty {
                    #expect(Int(row[indicator["id"]!]!) != nil, "counts are whole numbers")
                    #expect(value <= Double(row[denominator]!)!, "\(indicator["id"]!) exceeds its denominator in \(row["area_code"]!)")
                } else if indicator["unit"] == "percent" {
                    #expect(value <= 100)
                }
            }
        }
        #expect(people == PlacesFixture.configuration.people)
        #expect(households == PlacesFixture.summary.households)
    }

    @Test func indicatorsFollowHiddenNeedWithoutRankingItExactly() {
        let metadata = PlacesFixture.table("places/indicators-metadata.csv").records.dropFirst(5)
        let need = PlacesFixture.indicators.map { PlacesFixture.need[$0["area_code"]!]! }
        for indicator in metadata {
            let id = indicator["id"]!
            let denominator = indicator["denominator"]!
            let rates = PlacesFixture.indicators.map { row in
                let value = Double(row[id]!)!
                return denominator.isEmpty ? value : value / max(1, Double(row[denominator]!)!)
            }
            let correlation = spearman(rates, need)
            let sign = indicator["higher_is_more_need"] == "true" ? 1.0 : -1.0
            #expect((0.3...0.95).contains(sign * correlation), "\(id): Spearman \(correlation) with hidden need")
        }
    }
}
