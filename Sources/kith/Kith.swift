import ArgumentParser
import Foundation
import Logging

/// The `kith` command: joins up council and partner lists to find and support vulnerable residents.
@main
struct Kith: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kith",
        abstract: "Join up council and partner lists to find, prioritise and support vulnerable residents.",
        discussion:
            "Set KITH_LOG_LEVEL (trace, debug, info, notice, warning, error) to see more of what Kith does; logs carry record ids, never residents' details.",
        subcommands: [
            Demo.self, Import.self, Imports.self, Standard.self, Tag.self, Check.self, Generate.self, Link.self, Review.self, Score.self,
            Outreach.self, Contact.self, Person.self, Directory.self, Notify.self, Requests.self, Hubs.self, Volunteers.self, Serve.self, User.self,
            Token.self, SourceOwner.self, Places.self, Report.self,
        ]
    )

    static func main() async {
        let level = ProcessInfo.processInfo.environment["KITH_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .error
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: error)
        }
    }
}
