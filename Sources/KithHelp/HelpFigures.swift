import Foundation
import KithSpreadsheet

/// A help desk's figures over a period: requests per day, need, hub, neighbourhood and channel; how soon people were
/// first contacted and helped (median and 90th percentile hours); what is open and overdue now; volunteers active,
/// those who gave help in the period and the hours given. Counts, never people.
public struct HelpFigures: Sendable, Equatable {
    /// A request as the figures read it.
    public struct Request: Sendable, Equatable {
        public var createdAt: Date
        public var needs: [String]
        public var hub: String?
        public var area: String?
        public var channel: String
        public var status: RequestStatus
        public var dueOn: CivilDate
        public var firstContactAt: Date?
        public var closedAt: Date?

        public init(
            createdAt: Date, needs: [String], hub: String?, area: String?, channel: String, status: RequestStatus, dueOn: CivilDate,
            firstContactAt: Date?, closedAt: Date?
        ) {
            self.createdAt = createdAt
            self.needs = needs
            self.hub = hub
            self.area = area
            self.channel = channel
            self.status = status
            self.dueOn = dueOn
            self.firstContactAt = firstContactAt
            self.closedAt = closedAt
        }
    }

    /// A volunteer's task as the figures read it.
    public struct Task: Sendable, Equatable {
        public var volunteer: Int64
        public var completed: Bool
        public var hours: Double?

        public init(volunteer: Int64, completed: Bool, hours: Double?) {
            self.volunteer = volunteer
            self.completed = completed
            self.hours = hours
        }
    }

    /// One line of a table: what it counts and how many.
    public struct Count: Sendable, Equatable {
        public var label: String
        public var count: Int
    }

    /// Hours, as a median and 90th percentile, of how many requests.
    public struct Wait: Sendable, Equatable {
        public var requests: Int
        public var medianHours: Double?
        public var ninetiethHours: Double?
    }

    public var from: CivilDate
    public var to: CivilDate
    public var total: Int
    public var perDay: [Count]
    public var perNeed: [Count]
    public var perHub: [Count]
    public var perArea: [Count]
    public var perChannel: [Count]
    public var toFirstContact: Wait
    public var toCompletion: Wait
    /// Open now (of every request, not only the period's), and of them past their due day.
    public var openNow: Int
    public var overdueNow: Int
    public var volunteersActive: Int
    public var volunteersWhoHelped: Int
    public var hoursGiven: Double

    /// The figures for requests made from `from` to `to` (both days included); `open` are every request open now.
    public init(
        from: CivilDate, to: CivilDate, requests: [Request], open: [Request], tasks: [Task], volunteersActive: Int, today: CivilDate,
        needLabels: [String: String] = [:], hubNames: [String: String] = [:]
    ) {
        self.from = from
        self.to = to
        total = requests.count
        var days: [CivilDate: Int] = [:]
        var needs: [String: Int] = [:]
        var hubs: [String: Int] = [:]
        var areas: [String: Int] = [:]
        var channels: [String: Int] = [:]
        var firstContact: [Double] = []
        var completion: [Double] = []
        for request in requests {
            days[CivilDate.today(in: TimeZone(identifier: "Europe/London") ?? .gmt, now: request.createdAt), default: 0] += 1
            for need in request.needs { needs[needLabels[need] ?? need, default: 0] += 1 }
            hubs[request.hub.map { hubNames[$0] ?? $0 } ?? "Not routed", default: 0] += 1
            areas[request.area ?? "Unknown", default: 0] += 1
            channels[request.channel, default: 0] += 1
            if let first = request.firstContactAt { firstContact.append(first.timeIntervalSince(request.createdAt) / 3_600) }
            if request.status == .done, let closed = request.closedAt { completion.append(closed.timeIntervalSince(request.createdAt) / 3_600) }
        }
        var everyDay: [Count] = []
        var day = from
        while day <= to {
            everyDay.append(Count(label: day.description, count: days[day] ?? 0))
            day = day.adding(days: 1)
        }
        perDay = everyDay
        func ranked(_ counts: [String: Int]) -> [Count] {
            counts.map { Count(label: $0.key, count: $0.value) }.sorted { ($1.count, $0.label) < ($0.count, $1.label) }
        }
        perNeed = ranked(needs)
        perHub = ranked(hubs)
        perArea = areas.map { Count(label: $0.key, count: $0.value) }.sorted { $0.label < $1.label }
        perChannel = ranked(channels)
        toFirstContact = Self.wait(firstContact)
        toCompletion = Self.wait(completion)
        openNow = open.filter(\.status.isOpen).count
        overdueNow = open.filter { $0.status.isOpen && $0.dueOn < today }.count
        self.volunteersActive = volunteersActive
        volunteersWhoHelped = Set(tasks.filter(\.completed).map(\.volunteer)).count
        hoursGiven = tasks.filter(\.completed).compactMap(\.hours).reduce(0, +)
    }

    /// The median and 90th percentile (nearest rank) of some hours.
    static func wait(_ hours: [Double]) -> Wait {
        guard !hours.isEmpty else { return Wait(requests: 0, medianHours: nil, ninetiethHours: nil) }
        let sorted = hours.sorted()
        func rank(_ share: Double) -> Double { sorted[min(sorted.count - 1, max(0, Int((share * Double(sorted.count)).rounded(.up)) - 1))] }
        return Wait(requests: hours.count, medianHours: rank(0.5), ninetiethHours: rank(0.9))
    }

    /// Every table as rows of label and value, for a download: the section, what is counted, how many.
    public var rows: [[String]] {
        var rows: [[String]] = [["Section", "What", "Value"]]
        func hours(_ value: Double?) -> String { value.map { String(format: "%.1f", $0) } ?? "" }
        rows.append(["Period", "From", from.description])
        rows.append(["Period", "To", to.description])
        rows.append(["Requests", "Made in the period", String(total)])
        rows.append(["Requests", "Open now", String(openNow)])
        rows.append(["Requests", "Overdue now", String(overdueNow)])
        rows.append(["Time to first contact", "Requests contacted", String(toFirstContact.requests)])
        rows.append(["Time to first contact", "Median hours", hours(toFirstContact.medianHours)])
        rows.append(["Time to first contact", "90th percentile hours", hours(toFirstContact.ninetiethHours)])
        rows.append(["Time to completion", "Requests done", String(toCompletion.requests)])
        rows.append(["Time to completion", "Median hours", hours(toCompletion.medianHours)])
        rows.append(["Time to completion", "90th percentile hours", hours(toCompletion.ninetiethHours)])
        rows.append(["Volunteers", "Active now", String(volunteersActive)])
        rows.append(["Volunteers", "Gave help in the period", String(volunteersWhoHelped)])
        rows.append(["Volunteers", "Hours given", String(format: "%.1f", hoursGiven)])
        for (section, counts) in [
            ("Per day", perDay), ("Per need", perNeed), ("Per hub", perHub), ("Per neighbourhood", perArea), ("Per channel", perChannel),
        ] {
            for count in counts { rows.append([section, count.label, String(count.count)]) }
        }
        return rows
    }
}
