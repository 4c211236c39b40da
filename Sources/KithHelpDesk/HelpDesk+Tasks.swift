import Foundation
import KithAccess
import KithDirectory
import KithHelp
import KithOutreach
import KithSpreadsheet
import KithStore

/// Matching volunteers to requests and each step of a volunteer's task.
extension HelpDesk {
    /// The task a request's need sets a volunteer: the need, the resident's postcode centroid, their language.
    public func task(for record: HelpRequestRecord, need: HelpNeed, at moment: LocalMoment? = nil, today: CivilDate = .ukToday) throws -> HelpTask {
        let place = try record.postcode.flatMap { try database.directory.postcodeCentroid($0) }.map {
            GeoPoint(latitude: $0.latitude, longitude: $0.longitude)
        }
        return HelpTask(
            need: need, place: place, at: moment, language: record.language?.lowercased(), needsDriver: need.id == "transport", today: today)
    }

    /// The active volunteers who offer a need, as the matcher reads them, with the tasks each holds now.
    public func volunteersForMatching(offering need: String) throws -> [Volunteer] {
        let counts = try database.help.openTaskCounts()
        return try pool.volunteers(in: database).compactMap { volunteer in
            guard volunteer.offers.contains(need) else { return nil }
            var volunteer = volunteer
            volunteer.openTasks = counts[Int64(volunteer.id) ?? 0] ?? 0
            return volunteer
        }
    }

    /// The volunteers who could take a request's need, best first, with the reasons.
    public func matches(
        for id: Int64, need needID: String, at moment: LocalMoment? = nil, by signedIn: SignedIn, today: CivilDate = .ukToday, limit: Int = 10
    ) throws -> [VolunteerMatch] {
        let record = try request(id, for: signedIn)
        guard let need = needs.need(needID) else {
            throw HelpDeskError.invalid(field: "need", message: "\(needID) is not a need this helpline takes.")
        }
        return VolunteerMatcher.rank(
            try task(for: record, need: need, at: moment, today: today), among: try volunteersForMatching(offering: need.id), limit: limit)
    }

    /// Gives a request's need to a volunteer. The resident must have agreed to share, the volunteer be active, and a
    /// visit needs their valid enhanced DBS check; the request becomes in progress.
    @discardableResult
    public func assign(
        _ id: Int64, need needID: String, to volunteerID: Int64, revision: Int, by signedIn: SignedIn, via door: AuditTrail.Door,
        today: CivilDate = .ukToday
    ) throws -> VolunteerTaskRecord {
        var record = try request(id, for: signedIn)
        record.revision = revision
        guard HelpAccess.mayGoToVolunteer(record) else { throw HelpDeskError.noConsent }
        guard let need = needs.need(needID), record.needs.split(separator: ",").contains(Substring(needID)) else {
            throw HelpDeskError.invalid(field: "need", message: "The request does not ask for \(needID).")
        }
        guard let stored = try database.help.volunteer(id: volunteerID) else { throw HelpDeskError.unknownVolunteer(volunteerID) }
        let volunteer = VolunteerBureau.volunteer(stored, openTasks: 0)
        if let problem = VolunteerMatcher.safeguardingProblem(try task(for: record, need: need, today: today), volunteer) {
            throw HelpDeskError.safeguarding(problem)
        }
        let now = AuditTrail.now()
        if record.status == RequestStatus.toDo.rawValue { record.status = RequestStatus.inProgress.rawValue }
        record.updatedAt = now
        let task = VolunteerTaskRecord(
            requestId: id, volunteerId: volunteerID, need: need.id, status: TaskStatus.assigned.rawValue, assignedAt: now, assignedBy: signedIn.name,
            updatedAt: now)
        return try database.help.assignTask(
            task, request: record,
            note: HelpNoteRecord(requestId: id, at: now, by: signedIn.name, kind: "volunteer", text: "\(need.label) given to \(stored.reference)"),
            audit: AuditTrail.note(
                .assignVolunteer, by: signedIn.name, subject: record.reference, personIDs: record.personId.map { [$0] } ?? [],
                detail: "\(need.id) to \(stored.reference) through \(door.rawValue)"))
    }

