import ArgumentParser
import Foundation
import KithEvaluation
import KithIngest
import KithOutreach
import KithPersons
import KithStore
import KithSynthetic
import KithVulnerability

/// `kith-benchmark scores`: generates boroughs, imports, links and scores them, and prints how well the default
/// matrix finds the truly high-need residents, with the time scoring takes.
struct ScoreBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scores", abstract: "Score generated boroughs with the default matrix and compare with their hidden need."
    )

    @Option(parsing: .upToNextOption, help: "People per borough.")
    var people: [Int] = [20_000, 50_000]

    @Option(parsing: .upToNextOption, help: "Seeds of the generated boroughs.")
    var seeds: [UInt64] = [1, 2, 3]

    @Option(help: "A matrix file to use instead of the default.")
    var matrix: String?

    func run() throws {
        let chosen = try matrix.map { try VulnerabilityMatrix.load(from: URL(fileURLWithPath: $0)) } ?? .standard
        print("borough           persons  Purple  Red    Amber  Green   high-need  in top 10%  in Purple+Red  P+R overall  rho   score s")
        for size in people {
            for seed in seeds {
                let folder = try BenchmarkFolder.prepare(
                    FileManager.default.temporaryDirectory.appendingPathComponent("kith-scores-\(size)-\(seed)").path)
                let configuration = BoroughConfiguration(people: size, seed: seed)
                let summary = try BoroughGenerator(configuration: configuration).write(to: folder)
                let database = try KithDatabase.open(path: folder.appendingPathComponent("kith.sqlite").path)
                let importer = Importer(repository: database.imports)
                for list in summary.lists {
                    _ = try importer.run(ImportRequest(file: list.file, sourceName: list.source, sheet: list.sheet, importedBy: "benchmark"))
                }
                let date = configuration.extractDate
                try PersonIndex(database: database, referenceDate: date, snapshotFile: nil).link(by: "benchmark")
                let started = Date()
                let scores = try VulnerabilityScoring(database: database, matrix: chosen, referenceDate: date).run(scoredBy: "benchmark")
                let seconds = Date().timeIntervalSince(started)
                let profiles = try PersonProfileReader(database: database, referenceDate: date).allProfiles().profiles
                let evaluation = try ScoreEvaluation.evaluate(
                    persons: scores.persons, profiles: Dictionary(uniqueKeysWithValues: profiles.map { ($0.personID, $0) }), truthDirectory: folder
                )
                let bands = Band.allCases.map { String(scores.personCount(in: $0)).padding(toLength: 7, withPad: " ", startingAt: 0) }
                print(
                    "\(size / 1000)k seed \(seed)".padding(toLength: 18, withPad: " ", startingAt: 0)
                        + String(scores.persons.count).padding(toLength: 9, withPad: " ", startingAt: 0) + bands.joined()
                        + String(evaluation.highNeedCount).padding(toLength: 11, withPad: " ", startingAt: 0)
                        + percent(evaluation.shareInTopDecile).padding(toLength: 12, withPad: " ", startingAt: 0)
                        + percent(evaluation.shareInPurpleOrRed).padding(toLength: 15, withPad: " ", startingAt: 0)
                        + percent(evaluation.purpleOrRedShareOverall).padding(toLength: 13, withPad: " ", startingAt: 0)
                        + String(format: "%-6.2f%.1f", evaluation.rankCorrelation, seconds)
                )
            }
        }
    }

    private func percent(_ value: Double) -> String { String(format: "%.1f%%", value * 100) }
}
