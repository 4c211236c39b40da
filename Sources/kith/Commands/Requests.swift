import ArgumentParser
import Foundation
import KithHelp
import KithHelpDesk
import KithStore

/// `kith requests`: the help desk's files and figures.
struct Requests: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Load a help desk's hubs, volunteers and earlier requests; see its figures.",
        subcommands: [Load.self]
    )

    struct Load: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Load hubs, the volunteer bureau and earlier requests from CSV or XLSX files (what `kith generate` writes in help/).",
            discussion: """
                hubs: id, name, kind (hub or team), areas (postcode districts or area names, separated by ;), \
                urgent_pickup_minutes. volunteers: Name, Phone, Email, Postcode, Offers, Free, Travel miles, Languages, Drives, \
                DBS level, DBS number, DBS renew by, DBS seen by, Induction done, Status, Applied on. requests: Taken at, \
                Channel, Taken by, First name, Last name, Date of birth, Phone, Email, Address, Postcode, Needs, Urgency, \
                Details, Dietary, Language, Contact by, Consent, Status, First contact at, Closed at, Volunteer, Hours. \
                Hubs and volunteers go in one transaction, requests in another; a wrong cell is named and nothing of that \
                step is stored. Run `kith link` afterwards to place the callers among the residents Kith knows.
                """
        )

        @Option(help: "The hubs and teams file.") var hubs: String?
        @Option(help: "The volunteer bureau's file.") var volunteers: String?
        @Option(help: "The earlier requests' file.") var requests: String?
        @Option(help: "Who is loading, for the record.") var by = ProcessInfo.processInfo.environment["USER"] ?? "kith"
        @OptionGroup var store: StoreOptions

        func run() throws {
            guard hubs != nil || volunteers != nil || requests != nil else { throw ValidationError("Give --hubs, --volunteers or --requests.") }
            let url = { (path: String?) in path.map { URL(fileURLWithPath: $0) } }
            do {
                let summary = try HelpLoader(database: try store.open()).load(
                    hubs: url(hubs), volunteers: url(volunteers), requests: url(requests), by: by)
                print(summary.text)
            } catch let problem as HelpLoader.Problem {
                try CommandFailure.exit(saying: problem.description)
            }
        }
    }
}

/// `kith hubs`: the neighbourhood hubs and teams requests are routed to.
struct Hubs: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Add and list the hubs and teams help requests go to.", subcommands: [Add.self, List.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a hub (or change one with the same id).")
        @Argument(help: "A short id for addresses: north, welfare-rights.") var id: String
        @Option(help: "Its name.") var name: String
        @Option(help: "The postcode districts or area names it covers, comma-separated: HY1,HY2.") var areas = ""
        @Flag(help: "A named team, which takes requests routed to it by hand, not by address.") var team = false
        @Option(help: "Minutes an urgent request may wait for someone to pick it up before it is flagged.") var urgentMinutes = 120
        @Option(help: "Who is adding it, for the record.") var by = ProcessInfo.processInfo.environment["USER"] ?? "kith"
        @OptionGroup var store: StoreOptions

        func run() throws {
            let hub = Hub(
                id: id, name: name, kind: team ? .team : .hub, areas: areas.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) },
                urgentPickupMinutes: urgentMinutes)
            do {
                try HelpDesk(database: try store.open()).saveHub(hub, by: by)
            } catch let error as HelpDeskError {
                try CommandFailure.exit(saying: error.description)
            }
            print("Saved \(hub.kind.rawValue) \(hub.id), \(hub.name)\(hub.areas.isEmpty ? "" : ", covering " + hub.areas.joined(separator: ", ")).")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the hubs and teams.")
        @OptionGroup var store: StoreOptions

        func run() throws {
            let hubs = try HelpDesk(database: try store.open()).hubs()
            if hubs.isEmpty { print("No hubs yet. Add one with `kith hubs add ID --name NAME --areas HY1,HY2`.") }
            for hub in hubs {
                print(
                    "\(hub.id): \(hub.name) (\(hub.kind.rawValue)), covers \(hub.areas.isEmpty ? "nothing by address" : hub.areas.joined(separator: ", ")); urgent requests flagged after \(hub.urgentPickupMinutes) minutes"
                )
            }
        }
    }
}

/// `kith volunteers`: the volunteer bureau.
struct Volunteers: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the volunteer bureau.", subcommands: [List.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List volunteers, with their numbers for `kith user add --volunteer`.")
        @Option(help: "Only those with this status: applied, verified, active, paused or left.") var status: String?
        @OptionGroup var store: StoreOptions

        func run() throws {
            let database = try store.open()
            let volunteers = try database.help.volunteers(statuses: status.map { [$0] } ?? [])
            let counts = try database.help.openTaskCounts()
            for volunteer in volunteers {
                let dbs =
                    volunteer.dbsVerifiedBy == nil ? "no DBS check seen" : "DBS \(volunteer.dbsLevel ?? "") until \(volunteer.dbsValidUntil ?? "")"
                print(
                    "\(volunteer.reference) \(volunteer.name), \(volunteer.postcode): \(volunteer.status), \(dbs), \(counts[volunteer.id ?? 0] ?? 0) open tasks"
                )
            }
            print("\(volunteers.count) volunteers.")
        }
    }
}
