import Foundation
import KithDirectory
import KithPlaces
import KithSpreadsheet
import KithStore

/// Loads what places are made of: area boundaries (GeoJSON), the postcode lookup (an ONS Postcode Directory–style
/// CSV) and indicator tables (CSV or XLSX, long or wide, with their metadata). Each file is read and checked whole
/// first and stored in one transaction with its audit entry: a file with a mistake stores nothing.
public struct PlaceLoader: Sendable {
    public let database: any Store

    public init(database: any Store) {
        self.database = database
    }

    /// What one load stored, and what it noticed without refusing the file.
    public struct Summary: Sendable, Equatable {
        public var text: String
        public var warnings: [String]
    }

    /// A file that was refused: every problem found, by row and column.
    public struct Refusal: Error, Equatable, CustomStringConvertible {
        public var file: String
        public var sheet: String?
        public var problems: [String]

        public var description: String {
            let shown = problems.prefix(20).map { "  " + $0 }.joined(separator: "\n")
            let more = problems.count > 20 ? "\n  …and \(problems.count - 20) more." : ""
            return "\(FilePlace.describe(file: file, sheet: sheet)): nothing was stored. Correct these and load it again:\n\(shown)\(more)"
        }
    }

    // MARK: - Boundaries

    /// Stores the areas of a GeoJSON file, replacing any with the same codes.
    /// - Parameter level: the areas' level; nil to read each feature's `level` property.
    public func loadBoundaries(
        _ url: URL, level: AreaLevel?, properties: GeoJSONBoundaries.Properties = .init(), by actor: String
    ) throws -> Summary {
        let data = try Data(contentsOf: url)
        let boundaries = try GeoJSONBoundaries(data: data, file: url.lastPathComponent, level: level, properties: properties)
        let records = boundaries.areas.map {
            AreaRecord(code: $0.code, name: $0.name, level: $0.level.rawValue, parentCode: $0.parent, geometry: $0.shape?.geoJSON)
        }
        var levels: [String: Int] = [:]
        for area in boundaries.areas { levels[area.level.rawValue, default: 0] += 1 }
        let counted = levels.keys.sorted().map { "\(levels[$0]!) \($0)" }.joined(separator: ", ")
        try database.places.saveAreas(
            records,
            audit: AuditTrail.note(.importPlaces, by: actor, subject: url.lastPathComponent, detail: "boundaries: \(counted)"))
        // A parent named but not loaded is worth saying: its areas cannot be rolled up until it is.
        let known = Set(try database.places.areas(level: nil, withGeometry: false).map(\.code))
        let orphans = Set(boundaries.areas.compactMap(\.parent)).subtracting(known).sorted()
        return Summary(
            text: "Stored the boundaries of \(counted) area\(boundaries.areas.count == 1 ? "" : "s") from \(url.lastPathComponent).",
            warnings: orphans.isEmpty
                ? [] : ["Parent area\(orphans.count == 1 ? "" : "s") not loaded yet: \(orphans.prefix(10).joined(separator: ", "))."])
    }

    // MARK: - The postcode lookup

    /// Header names of the ONS Postcode Directory (and plain ones) for the columns the lookup reads.
    static let postcodeColumns = ["pcds", "pcd", "pcd7", "pcd8", "postcode"]
    static let latitudeColumns = ["lat", "latitude"]
    static let longitudeColumns = ["long", "lon", "lng", "longitude"]
    /// ONS column names for area levels; any column named after a level with areas loaded is read too.
    static let levelAliases: [String: String] = [
        "lsoa21cd": "lsoa", "lsoa21": "lsoa", "lsoa11": "lsoa", "lsoa11cd": "lsoa", "lsoa": "lsoa",
        "msoa21cd": "msoa", "msoa21": "msoa", "msoa11": "msoa", "msoa11cd": "msoa", "msoa": "msoa",
        "osward": "ward", "wd24cd": "ward", "wd23cd": "ward", "ward": "ward", "ward_code": "ward",
        "neighbourhood": "neighbourhood", "nbhd": "neighbourhood", "hub": "hub",
    ]

