import Foundation
import KithAccess
import KithPlaces
import KithSpreadsheet
import KithStore

/// The dashboard for leaders and hub coordinators: residents by band and cohort, moves between bands since the last
/// score run, new and no longer identified, welfare checks triggered and done, contacts made, requests and referrals
/// opened and closed week by week, and services' capacity — for the borough, a hub area or a neighbourhood, over a
/// period. A caseworker's dashboard is kept to their own area (``PlaceAccess/dashboardArea(for:)``); counts of
/// residents are suppressed for those outside the case teams.
public struct Dashboard: Sendable {
    /// A figure with its label.
    public struct Figure: Sendable, Equatable {
        public var label: String
        public var value: String
    }

    /// One week of activity.
    public struct Week: Sendable, Equatable {
        /// The week's first day.
        public var from: CivilDate
        public var contacts: Int
        public var requestsTaken: Int
        public var requestsClosed: Int
        public var referrals: Int
    }

    /// A sub-area's residents by band, for the table of areas.
    public struct AreaBands: Sendable, Equatable {
        public var code: String
        public var name: String
        public var purple: Int
        public var red: Int
        public var amber: Int
        public var green: Int
    }

    /// The area the dashboard covers; nil for the whole borough.
    public var area: Area?
    public var from: CivilDate
    /// The period's last day.
    public var through: CivilDate
    public var activity: AreaActivity
    public var weeks: [Week]
    /// The areas within (the hub areas of the borough, a hub area's neighbourhoods), with their residents by band.
    public var areas: [AreaBands]
    public var suppressed: Bool

    /// Counts as they may be shown to this dashboard's reader.
    public func shown(_ count: Int) -> String { PlaceAccess.shown(count, suppressed: suppressed) }

    public var bandTotals: [String: Int] {
        activity.bands.reduce(into: [:]) { $0[$1.band, default: 0] += $1.persons }
    }

    /// The headline figures, in order.
    public var headlines: [Figure] {
        let bands = bandTotals
        let identified = bands.values.reduce(0, +)
        let order = ["green": 0, "amber": 1, "red": 2, "purple": 3]
        var new = 0
        var gone = 0
        var up = 0
        var down = 0
        for move in activity.moves {
            switch (move.from, move.to) {
            case (nil, .some): new += move.persons
            case (.some, nil): gone += move.persons
            case (.some(let from), .some(let to)):
                if (order[to] ?? 0) > (order[from] ?? 0) { up += move.persons }
                if (order[to] ?? 0) < (order[from] ?? 0) { down += move.persons }
            default: break
            }
        }
        let hasPrevious = activity.previousRunId != nil
        var figures = [
            Figure(label: "Residents identified", value: shown(identified)),
            Figure(label: "Purple", value: shown(bands["purple"] ?? 0)),
            Figure(label: "Red", value: shown(bands["red"] ?? 0)),
        ]
        if hasPrevious {
            figures += [
                Figure(label: "Newly identified since the last score run", value: shown(new)),
                Figure(label: "No longer identified", value: shown(gone)),
                Figure(label: "Moved to a higher band", value: shown(up)),
                Figure(label: "Moved to a lower band", value: shown(down)),
            ]
        }
        let outstanding = activity.welfareChecksTriggered - activity.welfareChecksDone
        figures += [
            Figure(label: "Welfare checks triggered", value: shown(activity.welfareChecksTriggered)),
            Figure(label: "Welfare checks done", value: shown(activity.welfareChecksDone)),
            Figure(label: "Welfare checks outstanding", value: shown(outstanding)),
            Figure(label: "Contacts made", value: shown(activity.contactsByDay.values.reduce(0, +))),
            Figure(label: "Help requests taken", value: shown(activity.requestsTakenByDay.values.reduce(0, +))),
            Figure(label: "Help requests closed", value: shown(activity.requestsClosedByDay.values.reduce(0, +))),
            Figure(label: "Help requests open now", value: shown(activity.requestsOpen)),
            Figure(label: "Referrals made", value: shown(activity.referralsByDay.values.reduce(0, +))),
            Figure(label: "Referrals open now", value: shown(activity.referralsOpen)),
        ]
        return figures
    }

    /// Services by whether they take referrals, for the capacity table.
    public var capacity: [Figure] {
        [("yes", "Accepting referrals"), ("waiting_list", "Waiting list"), ("no", "Not accepting"), ("unknown", "Not said")].map {
            Figure(label: $0.1, value: String(activity.services[$0.0] ?? 0))
        }
    }
}

