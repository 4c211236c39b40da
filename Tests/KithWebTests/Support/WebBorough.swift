import Foundation
import GRDB
import KithAccess
import KithAtlas
import KithIngest
import KithOutreach
import KithPersons
import KithSpreadsheet
import KithStore
import KithSynthetic
import KithTestSupport
import KithVulnerability
import KithWeb

/// A generated borough imported, linked and scored into a real SQLite store once, with an account for each role;
/// each test gets its own copy of the file, so tests that record contacts or decisions do not disturb others.
struct WebBorough: @unchecked Sendable {
    static let asOf = CivilDate(year: 2026, month: 11, day: 16)!
    static let password = "correct horse battery staple"
    static let organisation = "Borough Food Bank"
    static let partnerList = "Food bank referrals"

    /// The accounts every copy has, by role.
    static let accountNames: [Role: String] = [
        .admin: "admin", .analyst: "analyst", .caseworker: "caseworker", .partner: "foodbank", .school: "school",
    ]

    let folder: TemporaryFolder
    let database: KithDatabase
    let app: WebApp
    /// The caseworker's area and the school account's school.
    let area: String
    let school: String

    /// A fresh copy of the shared store, served by a new web app.
    static func make() async throws -> WebBorough {
        let template = try await Template.shared.value
        let folder = try TemporaryFolder()
        let path = folder.url.appendingPathComponent("kith.sqlite")
        try FileManager.default.copyItem(at: template.store, to: path)
        let database = try KithDatabase.open(path: path.path)
        let app = try await WebApp(
            database: database,
            configuration: WebConfiguration(referenceDate: asOf, passwordCost: 4, storePath: path.path)
        )
        return WebBorough(folder: folder, database: database, app: app, area: template.area, school: template.school)
    }

    /// The store every test copies, built once per test run.
    private struct Template: Sendable {
        let store: URL
        let area: String
        let school: String

        static let shared = Task { try build() }

        static func build() throws -> Template {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kith-web-template-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let borough = try BoroughGenerator(configuration: BoroughConfiguration(people: 2500, seed: 11)).write(to: folder)
            let store = folder.appendingPathComponent("kith.sqlite")
            let database = try KithDatabase.open(path: store.path)
            let importer = Importer(repository: database.imports)
            for list in borough.lists {
                try importer.run(ImportRequest(file: list.file, sourceName: list.source, sheet: list.sheet, importedBy: "test", referenceDate: asOf))
            }
            if let places = borough.places {
                let loader = PlaceLoader(database: database)
                _ = try loader.loadBoundaries(places.boundaries, level: nil, by: "test")
                _ = try loader.loadPostcodes(places.postcodes, by: "test")
                _ = try loader.loadIndicators(places.indicators, metadata: places.indicatorMetadata, by: "test")
            }
            try PersonIndex(database: database, referenceDate: asOf).link(by: "test")
            let scores = try VulnerabilityScoring(database: database, matrix: .standard, referenceDate: asOf).run(scoredBy: "test")
            let persons = try database.outreach.personScores(inRun: scores.run.id ?? 0)
            let area = mostCommon(persons.compactMap(\.area))
            let school = mostCommon(persons.compactMap(\.school))
            try ListOwnership(database: database).assign(sourceNamed: partnerList, to: organisation, by: "test")
            let book = AccountBook(database: database, hasher: PasswordHasher(cost: 4))
            for (role, name) in accountNames {
                try book.add(
                    name: name, role: role, password: password, area: role == .caseworker ? area : nil,
                    organisation: role == .partner ? organisation : nil, school: role == .school ? school : nil, by: "test"
                )
            }
            _ = try database.writer.writeWithoutTransaction { try $0.checkpoint(.truncate) }
            return Template(store: store, area: area, school: school)
        }

        private static func mostCommon(_ values: [String]) -> String {
            var counts: [String: Int] = [:]
            for value in values { counts[value, default: 0] += 1 }
            return counts.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }?.key ?? ""
        }
    }

    /// Every person id in the latest score run.
    func scoredPersonIDs() throws -> [String] {
        guard let run = try database.outreach.scoreRuns(limit: 1).first?.id else { return [] }
        return try database.outreach.personScores(inRun: run).map(\.personId).sorted()
    }
}
