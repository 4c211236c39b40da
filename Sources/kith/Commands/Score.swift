import ArgumentParser
import Foundation
import KithOutreach
import KithVulnerability

/// `kith score`: rates every linked person and household under the vulnerability matrix and saves the snapshot.
struct Score: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Score every linked person and household with the vulnerability matrix, and save a dated snapshot.",
        discussion: """
            Each score comes with its reasons: the factors found and the points each added. Bands run Purple \
            (act now), Red, Amber, Green. Changes since the previous snapshot are listed. The default matrix is \
            printed by --show-matrix; copy it, edit it and pass it with --matrix.
            """
    )

    @Option(help: "A vulnerability matrix file (YAML) to use instead of Kith's default.")
    var matrix: String?

    @Flag(help: "Print the default matrix, documented factor by factor, and stop.")
    var showMatrix = false

    @Flag(help: "Check the matrix file given with --matrix and stop, without scoring.")
    var checkOnly = false

    @Option(help: "Who is scoring, for the audit trail.")
    var by = ProcessInfo.processInfo.environment["USER"] ?? "kith"

    @OptionGroup var store: StoreOptions
    @OptionGroup var referenceDate: ReferenceDateOption

    func run() throws {
        if showMatrix {
            print(VulnerabilityMatrix.standard.sourceText)
            return
        }
        let chosen = try Self.loadMatrix(matrix)
        if checkOnly {
            print("\(matrix ?? "The default matrix") is valid: \(chosen.name) \(chosen.version), \(chosen.factors.count) factors.")
            return
        }
        let summary = try VulnerabilityScoring(database: try store.open(), matrix: chosen, referenceDate: try referenceDate.date()).run(scoredBy: by)
        print(ScoreSummaryText.render(summary, matrix: chosen))
        print("")
        print("Next: `kith outreach --out contact-list.xlsx` writes the prioritised contact list; `kith person ID` shows one person.")
    }

    /// The matrix at `path`, or the default; a broken file stops the command with every problem listed.
    static func loadMatrix(_ path: String?) throws -> VulnerabilityMatrix {
        guard let path else { return VulnerabilityMatrix.standard }
        guard FileManager.default.fileExists(atPath: path) else {
            throw ValidationError("There is no matrix file \(path). `kith score --show-matrix > matrix.yaml` writes the default to start from.")
        }
        do {
            return try VulnerabilityMatrix.load(from: URL(fileURLWithPath: path))
        } catch let error as MatrixError {
            throw ValidationError(error.description)
        }
    }
}
