import Foundation
import KithSpreadsheet

/// Writes the borough's places under `places/`: the outlines of its neighbourhoods (the small areas) and hub areas as
/// GeoJSON, a postcode lookup in the style of the ONS Postcode Directory, and the neighbourhoods' population and
/// thirty indicators with a file describing each column.
enum PlacesWriter {
    static let boundariesFile = "boundaries.geojson"
    static let postcodesFile = "postcodes.csv"
    static let indicatorsFile = "indicators.csv"
    static let metadataFile = "indicators-metadata.csv"

    /// Writes the four files; `postcodes` are every postcode the generator used, each written once.
    static func write(_ borough: Borough, map: BoroughMap, postcodes: [String], to folder: URL) throws -> GeneratedPlaces {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let boundaries = folder.appendingPathComponent(boundariesFile)
        try Data(geoJSON(borough, map: map).utf8).write(to: boundaries, options: .atomic)

        let lookup = folder.appendingPathComponent(postcodesFile)
        let unique = Array(Set(postcodes)).sorted()
        let postcodeWriter = try CSVWriter(url: lookup)
        try postcodeWriter.appendRow(["pcds", "lat", "long", "neighbourhood", "hub"])
        for postcode in unique {
            let area = map.area(ofPostcode: postcode)
            let point = map.centroidMicrodegrees(of: postcode)
            try postcodeWriter.appendRow([
                postcode, DecimalText.scaled(point.latitude, places: 6), DecimalText.scaled(point.longitude, places: 6),
                borough.smallAreas[area].code, hubCode(borough, area: area),
            ])
        }
        try postcodeWriter.finish()

        let indicators = folder.appendingPathComponent(indicatorsFile)
        let table = PlaceIndicatorTable(borough)
        let indicatorWriter = try CSVWriter(url: indicators)
        try indicatorWriter.appendRow(["area_code", "area_name"] + PlaceIndicatorTable.columns)
        for (area, row) in zip(borough.smallAreas, table.rows) { try indicatorWriter.appendRow([area.code, area.name] + row) }
        try indicatorWriter.finish()

        let metadata = folder.appendingPathComponent(metadataFile)
        let metadataWriter = try CSVWriter(url: metadata)
        try metadataWriter.appendRow(["id", "name", "domain", "source", "date", "unit", "denominator", "higher_is_more_need"])
        for denominator in PlaceIndicator.denominators {
            try metadataWriter.appendRow([
                denominator.id, denominator.name, "Population", PlaceIndicator.populationSource, PlaceIndicator.date, denominator.unit, "", "",
            ])
        }
        for indicator in PlaceIndicator.all {
            try metadataWriter.appendRow([
                indicator.id, indicator.name, indicator.domain, indicator.source, indicator.date, indicator.unit, indicator.denominator ?? "",
                indicator.higherIsMoreNeed ? "true" : "false",
            ])
        }
        try metadataWriter.finish()

        return GeneratedPlaces(
            boundaries: boundaries, postcodes: lookup, indicators: indicators, indicatorMetadata: metadata,
            neighbourhoods: borough.smallAreas.count, hubAreas: borough.neighbourhoods.count, postcodeCount: unique.count,
            indicatorCount: PlaceIndicator.all.count)
    }

    /// A hub area's code: its help hub's id (`ashbrook`, `calder-vale`).
    static func hubCode(_ borough: Borough, area: Int) -> String {
        HelpGenerator.hubID(borough.neighbourhoods[borough.smallAreas[area].neighbourhood].name)
    }

    /// The FeatureCollection: every neighbourhood in code order, then every hub area, one feature to a line.
    static func geoJSON(_ borough: Borough, map: BoroughMap) -> String {
        let outline = CellOutline(columns: map.grid.columns, rows: map.grid.rows)
        var features: [String] = []
        for (index, area) in borough.smallAreas.enumerated() {
            let polygons = outline.polygons(of: map.cellsOfArea[index]) { map.areaOfCell[$0] == index }
            features.append(
                feature(
                    code: area.code, name: area.name, level: "neighbourhood", parent: hubCode(borough, area: index),
                    geometry: geometry(polygons, map: map)))
        }
        for (hub, neighbourhood) in borough.neighbourhoods.enumerated() {
            let cells = (0..<map.grid.count).filter { map.areaOfCell[$0] >= 0 && map.hubOfArea[map.areaOfCell[$0]] == hub }
            let polygons = outline.polygons(of: cells) { map.areaOfCell[$0] >= 0 && map.hubOfArea[map.areaOfCell[$0]] == hub }
            features.append(
                feature(
                    code: HelpGenerator.hubID(neighbourhood.name), name: neighbourhood.name, level: "hub", parent: nil,
                    geometry: geometry(polygons, map: map)))
        }
        return "{\"type\":\"FeatureCollection\",\"features\":[\n" + features.joined(separator: ",\n") + "\n]}\n"
    }

    private static func feature(code: String, name: String, level: String, parent: String?, geometry: String) -> String {
        let parentText = parent.map(json) ?? "null"
        return "{\"type\":\"Feature\",\"properties\":{\"code\":\(json(code)),\"name\":\(json(name)),\"level\":\(json(level)),"
            + "\"parent\":\(parentText)},\"geometry\":\(geometry)}"
    }

    /// A Polygon, or a MultiPolygon should an area ever come in pieces; `[longitude, latitude]` with six decimals.
    private static func geometry(_ polygons: [CellOutline.Polygon], map: BoroughMap) -> String {
        func ring(_ corners: [CellOutline.Corner]) -> String {
            "["
                + corners.map { corner in
                    let point = map.microdegrees(corner)
                    return "[" + DecimalText.scaled(point.longitude, places: 6) + "," + DecimalText.scaled(point.latitude, places: 6) + "]"
                }.joined(separator: ",") + "]"
        }
        func polygon(_ polygon: CellOutline.Polygon) -> String {
            "[" + ([ring(polygon.outer)] + polygon.holes.map(ring)).joined(separator: ",") + "]"
        }
        if polygons.count == 1 { return "{\"type\":\"Polygon\",\"coordinates\":" + polygon(polygons[0]) + "}" }
        return "{\"type\":\"MultiPolygon\",\"coordinates\":[" + polygons.map(polygon).joined(separator: ",") + "]}"
    }

    /// A JSON string literal.
    private static func json(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            default:
                if scalar.value < 0x20 {
                    result += "\\u00" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
