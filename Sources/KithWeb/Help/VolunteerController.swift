import Foundation
import Hummingbird
import KithAccess
import KithDirectory
import KithHelp
import KithHelpDesk
import KithSpreadsheet
import KithStore

/// The volunteer bureau's pages (`/volunteers`, `/volunteers/{id}`: who applied, verifying a DBS check, induction,
/// active or paused) and a volunteer's own (`/tasks`: only the tasks given to them, with the least each needs, the
/// address once they confirm, and done with a note).
struct VolunteerController<Help: HelpRepository>: Sendable {
    typealias Context = WebRequestContext

    let help: Help
    let desk: HelpDesk
    let bureau: VolunteerBureau
    let roles: RoleCheck
    let pages: PageRenderer

    func addRoutes(to group: RouterGroup<Context>) {
        group.get("volunteers", use: list)
        group.get("volunteers/:volunteer", use: show)
        group.post("volunteers/:volunteer", use: change)
        group.get("tasks", use: tasks)
        group.post("tasks/:task", use: step)
    }

    // MARK: The bureau

    @Sendable func list(_ request: Request, context: Context) async throws -> Response {
        let signedIn = try await roles.require(.manageVolunteers, request, context)
        let filter = FormFields.query(of: request).text("status").flatMap(VolunteerStatus.init(rawValue:))
        let (help, needs, path) = (help, desk.needs, request.uri.path)
        let model = try await offload {
            let counts = try help.openTaskCounts()
            let rows = try help.volunteers(statuses: filter.map { [$0.rawValue] } ?? []).map {
                VolunteersPage.Row($0, openTasks: counts[$0.id ?? 0] ?? 0, needs: needs, today: .ukToday)
            }
            let filters =
                [VolunteersPage.Filter(href: path, label: "All", current: filter == nil)]
                + VolunteerStatus.allCases.map { .init(href: "\(path)?status=\($0.rawValue)", label: $0.rawValue.capitalized, current: $0 == filter) }
            return VolunteersPage(filters: filters, rows: rows, count: rows.count.formatted())
        }
        return pages.page("help-volunteers", title: "Volunteers", model: model, signedIn: signedIn, path: path)
    }

    @Sendable func show(_ request: Request, context: Context) async throws -> Response {
        let signedIn = try await roles.require(.manageVolunteers, request, context)
        let notice = FormFields.query(of: request).text("changed") != nil ? "Volunteer updated." : nil
        return try await volunteerPage(try volunteerID(context), signedIn: signedIn, path: request.uri.path, notice: notice)
    }

    @Sendable func change(_ request: Request, context: Context) async throws -> Response {
        let signedIn = try await roles.require(.manageVolunteers, request, context)
        let id = try volunteerID(context)
        var request = request
        let form = try await FormFields.read(&request, context: context)
        var changes: [VolunteerBureau.Change] = []
        var errors: [PageRenderer.FieldError] = []
        if let status = form.text("status").flatMap(VolunteerStatus.init(rawValue:)) { changes.append(.status(status)) }
        changes.append(.inductionDone(form.text("induction") == "yes"))
        if let level = form.text("dbs-level").flatMap(VolunteerBureau.level(named:)) {
            let number = form.text("dbs-number") ?? ""
            if let until = form.text("dbs-until").flatMap(CivilDate.init(iso:)) {
                changes.append(.dbsVerified(level, number: number, validUntil: until))
            } else {
                errors.append(.init(field: "dbs-until", message: "Enter the date the bureau wants the check renewed by, as 2029-12-01."))
            }
        }
        if errors.isEmpty {
            let (bureau, wanted) = (bureau, changes)
            do {
                _ = try await offload { try bureau.change(id, wanted, by: signedIn, via: .web) }
                return WebApp.redirect(to: "/volunteers/\(id)?changed=1")
            } catch let error as HelpDeskError {
                if case .invalid(let field, let message) = error { errors.append(.init(field: field, message: message)) } else { throw error }
            }
        }
        return try await volunteerPage(id, signedIn: signedIn, path: request.uri.path, errors: errors)
    }

    private func volunteerID(_ context: Context) throws -> Int64 {
        let text = context.parameters.get("volunteer") ?? ""
        guard let id = Int64(text.uppercased().hasPrefix("V-") ? String(text.dropFirst(2)) : text) else { throw WebError.notFound }
        return id
    }