    /// Stores which areas each postcode lies in, and its centroid. Terminated postcodes (a `doterm` date) are
    /// skipped, as are rows without a readable postcode (counted and named).
    public func loadPostcodes(_ url: URL, by actor: String) throws -> Summary {
        let reader = try TableReader(url: url)
        let knownLevels = Set(try database.places.areaLevels().map(\.level))
        var postcode: Int?
        var latitude: Int?
        var longitude: Int?
        var terminated: Int?
        var levelColumns: [(index: Int, level: String)] = []
        var entries: [PostcodeAreaRecord] = []
        var centroids: [PostcodeCentroidRecord] = []
        var refused: [String] = []
        var refusedCount = 0
        var skipped = 0
        var sheet: String?
        try reader.read(sheet: nil) { layout in
            sheet = layout.sheet
            let names = layout.columnNames.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            postcode = names.firstIndex { Self.postcodeColumns.contains($0) }
            latitude = names.firstIndex { Self.latitudeColumns.contains($0) }
            longitude = names.firstIndex { Self.longitudeColumns.contains($0) }
            terminated = names.firstIndex(of: "doterm")
            for (index, name) in names.enumerated() {
                if let level = Self.levelAliases[name] ?? (knownLevels.contains(name) ? name : nil) { levelColumns.append((index, level)) }
            }
            guard postcode != nil else {
                throw Refusal(
                    file: url.lastPathComponent, sheet: layout.sheet,
                    problems: ["No postcode column: name one pcds (as the ONS Postcode Directory does) or postcode."])
            }
            guard !levelColumns.isEmpty || (latitude != nil && longitude != nil) else {
                throw Refusal(
                    file: url.lastPathComponent, sheet: layout.sheet,
                    problems: [
                        "No area columns and no coordinates: give columns of area codes named after their level (lsoa21cd, osward, neighbourhood, hub…) or lat and long."
                    ])
            }
        } onRow: { row in
            guard !row.isBlank, let postcode else { return }
            func cell(_ index: Int?) -> String {
                guard let index, index < row.cells.count else { return "" }
                return row.cells[index].trimmingCharacters(in: .whitespaces)
            }
            if !cell(terminated).isEmpty {
                skipped += 1
                return
            }
            guard let code = PostcodeCentroids.normalised(cell(postcode)) else {
                refusedCount += 1
                if refused.count < 10 { refused.append("row \(row.number): “\(cell(postcode))” is not a postcode") }
                return
            }
            for column in levelColumns {
                let area = cell(column.index)
                if !area.isEmpty { entries.append(PostcodeAreaRecord(postcode: code, level: column.level, areaCode: area)) }
            }
            if let lat = Double(cell(latitude)), let lon = Double(cell(longitude)), (-90...90).contains(lat), (-180...180).contains(lon),
                !(lat == 99.999999 && lon == 0)  // the ONS's mark for "no grid reference"
            {
                centroids.append(PostcodeCentroidRecord(postcode: code, latitude: lat, longitude: lon))
            }
        }
        let postcodes = Set(entries.map(\.postcode)).union(centroids.map(\.postcode)).count
        let levels = Array(Set(levelColumns.map(\.level))).sorted().joined(separator: ", ")
        try database.places.savePostcodeAreas(
            entries, centroids: centroids,
            audit: AuditTrail.note(
                .importPlaces, by: actor, subject: url.lastPathComponent, detail: "postcode lookup: \(postcodes) postcodes, levels \(levels)"))
        var warnings: [String] = []
        if refusedCount > 0 {
            warnings.append(
                "\(FilePlace.describe(file: url.lastPathComponent, sheet: sheet)): \(refusedCount) row\(refusedCount == 1 ? "" : "s") without a readable postcode were left out: "
                    + refused.joined(separator: "; ") + (refusedCount > refused.count ? "; …" : "."))
        }
        return Summary(
            text:
                "Stored \(postcodes) postcode\(postcodes == 1 ? "" : "s") (\(centroids.count) with centroids) placing them in \(levels.isEmpty ? "no areas" : levels)."
                + (skipped > 0 ? " Skipped \(skipped) terminated postcode\(skipped == 1 ? "" : "s")." : ""),
            warnings: warnings)
    }

    // MARK: - Indicator tables

    /// Reads an indicator table and stores its indicators and figures, replacing any earlier figures of the same
    /// indicators.
    /// - Parameters:
    ///   - sheet: the workbook's sheet with the figures; nil for the first with data.
    ///   - metadata: a separate metadata file, when the metadata are not in the workbook's `Metadata` sheet or the
    ///     table's own columns.
    public func loadIndicators(_ url: URL, sheet: String? = nil, metadata: URL? = nil, by actor: String) throws -> Summary {
        let known = try database.places.allIndicators()
        let checked = try checkedTable(url, sheet: sheet, metadata: metadata, knownIndicators: known.filter { $0.project == nil }.map(Self.indicator))
        let read = checked.table
        let now = AuditTrail.now()
        let records = read.indicators.map { Self.record($0, project: nil, file: url.lastPathComponent, at: now, by: actor) }
        if let clash = known.first(where: { old in old.project != nil && records.contains { $0.id == old.id } }) {
            throw Refusal(
                file: url.lastPathComponent, sheet: checked.sheet,
                problems: ["Indicator \(clash.id) already belongs to the project “\(clash.project ?? "")”. Give it another id."])
        }
        let values = read.values.flatMap { id, figures in
            figures.map { IndicatorValueRecord(indicatorId: id, areaCode: $0.area, value: $0.value, denominator: $0.denominator) }
        }
        let areaCount = Set(values.map(\.areaCode)).count
        try database.places.saveIndicators(
            records, values: values,
            audit: AuditTrail.note(
                .importPlaces, by: actor, subject: url.lastPathComponent,
                detail: "indicators (\(read.layout.rawValue) table): \(records.count) for \(areaCount) areas"))
        return Summary(
            text:
                "Stored \(records.count) indicator\(records.count == 1 ? "" : "s") for \(areaCount) area\(areaCount == 1 ? "" : "s") from \(url.lastPathComponent) (a \(read.layout.rawValue) table).",
            warnings: Self.warnings(read, file: url.lastPathComponent, sheet: checked.sheet))
    }

