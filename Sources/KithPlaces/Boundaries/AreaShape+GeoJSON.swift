import Foundation

extension AreaShape {
    /// Why a GeoJSON geometry is not an outline Kith can use.
    public struct GeometryProblem: Error, Equatable, CustomStringConvertible {
        public var description: String
    }

    /// Reads a GeoJSON `Polygon` or `MultiPolygon` geometry object.
    public init(geoJSON geometry: [String: Any]) throws {
        let type = geometry["type"] as? String
        switch type {
        case "Polygon":
            self.init(polygons: [try Self.polygon(geometry["coordinates"])])
        case "MultiPolygon":
            guard let parts = geometry["coordinates"] as? [Any], !parts.isEmpty else {
                throw GeometryProblem(description: "a MultiPolygon with no polygons.")
            }
            self.init(polygons: try parts.map(Self.polygon))
        default:
            throw GeometryProblem(description: "a \(type ?? "geometry of no type"), not a Polygon or MultiPolygon.")
        }
    }

    /// Reads the geometry text the store keeps (``geoJSON``).
    public init(geoJSONText text: String) throws {
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else {
            throw GeometryProblem(description: "not a JSON object.")
        }
        try self.init(geoJSON: object)
    }

    /// The outline as a compact GeoJSON geometry: a `Polygon` for one part, else a `MultiPolygon`; 6 decimals
    /// (about 10 cm), which is finer than any boundary file.
    public var geoJSON: String {
        func ring(_ points: [GeoCoordinate]) -> String {
            "[" + points.map { "[\(Self.decimal($0.longitude)),\(Self.decimal($0.latitude))]" }.joined(separator: ",") + "]"
        }
        func polygon(_ polygon: Polygon) -> String {
            "[" + ([polygon.outer] + polygon.holes).map(ring).joined(separator: ",") + "]"
        }
        if polygons.count == 1 {
            return "{\"type\":\"Polygon\",\"coordinates\":\(polygon(polygons[0]))}"
        }
        return "{\"type\":\"MultiPolygon\",\"coordinates\":[" + polygons.map(polygon).joined(separator: ",") + "]}"
    }

    private static func decimal(_ value: Double) -> String {
        let rounded = (value * 1_000_000).rounded() / 1_000_000
        var text = String(format: "%.6f", rounded)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text == "-0" ? "0" : text
    }

    private static func polygon(_ value: Any?) throws -> Polygon {
        guard let rings = value as? [Any], !rings.isEmpty else { throw GeometryProblem(description: "a polygon with no rings.") }
        let parsed = try rings.map(ring)
        return Polygon(outer: parsed[0], holes: Array(parsed.dropFirst()))
    }

    private static func ring(_ value: Any) throws -> [GeoCoordinate] {
        guard let points = value as? [Any] else { throw GeometryProblem(description: "a ring that is not a list of points.") }
        var ring: [GeoCoordinate] = []
        ring.reserveCapacity(points.count)
        for point in points {
            guard let pair = point as? [Any], pair.count >= 2, let longitude = (pair[0] as? NSNumber)?.doubleValue,
                let latitude = (pair[1] as? NSNumber)?.doubleValue, longitude.isFinite, latitude.isFinite
            else { throw GeometryProblem(description: "a point that is not [longitude, latitude].") }
            guard (-180...180).contains(longitude), (-90...90).contains(latitude) else {
                throw GeometryProblem(
                    description:
                        "a point (\(longitude), \(latitude)) outside longitude and latitude: the file may be in British National Grid metres.")
            }
            ring.append(GeoCoordinate(longitude: longitude, latitude: latitude))
        }
        guard ring.count >= 4 else { throw GeometryProblem(description: "a ring of fewer than four points.") }
        if ring.first != ring.last { ring.append(ring[0]) }
        return ring
    }
}
