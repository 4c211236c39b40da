import Foundation
import HTTPTypes
import Hummingbird
import KithAccess
import KithOutreach
import KithSpreadsheet
import KithStore
import KithVulnerability

extension WebApp {
    /// `/outreach`: the prioritised contact list with filters, and its CSV or XLSX download.
    func addOutreachRoutes(to router: RouterGroup<WebRequestContext>) {
        router.get("outreach") { request, context -> Response in
            let signedIn = try require(.viewOutreach, request, context)
            let query = FormFields.query(of: request)
            let (filter, filterErrors) = outreachFilter(query, for: signedIn)
            let visible = try residents(of: signedIn).personIDs()
            let list: OutreachList
            let asked = max(1, query.text("page").flatMap(Int.init) ?? 1)
            let page: Int
            do {
                (list, page) = try await contactList(filter, for: signedIn, reaching: visible, page: asked)
            } catch WebError.conflict(let message) {
                return pages.page("message", title: "Contact lists", values: ["message": message], signedIn: signedIn, path: request.uri.path)
            }
            let shown = Array(list.entries.prefix(Self.rowsShown))
            let first = (page - 1) * Self.rowsShown
            let pageCount = max(1, (list.listedCount + Self.rowsShown - 1) / Self.rowsShown)
            try AuditTrail(database: database).record(
                .viewOutreach, by: signedIn.name, subject: "contact list", personIDs: shown.map(\.profile.personID),
                detail: filter.description + "; \(list.listedCount) listed, \(shown.count) shown" + (page > 1 ? " from \(first + 1)" : "")
            )
            let fields = ResidentFields.fields(for: signedIn.role)
            let choices = try await profiles.choices(scope: String(describing: signedIn.scope), among: visible, referenceDate: configuration.today)
            var areas = choices.areas
            if let area = filter.area, !areas.contains(where: { $0.caseInsensitiveCompare(area) == .orderedSame }) { areas.insert(area, at: 0) }
            // The school is typed (part of a name, or a URN); a browser suggests the schools of the chosen area, or of
            // the whole scope when they are few, from a short list of only those with someone listed.
            let schoolCount = choices.schoolCount(inArea: filter.area)
            let schools = schoolCount <= Self.schoolsSuggested ? choices.schools(inArea: filter.area) : []
            let schoolPlace = filter.area.map { "in \($0)" } ?? (signedIn.role.seesEveryone ? "in every area" : "you reach")
            var values: [String: Any] = [
                "count": list.listedCount.formatted(), "isCapped": list.listedCount > shown.count,
                "shownFrom": (first + 1).formatted(), "shownTo": (first + shown.count).formatted(),
                "page": page, "pageCount": pageCount.formatted(),
                "previous": page > 1 ? "/outreach?\(Self.queryString(filter, page: page - 1))" : nil as String? as Any,
                "next": page < pageCount ? "/outreach?\(Self.queryString(filter, page: page + 1))" : nil as String? as Any,
                "excluded": list.deceasedCount + list.doNotContactCount + list.movedCount == 0 ? nil as String? as Any
                    : "\(list.deceasedCount) deceased, \(list.doNotContactCount) not to be contacted and \(list.movedCount) moved away are left out.",
                "asOf": list.run.referenceDate, "showsBand": fields.showsBand, "showsReasons": fields.showsReasons,
                "showsServices": fields.showsEveryService,
                "downloadQuery": Self.queryString(filter),
                "areaFixed": signedIn.role == .caseworker, "fixedArea": filter.area ?? "",
                "showsSchoolFilter": signedIn.role != .school && choices.schoolCount(inArea: nil) > 0,
                "areas": areas.map { ["value": $0, "selected": $0.caseInsensitiveCompare(filter.area ?? "") == .orderedSame] },
                "school": filter.school ?? "", "hasSchoolList": !schools.isEmpty,
                "schools": schools.map { ["value": $0] },
                "schoolHint": schools.isEmpty
                    ? "Type part of a school's name, or its URN. \(schoolCount.formatted()) schools \(schoolPlace) have someone listed: choose an area to pick from its schools."
                    : "Type part of a school's name, or its URN, or pick one of the \(schoolCount.formatted()) schools \(schoolPlace) with someone listed.",
                "bands": Band.allCases.map { ["value": $0.rawValue, "label": $0.label, "checked": filter.bands.contains($0)] },
                "cohorts": Cohort.allCases.map { ["value": $0.rawValue, "label": $0.label, "selected": $0 == filter.cohort] },
                "limit": filter.limit.map(String.init) ?? "",
                "filterText": filter.description + (signedIn.role.seesEveryone ? "" : " (\(signedIn.scope))"),
            ]
            values["entries"] = shown.enumerated().map { index, entry in
                [
                    "rank": first + index + 1, "personID": entry.profile.personID, "name": entry.profile.name,
                    "age": entry.profile.age.map(String.init) ?? "", "cohort": entry.cohort.label,
                    "band": entry.band.label, "tagClass": entry.band.rawValue, "score": entry.score,
                    "lastContact": entry.profile.lastContact?.description ?? "never",
                    "reasons": entry.reasons.prefix(3).map(\.label).joined(separator: "; "),
                    "services": entry.profile.servicesText, "action": entry.action,
                    "area": entry.profile.area ?? "", "areaFromSchool": entry.profile.areaFromSchool,
                    "postcode": entry.profile.postcode ?? "", "hasReachNote": fields.reachNote(of: entry.profile) != nil,
                    "reachNote": fields.reachNote(of: entry.profile) ?? "",
                ] as [String: Any]
            }
            return pages.page(
                "outreach", title: "Contact list", values: values, signedIn: signedIn, path: request.uri.path, errors: filterErrors,
                status: filterErrors.isEmpty ? .ok : .badRequest
            )
        }
        router.get("outreach/download") { request, context -> Response in
            let signedIn = try require(.exportOutreach, request, context)
            let query = FormFields.query(of: request)
            let format = OutreachExport.Format(rawValue: query.text("format") ?? "csv") ?? .csv
            let (filter, filterErrors) = outreachFilter(query, for: signedIn)
            guard filterErrors.isEmpty else {
                return pages.page(
                    "message", title: "The contact list was not downloaded",
                    values: ["message": filterErrors.map(\.message).joined(separator: ". ") + ".", "link": ["href": "/outreach", "label": "Back to the contact list"]],
                    signedIn: signedIn, path: request.uri.path, errors: filterErrors, status: .badRequest
                )
            }
            let list = try await contactList(filter, for: signedIn, reaching: try residents(of: signedIn).personIDs())
            let export = OutreachExport(
                database: database, exportedBy: signedIn.name, referenceDate: configuration.today,
                withholding: ResidentFields.fields(for: signedIn.role).withheldColumns
            )
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kith-export-" + UUID().uuidString)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let name = "contact-list-\(configuration.today).\(format.rawValue)"
            let file = folder.appendingPathComponent(name)
            _ = try export.write(list, to: file, split: nil, filter: filter)
            let data = try Data(contentsOf: file)
            let type = format == .csv ? "text/csv; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            return Response(
                status: .ok,
                headers: [.contentType: type, .contentDisposition: "attachment; filename=\"\(name)\""],
                body: .init(byteBuffer: ByteBuffer(bytes: data))
            )
        }
    }

    /// The contact list an account asked for: only the residents it reaches (`visible`, nil for everyone), each cut
    /// down to what it may see; only the first `reading` entries read in full when given (a page shows no more).
    func contactList(
        _ filter: OutreachFilter, for signedIn: SignedIn, reaching visible: Set<String>?, reading: Int? = nil
    ) async throws -> OutreachList {
        try await contactList(filter, for: signedIn, reaching: visible, reading: reading, from: 0).list
    }

    /// One page of ``rowsShown`` people of the contact list (the last when `page` is beyond it), and which page it is.
    func contactList(
        _ filter: OutreachFilter, for signedIn: SignedIn, reaching visible: Set<String>?, page: Int
    ) async throws -> (list: OutreachList, page: Int) {
        let (list, start) = try await contactList(filter, for: signedIn, reaching: visible, reading: Self.rowsShown, from: (page - 1) * Self.rowsShown)
        return (list, start / Self.rowsShown + 1)
    }

    /// The list from its `start`th person (held to its last page), with the whole list's count.
    private func contactList(
        _ filter: OutreachFilter, for signedIn: SignedIn, reaching visible: Set<String>?, reading: Int?, from start: Int
    ) async throws -> (list: OutreachList, start: Int) {
        try await profiles.ensureCurrent()
        var list: OutreachList
        var start = start
        do {
            var order = try await profiles.order(filter, referenceDate: configuration.today, restrictedTo: visible)
            let listed = order.personIDs.count
            if start >= listed { start = max(0, (listed - 1) / Self.rowsShown * Self.rowsShown) }
            if start > 0 { order.personIDs = Array(order.personIDs[start...]) }
            list = try OutreachList.make(database: database, order: order, referenceDate: configuration.today, reading: reading)
            list.listedCount = listed
        } catch OutreachError.notScored {
            throw WebError.conflict("Nobody has been scored yet. Import lists, then link and score them.")
        }
        return (try residents(of: signedIn).minimised(list, showing: ResidentFields.fields(for: signedIn.role)), start)
    }

    /// People listed per page (the rest on the next pages); the download has everyone. Each page is one pass over
    /// the kept order and reads only its own people, so page 40 costs what page 1 does.
    static let rowsShown = 100

    /// The school filter suggests at most this many schools (an area has up to about 200 in a borough of a million
    /// rows); more are left to typing, so a page never carries every school of a borough (once 3,400 of them, most of
    /// a 490 KB page).
    static let schoolsSuggested = 300

    /// The filter a request asks for, held to the account's own area or school, and what is wrong with it: a value
    /// that is not one of the choices is named, never silently dropped (a list that ignored "band=mauve" would look
    /// like the whole list).
    func outreachFilter(_ query: FormFields, for signedIn: SignedIn) -> (filter: OutreachFilter, errors: [PageRenderer.FieldError]) {
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
        var filter = OutreachFilter(area: query.text("area"), school: query.text("school"), bands: bands, cohort: cohort, limit: limit)
        if case .area(let area) = signedIn.scope { filter.area = area }
        if case .school(let school) = signedIn.scope { filter.school = school }
        return (filter, errors)
    }

    static func queryString(_ filter: OutreachFilter, page: Int) -> String {
        queryString(filter) + (page > 1 ? "&page=\(page)" : "")
    }

    static func queryString(_ filter: OutreachFilter) -> String {
        var parts: [String] = []
        func add(_ name: String, _ value: String) {
            parts.append(name + "=" + (value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""))
        }
        if let area = filter.area { add("area", area) }
        if let school = filter.school { add("school", school) }
        for band in filter.bands { add("band", band.rawValue) }
        if let cohort = filter.cohort { add("cohort", cohort.rawValue) }
        if let limit = filter.limit { add("limit", String(limit)) }
        return parts.joined(separator: "&")
    }
}
