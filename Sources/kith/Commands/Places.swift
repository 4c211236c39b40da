import ArgumentParser
import Foundation
import KithAtlas
import KithPlaces
import KithSpreadsheet
import KithStore

/// `kith places`: areas, the postcode lookup, indicator tables, the index of need and low engagement zones.
struct Places: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Load areas, the postcode lookup and indicator tables; see the index of need and the low engagement zones.",
        subcommands: [Boundaries.self, Postcodes.self, Indicators.self, Index.self, Zones.self, Project.self, Contribute.self]
    )

    struct Boundaries: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Load area boundaries from a GeoJSON file (WGS 84), replacing areas with the same codes.",
            discussion: """
                One feature an area, a Polygon or MultiPolygon. The code is read from the property `code`, `id` or one ending \
                in CD (LSOA21CD), the name from `name` or one ending in NM, the area it sits in from `parent`; name others with \
                the options. `kith generate` writes places/boundaries.geojson (neighbourhoods and hub areas, each with its level).
                """
        )
        @Argument(help: "The GeoJSON file.") var file: String
        @Option(help: "The areas' level (neighbourhood, ward, lsoa, msoa, hub…); default: each feature's `level` property.") var level: String?
        @Option(help: "The property holding each area's code.") var codeProperty: String?
        @Option(help: "The property holding each area's name.") var nameProperty: String?
        @Option(help: "The property holding the code of the area each sits in.") var parentProperty: String?
        @Option(help: "Who is loading, for the record.") var by = ProcessInfo.processInfo.environment["USER"] ?? "kith"
        @OptionGroup var store: StoreOptions

        func run() throws {
            do {
                let summary = try PlaceLoader(database: try store.open()).loadBoundaries(
                    URL(fileURLWithPath: file), level: level.map { AreaLevel($0.lowercased()) },
                    properties: .init(code: codeProperty, name: nameProperty, parent: parentProperty), by: by)
                Places.report(summary)
            } catch let error as BoundaryFileError {
                try CommandFailure.exit(saying: error.description + " Nothing was stored.")
            }
        }
    }

    struct Postcodes: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Load a postcode lookup in the style of the ONS Postcode Directory: each postcode's centroid and areas.",
            discussion: """
                Columns: pcds (or postcode), lat and long (optional), and one column of area codes per level, named after it \
                (neighbourhood, hub, ward…) or as the ONS names them (lsoa21cd, msoa21cd, osward). Terminated postcodes \
                (doterm set) are skipped. Every person, request and service is placed by its postcode through this lookup.
                """
        )
        @Argument(help: "The CSV (or XLSX) file.") var file: String
        @Option(help: "Who is loading, for the record.") var by = ProcessInfo.processInfo.environment["USER"] ?? "kith"
        @OptionGroup var store: StoreOptions

        func run() throws {
            do {
                Places.report(try PlaceLoader(database: try store.open()).loadPostcodes(URL(fileURLWithPath: file), by: by))
            } catch let refusal as PlaceLoader.Refusal {
                try CommandFailure.exit(saying: refusal.description)
            }
        }
    }

    struct Indicators: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Load an indicator table (CSV or XLSX, long or wide) with its metadata.",
            discussion: """
                Wide: a column of area codes (area_code) and one column per indicator. Long: area_code, indicator, value and \
                optionally denominator. Metadata (id, name, domain, source, date, unit, denominator, higher_is_more_need) come \
                from --metadata, a sheet named Metadata, or the long table's own columns. A denominator naming another \
                indicator (population, households, children) takes that indicator's figure for the same area. Load the \
                population first. A table with a mistake is refused whole, every mistake named by row and column.
                """
        )
        @OptionGroup var table: IndicatorTableOptions
        @OptionGroup var store: StoreOptions

        func run() throws {
            do {
                Places.report(
                    try PlaceLoader(database: try store.open()).loadIndicators(
                        table.file, sheet: table.sheet, metadata: table.metadataFile, by: table.by))
            } catch let refusal as PlaceLoader.Refusal {
                try CommandFailure.exit(saying: refusal.description)
            }
        }
    }

    struct Index: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The index of need over a level's areas: rank, decile, score and domain scores.",
            discussion: "--method FILE.yaml sets the domains, weights and transformation (see README); by default every domain counts equally."
        )
        @Option(help: "The level.") var level = "neighbourhood"
        @Option(help: "The index method, a YAML file.") var method: String?
        @Option(help: "How many areas to print, most need first.") var top = 20
        @Option(help: "Also write every area to a .csv or .xlsx file.") var out: String?
        @OptionGroup var store: StoreOptions

        func run() throws {
            let need: NeedIndex
            do {
                need = try Atlas(database: try store.open()).index(level: AreaLevel(level), method: try Places.method(method))
            } catch let problems as PlaceIndex.Problems {
                try CommandFailure.exit(
                    saying: "The index cannot be made: \(problems.description) Correct the method file or load the indicators it names.")
            }
            let rows = PlaceTables.index(need)
            Places.print(rows, top: top)
            if let out { try Places.write(rows, to: out, sheet: "Index of need") }
        }
    }

    struct Zones: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Low engagement zones: areas with significantly fewer helpline calls and requests than their need predicts.",
            discussion: """
                Calls and requests per area are set against a Poisson model of demand from need and population, fitted across \
                the areas (leaving out those far from it) and allowing for overdispersion; the more needy half of areas is \
                tested with the false discovery rate held at 5%. Needs a population indicator and the postcode lookup.
                """
        )
        @Option(help: "The level.") var level = "neighbourhood"
        @Option(help: "The first day, yyyy-mm-dd (default: 8 weeks before --to).") var from: String?
        @Option(help: "The last day, yyyy-mm-dd (default: today).") var to: String?
        @Option(help: "The index method, a YAML file.") var method: String?
        @Option(help: "Also write every area's figures to a .csv or .xlsx file.") var out: String?
        @OptionGroup var store: StoreOptions

        func run() throws {
            guard let last = to.map({ CivilDate(iso: $0) }) ?? CivilDate.ukToday else { throw ValidationError("Give --to as yyyy-mm-dd.") }
            guard let first = from.map({ CivilDate(iso: $0) }) ?? last.adding(days: -55) else { throw ValidationError("Give --from as yyyy-mm-dd.") }
            let result: NeedOverlay
            do {
                result = try Atlas(database: try store.open()).overlay(
                    level: AreaLevel(level), from: first, to: last.adding(days: 1), method: try Places.method(method))
            } catch let error as AtlasError {
                try CommandFailure.exit(saying: error.description)
            }
            let zones = result.overlay.lowEngagementZones
            Swift.print(
                "Demand \(first) to \(last): \(result.overlay.areas.count) areas; expected calls rise ×\(PlaceTables.decimal(exp(result.overlay.slope), 2)) per standard deviation of need; overdispersion \(PlaceTables.decimal(result.overlay.dispersion, 2))."
            )
            Swift.print("\(zones.count) low engagement zone\(zones.count == 1 ? "" : "s"):")
            let rows = PlaceTables.overlay(result)
            let header = rows[0]
            let zoneRows = rows.dropFirst().filter { $0[header.firstIndex(of: "low_engagement_zone")!] == "yes" }
            Places.print([header] + zoneRows, top: zoneRows.count)
            if let out { try Places.write(rows, to: out, sheet: "Demand and need") }
        }
    }

    struct Project: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Start a community insights project (or change its purpose): a question organisations answer with figures by area.")
        @Argument(help: "The project's name, such as \"Digital divide among older residents\".") var name: String
        @Option(help: "What its shared figures may be used for.") var purpose: String
        @Option(help: "Who is starting it, for the record.") var by = ProcessInfo.processInfo.environment["USER"] ?? "kith"
        @OptionGroup var store: StoreOptions

        func run() throws {
            do {
                try InsightProjects(database: try store.open()).create(name, purpose: purpose, by: by)
                Swift.print(
                    "The project “\(name)” is ready for figures: kith places contribute FILE --project \"\(name)\" --from ORGANISATION --use \"…\"")
            } catch let error as InsightProjectError {
                try CommandFailure.exit(saying: error.description)
            }
        }
    }

    struct Contribute: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add an organisation's figures by area (counts, never persons) to a community insights project.",
            discussion: """
                The table is read and checked like any indicator table (wide or long, metadata from --metadata, a Metadata \
                sheet or the table's own columns). Each measure is added up with other organisations' figures of the same \
                measure into the project's shared figures, shown with small numbers suppressed at /places/projects.
                """)
        @OptionGroup var table: IndicatorTableOptions
        @Option(help: "The project.") var project: String
        @Option(help: "The organisation the figures come from.") var from: String
        @Option(help: "What these figures may be used for.") var use: String
        @OptionGroup var store: StoreOptions

        func run() throws {
            do {
                Places.report(
                    try InsightProjects(database: try store.open()).contribute(
                        table.file, sheet: table.sheet, metadata: table.metadataFile, toProject: project, from: from, usage: use, by: table.by))
            } catch let error as InsightProjectError {
                try CommandFailure.exit(saying: error.description)
            } catch let refusal as PlaceLoader.Refusal {
                try CommandFailure.exit(saying: refusal.description)
            }
        }
    }

    /// The table an indicator load or a project's contribution reads, and who loads it.
    struct IndicatorTableOptions: ParsableArguments {
        @Argument(help: "The table, CSV or XLSX.") var path: String
        @Option(help: "The workbook's sheet with the figures.") var sheet: String?
        @Option(help: "A separate metadata file.") var metadata: String?
        @Option(help: "Who is loading, for the record.") var by = ProcessInfo.processInfo.environment["USER"] ?? "kith"

        var file: URL { URL(fileURLWithPath: path) }
        var metadataFile: URL? { metadata.map { URL(fileURLWithPath: $0) } }
    }

    static func method(_ path: String?) throws -> IndexMethod? {
        guard let path else { return nil }
        do {
            return try IndexMethod.read(yaml: String(contentsOf: URL(fileURLWithPath: path), encoding: .utf8))
        } catch let error as MethodFileError {
            throw ValidationError("\(path): \(error.message)")
        }
    }

    static func report(_ summary: PlaceLoader.Summary) {
        Swift.print(summary.text)
        for warning in summary.warnings { Swift.print("Warning: " + warning) }
    }

    /// The first columns of a table, aligned, for a terminal.
    static func print(_ rows: [[String]], top: Int) {
        let shown = Array(rows.prefix(top + 1)).map { Array($0.prefix(10)) }
        guard let first = shown.first else { return }
        let widths = first.indices.map { column in shown.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0 }
        for row in shown {
            Swift.print(
                row.enumerated().map { $1.padding(toLength: min(widths[$0], 28), withPad: " ", startingAt: 0) }.joined(separator: "  "))
        }
        if rows.count > top + 1 { Swift.print("… \(rows.count - top - 1) more (write them all with --out).") }
    }

    static func write(_ rows: [[String]], to path: String, sheet: String) throws {
        let url = URL(fileURLWithPath: path)
        guard ["csv", "xlsx"].contains(url.pathExtension.lowercased()) else { throw ValidationError("--out must end in .csv or .xlsx.") }
        try FigureTable.write(rows, to: url, sheet: sheet)
        Swift.print("Wrote \(path).")
    }
}
