import Foundation
import KithPlaces
import KithSpreadsheet

@testable import KithSynthetic

/// A small borough generated once per test run, shared by the tests that only read it.
enum Fixture {
    static let configuration = BoroughConfiguration(people: 2_000, seed: 20_261_116)

    static let generated: (directory: URL, summary: BoroughSummary) = {
        let directory = temporaryDirectory("fixture")
        let summary = try! BoroughGenerator(configuration: configuration).write(to: directory)
        atexit { try? FileManager.default.removeItem(at: Fixture.directory) }
        return (directory, summary)
    }()

    static var directory: URL { generated.directory }
    static var summary: BoroughSummary { generated.summary }

    static let people: [[String: String]] = try! CSVTable(file: directory.appendingPathComponent("truth/people.csv")).records
    static let households: [[String: String]] = try! CSVTable(file: directory.appendingPathComponent("truth/households.csv")).records
    static let records: [[String: String]] = try! CSVTable(file: directory.appendingPathComponent("truth/records.csv")).records

    static let peopleByID: [String: [String: String]] = Dictionary(uniqueKeysWithValues: people.map { ($0["person_id"]!, $0) })

    static func temporaryDirectory(_ name: String) -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("kith-synthetic-tests-\(name)-\(UUID().uuidString)", isDirectory: true)
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func bytes(_ relativePath: String, in directory: URL = Fixture.directory) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: directory.appendingPathComponent(relativePath)))
    }
}

/// A tiny RFC 4180 reader: quoted fields may hold the delimiter, doubled quotes and line breaks; CRLF or LF ends a record.
enum RFC4180 {
    static func parse(_ text: String, delimiter: Character = ",") -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var inQuotes = false
        var afterQuote = false
        var characters = text.makeIterator()
        var pending: Character? = nil
        func next() -> Character? {
            if let character = pending {
                pending = nil
                return character
            }
            return characters.next()
        }
        var sawAnything = false
        while let character = next() {
            sawAnything = true
            if inQuotes {
                if character == "\"" {
                    if let following = next() {
                        if following == "\"" {
                            field.append("\"")
                        } else {
                            inQuotes = false
                            afterQuote = true
                            pending = following
                        }
                    } else {
                        inQuotes = false
                    }
                } else {
                    field.append(character)
                }
                continue
            }
            switch character {
            case "\"" where field.isEmpty && !afterQuote:
                inQuotes = true
            case delimiter:
                record.append(field)
                field = ""
                afterQuote = false
            case "\r\n", "\n", "\r":
                record.append(field)
                records.append(record)
                record = []
                field = ""
                afterQuote = false
                sawAnything = false
            default:
                field.append(character)
            }
        }
        if sawAnything || !field.isEmpty || !record.isEmpty {
            record.append(field)
            records.append(record)
        }
        return records
    }
}

/// A CSV file read into header-keyed records.
struct CSVTable {
    var header: [String]
    var rows: [[String]]

    init(file: URL, delimiter: Character = ",", windows1252: Bool = false) throws {
        var bytes = [UInt8](try Data(contentsOf: file))
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        let text = windows1252 ? Windows1252Decoder.decode(bytes) : String(decoding: bytes, as: UTF8.self)
        let all = RFC4180.parse(text, delimiter: delimiter)
        header = all.first ?? []
        rows = Array(all.dropFirst())
    }

    var records: [[String: String]] {
        rows.map { row in
            var record: [String: String] = [:]
            for (index, name) in header.enumerated() { record[name] = index < row.count ? row[index] : "" }
            return record
        }
    }
}

/// Windows-1252 decoding, written independently of KithSpreadsheet's own.
enum Windows1252Decoder {
    static let high: [UInt32] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
    ]

    /// Bytes Windows-1252 leaves undefined.
    static let undefined: Set<UInt8> = [0x81, 0x8D, 0x8F, 0x90, 0x9D]

    static func decode(_ bytes: [UInt8]) -> String {
        var scalars = String.UnicodeScalarView()
        for byte in bytes {
            if byte >= 0x80, byte <= 0x9F, high[Int(byte) - 0x80] != 0 {
                scalars.append(Unicode.Scalar(high[Int(byte) - 0x80])!)
            } else {
                scalars.append(Unicode.Scalar(byte))
            }
        }
        return String(scalars)
    }
}

/// Comparison keys for names: upper-case ASCII letters only.
func nameKey(_ text: String) -> String {
    String(Diacritics.ascii(text).uppercased().unicodeScalars.filter { $0.value >= 65 && $0.value <= 90 }.map(Character.init))
}

/// A borough big enough (60 neighbourhoods) for its places to be measured: outlines, postcodes, indicators and the
/// under-served neighbourhoods hidden in it. Generated once per test run.
enum PlacesFixture {
    static let configuration = BoroughConfiguration(people: 30_000, seed: 20_261_116)

