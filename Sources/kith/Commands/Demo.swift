import ArgumentParser
import Foundation
import KithAccess
import KithAtlas
import KithHelpDesk
import KithIngest
import KithOutreach
import KithPersons
import KithSpreadsheet
import KithStore
import KithSynthetic
import KithVulnerability
import KithWeb

/// `kith demo`: generates a borough, imports every list into a fresh store, links and scores it.
struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Generate a synthetic borough, import its partner lists into a fresh store, link, score, and serve the web app.",
        discussion: "Adds a demo account for each role and prints its sign-in. --no-serve stops after printing the top of the contact list."
    )

    @Option(help: "Number of residents.")
    var people: Int = 50_000

    @Option(help: "The folder for the borough's files and the store.")
    var dir: String = "kith-demo"

    @Option(help: "Random seed: the same seed gives the same borough.")
    var seed: UInt64 = 1

    @Flag(inversion: .prefixedNo, help: "Serve the web app over the demo store when it is ready.")
    var serve = true

    @Option(help: "The address to serve on.")
    var host = "127.0.0.1"

    @Option(help: "The port to serve on.")
    var port = 8080

    func run() async throws {
        let folder = URL(fileURLWithPath: dir)
        let databasePath = folder.appendingPathComponent("kith.sqlite").path
        for suffix in ["", "-wal", "-shm"] {
            try? FileManager.default.removeItem(atPath: databasePath + suffix)
        }
        let started = Date()
        let configuration = BoroughConfiguration(people: people, seed: seed)
        let summary = try BoroughGenerator(configuration: configuration).write(to: folder)
        print(BoroughReport.text(summary, seconds: Date().timeIntervalSince(started)))
        print("")
        let database = try KithDatabase.open(path: databasePath)
        let importer = Importer(repository: database.imports)
        for list in summary.lists {
            let result = try importer.run(
                ImportRequest(file: list.file, sourceName: list.source, sheet: list.sheet, importedBy: "kith demo")
            )
            print(result.text)
        }
        if let directory = summary.directory {
            let imported = try DirectoryImporter(database: database).run(file: directory.file, importedBy: "kith demo")
            print(imported.text(warningsShown: 0))
            let centroids = directory.file.deletingLastPathComponent().appendingPathComponent("postcode-centroids.csv")
            if FileManager.default.fileExists(atPath: centroids.path) {
                print(try PostcodeCentroidImporter(database: database).run(file: centroids).text)
            }
        }
        if let help = summary.help {
            print(
                try HelpLoader(database: database).load(hubs: help.hubs, volunteers: help.volunteers, requests: help.requests, by: "kith demo").text)
        }
        if let places = summary.places {
            let loader = PlaceLoader(database: database)
            print(try loader.loadBoundaries(places.boundaries, level: nil, by: "kith demo").text)
            print(try loader.loadPostcodes(places.postcodes, by: "kith demo").text)
            print(try loader.loadIndicators(places.indicators, metadata: places.indicatorMetadata, by: "kith demo").text)
        }
        print("")
        print("The store is \(databasePath): \(try database.imports.rowCount()) rows from \(summary.lists.count) lists.")
        print("")
        let asOf = configuration.extractDate
        let index = PersonIndex(database: database, referenceDate: asOf, snapshotFile: PersonIndex.snapshotFile(forStoreAt: databasePath))
        print(LinkSummaryText.render(try index.link(by: "kith demo")))
        print("")
        let matrix = VulnerabilityMatrix.standard
        let scores = try VulnerabilityScoring(database: database, matrix: matrix, referenceDate: asOf).run(scoredBy: "kith demo")
        print(ScoreSummaryText.render(scores, matrix: matrix, top: 0))
        print("")
        let list = try OutreachList.make(database: database, filter: OutreachFilter(), referenceDate: asOf)
        print("Top of the contact list:")
        print(OutreachText.preview(list, top: 15))
        print("")
        print("The truth about who is who is in \(folder.appendingPathComponent("truth").path); Kith never reads it.")
        print("Dates are as of the lists' extract date, \(asOf). Try:")
        let first = list.entries.first?.profile.personID ?? "KP-0000001"
        print("  swift run -c release kith person \(first) --db \(databasePath) --as-of \(asOf)")
        print("  swift run -c release kith outreach --db \(databasePath) --as-of \(asOf) --band purple,red --out contact-list.xlsx")
        print("  swift run -c release kith outreach --db \(databasePath) --as-of \(asOf) --cohort child --split-by school --out weekly-lists")
        print("  swift run -c release kith contact \(first) --outcome reached --db \(databasePath)")
        print("  swift run -c release kith review --db \(databasePath)")
        print("  swift run -c release kith directory list --db \(databasePath)")
        print("  swift run -c release kith requests stats --db \(databasePath) --to \(asOf)")
        print("  swift run -c release kith places zones --db \(databasePath) --to \(asOf)")
        print("")
        let accounts = try DemoAccounts.add(to: database, run: scores.run)
        print("Demo sign-ins for the web app (passwords made for this demo store):")
        for account in accounts {
            print(
                "  \(account.role.label.padding(toLength: 15, withPad: " ", startingAt: 0)) \(account.name.padding(toLength: 18, withPad: " ", startingAt: 0)) \(account.password)   sees \(account.scope)"
            )
        }
        guard serve else { return }
        let app = try await WebApp(
            database: database, configuration: WebConfiguration(host: host, port: port, referenceDate: asOf, storePath: databasePath)
        )
        print("")
        print("Kith is serving the demo at http://\(host):\(port)/ (Ctrl-C to stop). Sign in with one of the accounts above.")
        fflush(nil)  // stdout is a pipe or file when run by a script: show everything above before serving
        try await app.serve()
    }
}
