import Foundation

/// A place on the Earth by latitude and longitude (WGS 84), as ORUK locations and postcode centroids give it.
public struct GeoPoint: Sendable, Equatable, Hashable {
    public var latitude: Double
    public var longitude: Double

    public init(latitude: Double, longitude: Double) {
        self.latitude = latitude
        self.longitude = longitude
    }

    /// The distance to `other` along the Earth's surface, in metres (the haversine formula, on a sphere of the
    /// Earth's mean radius: within half a percent over a borough).
    public func metres(to other: GeoPoint) -> Double {
        let radius = 6_371_008.8
        let (φ1, φ2) = (latitude * .pi / 180, other.latitude * .pi / 180)
        let Δφ = φ2 - φ1
        let Δλ = (other.longitude - longitude) * .pi / 180
        let a = sin(Δφ / 2) * sin(Δφ / 2) + cos(φ1) * cos(φ2) * sin(Δλ / 2) * sin(Δλ / 2)
        return 2 * radius * asin(min(1, sqrt(a)))
    }
}

extension Location {
    /// Where the location is, when it says.
    public var point: GeoPoint? {
        guard let latitude, let longitude, (-90...90).contains(latitude), (-180...180).contains(longitude) else { return nil }
        return GeoPoint(latitude: latitude, longitude: longitude)
    }
}
