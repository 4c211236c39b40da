import Foundation
import KithAccess
import KithHelp
import KithSpreadsheet
import KithStore

/// A request as a row of a queue: reference, resident, needs, how soon, when due in the queue's words, the call-back,
/// where it is, who has it, and a flag when an urgent one has waited too long for someone to pick it up.
struct RequestRow {
    var href: String
    var reference: String
    var name: String
    var postcode: String
    var needs: String
    var urgency: String
    var urgencyTag: String
    var due: String
    var dueTag: String
    var dueOn: String
    var callBack: String?
    var status: String
    var statusTag: String
    var assignedTo: String
    var unpicked: String?

    init(_ record: HelpRequestRecord, needs: [HelpNeed], hub: HubRecord?, today: CivilDate, now: Date = Date()) {
        href = "/requests/\(record.id ?? 0)"
        reference = record.reference
        name = record.callerName
        postcode = record.postcode ?? record.area ?? ""
        self.needs = record.needs.split(separator: ",").map { needs.need(String($0))?.label ?? String($0) }.joined(separator: ", ")
        let urgency = HelpUrgency(rawValue: record.urgency) ?? .thisWeek
        (self.urgency, urgencyTag) = Self.words(urgency)
        let status = RequestStatus(rawValue: record.status) ?? .toDo
        self.status = status.label
        statusTag = Self.tag(status)
        dueOn = record.dueOn
        if status.isOpen, let day = CivilDate(iso: record.dueOn) {
            let label = DueLabel(due: day, today: today)
            due = label.rawValue.prefix(1).uppercased() + label.rawValue.dropFirst()
            dueTag = label == .overdue ? "tag--red" : label == .today ? "tag--amber" : "tag--grey"
        } else {
            due = "—"
            dueTag = "tag--grey"
        }
        callBack = record.callBackOn.flatMap(CivilDate.init(iso:)).map { day in
            let label = DueLabel(due: day, today: today)
            return label == .later || label == .thisWeek ? day.description : label.rawValue
        }
        assignedTo = record.assignedTo ?? "No one yet"
        if let created = Timestamp.date(record.createdAt) {
            let waited = Int(now.timeIntervalSince(created) / 60)
            if PickupWatch.isUnpicked(urgency: urgency, status: status, waitedMinutes: waited, allowedMinutes: hub?.urgentPickupMinutes ?? 120) {
                unpicked = "Urgent: waiting \(waited >= 120 ? "\(waited / 60) hours" : "\(waited) minutes")"
            }
        }
    }

    static func words(_ urgency: HelpUrgency) -> (String, String) {
        switch urgency {
        case .today: ("Today", "tag--red")
        case .withinThreeDays: ("Within 3 days", "tag--amber")
        case .thisWeek: ("This week", "tag--grey")
        }
    }

    static func tag(_ status: RequestStatus) -> String {
        switch status {
        case .toDo: "tag--blue"
        case .inProgress: "tag--amber"
        case .blocked: "tag--red"
        case .done: "tag--green"
        case .cancelled: "tag--grey"
        }
    }
}

/// What `help-requests.mustache` shows: the hubs an account works, with what is open and due, and its own requests.
struct RequestsPage {
    struct HubLine {
        var href: String
        var name: String
        var kind: String
        var areas: String
        var open: String
        var due: String
    }

    var hubs: [HubLine]
    var mine: [RequestRow]
    var canTake: Bool
    var noHubs: Bool
}

/// What `help-hub.mustache` shows: one hub's queue, filtered by status, a page at a time.
struct HubQueuePage {
    struct Filter {
        var href: String
        var label: String
        var current: Bool
    }

    var hubID: String
    var hubName: String
    var filters: [Filter]
    var rows: [RequestRow]
    var total: String
    var previous: String?
    var next: String?
    var showing: String
}

/// What `help-take.mustache` shows: the form for a request taken on the phone, for a resident found in Kith or a new
/// caller.
struct TakeRequestPage {
    struct Resident {
        var personID: String
        var name: String
        var birthDate: String
        var address: String
        var phone: String
        var hub: String
    }

    var form: HelpRequestFormModel
    var resident: Resident?
    var autocompleteGiven = "off"
    var autocompleteFamily = "off"
    var detailsLabel = "What the helper should know (optional)"
    var detailsHint = "What they asked for in their words; access to the home; who else lives there."
    var consentQuestion = "Do they agree that partners may be told what they need to help?"
    var consentHint = "Ask: \"May we pass your first name, number and what you need to the volunteers or groups who will help?\""
}