extension Atlas {
    /// The dashboard of an area (by code; the whole borough when nil) over the days `from` through `through`, as the
    /// account may see it. A caseworker sees their own area whatever is asked. Counts by area name no resident, so
    /// the view is not audited (an export of its figures is).
    /// - Throws: ``AtlasError/notAllowed`` without ``Capability/viewPlaces``; ``AtlasError/unknownArea`` when the
    ///   area (or a caseworker's own) is not loaded.
    public func dashboard(
        area code: String?, from: CivilDate, through: CivilDate, for signedIn: SignedIn
    ) throws -> Dashboard {
        guard signedIn.can(.viewPlaces) else { throw AtlasError.notAllowed }
        try bringProfilesUpToDate()
        var area: Area?
        if let own = PlaceAccess.dashboardArea(for: signedIn) {
            guard let found = try self.area(named: own) else { throw AtlasError.unknownArea(own) }
            area = found
        } else if let code {
            guard let found = try self.area(code: code) else { throw AtlasError.unknownArea(code) }
            area = found
        }
        let to = through.adding(days: 1)
        let activity = try database.places.activity(inArea: area?.code, from: from.description, to: to.description)
        var weeks: [Dashboard.Week] = []
        var start = from
        while start < to {
            let end = min(start.adding(days: 7), to)
            func sum(_ counts: [String: Int]) -> Int {
                counts.reduce(0) { total, entry in
                    guard let day = CivilDate(iso: String(entry.key.prefix(10))), day >= start, day < end else { return total }
                    return total + entry.value
                }
            }
            weeks.append(
                Dashboard.Week(
                    from: start, contacts: sum(activity.contactsByDay), requestsTaken: sum(activity.requestsTakenByDay),
                    requestsClosed: sum(activity.requestsClosedByDay), referrals: sum(activity.referralsByDay)))
            start = end
        }
        // The areas within: a hub area's neighbourhoods, or the borough's top level (areas with no parent).
        let all = try database.places.areas(level: nil, withGeometry: false)
        let within = area.map { outer in all.filter { $0.parentCode == outer.code } } ?? all.filter { $0.parentCode == nil }
        var areas: [Dashboard.AreaBands] = []
        if let run = activity.latestRunId, let level = within.first?.level {
            var counts: [String: [String: Int]] = [:]
            for row in try database.places.bandsByArea(level: level, runId: run) {
                counts[row.area, default: [:]][row.band, default: 0] += row.persons
            }
            areas = within.filter { $0.level == level }.map { inner in
                let bands = counts[inner.code] ?? [:]
                return Dashboard.AreaBands(
                    code: inner.code, name: inner.name, purple: bands["purple"] ?? 0, red: bands["red"] ?? 0, amber: bands["amber"] ?? 0,
                    green: bands["green"] ?? 0)
            }
        }
        return Dashboard(
            area: area, from: from, through: through, activity: activity, weeks: weeks, areas: areas,
            suppressed: PlaceAccess.suppressesSmallNumbers(for: signedIn))
    }

    /// The area whose code or name is `text`, ignoring case: how a caseworker's area on their account is found. An
    /// account's area may also be a postcode district (`HY3`): it is then the top-level area (a hub area) holding
    /// most of the district's postcodes.
    public func area(named text: String) throws -> Area? {
        if let byCode = try area(code: text) { return byCode }
        let lowered = text.lowercased()
        let all = try database.places.areas(level: nil, withGeometry: false)
        if let named = all.first(where: { $0.name.lowercased() == lowered }) { return Self.area(named) }
        guard let top = all.first(where: { $0.parentCode == nil })?.level,
            let code = try database.places.mainArea(ofDistrict: text.uppercased(), level: top)
        else { return nil }
        return try area(code: code)
    }
}

extension Dashboard {
    /// The weeks as a table, for the page and the download: the header first.
    public var weekRows: [[String]] {
        [["week_from", "contacts", "requests_taken", "requests_closed", "referrals"]]
            + weeks.map { [$0.from.description, shown($0.contacts), shown($0.requestsTaken), shown($0.requestsClosed), shown($0.referrals)] }
    }

    /// Residents by cohort and band, as a table: the header first.
    public var cohortRows: [[String]] {
        let cohorts = Array(Set(activity.bands.map(\.cohort))).sorted()
        var rows = [["cohort", "purple", "red", "amber", "green"]]
        for cohort in cohorts {
            let count = { (band: String) in activity.bands.filter { $0.cohort == cohort && $0.band == band }.reduce(0) { $0 + $1.persons } }
            rows.append([cohort, shown(count("purple")), shown(count("red")), shown(count("amber")), shown(count("green"))])
        }
        return rows
    }

    /// Moves between bands since the run before, as a table: the header first; "not identified" where a person had
    /// no score in one of the runs.
    public var moveRows: [[String]] {
        let bands = ["purple", "red", "amber", "green"]
        let sides: [String?] = bands.map { Optional($0) } + [nil]
        var rows = [["last_run_band"] + sides.map { $0 ?? "not_identified" }]
        for from in sides {
            rows.append(
                [from ?? "not_identified"]
                    + sides.map { to in
                        from == nil && to == nil ? "" : shown(activity.moves.filter { $0.from == from && $0.to == to }.reduce(0) { $0 + $1.persons })
                    })
        }
        return rows
    }

    /// Each score run in the period by band, oldest first: the header first.
    public var runRows: [[String]] {
        [["scored_as_of", "purple", "red", "amber", "green"]]
            + activity.runs.map { run in
                [run.day] + ["purple", "red", "amber", "green"].map { shown(run.bands[$0] ?? 0) }
            }
    }

    /// The areas within, by band: the header first.
    public var areaRows: [[String]] {
        [["area_code", "area_name", "purple", "red", "amber", "green"]]
            + areas.map { [$0.code, $0.name, shown($0.purple), shown($0.red), shown($0.amber), shown($0.green)] }
    }

    /// Every table of the dashboard in one file: each table's rows after a line naming it.
    public var file: [[String]] {
        var rows: [[String]] = [["table", "figures for \(area?.name ?? "the borough"), \(from) to \(through)"]]
        for (name, table) in [
            ("weeks", weekRows), ("residents by cohort and band", cohortRows), ("moves between bands", moveRows), ("areas", areaRows),
        ] {
            rows.append([])
            rows.append([name])
            rows += table
        }
        return rows
    }
}

extension Atlas {
    /// Writes a dashboard's tables to a `.csv` or `.xlsx` file and audits the export.
    public func write(_ dashboard: Dashboard, to url: URL, by actor: String, via door: AuditTrail.Door) throws {
        try FigureTable.write(dashboard.file, to: url, sheet: "Dashboard")
        try AuditTrail(database: database).record(
            .exportPlaces, by: actor, subject: url.lastPathComponent,
            detail: "dashboard of \(dashboard.area?.code ?? "the borough"), \(dashboard.from) to \(dashboard.through), through \(door.rawValue)")
    }
}
