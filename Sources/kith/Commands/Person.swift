import ArgumentParser
import Foundation
import KithOutreach

/// `kith person`: everything Kith knows about one person, and the view recorded in the audit trail.
struct Person: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show one person: details, rating and reasons, household, the services that know them, and contacts.",
        discussion: "Every view is recorded in the audit trail."
    )

    @Argument(help: "The person's id, such as KP-0000042.")
    var id: String

    @Option(help: "Who is looking, for the audit trail.")
    var by = ProcessInfo.processInfo.environment["USER"] ?? "kith"

    @OptionGroup var store: StoreOptions
    @OptionGroup var referenceDate: ReferenceDateOption

    func run() throws {
        let card = try PersonCard.load(
            personID: id, database: try store.open(), referenceDate: try referenceDate.date(), viewedBy: by, purpose: "kith person"
        )
        print(PersonProfileText.render(card))
    }
}
