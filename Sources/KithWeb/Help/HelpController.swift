import Foundation
import Hummingbird
import KithAccess
import KithDirectory
import KithHelp
import KithHelpDesk
import KithOutreach
import KithSpreadsheet
import KithStore

/// The helpline and hubs' pages: `/requests` (the hubs an account works and its own requests), `/requests/new`
/// (take a call, for a resident found with the person search or a new caller), `/requests/{id}` (one request: its
/// history, changes, volunteers matched and their tasks), `/hubs/{hub}` (a hub's queue) and
/// `/hubs/{hub}/deliveries` (a day's deliveries matched in one go). KithAccess (`HelpAccess`) says who may do what;
/// KithHelpDesk does it and audits it.
struct HelpController<Help: HelpRepository>: Sendable {
    typealias Context = WebRequestContext

    let help: Help
    let database: any Store
    let desk: HelpDesk
    let roles: RoleCheck
    let residents: ResidentCheck
    let audit: AuditTrail
    let pages: PageRenderer

    /// Requests shown on one page of a hub's queue.
    static var pageSize: Int { 50 }

    func addRoutes(to group: RouterGroup<Context>) {
        group.get("requests", use: overview)
        group.get("requests/new", use: newRequest)
        group.get("requests/figures", use: figures)
        group.post("requests", use: create)
        group.get("requests/:request", use: show)
        group.post("requests/:request", use: change)
        group.post("requests/:request/volunteers", use: assign)
        group.post("requests/:request/tasks/:task", use: stepTask)
        group.get("hubs/:hub", use: queue)
        group.get("hubs/:hub/deliveries", use: deliveries)
        group.post("hubs/:hub/deliveries", use: assignDeliveries)
    }

    // MARK: Overview and queues