    private func volunteerPage(
        _ id: Int64, signedIn: SignedIn, path: String, notice: String? = nil, errors: [PageRenderer.FieldError] = []
    ) async throws -> Response {
        let (help, needs) = (help, desk.needs)
        let model: VolunteerPage? = try await offload {
            guard let record = try help.volunteer(id: id) else { return nil }
            let tasks = try help.tasks(ofVolunteer: id).map { task in
                VolunteerPage.Task(
                    href: "/requests/\(task.requestId)", reference: HelpRequestRecord.reference(task.requestId),
                    need: needs.need(task.need)?.label ?? task.need,
                    status: TaskStatus(rawValue: task.status)?.label ?? task.status, assignedAt: DisplayTime.text(task.assignedAt),
                    hours: task.hours.map { $0.formatted(.number.precision(.fractionLength(0...1))) })
            }
            return VolunteerPage(record, needs: needs, tasks: tasks)
        }
        guard let model else { throw WebError.notFound }
        return pages.page(
            "help-volunteer", title: model.name, model: model, signedIn: signedIn, path: path, notice: notice, errors: errors,
            status: errors.isEmpty ? .ok : .badRequest)
    }

    // MARK: A volunteer's own tasks

    @Sendable func tasks(_ request: Request, context: Context) async throws -> Response {
        let signedIn = try await roles.require(.doTasks, request, context)
        let notice = FormFields.query(of: request).text("done") != nil ? "Thank you: saved." : nil
        return try await tasksPage(signedIn: signedIn, path: request.uri.path, notice: notice)
    }

    @Sendable func step(_ request: Request, context: Context) async throws -> Response {
        let signedIn = try await roles.require(.doTasks, request, context)
        guard let taskID = context.parameters.get("task").flatMap(Int64.init) else { throw WebError.notFound }
        var request = request
        let form = try await FormFields.read(&request, context: context)
        guard let status = form.text("step").flatMap(TaskStatus.init(rawValue:)) else { throw WebError.badRequest("Choose what happened.") }
        let hoursText = form.text("hours")
        let hours = hoursText.flatMap(Double.init)
        if hoursText != nil, hours == nil {
            return try await tasksPage(
                signedIn: signedIn, path: "/tasks", errors: [.init(field: "hours-\(taskID)", message: "Enter the hours as a number, like 1.5.")])
        }
        let desk = desk
        do {
            try await offload { try desk.step(task: taskID, to: status, note: form.text("note"), hours: hours, by: signedIn, via: .web) }
        } catch HelpDeskError.notAllowed, HelpDeskError.unknownTask {
            throw WebError.notFound
        } catch let error as HelpDeskError {
            return try await tasksPage(signedIn: signedIn, path: "/tasks", errors: [.init(field: "note-\(taskID)", message: error.description)])
        } catch let error as HelpStoreError {
            return try await tasksPage(signedIn: signedIn, path: "/tasks", errors: [.init(field: "note-\(taskID)", message: error.description)])
        }
        return WebApp.redirect(to: "/tasks?done=1")
    }

    private func tasksPage(signedIn: SignedIn, path: String, notice: String? = nil, errors: [PageRenderer.FieldError] = []) async throws -> Response {
        let desk = desk
        let views = try await offload { try desk.ownTasks(of: signedIn, via: .web) }
        let model = TasksPage(tasks: views.map(TasksPage.Task.init), open: views.filter { TaskStatus(rawValue: $0.status)?.isOpen ?? false }.count)
        return pages.page(
            "help-tasks", title: "Your tasks", model: model, signedIn: signedIn, path: path, notice: notice, errors: errors,
            status: errors.isEmpty ? .ok : .badRequest)
    }
}

/// What `help-volunteers.mustache` shows.
struct VolunteersPage {
    struct Filter {
        var href: String
        var label: String
        var current: Bool
    }

    struct Row {
        var href: String
        var reference: String
        var name: String
        var postcode: String
        var offers: String
        var status: String
        var dbs: String
        var dbsTag: String
        var induction: String
        var openTasks: String

        init(_ record: VolunteerRecord, openTasks: Int, needs: [HelpNeed], today: CivilDate) {
            href = "/volunteers/\(record.id ?? 0)"
            reference = record.reference
            name = record.name
            postcode = record.postcode
            offers = record.offers.split(separator: ",").map { needs.need(String($0))?.label ?? String($0) }.joined(separator: ", ")
            status = record.status.capitalized
            (dbs, dbsTag) = Self.dbs(record, today: today)
            induction = record.inductionDone ? "Done" : "Not yet"
            self.openTasks = openTasks.formatted()
        }

        static func dbs(_ record: VolunteerRecord, today: CivilDate) -> (String, String) {
            guard let level = record.dbsLevel else { return ("None", "tag--grey") }
            guard record.dbsVerifiedBy != nil, let until = record.dbsValidUntil else { return ("\(level), not yet seen", "tag--amber") }
            return until >= today.description ? ("\(level), until \(until)", "tag--green") : ("\(level), expired \(until)", "tag--red")
        }
    }

    var filters: [Filter]
    var rows: [Row]
    var count: String
}

/// What `help-volunteer.mustache` shows: one volunteer as the bureau keeps them.
struct VolunteerPage {
    struct Line {
        var label: String
        var value: String
    }

