import Foundation
import KithAccess
import KithDirectory
import KithHelp
import KithOutreach
import KithSpreadsheet
import KithStandard
import KithStore

/// Takes and works requests for help, for the web, the API and the command line alike: it asks ``HelpAccess`` who
/// may do what, routes each request to the hub of the resident's address, and stores each action with its audit
/// entry in one transaction.
///
/// A request is also a row of the helpline's own list ("Kith helpline", one row per need), so that the caller is
/// linked to the residents Kith knows by the linkage engine (a known resident's row goes with the call handler's
/// verdict that it is them), the vulnerability matrix reads the needs, and area demand counts the call. A request
/// done is a contact on the person's record.
public struct HelpDesk: Sendable {
    public let database: any Store
    /// The needs the helpline takes.
    public let needs: [HelpNeed]
    /// The active volunteers held for matching; one desk serving many requests keeps one pool.
    public let pool: VolunteerPool

    public init(database: any Store, needs: [HelpNeed] = HelpNeed.standard, pool: VolunteerPool = VolunteerPool()) {
        self.database = database
        self.needs = needs
        self.pool = pool
    }

    /// Who is asking: a resident found in Kith, or a caller Kith does not know yet.
    public enum Caller: Sendable, Equatable {
        case known(personID: String)
        case new(KithHelp.Caller)
    }

    /// The hubs and teams, as configured.
    public func hubs() throws -> [Hub] {
        try database.help.hubs().map(Self.hub)
    }