    /// An indicator table read and checked against what is stored: refused with every error named when it has any.
    func checkedTable(_ url: URL, sheet: String?, metadata: URL?, knownIndicators: [Indicator]) throws -> (table: IndicatorTable, sheet: String?) {
        let reader = try TableReader(url: url)
        var metadataTable: (header: [String], rows: [IndicatorTable.Row])?
        var dataSheet = sheet
        if let metadata {
            metadataTable = try Self.table(TableReader(url: metadata), sheet: nil).table
        } else if let named = reader.sheetNames.first(where: { ["metadata", "indicators", "about"].contains($0.lowercased()) }) {
            metadataTable = try Self.table(reader, sheet: named).table
            if dataSheet == nil { dataSheet = reader.sheetNames.first { $0 != named } }
        }
        let (table, usedSheet) = try Self.table(reader, sheet: dataSheet)
        // Denominators another table already loaded (population, households…), for rates of this one.
        let denominatorIDs = try database.places.allIndicators().filter { $0.project == nil && $0.domain.lowercased() == "population" }.map(\.id)
        var knownDenominators: [String: [String: Double]] = [:]
        for value in try database.places.indicatorValues(of: denominatorIDs) {
            if let figure = value.value { knownDenominators[value.indicatorId, default: [:]][value.areaCode] = figure }
        }
        let areas = Set(try database.places.areas(level: nil, withGeometry: false).map(\.code))
        let read = IndicatorTable(
            header: table.header, rows: table.rows, metadata: metadataTable, knownIndicators: knownIndicators,
            knownDenominators: knownDenominators, knownAreas: areas)
        let errors = read.findings.filter { $0.severity == .error }
        guard errors.isEmpty else {
            throw Refusal(file: url.lastPathComponent, sheet: usedSheet, problems: errors.map(\.description))
        }
        guard !read.indicators.isEmpty else {
            throw Refusal(file: url.lastPathComponent, sheet: usedSheet, problems: ["The table has no indicator columns or rows."])
        }
        return (read, usedSheet)
    }

    static func record(_ indicator: Indicator, id: String? = nil, project: String?, file: String, at time: String, by actor: String)
        -> IndicatorRecord
    {
        IndicatorRecord(
            id: id ?? indicator.id, name: indicator.name, domain: indicator.domain, source: indicator.source, date: indicator.date,
            unit: indicator.unit, denominator: indicator.denominator, higherIsMoreNeed: indicator.higherIsMoreNeed, project: project, file: file,
            loadedAt: time, loadedBy: actor)
    }

    static func warnings(_ table: IndicatorTable, file: String, sheet: String?) -> [String] {
        table.findings.filter { $0.severity == .warning }.map { "\(FilePlace.describe(file: file, sheet: sheet)), \($0.description)" }
    }

    static func indicator(_ record: IndicatorRecord) -> Indicator {
        Indicator(
            id: record.id, name: record.name, domain: record.domain, source: record.source, date: record.date, unit: record.unit,
            denominator: record.denominator, higherIsMoreNeed: record.higherIsMoreNeed)
    }

    /// A sheet's header and non-blank rows.
    private static func table(_ reader: TableReader, sheet: String?) throws -> (
        table: (header: [String], rows: [IndicatorTable.Row]), sheet: String?
    ) {
        var header: [String] = []
        var rows: [IndicatorTable.Row] = []
        var used: String?
        try reader.read(sheet: sheet) { layout in
            header = layout.columnNames
            used = layout.sheet
        } onRow: { row in
            if !row.isBlank { rows.append(IndicatorTable.Row(number: row.number, cells: row.cells)) }
        }
        return ((header, rows), used)
    }
}