    @Sendable func overview(_ request: Request, context: Context) async throws -> Response {
        let signedIn = try await roles.require(.workRequests, request, context)
        let access = HelpAccess(signedIn: signedIn)
        let (help, needs) = (help, desk.needs)
        let today = CivilDate.ukToday
        let model = try await offload {
            let hubs = try help.hubs()
            let counts = Dictionary(
                try help.openCounts(dueBy: today.description).map { ($0.hubId, ($0.open, $0.due)) }, uniquingKeysWith: { a, _ in a })
            var lines = access.workedHubs(of: hubs).map { hub in
                RequestsPage.HubLine(
                    href: "/hubs/\(hub.id)", name: hub.name, kind: hub.kind == "team" ? "Team" : "Hub",
                    areas: hub.areas.replacingOccurrences(of: ",", with: ", "), open: (counts[hub.id]?.0 ?? 0).formatted(),
                    due: (counts[hub.id]?.1 ?? 0).formatted())
            }
            if access.worksEveryHub, let unrouted = counts[""] {
                lines.append(
                    .init(
                        href: "/hubs/unrouted", name: "Not routed", kind: "For a coordinator to route", areas: "No hub covers the address",
                        open: unrouted.0.formatted(), due: unrouted.1.formatted()))
            }
            let byID = Dictionary(hubs.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            let mine = try help.openRequests(assignedTo: signedIn.name).map {
                RequestRow($0, needs: needs, hub: $0.hubId.flatMap { byID[$0] }, today: today)
            }
            return RequestsPage(hubs: lines, mine: mine, canTake: access.mayTakeRequests, noHubs: hubs.isEmpty)
        }
        return pages.page("help-requests", title: "Help requests", model: model, signedIn: signedIn, path: request.uri.path)
    }

    @Sendable func queue(_ request: Request, context: Context) async throws -> Response {
        let signedIn = try await roles.require(.workRequests, request, context)
        let hubID = try context.parameters.require("hub")
        let query = FormFields.query(of: request)
        let filter = query.text("status") ?? "open"
        let statuses: [RequestStatus] =
            switch filter {
            case "open": RequestStatus.allCases.filter(\.isOpen)
            default: RequestStatus(rawValue: filter).map { [$0] } ?? RequestStatus.allCases.filter(\.isOpen)
            }
        let page = max(1, Int(query.text("page") ?? "1") ?? 1)
        let access = HelpAccess(signedIn: signedIn)
        let (help, needs, path) = (help, desk.needs, request.uri.path)
        let today = CivilDate.ukToday
        let model: HubQueuePage? = try await offload {
            let hubs = try help.hubs()
            let hub = hubs.first { $0.id == hubID }
            if hubID == "unrouted" {
                guard access.worksEveryHub else { return nil }
            } else {
                guard let hub, access.workedHubs(of: hubs).contains(hub) else { return nil }
            }
            let found = try help.queue(
                hub: hubID == "unrouted" ? nil : hubID, statuses: statuses.map(\.rawValue), limit: Self.pageSize, offset: (page - 1) * Self.pageSize)
            let rows = found.requests.map { RequestRow($0, needs: needs, hub: hub, today: today) }
            let filters = [("open", "Open")] + RequestStatus.allCases.map { ($0.rawValue, $0.label) }
            let first = (page - 1) * Self.pageSize
            return HubQueuePage(
                hubID: hubID, hubName: hub?.name ?? "Not routed",
                filters: filters.map { .init(href: "\(path)?status=\($0.0)", label: $0.1, current: $0.0 == filter) }, rows: rows,
                total: found.total.formatted(), previous: page > 1 ? "\(path)?status=\(filter)&page=\(page - 1)" : nil,
                next: first + rows.count < found.total ? "\(path)?status=\(filter)&page=\(page + 1)" : nil,
                showing: rows.isEmpty ? "" : "\(first + 1) to \(first + rows.count) of \(found.total.formatted())")
        }
        guard let model else { throw WebError.notFound }
        return pages.page("help-hub", title: model.hubName, model: model, signedIn: signedIn, path: path)
    }

    // MARK: Figures

    /// Requests per day, need, hub, neighbourhood and channel, waits, open and overdue, volunteers and hours, for the
    /// hubs the account works; `?format=csv` or `xlsx` downloads them.
    @Sendable func figures(_ request: Request, context: Context) async throws -> Response {
        let signedIn = try await roles.require(.workRequests, request, context)
        let query = FormFields.query(of: request)
        let today = CivilDate.ukToday
        var errors: [PageRenderer.FieldError] = []
        let to = query.text("to").flatMap(CivilDate.init(iso:)) ?? today
        let from = query.text("from").flatMap(CivilDate.init(iso:)) ?? to.adding(days: -27)
        if query.text("to") != nil, CivilDate(iso: query.text("to") ?? "") == nil {
            errors.append(.init(field: "to", message: "Enter the last day as 2026-11-30."))
        }
        if query.text("from") != nil, CivilDate(iso: query.text("from") ?? "") == nil {
            errors.append(.init(field: "from", message: "Enter the first day as 2026-11-01."))
        }
        if from > to || to.daysSinceEpoch - from.daysSinceEpoch > 366 {
            errors.append(.init(field: "from", message: "Choose a first day on or before the last, at most a year before it."))
        }
        let desk = desk
        let figures = errors.isEmpty ? try await offload { try desk.figures(from: from, to: to, for: signedIn) } : nil
        if let figures, let format = query.text("format"), ["csv", "xlsx"].contains(format) {
            let name = "help-figures-\(from)-to-\(to).\(format)"
            return try await FileDownload.response(named: name) { try HelpDesk.write(figures, to: $0) }
        }
        let model = FiguresPage(from: query.text("from") ?? from.description, to: query.text("to") ?? to.description, figures: figures)
        return pages.page(
            "help-figures", title: "Help figures", model: model, signedIn: signedIn, path: request.uri.path, errors: errors,
            status: errors.isEmpty ? .ok : .badRequest)
    }

    // MARK: Taking a call

    @Sendable func newRequest(_ request: Request, context: Context) async throws -> Response {
        let signedIn = try await roles.require(.takeRequests, request, context)
        let personID = FormFields.query(of: request).text("person")
        return try await takePage(personID: personID, fields: nil, errors: [], signedIn: signedIn, path: request.uri.path)
    }

    @Sendable func create(_ request: Request, context: Context) async throws -> Response {
        let signedIn = try await roles.require(.takeRequests, request, context)
        var request = request
        let fields = try await FormFields.read(&request, context: context)
        let personID = fields.text("person")
        let read = HelpRequestFormModel.read(fields, needs: desk.needs, newCaller: personID == nil, today: .ukToday)
        guard read.errors.isEmpty, let wanted = read.request else {
            return try await takePage(personID: personID, fields: fields, errors: read.errors, signedIn: signedIn, path: "/requests/new")
        }
        let caller: HelpDesk.Caller
        if let personID {
            try await requireResident(personID, for: signedIn, path: request.uri.path)
            caller = .known(personID: personID)
        } else if let given = read.caller {
            caller = .new(given)
        } else {
            throw WebError.badRequest("Find the caller, or give their details.")
        }
        let desk = desk
        let stored = try await offload { try desk.take(wanted, from: caller, by: signedIn, via: .web) }
        return WebApp.redirect(to: "/requests/\(stored.id ?? 0)?taken=1")
    }

    private func takePage(
        personID: String?, fields: FormFields?, errors: [PageRenderer.FieldError], signedIn: SignedIn, path: String
    ) async throws -> Response {
        var model = TakeRequestPage(form: HelpRequestFormModel(needs: desk.needs, fields: fields, publicForm: false))
        if let personID {
            try await requireResident(personID, for: signedIn, path: path)
            let (database, desk) = (database, desk)
            model.resident = try await offload {
                guard let current = try database.linkage.resolvePerson(personID),
                    let profile = try PersonProfileReader(database: database, referenceDate: .ukToday).profile(of: current)
                else { return nil }
                let hub = HubRouter(hubs: try desk.hubs()).hub(postcode: profile.postcode, area: profile.area)
                return TakeRequestPage.Resident(
                    personID: current, name: profile.name, birthDate: profile.birthDate?.description ?? "not known",
                    address: [profile.address, profile.postcode].compactMap { $0 }.joined(separator: ", "), phone: profile.phone ?? "not known",
                    hub: hub?.name ?? "no hub covers the address: a coordinator will route it")
            }
            guard model.resident != nil else { throw WebError.notFound }
        }
        return pages.page(
            "help-take", title: "Take a request for help", model: model, signedIn: signedIn, path: path, errors: errors,
            status: errors.isEmpty ? .ok : .badRequest)
    }

    private func requireResident(_ personID: String, for signedIn: SignedIn, path: String) async throws {
        let residents = residents
        try await offload { try residents.require(personID, for: signedIn, path: path) }
    }

    // MARK: One request

    @Sendable func show(_ request: Request, context: Context) async throws -> Response {
        let signedIn = try await roles.require(.workRequests, request, context)
        let id = try requestID(context)
        let query = FormFields.query(of: request)
        let notice =
            query.text("taken") != nil
            ? "Request taken and sent to its hub."
            : query.text("changed") != nil ? "Request updated." : query.text("given") != nil ? "Volunteer given the task." : nil
        return try await requestPage(id, matching: query.text("match"), for: signedIn, path: request.uri.path, notice: notice)
    }

    @Sendable func change(_ request: Request, context: Context) async throws -> Response {
        let signedIn = try await roles.require(.workRequests, request, context)
        let id = try requestID(context)
        var request = request
        let form = try await FormFields.read(&request, context: context)
        guard let revision = form.text("revision").flatMap(Int.init) else { throw WebError.badRequest("Reload the request and try again.") }
        var changes: [HelpDesk.Change] = []
        if form.text("pick-up") != nil { changes.append(.pickUp) }
        if let status = form.text("status").flatMap(RequestStatus.init(rawValue:)) { changes.append(.status(status)) }
        if let hub = form.text("hub") { changes.append(.hub(hub)) }
        if form.values["call-back"] != nil {
            let text = form.text("call-back")
            guard text == nil || CivilDate(iso: text ?? "") != nil else {
                return try await requestPage(
                    id, matching: nil, for: signedIn, path: request.uri.path,
                    errors: [.init(field: "call-back", message: "Enter the call-back date as 2026-12-07.")])
            }
            changes.append(.callBack(text.flatMap(CivilDate.init(iso:))))
        }
        if let note = form.text("note") { changes.append(.note(note)) }
        let (desk, wanted) = (desk, changes)
        do {
            try await offload { try desk.change(id, wanted, revision: revision, by: signedIn, via: .web) }
        } catch let error as HelpStoreError {
            return try await requestPage(
                id, matching: nil, for: signedIn, path: request.uri.path, errors: [.init(field: "note", message: error.description)])
        } catch let error as HelpDeskError {
            return try await requestPage(
                id, matching: nil, for: signedIn, path: request.uri.path, errors: [.init(field: "note", message: error.description)])
        }
        return WebApp.redirect(to: "/requests/\(id)?changed=1")
    }

    @Sendable func assign(_ request: Request, context: Context) async throws -> Response {
        let signedIn = try await roles.require(.workRequests, request, context)
        let id = try requestID(context)
        var request = request
        let form = try await FormFields.read(&request, context: context)
        guard let need = form.text("need"), let volunteer = form.text("volunteer").flatMap(Int64.init),
            let revision = form.text("revision").flatMap(Int.init)
        else { throw WebError.badRequest("Choose a volunteer from the list.") }
        let desk = desk
        do {
            try await offload { _ = try desk.assign(id, need: need, to: volunteer, revision: revision, by: signedIn, via: .web) }
        } catch let error as HelpDeskError {
            return try await requestPage(
                id, matching: need, for: signedIn, path: request.uri.path, errors: [.init(field: "volunteers", message: error.description)])
        } catch let error as HelpStoreError {
            return try await requestPage(
                id, matching: need, for: signedIn, path: request.uri.path, errors: [.init(field: "volunteers", message: error.description)])
        }
        return WebApp.redirect(to: "/requests/\(id)?given=1#volunteers")
    }

    @Sendable func stepTask(_ request: Request, context: Context) async throws -> Response {
        let signedIn = try await roles.require(.workRequests, request, context)
        let id = try requestID(context)
        guard let taskID = context.parameters.get("task").flatMap(Int64.init) else { throw WebError.notFound }
        var request = request
        let form = try await FormFields.read(&request, context: context)
        guard let status = form.text("step").flatMap(TaskStatus.init(rawValue:)) else { throw WebError.badRequest("Choose what happened.") }
        let desk = desk
        do {
            try await offload {
                guard try desk.database.help.task(id: taskID)?.requestId == id else { throw HelpDeskError.unknownTask(taskID) }
                try desk.step(
                    task: taskID, to: status, note: form.text("task-note"), hours: form.text("hours").flatMap(Double.init), by: signedIn, via: .web)
            }
        } catch let error as HelpDeskError {
            return try await requestPage(
                id, matching: nil, for: signedIn, path: request.uri.path, errors: [.init(field: "volunteers", message: error.description)])
        } catch let error as HelpStoreError {
            return try await requestPage(
                id, matching: nil, for: signedIn, path: request.uri.path, errors: [.init(field: "volunteers", message: error.description)])
        }
        return WebApp.redirect(to: "/requests/\(id)?changed=1#volunteers")
    }

    private func requestID(_ context: Context) throws -> Int64 {
        guard let id = context.parameters.get("request").flatMap(HelpRequestRecord.id(fromReference:)) else { throw WebError.notFound }
        return id
    }

    /// The request's page, for an account that may work it; the view is audited.
    private func requestPage(
        _ id: Int64, matching need: String?, for signedIn: SignedIn, path: String, notice: String? = nil, errors: [PageRenderer.FieldError] = []
    ) async throws -> Response {
        let (desk, audit, database) = (desk, audit, database)
        let model: RequestPage
        do {
            model = try await offload {
                let record = try desk.request(id, for: signedIn)
                let person = try desk.personOf(record)
                try audit.record(
                    .viewRequest, by: signedIn.name, subject: record.reference, personIDs: person.map { [$0] } ?? [], detail: "web: \(path)")
                return try Self.model(record, person: person, matching: need, desk: desk, database: database, signedIn: signedIn)
            }
        } catch HelpDeskError.notAllowed, HelpDeskError.unknownRequest {
            throw WebError.notFound
        }
        return pages.page(
            "help-request", title: model.row.reference, model: model, signedIn: signedIn, path: path, notice: notice, errors: errors,
            status: errors.isEmpty ? .ok : .badRequest)
    }

    private static func model(
        _ record: HelpRequestRecord, person: String?, matching need: String?, desk: HelpDesk, database: any Store, signedIn: SignedIn
    ) throws -> RequestPage {
        let today = CivilDate.ukToday
        let hubs = try database.help.hubs()
        let hub = hubs.first { $0.id == record.hubId }
        let row = RequestRow(record, needs: desk.needs, hub: hub, today: today)
        var resident = [
            RequestPage.Line(label: "Name", value: record.callerName),
            .init(label: "Phone", value: record.phone ?? "not given"),
            .init(label: "Address", value: [record.address, record.postcode].compactMap { $0 }.joined(separator: ", ")),
        ]
        if let email = record.email { resident.append(.init(label: "Email", value: email)) }
        resident.append(.init(label: "Get in touch by", value: ContactWay(rawValue: record.contactBy)?.label ?? record.contactBy))
        if person == nil {
            resident.append(.init(label: "In Kith", value: "Not linked to a resident yet: the next link run will place the caller."))
        }
        var knows: [RequestPage.Line] = []
        if let details = record.details { knows.append(.init(label: "What they said", value: details)) }
        if let dietary = record.dietaryNeeds { knows.append(.init(label: "Diet and allergies", value: dietary)) }
        if let cultural = record.culturalPreferences { knows.append(.init(label: "Cultural preferences", value: cultural)) }
        if let language = record.language { knows.append(.init(label: "Language", value: language)) }
        knows.append(.init(label: "Consent to share with partners", value: record.consentToShare ? "Yes" : "No: only the council"))
        knows.append(
            .init(
                label: "Taken",
                value:
                    "\(DisplayTime.text(record.createdAt)) by \(record.createdBy), \(RequestChannel(rawValue: record.channel)?.label ?? record.channel)"
            ))
        let taken = RequestPage.Note(
            at: DisplayTime.text(record.createdAt), by: record.createdBy, kind: "taken",
            text: "Taken: \(RequestChannel(rawValue: record.channel)?.label ?? record.channel)")
        var history =
            try [taken]
            + database.help.notes(ofRequest: record.id ?? 0).map {
                RequestPage.Note(at: DisplayTime.text($0.at), by: $0.by, kind: $0.kind, text: $0.text)
            }
        if let closed = record.closedAt, history.count == 1 {
            history.append(
                .init(at: DisplayTime.text(closed), by: "", kind: "status", text: RequestStatus(rawValue: record.status)?.label ?? record.status))
        }
        let status = RequestStatus(rawValue: record.status) ?? .toDo
        let statuses = RequestStatus.allCases.map { RequestPage.Choice(value: $0.rawValue, label: $0.label, selected: $0 == status) }
        let hubChoices = hubs.map { RequestPage.Choice(value: $0.id, label: $0.name, selected: $0.id == record.hubId) }
        let volunteers = Dictionary(
            try database.help.volunteers(statuses: []).map { ($0.id ?? 0, $0) }, uniquingKeysWith: { a, _ in a })
        let tasks = try database.help.tasks(ofRequest: record.id ?? 0).map { task in
            let taskStatus = TaskStatus(rawValue: task.status) ?? .assigned
            let volunteer = volunteers[task.volunteerId]
            return RequestPage.Task(
                id: task.id ?? 0, action: "/requests/\(record.id ?? 0)/tasks/\(task.id ?? 0)",
                volunteer: "\(VolunteerRecord.reference(task.volunteerId)) \(volunteer?.name ?? "")",
                volunteerHref: "/volunteers/\(task.volunteerId)", need: desk.needs.need(task.need)?.label ?? task.need, status: taskStatus.label,
                statusTag: taskStatus.isOpen ? "tag--amber" : taskStatus == .completed ? "tag--green" : "tag--grey",
                steps: taskStatus.next.map { .init(value: $0.rawValue, label: $0.label, selected: false) },
                hours: task.hours.map { $0.formatted(.number.precision(.fractionLength(0...1))) }, note: task.note)
        }
        let canGo = HelpAccess.mayGoToVolunteer(record) && status.isOpen
        let path = "/requests/\(record.id ?? 0)"
        let needs = try record.needs.split(separator: ",").map(String.init).map { id -> RequestPage.NeedMatches in
            let label = desk.needs.need(id)?.label ?? id
            guard canGo, id == need else { return .init(need: id, label: label, href: "\(path)?match=\(id)#volunteers", shown: false, matches: []) }
            let matches = try desk.matches(for: record.id ?? 0, need: id, by: signedIn, today: today).map {
                RequestPage.Match(
                    volunteerID: Int64($0.volunteer.id) ?? 0, reference: VolunteerRecord.reference(Int64($0.volunteer.id) ?? 0),
                    name: $0.volunteer.name,
                    reasons: $0.reasons.joined(separator: "; "))
            }
            return .init(need: id, label: label, href: "\(path)?match=\(id)#volunteers", shown: true, matches: matches)
        }
        return RequestPage(
            id: record.id ?? 0, row: row, revision: record.revision, resident: resident,
            personHref: person.flatMap { signedIn.can(.viewPersons) ? "/persons/\($0)" : nil }, knows: knows, history: history, statuses: statuses,
            hubs: hubChoices, callBack: record.callBackOn ?? "", tasks: tasks, needs: needs, canGoToVolunteers: canGo,
            canRefer: person.flatMap { signedIn.can(.makeReferrals) ? "/referrals/new?person=\($0)" : nil })
    }

    // MARK: A day's deliveries

    @Sendable func deliveries(_ request: Request, context: Context) async throws -> Response {
        let signedIn = try await roles.require(.workRequests, request, context)
        let hubID = try context.parameters.require("hub")
        let query = FormFields.query(of: request)
        let need = query.text("need") ?? "food"
        let day = query.text("day").flatMap(CivilDate.init(iso:)) ?? .ukToday
        let most = min(10, max(1, Int(query.text("most") ?? "3") ?? 3))
        let (desk, help) = (desk, help)
        let model: DeliveriesPage? = try await offload {
            let hubs = try help.hubs()
            guard let hub = hubs.first(where: { $0.id == hubID }), HelpAccess(signedIn: signedIn).workedHubs(of: hubs).contains(hub) else {
                return nil
            }
            let proposals = try desk.bulkProposals(hub: hubID, need: need, dueBy: day, mostPerVolunteer: most, by: signedIn)
            let rows = proposals.map { pair in
                DeliveriesPage.Proposal(
                    requestID: pair.request.id ?? 0, reference: pair.request.reference, href: "/requests/\(pair.request.id ?? 0)",
                    postcode: pair.request.postcode ?? pair.request.area ?? "", due: pair.request.dueOn,
                    value: pair.proposal.match.map { "\(pair.request.id ?? 0):\($0.volunteer.id):\(pair.request.revision)" },
                    volunteer: pair.proposal.match.map { "\(VolunteerRecord.reference(Int64($0.volunteer.id) ?? 0)) \($0.volunteer.name)" },
                    reasons: pair.proposal.match?.reasons.joined(separator: "; "), unmatched: pair.proposal.unmatched)
            }
            return DeliveriesPage(
                hubID: hubID, hubName: hub.name, need: need, needLabel: desk.needs.need(need)?.label ?? need, day: day.description, most: most,
                needs: desk.needs.map { .init(value: $0.id, label: $0.label, selected: $0.id == need) }, proposals: rows,
                matched: rows.filter { $0.value != nil }.count)
        }
        guard let model else { throw WebError.notFound }
        return pages.page(
            "help-deliveries", title: "\(model.needLabel) for \(model.hubName)", model: model, signedIn: signedIn, path: request.uri.path)
    }

    @Sendable func assignDeliveries(_ request: Request, context: Context) async throws -> Response {
        let signedIn = try await roles.require(.workRequests, request, context)
        let hubID = try context.parameters.require("hub")
        var request = request
        let form = try await FormFields.read(&request, context: context)
        guard let need = form.text("need") else { throw WebError.badRequest("Choose the help to match.") }
        let picks = form.all("give").compactMap { value -> (Int64, Int64, Int)? in
            let parts = value.split(separator: ":").compactMap { Int64($0) }
            return parts.count == 3 ? (parts[0], parts[1], Int(parts[2])) : nil
        }
        let desk = desk
        let given = try await offload {
            var given = 0
            for (requestID, volunteerID, revision) in picks {
                // One refused (changed meanwhile, consent withdrawn) does not stop the rest.
                if (try? desk.assign(requestID, need: need, to: volunteerID, revision: revision, by: signedIn, via: .web)) != nil { given += 1 }
            }
            return given
        }
        return WebApp.redirect(to: "/hubs/\(hubID)?given=\(given)")
    }
}

extension WebApp {
    /// The helpline's pages, over the store's help repository.
    func addHelpControllers(to group: RouterGroup<WebRequestContext>) {
        let desk = HelpDesk(database: database)
        func add(_ help: some HelpRepository) {
            HelpController(
                help: help, database: database, desk: desk, roles: roles, residents: residentCheck, audit: AuditTrail(database: database),
                pages: pages
            ).addRoutes(to: group)
        }
        add(database.help)
        PublicHelpController(
            desk: desk, bureau: VolunteerBureau(database: database), stamps: formStamps, askLimiter: askLimiter, volunteerLimiter: volunteerLimiter,
            pages: pages
        ).addRoutes(to: group)
    }
}
