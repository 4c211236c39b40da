import Foundation

/// Longitude and latitude turned into points of a drawing, north up: an equirectangular projection with longitude
/// shrunk by the cosine of the middle latitude, so a borough keeps its shape (at the latitude of England a degree of
/// longitude is about 0.6 of a degree of latitude), fitted inside a box with padding.
///
/// Good for an area the size of a borough or a county; not meant for whole countries.
public struct MapProjection: Sendable, Equatable {
    /// The longitudes and latitudes a drawing covers.
    public struct Bounds: Sendable, Equatable {
        public var west: Double
        public var south: Double
        public var east: Double
        public var north: Double

        public init(west: Double, south: Double, east: Double, north: Double) {
            self.west = west
            self.south = south
            self.east = east
            self.north = north
        }

        /// The smallest box holding every finite point of the shapes' outer rings, or nil when there is none.
        public init?(shapes: [AreaShape]) {
            var west = Double.infinity
            var south = Double.infinity
            var east = -Double.infinity
            var north = -Double.infinity
            for shape in shapes {
                for polygon in shape.polygons {
                    for point in polygon.outer where point.longitude.isFinite && point.latitude.isFinite {
                        west = min(west, point.longitude)
                        east = max(east, point.longitude)
                        south = min(south, point.latitude)
                        north = max(north, point.latitude)
                    }
                }
            }
            guard west.isFinite else { return nil }
            self.init(west: west, south: south, east: east, north: north)
        }
    }

    public let bounds: Bounds
    /// The box the projection fits inside, in the drawing's units.
    public let width: Double
    public let height: Double
    /// How much narrower a degree of longitude is than a degree of latitude, at the middle latitude.
    private let longitudeFactor: Double
    /// Drawing units per degree of latitude.
    private let scale: Double
    private let left: Double
    private let top: Double

    /// Fits `bounds` inside a `width` × `height` box less `padding` on every side, as large as it goes and centred.
    public init(bounds: Bounds, width: Double, height: Double, padding: Double = 0) {
        self.bounds = bounds
        self.width = width
        self.height = height
        let middle = (bounds.south + bounds.north) / 2
        // Kept above zero so a box at a pole still has a width.
        longitudeFactor = max(0.01, cos(middle * .pi / 180))
        let spanX = (bounds.east - bounds.west) * longitudeFactor
        let spanY = bounds.north - bounds.south
        let roomX = max(0, width - 2 * padding)
        let roomY = max(0, height - 2 * padding)
        let scale = min(spanX > 0 ? roomX / spanX : .infinity, spanY > 0 ? roomY / spanY : .infinity)
        // A single point has no size to fit: it goes in the middle.
        self.scale = scale.isFinite ? scale : 0
        left = padding + (roomX - spanX * self.scale) / 2
        top = padding + (roomY - spanY * self.scale) / 2
    }

    /// Fits `bounds` to `width` less padding and makes the box only as tall as the shape needs, up to `maximumHeight`
    /// (a tall shape is then fitted to that height and centred across): no empty bands above and below a wide borough.
    public init(bounds: Bounds, width: Double, maximumHeight: Double, padding: Double = 0) {
        let factor = max(0.01, cos((bounds.south + bounds.north) / 2 * .pi / 180))
        let spanX = (bounds.east - bounds.west) * factor
        let spanY = bounds.north - bounds.south
        let height: Double
        if spanX > 0 {
            height = min(maximumHeight, spanY * max(0, width - 2 * padding) / spanX + 2 * padding)
        } else {
            height = spanY > 0 ? maximumHeight : min(width, maximumHeight)
        }
        self.init(bounds: bounds, width: width, height: height, padding: padding)
    }

    /// Where a point falls in the drawing: x from the left, y from the top.
    public func project(_ point: GeoCoordinate) -> (x: Double, y: Double) {
        (left + (point.longitude - bounds.west) * longitudeFactor * scale, top + (bounds.north - point.latitude) * scale)
    }

    /// An outline as SVG path data: each ring `M…L…Z`, holes too (drawn with `fill-rule="evenodd"`), coordinates
    /// rounded to one decimal place. A point that rounds onto the one before is left out, and so is the ring's repeated
    /// closing point; a ring left with fewer than three points is too small to see and is left out whole.
    public func path(_ shape: AreaShape) -> String {
        var path = ""
        for polygon in shape.polygons {
            for ring in [polygon.outer] + polygon.holes {
                path += self.ring(ring)
            }
        }
        return path
    }

    private func ring(_ ring: [GeoCoordinate]) -> String {
        var points: [(x: String, y: String)] = []
        for coordinate in ring where coordinate.longitude.isFinite && coordinate.latitude.isFinite {
            let (x, y) = project(coordinate)
            let point = (x: SVG.number(x), y: SVG.number(y))
            if let last = points.last, last == point { continue }
            points.append(point)
        }
        if points.count > 1, let first = points.first, let last = points.last, first == last { points.removeLast() }
        guard points.count >= 3 else { return "" }
        return points.enumerated().map { index, point in (index == 0 ? "M" : "L") + point.x + " " + point.y }.joined() + "Z"
    }
}
