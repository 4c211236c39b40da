import ArgumentParser
import Foundation
import KithHelp
import KithHelpDesk
import KithSpreadsheet
import KithStore

/// `kith requests`: the help desk's files and figures.
struct Requests: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Load a help desk's hubs, volunteers and earlier requests; see its figures.",
        subcommands: [Load.self, Stats.self]
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

extension Requests {
    struct Stats: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Requests per day, need, hub, neighbourhood and channel; time to first contact and to completion; open and overdue; volunteers and hours.",
            discussion: "Counts only, never people. --out FILE.csv or FILE.xlsx writes every table for a spreadsheet."
        )

        @Option(help: "The first day, yyyy-mm-dd (default: 28 days before --to).") var from: String?
        @Option(help: "The last day, yyyy-mm-dd (default: today).") var to: String?
        @Option(help: "Also write the figures to a .csv or .xlsx file.") var out: String?
        @OptionGroup var store: StoreOptions

        func run() throws {
            guard let last = to.map({ CivilDate(iso: $0) }) ?? CivilDate.ukToday else { throw ValidationError("Give --to as yyyy-mm-dd.") }
            guard let first = from.map({ CivilDate(iso: $0) }) ?? last.adding(days: -27) else { throw ValidationError("Give --from as yyyy-mm-dd.") }
            guard first <= last else { throw ValidationError("--from must be on or before --to.") }
            let figures = try HelpDesk(database: try store.open()).figures(from: first, to: last, for: nil)
            print(Self.text(figures))
            if let out {
                let url = URL(fileURLWithPath: out)
                guard ["csv", "xlsx"].contains(url.pathExtension.lowercased()) else { throw ValidationError("--out must end in .csv or .xlsx.") }
                try HelpDesk.write(figures, to: url)
                print("Wrote \(out).")
            }
        }

        static func text(_ figures: HelpFigures) -> String {
            func hours(_ wait: HelpFigures.Wait) -> String {
                guard let median = wait.medianHours, let ninetieth = wait.ninetiethHours else { return "none yet" }
                return String(format: "median %.1f h, 90th percentile %.1f h (%d requests)", median, ninetieth, wait.requests)
            }
            var lines = [
                "Help requests from \(figures.from) to \(figures.to): \(figures.total) made; \(figures.openNow) open now, \(figures.overdueNow) of them overdue.",
                "Time to first contact: \(hours(figures.toFirstContact)).",
                "Time to completion: \(hours(figures.toCompletion)).",
                String(
                    format: "Volunteers: %d active, %d gave help in the period, %.1f hours given.", figures.volunteersActive,
                    figures.volunteersWhoHelped,
                    figures.hoursGiven),
            ]
            for (title, counts) in [
                ("Per need", figures.perNeed), ("Per hub", figures.perHub), ("Per neighbourhood", figures.perArea),
                ("Per channel", figures.perChannel),
            ] {
                lines.append(title + ":")
                for count in counts { lines.append("  \(count.label.padding(toLength: 32, withPad: " ", startingAt: 0)) \(count.count)") }
            }
            lines.append("Per day:")
            lines.append(figures.perDay.map { "\($0.label.suffix(5)) \($0.count)" }.joined(separator: "  "))
            return lines.joined(separator: "\n")
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
