import ArgumentParser
import Foundation
import KithPersons
import KithStore

/// `kith review`: the pairs waiting for a person, and recording a decision on one.
struct Review: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the uncertain pairs `kith link` left for review, or record a decision on one.",
        discussion: """
            Rows are named by their stored row ids, as listed. A decision overrides the model on every later \
            `kith link`: "same" joins the two rows' persons, "different" keeps them apart.
            """
    )

    @Option(help: "How many pairs to list.")
    var limit = 20

    @Option(parsing: .upToNextOption, help: "Decide a pair: two row ids, then same or different (e.g. --decide 12 345 same).")
    var decide: [String] = []

    @Option(help: "Who is deciding, for the record and the audit trail.")
    var by = ProcessInfo.processInfo.environment["USER"] ?? "kith"

    @Option(help: "A note to keep with the decision.")
    var note: String?

    @OptionGroup var store: StoreOptions

    func validate() throws {
        guard
            decide.isEmpty
                || (decide.count == 3 && Int64(decide[0]) != nil && Int64(decide[1]) != nil
                    && ["same", "different"].contains(decide[2]))
        else { throw ValidationError("--decide takes two row ids and then same or different, e.g. --decide 12 345 same.") }
    }

    func run() throws {
        let database = try store.open()
        let repository = database.linkage
        if decide.count == 3 {
            let decision = try MatchReview(database: database).decide(
                leftRowId: Int64(decide[0])!, rightRowId: Int64(decide[1])!, verdict: decide[2] == "same" ? .same : .different,
                by: by, note: note, through: .commandLine
            )
            print(
                "Recorded: rows \(decision.leftRowId) and \(decision.rightRowId) are \(decide[2] == "same" ? "the same person" : "different people"). Run `kith link` to apply it."
            )
            return
        }
        let count = try repository.reviewQueueCount()
        print("\(count) pairs waiting for review.")
        for pair in try repository.reviewQueue(limit: limit, offset: 0) {
            print(String(format: "rows %lld and %lld: match probability %.3f", pair.leftRowId, pair.rightRowId, pair.matchProbability))
        }
    }
}
