import Foundation

/// Reads area boundaries from a GeoJSON FeatureCollection (RFC 7946): one feature an area, its geometry a `Polygon`
/// or `MultiPolygon` in longitude and latitude, its code and name among its properties.
///
/// The property names are found the way ONS boundary files and hand-made files name them: the code from `code`,
/// `id` or any property ending `CD` (`LSOA21CD`, `WD24CD`), the name from `name` or one ending `NM`; the level and
/// the area it sits in from `level` and `parent` when present. Each can be named instead.
public struct GeoJSONBoundaries: Sendable {
    /// Which properties hold what; nil means "find it".
    public struct Properties: Sendable, Equatable {
        public var code: String?
        public var name: String?
        public var parent: String?

        public init(code: String? = nil, name: String? = nil, parent: String? = nil) {
            self.code = code
            self.name = name
            self.parent = parent
        }
    }

    /// The largest file read: a national LSOA boundary file, generalised, is about 60 MB.
    public static let maximumBytes = 256 << 20
    /// The most points in all of a file's outlines together.
    public static let maximumPoints = 20_000_000

    public var areas: [Area]

    /// Reads the file's features as areas of `level` (or each feature's own `level` property when `level` is nil).
    /// - Throws: ``BoundaryFileError`` naming the feature and what to do, when any feature cannot be read: nothing
    ///   of a file with a mistake is kept.
    public init(data: Data, file: String, level: AreaLevel?, properties: Properties = Properties()) throws {
        guard data.count <= Self.maximumBytes else {
            throw BoundaryFileError(
                file: file, feature: nil,
                problem: "The file is \(data.count >> 20) MB; Kith reads boundary files of at most \(Self.maximumBytes >> 20) MB.",
                remedy: "Use a generalised (clipped) boundary file, or split it by area.")
        }
        let root: Any
        do {
            root = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw BoundaryFileError(
                file: file, feature: nil, problem: "The file is not JSON.",
                remedy: "Export the boundaries as GeoJSON (in QGIS: Export › Save Features As… › GeoJSON, coordinates in EPSG:4326).")
        }
        guard let collection = root as? [String: Any], collection["type"] as? String == "FeatureCollection",
            let features = collection["features"] as? [Any]
        else {
            throw BoundaryFileError(
                file: file, feature: nil, problem: "The file is not a GeoJSON FeatureCollection.",
                remedy: "Save the boundaries as a GeoJSON FeatureCollection, one feature an area.")
        }
        if let crs = collection["crs"] as? [String: Any], let name = (crs["properties"] as? [String: Any])?["name"] as? String,
            !(name.contains("4326") || name.contains("CRS84"))
        {
            throw BoundaryFileError(
                file: file, feature: nil, problem: "The coordinates are in \(name), not longitude and latitude.",
                remedy: "Save it again in WGS 84 (EPSG:4326); GeoJSON files use longitude and latitude.")
        }
        var areas: [Area] = []
        var seen: [String: Int] = [:]
        var points = 0
        for (index, item) in features.enumerated() {
            let number = index + 1
            func failure(_ problem: String, _ remedy: String) -> BoundaryFileError {
                BoundaryFileError(file: file, feature: number, problem: problem, remedy: remedy)
            }
            guard let feature = item as? [String: Any], feature["type"] as? String == "Feature" else {
                throw failure("It is not a GeoJSON Feature.", "Each item of `features` must be a Feature with properties and a geometry.")
            }
            let values = (feature["properties"] as? [String: Any]) ?? [:]
            guard
                let code = Self.text(values, named: properties.code, fallbacks: ["code", "id", "areacode", "area_code"], suffix: "CD")
                    ?? (feature["id"].flatMap(Self.describe))
            else {
                throw failure(
                    "It has no area code.",
                    "Give each feature a `code` property (or name the property holding it, such as --code-property LSOA21CD).")
            }
            if let earlier = seen[code] {
                throw failure("Its code \(code) is also feature \(earlier)'s.", "Each area must appear once; merge the two features.")
            }
            seen[code] = number
            let name = Self.text(values, named: properties.name, fallbacks: ["name", "areaname", "area_name"], suffix: "NM") ?? code
            let parent = Self.text(values, named: properties.parent, fallbacks: ["parent", "parent_code"], suffix: nil)
            let ownLevel = Self.text(values, named: "level", fallbacks: [], suffix: nil).map { AreaLevel($0.lowercased()) }
            guard let areaLevel = level ?? ownLevel else {
                throw failure("It has no level.", "Say which level the areas are (--level ward), or give each feature a `level` property.")
            }
            guard let geometry = feature["geometry"] as? [String: Any] else {
                throw failure("Area \(code) has no geometry.", "Give it a Polygon or MultiPolygon outline.")
            }
            let shape: AreaShape
            do {
                shape = try AreaShape(geoJSON: geometry)
            } catch let error as AreaShape.GeometryProblem {
                throw failure("Area \(code)'s outline cannot be read: \(error.description)", "Check its geometry in a GIS and save it again.")
            }
            points += shape.polygons.reduce(0) { $0 + $1.outer.count + $1.holes.reduce(0) { $0 + $1.count } }
            if points > Self.maximumPoints {
                throw failure(
                    "The outlines have more than \(Self.maximumPoints / 1_000_000) million points.",
                    "Use a generalised boundary file (the ONS publishes each at 20 m, “BGC”).")
            }
            areas.append(Area(code: code, name: name, level: areaLevel, parent: parent, shape: shape))
        }
        guard !areas.isEmpty else {
            throw BoundaryFileError(file: file, feature: nil, problem: "The file has no features.", remedy: "Export the areas again.")
        }
        self.areas = areas
    }

    /// A property's text: the one named, else the first of the fallbacks present (ignoring case), else the first
    /// property whose name ends with `suffix` (`LSOA21CD`).
    private static func text(_ values: [String: Any], named: String?, fallbacks: [String], suffix: String?) -> String? {
        if let named { return values[named].flatMap(describe) }
        let lowered = Dictionary(values.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { first, _ in first })
        for name in fallbacks {
            if let value = lowered[name].flatMap(describe) { return value }
        }
        if let suffix {
            for key in values.keys.sorted() where key.uppercased().hasSuffix(suffix) {
                if let value = values[key].flatMap(describe) { return value }
            }
        }
        return nil
    }

    private static func describe(_ value: Any) -> String? {
        let text: String
        switch value {
        case let string as String: text = string
        case let number as NSNumber: text = number.stringValue
        default: return nil
        }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }
}

/// A boundary file Kith cannot read, with the feature (counted from 1) and what to do.
public struct BoundaryFileError: Error, Equatable, CustomStringConvertible {
    public var file: String
    public var feature: Int?
    public var problem: String
    public var remedy: String

    public var description: String {
        "\(file)\(feature.map { ", feature \($0)" } ?? ""): \(problem) \(remedy)"
    }
}
