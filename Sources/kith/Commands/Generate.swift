import ArgumentParser
import Foundation
import KithSynthetic

/// `kith generate --out DIR`: a synthetic borough and the lists its partners would send.
struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Generate a synthetic borough: residents, households and their partners' messy lists.",
        discussion: """
            Lists go to DIR/lists, the truth (who is who, latent need) to DIR/truth, the borough's services directory \
            to DIR/directory (services.json, one ORUK 3.0 /services page; import it with `kith directory import`), the help \
            desk's hubs, volunteers and requests to DIR/help, and its places to DIR/places (neighbourhood and hub area \
            boundaries as GeoJSON, a postcode lookup, and 30 indicators for each neighbourhood). No real person is in them.
            """
    )

    @Option(help: "The folder to write to.")
    var out: String

    @Option(help: "Number of residents.")
    var people: Int = 50_000

    @Option(help: "Random seed: the same seed gives the same borough.")
    var seed: UInt64 = 1

    func validate() throws {
        guard people >= 10 else { throw ValidationError("--people must be at least 10.") }
        guard people <= 5_000_000 else { throw ValidationError("--people must be at most 5,000,000.") }
    }

    func run() throws {
        let started = Date()
        let summary = try BoroughGenerator(configuration: BoroughConfiguration(people: people, seed: seed))
            .write(to: URL(fileURLWithPath: out))
        print(BoroughReport.text(summary, seconds: Date().timeIntervalSince(started)))
    }
}

/// How a generated borough is described in the terminal.
enum BoroughReport {
    static func text(_ summary: BoroughSummary, seconds: Double) -> String {
        var lines = [
            "Generated a borough of \(summary.people) residents in \(summary.households) households, "
                + "\(summary.neighbourhoods) neighbourhoods and \(summary.smallAreas) small areas "
                + String(format: "(%.1f s).", seconds),
            "Partner lists:",
        ]
        for list in summary.lists {
            lines.append("  \(list.source.padding(24)) \(String(list.rows).padding(7)) rows  \(list.file.path)")
        }
        if let directory = summary.directory {
            lines.append(
                "Services directory: \(directory.services) services from \(directory.organizations) organisations  \(directory.file.path)")
        }
        if let help = summary.help {
            lines.append(
                "Help desk: \(help.requestCount) requests over eight weeks, \(help.volunteerCount) volunteers  \(help.requests.deletingLastPathComponent().path)"
            )
        }
        if let places = summary.places {
            lines.append(
                "Places: \(places.neighbourhoods) neighbourhoods in \(places.hubAreas) hub areas, \(places.postcodeCount) postcodes, "
                    + "\(places.indicatorCount) indicators  \(places.boundaries.deletingLastPathComponent().path)")
        }
        return lines.joined(separator: "\n")
    }
}
