import ArgumentParser
import Foundation
import KithEvaluation
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

    @Option(parsing: .upToNextOption, help: "Large boroughs to link (four partner lists): records per borough; 0 for none.")
    var records: [Int] = [100_000, 1_000_000]

    @Option(parsing: .upToNextOption, help: "Name pools of the large boroughs: realistic, small.")
    var names: [String] = LinkageBorough.NamePool.allCases.map(\.rawValue)

    @Option(help: "Folder for the generated large boroughs (kept, and reused when present).")
    var dir: String = FileManager.default.temporaryDirectory.appendingPathComponent("kith-accuracy").path

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
        for size in people where size > 0 {
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
        try runLargeBoroughs(options: options)
    }

    /// Large boroughs: cluster (pairwise over persons) and best pairwise scores, B-cubed, blocking recall and the
    /// precision of automatic links, against the targets.
    private func runLargeBoroughs(options: LinkageOptions) throws {
        let pools = try names.map { name in
            guard let pool = LinkageBorough.NamePool(rawValue: name) else {
                throw ValidationError("--names takes realistic or small, not \(name).")
            }
            return pool
        }
        let sizes = records.filter { $0 > 0 }
        guard !sizes.isEmpty, !pools.isEmpty else { return }
        print("")
        print("Large boroughs (four lists; targets: cluster F1 ≥ 0.97, blocking recall ≥ 0.995, automatic-link precision ≥ 0.99)")
        print("borough              records   cluster P  cluster R  cluster F1  best pair F1  B3 F1    block R   auto P    largest  seconds  targets")
        for size in sizes {
            for pool in pools {
                let directory = URL(fileURLWithPath: dir).appendingPathComponent("\(pool.rawValue)-\(size)")
                if !FileManager.default.fileExists(atPath: directory.appendingPathComponent("truth/records.csv").path) {
                    try? FileManager.default.removeItem(at: directory)
                    _ = try LinkageBorough(records: size, names: pool, seed: seeds.first ?? 1).write(to: directory)
                }
                var outcome = try LinkageEvaluation.borough(directory: directory, options: options)
                outcome.name = "\(pool.rawValue) names \(size >= 1_000_000 ? "\(size / 1_000_000)M" : "\(size / 1000)k")"
                let s = outcome.scores
                let met = s.pairwiseF1 >= 0.97 && outcome.blockingRecall >= 0.995 && outcome.automaticLinkPrecision >= 0.99
                print(
                    outcome.name.padding(toLength: 20, withPad: " ", startingAt: 0)
                        + String(
                            format: " %8d  %.4f     %.4f     %.4f      %.4f        %.4f   %.4f    %.4f    %5d    %6.1f   %@",
                            outcome.records, s.pairwisePrecision, s.pairwiseRecall, s.pairwiseF1, outcome.bestPairwiseF1,
                            s.bCubedF1, outcome.blockingRecall, outcome.automaticLinkPrecision, outcome.largestPerson,
                            outcome.report.seconds, met ? "met" : "MISSED"
                        )
                )
                showDetails(outcome)
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
        showDetails(outcome)
    }

    private func showDetails(_ outcome: LinkageEvaluation.Outcome) {
        guard verbose, let model = outcome.model else { return }
        for note in outcome.report.training?.warnings ?? [] { print("  model warning: " + note) }
        print(String(format: "  best pairwise F1 at probability ≥ %.3f; calibration (band: pairs, share one person):", outcome.bestPairwiseThreshold))
        print("    " + outcome.calibration.map { String(format: "%@: %d, %.3f", $0.band, $0.pairs, $0.sameShare) }.joined(separator: " · "))
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
