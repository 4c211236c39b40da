import ArgumentParser
import Foundation
import KithIngest
import KithStore
import KithSynthetic

/// `kith demo`: generates a borough and imports every list into a fresh store.
struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Generate a synthetic borough and import all its partner lists into a fresh store."
    )

    @Option(help: "Number of residents.")
    var people: Int = 50_000

    @Option(help: "The folder for the borough's files and the store.")
    var dir: String = "kith-demo"

    @Option(help: "Random seed: the same seed gives the same borough.")
    var seed: UInt64 = 1

    func run() throws {
        let folder = URL(fileURLWithPath: dir)
        let databasePath = folder.appendingPathComponent("kith.sqlite").path
        for suffix in ["", "-wal", "-shm"] {
            try? FileManager.default.removeItem(atPath: databasePath + suffix)
        }
        let started = Date()
        let summary = try BoroughGenerator(configuration: BoroughConfiguration(people: people, seed: seed)).write(to: folder)
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
        print("")
        print("The store is \(databasePath): \(try database.imports.rowCount()) rows from \(summary.lists.count) lists.")
        print("The truth about who is who is in \(folder.appendingPathComponent("truth").path); Kith never reads it.")
        print("Try:")
        print("  swift run -c release kith imports --db \(databasePath)")
        print("  swift run -c release kith check \(summary.lists.first { $0.source == "Helpline call log" }?.file.path ?? "FILE")")
        print("  swift run -c release kith standard --format html > data-standard.html")
    }
}
