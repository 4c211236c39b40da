import Foundation
import KithStore

/// What `audit.mustache` shows: the filters as given, one page of entries, and the links to the pages around it.
struct AuditPage {
    /// An action to filter by, and whether it is the one chosen.
    struct Action {
        var value: String
        var selected: Bool
    }

    /// One entry of the trail.
    struct Event {
        var at: String
        var actor: String
        var action: String
        var subject: String
        var personCount: Int
        var detail: String
        /// The first five residents it touched, each linking to everything done to them.
        var residents: [Resident]
        /// "and 12 more", or empty.
        var moreResidents: String
    }

    /// A resident an entry touched, by person id.
    struct Resident {
        var id: String
    }

    /// "1 entry", "1,234 entries".
    var total: String
    var page: Int
    var pageCount: Int
    var previous: String?
    var next: String?
    /// The filters as a query string, for the download link.
    var exportQuery: String
    var actor: String
    var person: String
    var from: String
    var until: String
    var actions: [Action]
    var events: [Event]

    /// Page `page` of `pageCount` of the entries `filters` select, `read` from the trail.
    init(_ read: AuditEventPage, page: Int, pageCount: Int, filters: FormFields) {
        let filterQuery = AuditFilter.queryString(filters)
        total = read.total == 1 ? "1 entry" : "\(read.total.formatted()) entries"
        self.page = page
        self.pageCount = pageCount
        previous = page > 1 ? "/audit?\(filterQuery)&page=\(page - 1)" : nil
        next = page < pageCount ? "/audit?\(filterQuery)&page=\(page + 1)" : nil
        exportQuery = filterQuery
        actor = filters.text("actor") ?? ""
        person = filters.text("person") ?? ""
        from = filters.text("from") ?? ""
        until = filters.text("until") ?? ""
        actions = AuditTrail.Action.allCases.map { Action(value: $0.rawValue, selected: $0.rawValue == filters.text("action")) }
        events = read.events.map { event in
            let residents = read.personIds[event.id ?? 0] ?? []
            return Event(
                at: DisplayTime.text(event.at), actor: event.actor, action: event.action, subject: event.subject,
                personCount: event.personCount, detail: event.detail, residents: residents.prefix(5).map { Resident(id: $0) },
                moreResidents: residents.count > 5 ? "and \(residents.count - 5) more" : ""
            )
        }
    }
}
