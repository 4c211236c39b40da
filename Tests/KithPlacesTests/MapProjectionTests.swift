import Testing

@testable import KithPlaces

/// Longitude and latitude to the drawing: fitted inside the padding, north up, shapes to path data.
struct MapProjectionTests {
    static func square(west: Double, south: Double, size: Double) -> [GeoCoordinate] {
        [
            GeoCoordinate(longitude: west, latitude: south), GeoCoordinate(longitude: west + size, latitude: south),
            GeoCoordinate(longitude: west + size, latitude: south + size), GeoCoordinate(longitude: west, latitude: south + size),
            GeoCoordinate(longitude: west, latitude: south),
        ]
    }

    @Test func theWestMostPointIsAtTheLeftPaddingAndNorthAtTheTop() {
        // A wide borough: fitted to the width, the height only as tall as it needs.
        let bounds = MapProjection.Bounds(west: -1.6, south: 52.4, east: -1.2, north: 52.5)
        let projection = MapProjection(bounds: bounds, width: 500, maximumHeight: 500, padding: 10)
        let west = projection.project(GeoCoordinate(longitude: -1.6, latitude: 52.45))
        let east = projection.project(GeoCoordinate(longitude: -1.2, latitude: 52.45))
        let north = projection.project(GeoCoordinate(longitude: -1.4, latitude: 52.5))
        let south = projection.project(GeoCoordinate(longitude: -1.4, latitude: 52.4))
        #expect(abs(west.x - 10) < 1e-9 && abs(east.x - 490) < 1e-9)
        #expect(abs(north.y - 10) < 1e-9 && abs(south.y - (projection.height - 10)) < 1e-9)
        #expect(north.y < south.y, "north is up")
        // Longitude is shrunk by the cosine of 52.45°: 0.4° across is about as wide as 0.244° is tall.
        #expect(abs(projection.height - (20 + 480 * 0.1 / (0.4 * 0.60945))) < 0.1)
    }

    @Test func aTallShapeIsFittedToTheHeightAndCentredAcross() {
        let bounds = MapProjection.Bounds(west: 0, south: 0, east: 0.1, north: 1)
        let projection = MapProjection(bounds: bounds, width: 500, maximumHeight: 300, padding: 10)
        #expect(projection.height == 300)
        let west = projection.project(GeoCoordinate(longitude: 0, latitude: 0))
        let east = projection.project(GeoCoordinate(longitude: 0.1, latitude: 1))
        #expect(abs((west.x + east.x) / 2 - 250) < 1e-9 && abs(east.y - 10) < 1e-9 && abs(west.y - 290) < 1e-9)
    }

    @Test func aUnitSquareGivesTheExactPath() {
        let shape = AreaShape(polygons: [.init(outer: Self.square(west: 0, south: 0, size: 1))])
        let projection = MapProjection(bounds: MapProjection.Bounds(shapes: [shape])!, width: 120, height: 120, padding: 10)
        #expect(projection.path(shape) == "M10 110L110 110L110 10L10 10Z")
    }

    @Test func holesAreSubpathsAndSpecksAreLeftOut() {
        let hole = Self.square(west: 0.25, south: 0.25, size: 0.5)
        let speck = Self.square(west: 0.9, south: 0.9, size: 0.0001)
        let shape = AreaShape(polygons: [.init(outer: Self.square(west: 0, south: 0, size: 1), holes: [hole]), .init(outer: speck)])
        let projection = MapProjection(bounds: MapProjection.Bounds(west: 0, south: 0, east: 1, north: 1), width: 120, height: 120, padding: 10)
        #expect(projection.path(shape) == "M10 110L110 110L110 10L10 10ZM35 85L85 85L85 35L35 35Z")
    }

    @Test func aSinglePointGoesInTheMiddle() {
        let projection = MapProjection(bounds: MapProjection.Bounds(west: 1, south: 51, east: 1, north: 51), width: 200, height: 100)
        let point = projection.project(GeoCoordinate(longitude: 1, latitude: 51))
        #expect(point.x == 100 && point.y == 50)
        #expect(MapProjection.Bounds(shapes: []) == nil)
    }
}