    static let generated: (directory: URL, summary: BoroughSummary) = {
        let directory = Fixture.temporaryDirectory("places")
        let summary = try! BoroughGenerator(configuration: configuration).write(to: directory)
        atexit { try? FileManager.default.removeItem(at: PlacesFixture.directory) }
        return (directory, summary)
    }()

    static var directory: URL { generated.directory }
    static var summary: BoroughSummary { generated.summary }

    static func table(_ relativePath: String) -> CSVTable {
        try! CSVTable(file: directory.appendingPathComponent(relativePath))
    }

    /// `truth/areas.csv`: every small area's code, name, hub area and hidden need, in code order.
    static let areas: [[String: String]] = table("truth/areas.csv").records
    static let need: [String: Double] = Dictionary(uniqueKeysWithValues: areas.map { ($0["small_area"]!, Double($0["area_need"]!)!) })
    static let indicators: [[String: String]] = table("places/indicators.csv").records
    static let population: [String: Double] = Dictionary(
        uniqueKeysWithValues: indicators.map { ($0["area_code"]!, Double($0["population"]!)!) })
    /// Each postcode's neighbourhood, from `places/postcodes.csv`.
    static let neighbourhoodOfPostcode: [String: String] = Dictionary(
        uniqueKeysWithValues: table("places/postcodes.csv").records.map { ($0["pcds"]!, $0["neighbourhood"]!) })
    static let boundaries: GeoJSONBoundaries = try! GeoJSONBoundaries(file: directory.appendingPathComponent("places/boundaries.geojson"))
}

/// `places/boundaries.geojson` read with JSONDecoder, each feature's geometry as KithPlaces' AreaShape.
struct GeoJSONBoundaries {
    struct Collection: Decodable {
        var type: String
        var features: [Feature]
    }

    struct Feature: Decodable {
        struct Properties: Decodable {
            var code: String
            var name: String
            var level: String
            var parent: String?
        }

        struct Geometry: Decodable {
            var type: String
            /// Polygons, each rings of `[longitude, latitude]` points.
            var polygons: [[[[Double]]]]

            enum CodingKeys: String, CodingKey { case type, coordinates }

            init(from decoder: any Decoder) throws {
                let container = try decoder.container(keyedBy: CodingKeys.self)
                type = try container.decode(String.self, forKey: .type)
                polygons =
                    type == "Polygon"
                    ? [try container.decode([[[Double]]].self, forKey: .coordinates)]
                    : try container.decode([[[[Double]]]].self, forKey: .coordinates)
            }
        }

        var type: String
        var properties: Properties
        var geometry: Geometry

        var shape: AreaShape {
            AreaShape(
                polygons: geometry.polygons.map { rings in
                    let points = rings.map { ring in ring.map { GeoCoordinate(longitude: $0[0], latitude: $0[1]) } }
                    return AreaShape.Polygon(outer: points[0], holes: Array(points.dropFirst()))
                })
        }
    }

    var collection: Collection
    var text: String

    init(file: URL) throws {
        let data = try Data(contentsOf: file)
        text = String(decoding: data, as: UTF8.self)
        collection = try JSONDecoder().decode(Collection.self, from: data)
    }

    var neighbourhoods: [Feature] { collection.features.filter { $0.properties.level == "neighbourhood" } }
    var hubs: [Feature] { collection.features.filter { $0.properties.level == "hub" } }

    /// Twice the signed area of a ring in degrees² (positive when counter-clockwise).
    static func twiceArea(_ ring: [[Double]]) -> Double {
        var sum = 0.0
        for index in 0..<(ring.count - 1) { sum += ring[index][0] * ring[index + 1][1] - ring[index + 1][0] * ring[index][1] }
        return sum
    }

    /// A feature's area in degrees², holes taken away.
    static func area(_ feature: Feature) -> Double {
        feature.geometry.polygons.reduce(0) { total, rings in total + rings.reduce(0) { $0 + twiceArea($1) } / 2 }
    }
}

/// Spearman's rank correlation, ties given their mean rank.
func spearman(_ a: [Double], _ b: [Double]) -> Double {
    func ranks(_ values: [Double]) -> [Double] {
        let order = values.indices.sorted { values[$0] < values[$1] }
        var result = Array(repeating: 0.0, count: values.count)
        var start = 0
        while start < order.count {
            var end = start
            while end + 1 < order.count, values[order[end + 1]] == values[order[start]] { end += 1 }
            for index in start...end { result[order[index]] = Double(start + end) / 2 }
            start = end + 1
        }
        return result
    }
    let x = ranks(a)
    let y = ranks(b)
    let meanX = x.reduce(0, +) / Double(x.count)
    let meanY = y.reduce(0, +) / Double(y.count)
    var covariance = 0.0
    var varianceX = 0.0
    var varianceY = 0.0
    for (p, q) in zip(x, y) {
        covariance += (p - meanX) * (q - meanY)
        varianceX += (p - meanX) * (p - meanX)
        varianceY += (q - meanY) * (q - meanY)
    }
    return covariance / (varianceX * varianceY).squareRoot()
}