/// What `help-request.mustache` shows: one request, its history, what can be done to it, and volunteers for it.
struct RequestPage {
    struct Line {
        var label: String
        var value: String
    }

    struct Note {
        var at: String
        var by: String
        var kind: String
        var text: String
    }

    struct Choice {
        var value: String
        var label: String
        var selected: Bool
    }

    struct Task {
        var id: Int64
        /// Where its steps are posted.
        var action: String
        var volunteer: String
        var volunteerHref: String
        var need: String
        var status: String
        var statusTag: String
        var steps: [Choice]
        var hours: String?
        var note: String?
    }

    struct Match {
        var volunteerID: Int64
        var reference: String
        var name: String
        var reasons: String
    }

    struct NeedMatches {
        var need: String
        var label: String
        var href: String
        var shown: Bool
        var matches: [Match]
    }

    var id: Int64
    var row: RequestRow
    var revision: Int
    var resident: [Line]
    var personHref: String?
    var knows: [Line]
    var history: [Note]
    var statuses: [Choice]
    var hubs: [Choice]
    var callBack: String
    var tasks: [Task]
    var needs: [NeedMatches]
    var canGoToVolunteers: Bool
    var canRefer: String?
}

/// What `help-deliveries.mustache` shows: a day's deliveries of one need matched in one go.
struct DeliveriesPage {
    struct Proposal {
        var requestID: Int64
        var reference: String
        var href: String
        var postcode: String
        var due: String
        var value: String?
        var volunteer: String?
        var reasons: String?
        var unmatched: String?
    }

    var hubID: String
    var hubName: String
    var need: String
    var needLabel: String
    var day: String
    var most: Int
    var needs: [RequestPage.Choice]
    var proposals: [Proposal]
    var matched: Int
}

/// What `help-figures.mustache` shows: the figures as tables, with a bar for each count and downloads.
struct FiguresPage {
    struct Line {
        var label: String
        var value: String
        /// The bar's width, in per cent of the largest count.
        var bar: Int
    }

    struct Table {
        var id: String
        var title: String
        var lines: [Line]
    }

    struct Summary {
        var label: String
        var value: String
    }

    var from: String
    var to: String
    var summary: [Summary] = []
    var tables: [Table] = []
    var csv: String?
    var xlsx: String?

    init(from: String, to: String, figures: HelpFigures?) {
        self.from = from
        self.to = to
        guard let figures else { return }
        func hours(_ wait: HelpFigures.Wait) -> String {
            guard let median = wait.medianHours, let ninetieth = wait.ninetiethHours else { return "none yet" }
            return String(format: "%.1f hours (90%% within %.1f), of %d", median, ninetieth, wait.requests)
        }
        summary = [
            Summary(label: "Requests made", value: figures.total.formatted()),
            Summary(label: "Open now", value: "\(figures.openNow.formatted()), \(figures.overdueNow.formatted()) overdue"),
            Summary(label: "Time to first contact", value: hours(figures.toFirstContact)),
            Summary(label: "Time to completion", value: hours(figures.toCompletion)),
            Summary(label: "Volunteers active", value: figures.volunteersActive.formatted()),
            Summary(label: "Volunteers who gave help", value: figures.volunteersWhoHelped.formatted()),
            Summary(label: "Hours given", value: String(format: "%.1f", figures.hoursGiven)),
        ]
        func table(_ id: String, _ title: String, _ counts: [HelpFigures.Count]) -> Table {
            let largest = max(1, counts.map(\.count).max() ?? 1)
            return Table(
                id: id, title: title, lines: counts.map { Line(label: $0.label, value: $0.count.formatted(), bar: $0.count * 100 / largest) })
        }
        tables = [
            table("per-need", "Per need", figures.perNeed), table("per-hub", "Per hub", figures.perHub),
            table("per-area", "Per neighbourhood", figures.perArea), table("per-channel", "Per channel", figures.perChannel),
            table("per-day", "Per day", figures.perDay),
        ]
        csv = "/requests/figures?from=\(figures.from)&to=\(figures.to)&format=csv"
        xlsx = "/requests/figures?from=\(figures.from)&to=\(figures.to)&format=xlsx"
    }
}
