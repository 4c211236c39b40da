import Foundation
import Testing

@testable import KithPlaces

@Suite struct GeoJSONBoundariesTests {
    static let square = "[[[-2.1,53.5],[-2.0,53.5],[-2.0,53.6],[-2.1,53.6],[-2.1,53.5]]]"

    static func collection(_ features: [String]) -> Data {
        Data("{\"type\":\"FeatureCollection\",\"features\":[\(features.joined(separator: ","))]}".utf8)
    }

    @Test func readsONSStylePropertiesAndBothGeometries() throws {
        let data = Self.collection([
            "{\"type\":\"Feature\",\"properties\":{\"LSOA21CD\":\"E01000001\",\"LSOA21NM\":\"City of London 001A\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":\(Self.square)}}",
            "{\"type\":\"Feature\",\"properties\":{\"LSOA21CD\":\"E01000002\",\"LSOA21NM\":\"City of London 001B\"},\"geometry\":{\"type\":\"MultiPolygon\",\"coordinates\":[\(Self.square),\(Self.square)]}}",
        ])
        let boundaries = try GeoJSONBoundaries(data: data, file: "lsoa.geojson", level: .lsoa)
        #expect(boundaries.areas.map(\.code) == ["E01000001", "E01000002"])
        #expect(boundaries.areas[0].name == "City of London 001A")
        #expect(boundaries.areas[0].level == .lsoa)
        #expect(boundaries.areas[1].shape?.polygons.count == 2)
        #expect(boundaries.areas[0].shape?.contains(GeoCoordinate(longitude: -2.05, latitude: 53.55)) == true)
        #expect(boundaries.areas[0].shape?.contains(GeoCoordinate(longitude: -1.95, latitude: 53.55)) == false)
    }

    @Test func eachFeatureMayGiveItsOwnLevelAndParent() throws {
        let data = Self.collection([
            "{\"type\":\"Feature\",\"properties\":{\"code\":\"n1\",\"name\":\"North\",\"level\":\"Neighbourhood\",\"parent\":\"hub-a\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":\(Self.square)}}"
        ])
        let area = try #require(try GeoJSONBoundaries(data: data, file: "b.geojson", level: nil).areas.first)
        #expect(area.level == .neighbourhood)
        #expect(area.parent == "hub-a")
    }

    @Test func theStoredGeometryReadsBackTheSame() throws {
        let shape = AreaShape(polygons: [
            .init(outer: [
                GeoCoordinate(longitude: -2.1, latitude: 53.5), GeoCoordinate(longitude: -2.0, latitude: 53.5),
                GeoCoordinate(longitude: -2.0, latitude: 53.6), GeoCoordinate(longitude: -2.1, latitude: 53.5),
            ])
        ])
        #expect(shape.geoJSON == "{\"type\":\"Polygon\",\"coordinates\":[[[-2.1,53.5],[-2,53.5],[-2,53.6],[-2.1,53.5]]]}")
        #expect(try AreaShape(geoJSONText: shape.geoJSON) == shape)
    }

    @Test func mistakesAreNamedByFeature() throws {
        let noCode = Self.collection([
            "{\"type\":\"Feature\",\"properties\":{\"name\":\"x\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":\(Self.square)}}"
        ])
        #expect(throws: BoundaryFileError.self) { try GeoJSONBoundaries(data: noCode, file: "b.geojson", level: .ward) }
        do {
            _ = try GeoJSONBoundaries(data: noCode, file: "b.geojson", level: .ward)
        } catch let error as BoundaryFileError {
            #expect(error.feature == 1)
            #expect(error.description.hasPrefix("b.geojson, feature 1: It has no area code."))
        }
        let gridMetres = Self.collection([
            "{\"type\":\"Feature\",\"properties\":{\"code\":\"a\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[383000,398000],[384000,398000],[384000,399000],[383000,398000]]]}}"
        ])
        #expect(throws: BoundaryFileError.self) { try GeoJSONBoundaries(data: gridMetres, file: "b.geojson", level: .ward) }
        let twice = Self.collection(
            Array(
                repeating:
                    "{\"type\":\"Feature\",\"properties\":{\"code\":\"a\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":\(Self.square)}}",
                count: 2))
        #expect(throws: BoundaryFileError.self) { try GeoJSONBoundaries(data: twice, file: "b.geojson", level: .ward) }
        #expect(throws: BoundaryFileError.self) { try GeoJSONBoundaries(data: Data("not json".utf8), file: "b.geojson", level: .ward) }
        #expect(throws: BoundaryFileError.self) {
            try GeoJSONBoundaries(data: Data("{\"type\":\"Feature\"}".utf8), file: "b.geojson", level: .ward)
        }
    }
}
