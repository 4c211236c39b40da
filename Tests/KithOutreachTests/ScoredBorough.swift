import Foundation
import KithIngest
import KithOutreach
import KithPersons
import KithSpreadsheet
import KithStore
import KithSynthetic
import KithTestSupport
import KithVulnerability

/// A generated borough imported into a real SQLite store, linked and scored with the default matrix.
struct ScoredBorough {
    static let asOf = CivilDate(year: 2026, month: 11, day: 16)!

    let folder: TemporaryFolder
    let database: KithDatabase
    let summary: VulnerabilityScoring.Summary

    init(people: Int, seed: UInt64) throws {
        folder = try TemporaryFolder()
        let borough = try BoroughGenerator(configuration: BoroughConfiguration(people: people, seed: seed)).write(to: folder.url)
        database = try KithDatabase.open(path: folder.url.appendingPathComponent("kith.sqlite").path)
        let importer = Importer(repository: database.imports)
        for list in borough.lists {
            try importer.run(ImportRequest(file: list.file, sourceName: list.source, sheet: list.sheet, importedBy: "test", referenceDate: Self.asOf))
        }
        try PersonIndex(database: database, referenceDate: Self.asOf).link(by: "test")
        summary = try VulnerabilityScoring(database: database, matrix: .standard, referenceDate: Self.asOf).run(scoredBy: "test")
    }

    func list(_ filter: OutreachFilter = OutreachFilter()) throws -> OutreachList {
        try OutreachList.make(database: database, filter: filter, referenceDate: Self.asOf)
    }
}

/// A written CSV or XLSX read back with Kith's own reader: the rows above the header, the header, the rows.
struct WrittenTable {
    var preamble: [[String]] = []
    var header: [String] = []
    var rows: [[String]] = []

    init(_ url: URL) throws {
        let reader = try TableReader(url: url)
        _ = try reader.read(sheet: nil) { layout in
            preamble = layout.preamble.map(\.cells)
            header = layout.columnNames
        } onRow: { row in
            rows.append(row.cells)
        }
    }

    func column(_ name: String) -> [String] {
        guard let index = header.firstIndex(of: name) else { return [] }
        return rows.map { index < $0.count ? $0[index] : "" }
    }
}
