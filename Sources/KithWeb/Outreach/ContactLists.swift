import Foundation
import KithAccess
import KithOutreach
import KithSpreadsheet
import KithStore
import KithVulnerability

/// The contact lists the page, its download and the API show: in the kept ranking's order (``ProfileFreshness``),
/// held to an account's scope and cut to what its role may see (KithAccess), and audited by KithOutreach.
///
/// The libraries read the store synchronously through its repositories (``Store``), as `kith outreach` calls them, so their work
/// runs off the request threads (``offload``) rather than being rewritten here as async reads.
struct ContactLists: Sendable {
    let database: any Store
    let profiles: ProfileFreshness
    let configuration: WebConfiguration

    /// The day the lists are made for, read at each request (a server left running moves on at midnight).
    var today: CivilDate { configuration.today }

    /// People listed per page (the rest on the next pages); the download has everyone. Each page is one pass over
    /// the kept order and reads only its own people, so page 40 costs what page 1 does.
    static let rowsShown = 100

    /// The persons the account's scope reaches; nil when it reaches everyone.
    func visible(to signedIn: SignedIn) async throws -> Set<String>? {
        let scope = ResidentScope(database: database, scope: signedIn.scope)
        return try await offload { try scope.personIDs() }
    }

    /// One page of ``rowsShown`` people for the account to look at (the last page when `page` is beyond it), and
    /// which page it is. The library audits the view.
    func page(
        _ page: Int, of filter: OutreachFilter, for signedIn: SignedIn, reaching visible: Set<String>?, through door: AuditTrail.Door
    ) async throws -> (list: OutreachList, page: Int) {
        let order = try await order(filter, reaching: visible)
        var start = (page - 1) * Self.rowsShown
        if start >= order.personIDs.count { start = max(0, (order.personIDs.count - 1) / Self.rowsShown * Self.rowsShown) }
        let list = try await view(order, from: start, reading: Self.rowsShown, filter: filter, for: signedIn, through: door)
        return (list, start / Self.rowsShown + 1)
    }

    /// The first `count` people of the list for the account to look at; the library audits the view.
    func first(
        _ count: Int, of filter: OutreachFilter, for signedIn: SignedIn, reaching visible: Set<String>?, through door: AuditTrail.Door
    ) async throws -> OutreachList {
        try await view(try await order(filter, reaching: visible), from: 0, reading: count, filter: filter, for: signedIn, through: door)
    }

    /// The whole list, each person cut down to what the account may see, for a download (audited as the export).
    func whole(_ filter: OutreachFilter, for signedIn: SignedIn, reaching visible: Set<String>?) async throws -> OutreachList {
        let order = try await order(filter, reaching: visible)
        let (database, today, scope) = (database, today, ResidentScope(database: database, scope: signedIn.scope))
        let fields = ResidentFields.fields(for: signedIn.role)
        return try await offload {
            try scope.minimised(OutreachList.make(database: database, order: order, referenceDate: today), showing: fields)
        }
    }

    /// The areas and schools the account's list can be filtered by.
    func choices(for signedIn: SignedIn, among visible: Set<String>?) async throws -> OutreachRanking.Choices {
        try await profiles.choices(scope: String(describing: signedIn.scope), among: visible, referenceDate: today)
    }

    /// Who the list holds, in order, from the kept ranking (the profiles brought up to date first).
    private func order(_ filter: OutreachFilter, reaching visible: Set<String>?) async throws -> OutreachList.Order {
        try await profiles.ensureCurrent()
        do {
            return try await profiles.order(filter, referenceDate: today, restrictedTo: visible)
        } catch OutreachError.notScored {
            throw WebError.conflict("Nobody has been scored yet. Import lists, then link and score them.")
        }
    }

    private func view(
        _ order: OutreachList.Order, from start: Int, reading count: Int, filter: OutreachFilter, for signedIn: SignedIn,
        through door: AuditTrail.Door
    ) async throws -> OutreachList {
        let (database, today, scope) = (database, today, ResidentScope(database: database, scope: signedIn.scope))
        let fields = ResidentFields.fields(for: signedIn.role)
        return try await offload {
            let list = try OutreachList.view(
                order, from: start, reading: count, filter: filter, database: database, referenceDate: today, viewedBy: signedIn.name,
                through: door
            )
            return try scope.minimised(list, showing: fields)
        }
    }

    /// The filter a request asks for, held to the account's own area or school, and what is wrong with it: a value
    /// that is not one of the choices is named, never silently dropped (a list that ignored "band=mauve" would look
    /// like the whole list).
    static func filter(_ query: FormFields, for signedIn: SignedIn) -> (filter: OutreachFilter, errors: [PageRenderer.FieldError]) {
        var errors: [PageRenderer.FieldError] = []
        var bands: [Band] = []
        // `band=purple&band=red` as the form sends it, or `band=purple,red` as `kith outreach --band` takes it.
        for text in query.all("band").flatMap({ $0.split(separator: ",") }).map({ $0.trimmingCharacters(in: .whitespaces) })
        where !text.isEmpty {
            if let band = Band(rawValue: text.lowercased()) {
                bands.append(band)
            } else {
                errors.append(.init(field: "band", message: "Choose bands from Purple, Red, Amber and Green (\"\(text.prefix(40))\" is not one)"))
            }
        }
        var cohort: Cohort?
        if let text = query.text("cohort") {
            cohort = Cohort(rawValue: text.lowercased())
            if cohort == nil {
                let choices = Cohort.allCases.map(\.label).joined(separator: ", ")
                errors.append(.init(field: "cohort", message: "Choose who from \(choices) or everyone (\"\(text.prefix(40))\" is not one)"))
            }
        }
        var limit: Int?
        if let text = query.text("limit") {
            limit = Int(text).flatMap { $0 > 0 ? $0 : nil }
            if limit == nil { errors.append(.init(field: "limit", message: "Enter the most people to list as a whole number, like 100")) }
        }
        var sort = OutreachSort.priority
        if let text = query.text("sort") {
            if let chosen = OutreachSort(rawValue: text) {
                sort = chosen
            } else {
                errors.append(.init(field: "sort", message: "Choose an order from the list"))
            }
        }
        var filter = OutreachFilter(
            area: query.text("area"), school: query.text("school"), bands: bands, cohort: cohort, limit: limit, sort: sort)
        if case .area(let area) = signedIn.scope { filter.area = area }
        if case .school(let school) = signedIn.scope { filter.school = school }
        return (filter, errors)
    }

    /// The filter as a query string for the page's links, with its page when past the first.
    static func queryString(_ filter: OutreachFilter, page: Int = 1) -> String {
        var parts: [String] = []
        func add(_ name: String, _ value: String) {
            parts.append(name + "=" + (value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""))
        }
        if let area = filter.area { add("area", area) }
        if let school = filter.school { add("school", school) }
        for band in filter.bands { add("band", band.rawValue) }
        if let cohort = filter.cohort { add("cohort", cohort.rawValue) }
        if let limit = filter.limit { add("limit", String(limit)) }
        if filter.sort != .priority { add("sort", filter.sort.rawValue) }
        return parts.joined(separator: "&") + (page > 1 ? "&page=\(page)" : "")
    }
}
