import Foundation
import KithAccess
import KithHelp
import KithSpreadsheet
import KithStore

/// The help desk's figures over a period, for the hubs an account works, and their download.
extension HelpDesk {
    /// The figures for requests made from `from` to `to` (both days, London time), of the hubs the account works
    /// (nil: every hub, for the command line).
    public func figures(from: CivilDate, to: CivilDate, for signedIn: SignedIn?, today: CivilDate = .ukToday) throws -> HelpFigures {
        let hubs = try database.help.hubs()
        let worked: Set<String>?
        let unrouted: Bool
        if let signedIn {
            let access = HelpAccess(signedIn: signedIn)
            guard signedIn.can(.workRequests) else { throw HelpDeskError.notAllowed }
            worked = Set(access.workedHubs(of: hubs).map(\.id))
            unrouted = access.worksEveryHub
        } else {
            worked = nil
            unrouted = true
        }
        func counted(_ record: HelpRequestRecord) -> Bool {
            guard let worked else { return true }
            return record.hubId.map(worked.contains) ?? unrouted
        }
        // A day's requests from midnight London time; a day either side is read and trimmed by their own day.
        let start = Timestamp.text(Date(timeIntervalSince1970: Double(from.daysSinceEpoch - 1) * 86_400))
        let end = Timestamp.text(Date(timeIntervalSince1970: Double(to.daysSinceEpoch + 2) * 86_400))
        let london = TimeZone(identifier: "Europe/London") ?? .gmt
        let inPeriod = try database.help.requests(createdFrom: start, to: end).filter(counted).filter { record in
            guard let created = Timestamp.date(record.createdAt) else { return false }
            let day = CivilDate.today(in: london, now: created)
            return day >= from && day <= to
        }
        let requests = inPeriod.compactMap(Self.figure)
        let open = try database.help.openRequests().filter(counted).compactMap(Self.figure)
        // The help given for the period's requests, whenever it was given.
        let periodIDs = Set(inPeriod.compactMap(\.id))
        let tasks = try database.help.tasks(ofRequestsCreatedFrom: start, to: end).filter { periodIDs.contains($0.requestId) }.map {
            HelpFigures.Task(volunteer: $0.volunteerId, completed: $0.status == TaskStatus.completed.rawValue, hours: $0.hours)
        }
        let active = try database.help.volunteers(statuses: [VolunteerStatus.active.rawValue]).count
        return HelpFigures(
            from: from, to: to, requests: requests, open: open, tasks: tasks, volunteersActive: active, today: today,
            needLabels: Dictionary(needs.map { ($0.id, $0.label) }, uniquingKeysWith: { a, _ in a }),
            hubNames: Dictionary(hubs.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a }))
    }

    static func figure(_ record: HelpRequestRecord) -> HelpFigures.Request? {
        guard let created = Timestamp.date(record.createdAt), let due = CivilDate(iso: record.dueOn) else { return nil }
        return HelpFigures.Request(
            createdAt: created, needs: record.needs.split(separator: ",").map(String.init), hub: record.hubId, area: record.area,
            channel: record.channel,
            status: RequestStatus(rawValue: record.status) ?? .toDo, dueOn: due, firstContactAt: record.firstContactAt.flatMap(Timestamp.date),
            closedAt: record.closedAt.flatMap(Timestamp.date))
    }

    /// Writes the figures as CSV or XLSX (by the file's extension), every cell guarded against formulas.
    public static func write(_ figures: HelpFigures, to url: URL) throws {
        try FigureTable.write(figures.rows, to: url, sheet: "Help figures", columnWidths: [24, 40, 14])
    }
}