    struct Choice {
        var value: String
        var label: String
        var selected: Bool
    }

    struct Task {
        var href: String
        var reference: String
        var need: String
        var status: String
        var assignedAt: String
        var hours: String?
    }

    var id: Int64
    var name: String
    var reference: String
    var lines: [Line]
    var statuses: [Choice]
    var levels: [Choice]
    var dbsNumber: String
    var dbsUntil: String
    var induction: Bool
    var tasks: [Task]

    init(_ record: VolunteerRecord, needs: [HelpNeed], tasks: [Task]) {
        id = record.id ?? 0
        name = record.name
        reference = record.reference
        let slots = record.slots.split(separator: ",").compactMap { TimeSlot(id: String($0)) }
        let dbs = VolunteersPage.Row.dbs(record, today: .ukToday).0
        lines = [
            Line(label: "Phone", value: record.phone ?? "not given"), Line(label: "Email", value: record.email ?? "not given"),
            Line(label: "Postcode", value: record.postcode + (record.latitude == nil ? " (not placed: distances unknown)" : "")),
            Line(label: "Travels up to", value: "\((record.travelMetres / 1_609.344 * 10).rounded() / 10) miles"),
            Line(
                label: "Offers",
                value: record.offers.split(separator: ",").map { needs.need(String($0))?.label ?? String($0) }.joined(separator: ", ")),
            Line(label: "Free", value: slots.map { "\($0.day.rawValue) \($0.part.rawValue)" }.joined(separator: ", ")),
            Line(label: "Languages", value: record.languages.isEmpty ? "English" : record.languages.replacingOccurrences(of: ",", with: ", ")),
            Line(label: "Drives", value: record.drives ? "Yes" : "No"),
            Line(label: "DBS check", value: dbs + (record.dbsVerifiedBy.map { ", seen by \($0)" } ?? "")),
            Line(label: "Skills", value: record.skills ?? "—"), Line(label: "Experience", value: record.experience ?? "—"),
            Line(label: "References", value: record.references ?? "—"), Line(label: "Applied", value: DisplayTime.text(record.appliedAt)),
        ]
        statuses = VolunteerStatus.allCases.map { Choice(value: $0.rawValue, label: $0.rawValue.capitalized, selected: $0.rawValue == record.status) }
        levels =
            [Choice(value: "", label: "Leave as it is", selected: true)]
            + DBSCheck.Level.allCases.map {
                Choice(
                    value: VolunteerBureau.levelName($0),
                    label: $0 == .enhancedWithBarredLists ? "Enhanced with barred lists" : VolunteerBureau.levelName($0).capitalized,
                    selected: false)
            }
        dbsNumber = record.dbsNumber ?? ""
        dbsUntil = record.dbsValidUntil ?? ""
        induction = record.inductionDone
        self.tasks = tasks
    }
}

/// What `help-tasks.mustache` shows: a volunteer's own tasks.
struct TasksPage {
    struct Step {
        var value: String
        var label: String
    }

    struct Task {
        var id: Int64
        var reference: String
        var firstName: String
        var need: String
        var status: String
        var statusTag: String
        var dueOn: String
        var phone: String?
        var details: String?
        var dietaryNeeds: String?
        var language: String?
        var address: String?
        var area: String?
        var steps: [Step]
        var completing: Bool
        var note: String?
        var hours: String?

        init(_ view: VolunteerTaskView) {
            id = view.taskID
            reference = view.reference
            firstName = view.firstName
            need = view.need
            let status = TaskStatus(rawValue: view.status) ?? .assigned
            self.status = status.label
            statusTag = status.isOpen ? "tag--amber" : status == .completed ? "tag--green" : "tag--grey"
            dueOn = view.dueOn
            phone = view.phone
            details = view.details
            dietaryNeeds = view.dietaryNeeds
            language = view.language
            address = view.address
            area = view.area
            steps = status.next.filter { $0 != .completed }.map {
                Step(value: $0.rawValue, label: $0 == .contacted ? "I have been in touch" : $0 == .confirmed ? "I will go" : "I cannot do this")
            }
            completing = status.next.contains(.completed)
            note = view.note
            hours = view.hours.map { $0.formatted(.number.precision(.fractionLength(0...1))) }
        }
    }

    var tasks: [Task]
    var open: Int
}

extension WebApp {
    /// The volunteer bureau's pages and a volunteer's own tasks.
    func addVolunteerController(to group: RouterGroup<WebRequestContext>) {
        func add(_ help: some HelpRepository) {
            VolunteerController(
                help: help, desk: HelpDesk(database: database), bureau: VolunteerBureau(database: database), roles: roles, pages: pages
            )
            .addRoutes(to: group)
        }
        add(database.help)
    }
}
