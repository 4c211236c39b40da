import ArgumentParser

/// The `kith` command: joins up council and partner lists to find and support vulnerable residents.
@main
struct Kith: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kith",
        abstract: "Join up council and partner lists to find, prioritise and support vulnerable residents.",
        subcommands: [Demo.self, Import.self, Imports.self, Generate.self]
    )
}