    static func hub(_ record: HubRecord) -> Hub {
        Hub(
            id: record.id, name: record.name, kind: Hub.Kind(rawValue: record.kind) ?? .hub,
            areas: record.areas.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }, urgentPickupMinutes: record.urgentPickupMinutes
        )
    }

    /// Adds or changes a hub or team.
    public func saveHub(_ hub: Hub, by actor: String) throws {
        guard Hub.isValidID(hub.id) else {
            throw HelpDeskError.invalid(field: "id", message: "A hub's id is 2 to 40 lower-case letters, digits and dashes, as north-east.")
        }
        guard !hub.name.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw HelpDeskError.invalid(field: "name", message: "Give the hub a name.")
        }
        try database.help.saveHub(
            HubRecord(
                id: hub.id, name: hub.name, kind: hub.kind.rawValue, areas: hub.areas.joined(separator: ","),
                urgentPickupMinutes: hub.urgentPickupMinutes),
            audit: AuditTrail.note(
                .saveHub, by: actor, subject: "hub \(hub.id)", detail: "\(hub.kind.rawValue) covering \(hub.areas.joined(separator: ", "))"))
    }

    // MARK: Taking a request

    /// Takes a request from a signed-in account (a call handler on the phone, a caseworker), or from the public form
    /// when `signedIn` is nil. Returns the stored request, routed to its hub.
    public func take(
        _ request: HelpRequest, from caller: Caller, by signedIn: SignedIn?, via door: AuditTrail.Door, today: CivilDate = .ukToday
    ) throws -> HelpRequestRecord {
        let actor: String
        if let signedIn {
            guard HelpAccess(signedIn: signedIn).mayTakeRequests else { throw HelpDeskError.notAllowed }
            actor = signedIn.name
        } else {
            guard request.channel == .onlineForm, case .new = caller else { throw HelpDeskError.notAllowed }
            actor = "the public form"
        }
        let details: KithHelp.Caller
        var personID: String?
        var area: String?
        var sameAsRow: Int64?
        switch caller {
        case .known(let id):
            guard let signedIn, try ResidentScope(database: database, scope: signedIn.scope).allows(id),
                let current = try database.linkage.resolvePerson(id)
            else { throw HelpDeskError.unknownPerson(id) }
            guard let profile = try PersonProfileReader(database: database, referenceDate: today).profile(of: current) else {
                throw HelpDeskError.unknownPerson(id)
            }
            details = KithHelp.Caller(
                givenName: profile.givenName, familyName: profile.familyName, dateOfBirth: profile.birthDate, phone: profile.phone,
                email: profile.email, address: profile.address, postcode: profile.postcode)
            personID = current
            area = profile.area
            sameAsRow = try database.linkage.records(ofPerson: current).map(\.sourceRowId).min()
        case .new(let given):
            details = given
        }
        let district = details.postcode.flatMap(HubRouter.district)
        let hub = HubRouter(hubs: try hubs()).hub(postcode: details.postcode, area: area)
        let now = AuditTrail.now()
        let record = HelpRequestRecord(
            personId: personID, callerName: details.name.trimmingCharacters(in: .whitespaces).isEmpty ? (personID ?? "unknown") : details.name,
            phone: details.phone, email: details.email, address: details.address,
            postcode: details.postcode, area: district ?? area, hubId: hub?.id, needs: request.needs.map(\.id).joined(separator: ","),
            urgency: request.urgency.rawValue, details: request.details, dietaryNeeds: request.dietaryNeeds,
            culturalPreferences: request.culturalPreferences, language: request.language, contactBy: request.contactBy.rawValue,
            consentToShare: request.consentToShare, channel: request.channel.rawValue, status: RequestStatus.toDo.rawValue,
            dueOn: request.due(madeOn: today).description, createdAt: now, createdBy: actor, updatedAt: now)
        let normaliser = HelplineRow.normaliser(referenceDate: today)
        let fixedCaller = details
        let rows = HelplineRows(
            sourceName: HelplineRow.sourceName, day: today.description, columns: HelplineRow.lettered,
            rows: { id in
                HelplineRow.cells(reference: HelpRequestRecord.reference(id), day: today, caller: fixedCaller, request: request).map {
                    (cells: $0, changes: normaliser.changes($0))
                }
            }, recordedBy: actor)
        let needs = request.needs.map(\.id).joined(separator: ", ")
        return try database.help.createRequest(record, helpline: rows, sameAsRow: sameAsRow) { stored in
            AuditTrail.note(
                .takeRequest, by: actor, subject: stored.reference, personIDs: personID.map { [$0] } ?? [],
                detail:
                    "\(needs), \(request.urgency.rawValue), \(personID == nil ? "new caller" : "known resident"), routed to \(hub?.id ?? "no hub"), through \(door.rawValue)"
            )
        }
    }

    // MARK: Working a request

    /// One change to a request, as a hub worker makes it.
    public enum Change: Sendable, Equatable {
        case status(RequestStatus)
        /// Take it on oneself: it becomes theirs and, if still to do, in progress.
        case pickUp
        /// Give it to a colleague by account name, or to no one.
        case assign(String?)
        /// Move it to another hub or team.
        case hub(String)
        case callBack(CivilDate?)
        case note(String)
    }

    /// The request, if the account may work it.
    public func request(_ id: Int64, for signedIn: SignedIn) throws -> HelpRequestRecord {
        guard let record = try database.help.request(id: id) else { throw HelpDeskError.unknownRequest(id) }
        guard HelpAccess(signedIn: signedIn).mayWork(record, hubs: try database.help.hubs()) else { throw HelpDeskError.notAllowed }
        return record
    }

    /// Applies changes to a request as it was at `revision` (what the worker saw), each a line in its history; a
    /// request done becomes a contact on the person's record. Throws `HelpStoreError.changed` when someone changed it
    /// meanwhile.
    @discardableResult
    public func change(
        _ id: Int64, _ changes: [Change], revision: Int, by signedIn: SignedIn, via door: AuditTrail.Door, today: CivilDate = .ukToday
    ) throws -> HelpRequestRecord {
        var record = try request(id, for: signedIn)
        record.revision = revision
        let now = AuditTrail.now()
        var notes: [HelpNoteRecord] = []
        func note(_ kind: String, _ text: String) { notes.append(HelpNoteRecord(requestId: id, at: now, by: signedIn.name, kind: kind, text: text)) }
        var becameDone = false
        for change in changes {
            switch change {
            case .status(let status):
                guard status.rawValue != record.status else { continue }
                note("status", "\(RequestStatus(rawValue: record.status)?.label ?? record.status) → \(status.label)")
                record.status = status.rawValue
                if status == .inProgress, record.firstContactAt == nil { record.firstContactAt = now }
                if !status.isOpen { record.closedAt = now } else { record.closedAt = nil }
                becameDone = becameDone || status == .done
            case .pickUp:
                record.assignedTo = signedIn.name
                if record.status == RequestStatus.toDo.rawValue {
                    record.status = RequestStatus.inProgress.rawValue
                    if record.firstContactAt == nil { record.firstContactAt = now }
                }
                note("assign", "Picked up by \(signedIn.name)")
            case .assign(let name):
                if let name, try database.access.account(named: name) == nil {
                    throw HelpDeskError.invalid(field: "assign", message: "There is no account called \(name).")
                }
                record.assignedTo = name
                note("assign", name.map { "Given to \($0)" } ?? "Given back to the hub")
            case .hub(let hubID):
                guard let hub = try database.help.hubs().first(where: { $0.id == hubID }) else { throw HelpDeskError.unknownHub(hubID) }
                guard hub.id != record.hubId else { continue }
                note("hub", "Moved from \(record.hubId ?? "no hub") to \(hub.name)")
                record.hubId = hub.id
                record.assignedTo = nil
            case .callBack(let date):
                record.callBackOn = date?.description
                note("call-back", date.map { "Call back on \($0)" } ?? "Call-back cleared")
            case .note(let text):
                let text = text.trimmingCharacters(in: .whitespacesAndNewlines)
                guard !text.isEmpty else { continue }
                guard text.count <= HelpRequest.longestText else {
                    throw HelpDeskError.invalid(field: "note", message: "A note takes \(HelpRequest.longestText) characters or fewer.")
                }
                note("note", text)
            }
        }
        guard !notes.isEmpty else { return record }
        record.updatedAt = now
        let person = becameDone ? try personOf(record) : nil
        let contact = person.map {
            ContactRecord(
                personId: $0, outcome: .reached, contactedOn: today.description, note: "Help request \(record.reference) done: \(needLabels(record))",
                recordedBy: signedIn.name, recordedAt: now)
        }
        let saved = try database.help.updateRequest(
            record, notes: notes, contact: contact,
            audit: AuditTrail.note(
                .updateRequest, by: signedIn.name, subject: record.reference, personIDs: person.map { [$0] } ?? record.personId.map { [$0] } ?? [],
                detail: notes.map(\.kind).joined(separator: ", ") + " through \(door.rawValue)"))
        if contact != nil { _ = try ProfileTable(database: database).refresh() }
        return saved
    }

    /// The resident a request is for: the one found when it was taken, or the one linkage placed the caller's row
    /// with since; by their current id.
    public func personOf(_ record: HelpRequestRecord) throws -> String? {
        if let id = record.personId { return try database.linkage.resolvePerson(id) ?? id }
        guard let row = record.firstRowId else { return nil }
        return try database.linkage.personOfRow(row)
    }

    /// "Food, Prescription collection".
    public func needLabels(_ record: HelpRequestRecord) -> String {
        record.needs.split(separator: ",").map { id in needs.need(String(id))?.label ?? String(id) }.joined(separator: ", ")
    }
}
