import ArgumentParser
import Foundation
import KithAccess

/// `kith source NAME --organisation ORG`: gives a partner list to a VCS organisation.
struct SourceOwner: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "source",
        abstract: "Give a partner list to a VCS organisation, whose partner accounts then see the residents on it.",
        discussion: "Without --organisation, prints the organisation the list belongs to. --clear takes it away."
    )

    @Argument(help: "The list's source name, e.g. \"Food bank referrals\".")
    var name: String

    @Option(help: "The VCS organisation the list belongs to.")
    var organisation: String?

    @Flag(help: "Take the list away from its organisation.")
    var clear = false

    @Option(help: "Who is giving or taking the list, for the record.")
    var by = ProcessInfo.processInfo.environment["USER"] ?? "kith"

    @OptionGroup var store: StoreOptions

    func run() throws {
        let ownership = ListOwnership(database: try store.open())
        if organisation != nil || clear {
            let owner = clear ? nil : organisation?.trimmingCharacters(in: .whitespaces)
            let changed = try ownership.assign(sourceNamed: name, to: owner, by: by)
            let where_ = owner.map { "belongs to \($0)" } ?? "belongs to no organisation"
            print(changed ? "\"\(name)\" \(where_) now." : "\"\(name)\" already \(where_): nothing changed.")
        } else {
            let owner = try ownership.organisation(ofSourceNamed: name)
            print(owner.map { "\"\(name)\" belongs to \($0)." } ?? "\"\(name)\" belongs to no organisation.")
        }
    }
}
