/// A place figures are kept for: a neighbourhood, ward, LSOA, MSOA or hub area, with its code, name and the area it
/// sits inside (a neighbourhood's hub area), and its outline when boundaries have been loaded.
public struct Area: Sendable, Equatable, Hashable {
    /// `E01900042`, `ashbrook`: unique across every level.
    public var code: String
    public var name: String
    public var level: AreaLevel
    /// The code of the area this one sits inside, when known.
    public var parent: String?
    public var shape: AreaShape?

    public init(code: String, name: String, level: AreaLevel, parent: String? = nil, shape: AreaShape? = nil) {
        self.code = code
        self.name = name
        self.level = level
        self.parent = parent
        self.shape = shape
    }
}

/// The kinds of area the council keeps figures for. Any name is allowed (`ward`, `lsoa`, `msoa`, `hub`,
/// `neighbourhood`, `school-catchment`); these are the ones Kith knows by name.
public struct AreaLevel: RawRepresentable, Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }

    public static let neighbourhood = AreaLevel("neighbourhood")
    public static let hub = AreaLevel("hub")
    public static let ward = AreaLevel("ward")
    public static let lsoa = AreaLevel("lsoa")
    public static let msoa = AreaLevel("msoa")

    public var description: String { rawValue }
    public static func < (left: AreaLevel, right: AreaLevel) -> Bool { left.rawValue < right.rawValue }
}

/// A point as GeoJSON writes it: longitude, then latitude (WGS 84, degrees).
public struct GeoCoordinate: Sendable, Hashable, Codable {
    public var longitude: Double
    public var latitude: Double

    public init(longitude: Double, latitude: Double) {
        self.longitude = longitude
        self.latitude = latitude
    }
}

/// An area's outline: one or more polygons, each an outer ring with any holes. Rings are closed (the first point is
/// repeated at the end), as GeoJSON writes them.
public struct AreaShape: Sendable, Hashable {
    public struct Polygon: Sendable, Hashable {
        public var outer: [GeoCoordinate]
        public var holes: [[GeoCoordinate]]

        public init(outer: [GeoCoordinate], holes: [[GeoCoordinate]] = []) {
            self.outer = outer
            self.holes = holes
        }
    }

    public var polygons: [Polygon]

    public init(polygons: [Polygon]) {
        self.polygons = polygons
    }

    /// The smallest box holding every point, or nil for an empty shape.
    public var bounds: (west: Double, south: Double, east: Double, north: Double)? {
        var west = Double.infinity
        var south = Double.infinity
        var east = -Double.infinity
        var north = -Double.infinity
        for polygon in polygons {
            for point in polygon.outer {
                west = min(west, point.longitude)
                east = max(east, point.longitude)
                south = min(south, point.latitude)
                north = max(north, point.latitude)
            }
        }
        return west.isFinite ? (west, south, east, north) : nil
    }

    /// Whether a point lies inside the shape (inside an outer ring and outside its holes), by ray casting.
    public func contains(_ point: GeoCoordinate) -> Bool {
        polygons.contains { polygon in
            Self.ring(polygon.outer, contains: point) && !polygon.holes.contains { Self.ring($0, contains: point) }
        }
    }

    private static func ring(_ ring: [GeoCoordinate], contains point: GeoCoordinate) -> Bool {
        var inside = false
        var previous = ring.last
        for current in ring {
            if let last = previous,
                (current.latitude > point.latitude) != (last.latitude > point.latitude),
                point.longitude
                    < (last.longitude - current.longitude) * (point.latitude - current.latitude) / (last.latitude - current.latitude)
                    + current.longitude
            {
                inside.toggle()
            }
            previous = current
        }
        return inside
    }
}
