import ArgumentParser
import Foundation
import KithLinkage
import KithPersons
import KithSynthetic

/// `kith-benchmark accuracy`: links FEBRL and generated boroughs and prints precision, recall and F1.
struct Accuracy: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "accuracy", abstract: "Link FEBRL and generated boroughs against their known truth and print the scores."
    )

    @Option(help: "Folder holding febrl3.csv, febrl4a.csv and febrl4b.csv.")
    var febrl: String = "Tests/Data/febrl"

    @Option(parsing: .upToNextOption, help: "Generated boroughs to link: people per borough.")
    var people: [Int] = [20_000, 50_000]

    @Option(parsing: .upToNextOption, help: "Seeds of the generated boroughs.")
    var seeds: [UInt64] = [1, 2, 3]

    @Option(help: "Link threshold (probability) instead of the default.")
    var link: Double?

    @Option(help: "Review threshold (probability) instead of the default.")
    var review: Double?

    @Flag(help: "Print each model's parameters.")
    var verbose = false

    func run() throws {
        var options = LinkageOptions()
        if link != nil || review != nil {
            options.thresholds = LinkageThresholds(
                link: link ?? LinkageThresholds.standard.link, review: review ?? LinkageThresholds.standard.review
            )
        }
        print("data                       records   pairs P   pairs R   pairs F1  B3 P     B3 R     B3 F1    block R   seconds")
        let folder = URL(fileURLWithPath: febrl)
        if FileManager.default.fileExists(atPath: folder.appendingPathComponent("febrl3.csv").path) {
            show(try LinkageEvaluation.febrl(files: [folder.appendingPathComponent("febrl3.csv")], options: options))
            show(
                try LinkageEvaluation.febrl(
                    files: [folder.appendingPathComponent("febrl4a.csv"), folder.appendingPathComponent("febrl4b.csv")],
                    options: options
                )
            )
        }
        for size in people {
            for seed in seeds {
                let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kith-accuracy-\(size)-\(seed)")
                if !FileManager.default.fileExists(atPath: directory.appendingPathComponent("truth/records.csv").path) {
                    _ = try BoroughGenerator(configuration: BoroughConfiguration(people: size, seed: seed)).write(to: directory)
                }
                var outcome = try LinkageEvaluation.borough(directory: directory, options: options)
                outcome.name = "borough \(size / 1000)k seed \(seed)"
                show(outcome)
            }
        }
    }

    private func show(_ outcome: LinkageEvaluation.Outcome) {
        let s = outcome.scores
        print(
            outcome.name.padding(toLength: 26, withPad: " ", startingAt: 0)
                + String(
                    format: " %7d   %.4f    %.4f    %.4f    %.4f   %.4f   %.4f   %.4f    %.1f",
                    outcome.records, s.pairwisePrecision, s.pairwiseRecall, s.pairwiseF1, s.bCubedPrecision, s.bCubedRecall,
                    s.bCubedF1, outcome.blockingRecall, outcome.report.seconds
                )
        )
        guard verbose, let model = outcome.model else { return }
        print(String(format: "  prior %.3g, training %@", model.prior, String(describing: model.trainingFigures)))
        for field in LinkageField.allCases {
            let f = field.rawValue
            let cells = field.levels.indices.map { level in
                String(format: "%.3f/%.2g/%.2g", model.m[f][level], model.u[f][level], model.householdU[f][level])
            }
            print("  \(field.columnName): " + cells.joined(separator: "  "))
        }
        for line in outcome.missedExamples.prefix(12) { print("  missed: " + line) }
        for line in outcome.wrongExamples.prefix(12) { print("  wrong:  " + line) }
        for line in outcome.unblockedExamples.prefix(12) { print("  unblocked: " + line) }
    }
}