    /// Moves a task on: the volunteer whose task it is, or someone working the request. A completed task records the
    /// hours and the volunteer's note; when every task of the request is over and one was completed, the request is
    /// done and a contact on the person's record.
    public func step(
        task taskID: Int64, to status: TaskStatus, note: String?, hours: Double?, by signedIn: SignedIn, via door: AuditTrail.Door,
        today: CivilDate = .ukToday
    ) throws {
        guard var task = try database.help.task(id: taskID) else { throw HelpDeskError.unknownTask(taskID) }
        guard var record = try database.help.request(id: task.requestId) else { throw HelpDeskError.unknownRequest(task.requestId) }
        let access = HelpAccess(signedIn: signedIn)
        let hubs = try database.help.hubs()
        guard access.isOwnTask(task) || access.mayWork(record, hubs: hubs) else { throw HelpDeskError.notAllowed }
        guard let from = TaskStatus(rawValue: task.status), from.next.contains(status) else {
            throw HelpDeskError.notNext(from: task.status, to: status.rawValue)
        }
        if let hours, !(0...24).contains(hours) { throw HelpDeskError.invalid(field: "hours", message: "Enter the hours given, from 0 to 24.") }
        let note = note?.trimmingCharacters(in: .whitespacesAndNewlines)
        if let note, note.count > HelpRequest.longestText {
            throw HelpDeskError.invalid(field: "note", message: "A note takes \(HelpRequest.longestText) characters or fewer.")
        }
        let now = AuditTrail.now()
        task.status = status.rawValue
        task.updatedAt = now
        if status == .completed { task.hours = hours }
        if let note, !note.isEmpty { task.note = note }
        var requestChanged = false
        if status == .contacted || status == .confirmed, record.firstContactAt == nil {
            record.firstContactAt = now
            requestChanged = true
        }
        var contact: ContactRecord?
        var person: String?
        if status == .completed || status == .cancelled {
            let others = try database.help.tasks(ofRequest: record.id ?? 0).filter { $0.id != taskID }
            let allOver = others.allSatisfy { !(TaskStatus(rawValue: $0.status)?.isOpen ?? false) }
            let anyDone = status == .completed || others.contains { $0.status == TaskStatus.completed.rawValue }
            if allOver, anyDone, RequestStatus(rawValue: record.status)?.isOpen ?? false {
                record.status = RequestStatus.done.rawValue
                record.closedAt = now
                requestChanged = true
                person = try personOf(record)
                contact = person.map {
                    ContactRecord(
                        personId: $0, outcome: .reached, contactedOn: today.description,
                        note: "Help request \(record.reference) done by a volunteer: \(needLabels(record))", recordedBy: signedIn.name,
                        recordedAt: now)
                }
            }
        }
        if requestChanged { record.updatedAt = now }
        let volunteer = VolunteerRecord.reference(task.volunteerId)
        let line =
            "\(volunteer): \(needs.need(task.need)?.label ?? task.need) \(status.label.lowercased())"
            + (hours.map { ", \($0.formatted(.number.precision(.fractionLength(0...1)))) h" } ?? "") + ((note?.isEmpty ?? true) ? "" : ": \(note!)")
        try database.help.stepTask(
            task, from: from.rawValue, request: requestChanged ? record : nil,
            note: HelpNoteRecord(requestId: task.requestId, at: now, by: signedIn.name, kind: "volunteer", text: line), contact: contact,
            audit: AuditTrail.note(
                .taskStep, by: signedIn.name, subject: "task \(taskID) of \(record.reference)",
                personIDs: (person ?? record.personId).map { [$0] } ?? [],
                detail: "\(from.rawValue) to \(status.rawValue) through \(door.rawValue)"))
        if contact != nil { _ = try ProfileTable(database: database).refresh() }
    }

    /// The signed-in volunteer's own tasks, as they see them; the view is audited.
    public func ownTasks(of signedIn: SignedIn, via door: AuditTrail.Door) throws -> [VolunteerTaskView] {
        guard let volunteerID = HelpAccess(signedIn: signedIn).volunteerID else { throw HelpDeskError.notAllowed }
        let tasks = try database.help.tasks(ofVolunteer: volunteerID)
        var views: [VolunteerTaskView] = []
        var persons: [String] = []
        for task in tasks {
            guard let record = try database.help.request(id: task.requestId) else { continue }
            var view = HelpAccess.volunteersView(of: record, task: task)
            view.need = needs.need(task.need)?.label ?? task.need
            views.append(view)
            if let person = record.personId { persons.append(person) }
        }
        try AuditTrail(database: database).record(
            .viewTasks, by: signedIn.name, subject: VolunteerRecord.reference(volunteerID), personIDs: persons,
            detail: "\(tasks.count) tasks through \(door.rawValue)")
        return views
    }

    /// Proposes volunteers for a hub's open requests of one need due by `day` (a day's food deliveries), most
    /// pressing first, no volunteer given more than `mostPerVolunteer` open tasks. Requests without consent to share
    /// are left out.
    public func bulkProposals(
        hub: String?, need needID: String, dueBy day: CivilDate, mostPerVolunteer: Int = 3, by signedIn: SignedIn, today: CivilDate = .ukToday
    ) throws -> [(request: HelpRequestRecord, proposal: BulkMatcher.Proposal)] {
        guard let need = needs.need(needID) else {
            throw HelpDeskError.invalid(field: "need", message: "\(needID) is not a need this helpline takes.")
        }
        let hubs = try database.help.hubs()
        let access = HelpAccess(signedIn: signedIn)
        let open = try database.help.queue(
            hub: hub, statuses: [RequestStatus.toDo.rawValue, RequestStatus.inProgress.rawValue], limit: 10_000, offset: 0)
        var requests: [HelpRequestRecord] = []
        var given: Set<Int64> = []
        let assigned = open.requests.filter { $0.needs.split(separator: ",").contains(Substring(needID)) }
        for record in assigned where record.dueOn <= day.description && access.mayWork(record, hubs: hubs) && HelpAccess.mayGoToVolunteer(record) {
            let tasks = try database.help.tasks(ofRequest: record.id ?? 0)
            if tasks.contains(where: { $0.need == needID && (TaskStatus(rawValue: $0.status)?.isOpen ?? false) }) { given.insert(record.id ?? 0) }
            requests.append(record)
        }
        requests.removeAll { given.contains($0.id ?? 0) }
        let items = try requests.map { BulkMatcher.Item(requestID: String($0.id ?? 0), task: try task(for: $0, need: need, today: today)) }
        let proposals = BulkMatcher.propose(items, volunteers: try volunteersForMatching(offering: need.id), mostPerVolunteer: mostPerVolunteer)
        return Array(zip(requests, proposals))
    }
}
