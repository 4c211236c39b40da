import Foundation
import KithAccess
import KithDirectory
import KithHelp
import KithSpreadsheet
import KithStandard
import KithStore

/// Loads a help desk's files (what `kith generate` writes, or a council's own in the same columns, CSV or XLSX):
/// its hubs and volunteer bureau in one transaction, then its history of requests in another. Every row is checked
/// by KithHelp's rules first: a wrong cell is named by file, row and column, and nothing is stored.
public struct HelpLoader: Sendable {
    public let database: any Store
    public let needs: [HelpNeed]

    public init(database: any Store, needs: [HelpNeed] = HelpNeed.standard) {
        self.database = database
        self.needs = needs
    }

    /// What was loaded.
    public struct Summary: Sendable, Equatable {
        public var hubs = 0
        public var volunteers = 0
        public var requests = 0
        public var tasks = 0

        public var text: String {
            "Loaded \(hubs) hubs and teams, \(volunteers) volunteers and \(requests) requests (\(tasks) done by volunteers)."
        }
    }

    /// A cell that could not be read.
    public struct Problem: Error, Equatable, CustomStringConvertible {
        public var file: String
        public var row: Int
        public var column: String
        public var message: String

        public var description: String { "\(file), row \(row), column \(column): \(message) Correct the file and load it again; nothing was stored." }
    }

    /// Loads hubs and volunteers (one transaction), then requests (another). Each file is optional.
    public func load(hubs: URL?, volunteers: URL?, requests: URL?, by actor: String) throws -> Summary {
        var summary = Summary()
        var hubRecords: [HubRecord] = []
        if let hubs {
            try read(hubs) { row in
                let id = row["id"]
                guard Hub.isValidID(id) else { throw row.problem("id", "A hub's id is 2 to 40 lower-case letters, digits and dashes.") }
                guard !row["name"].isEmpty else { throw row.problem("name", "Give the hub a name.") }
                guard let minutes = Int(row["urgent_pickup_minutes"].isEmpty ? "120" : row["urgent_pickup_minutes"]), minutes > 0 else {
                    throw row.problem("urgent_pickup_minutes", "Give the minutes as a whole number, such as 120.")
                }
                let kind = row["kind"].isEmpty ? "hub" : row["kind"]
                guard Hub.Kind(rawValue: kind) != nil else { throw row.problem("kind", "Say hub or team.") }
                hubRecords.append(
                    HubRecord(
                        id: id, name: row["name"], kind: kind, areas: row["areas"].uppercased().replacingOccurrences(of: ";", with: ","),
                        urgentPickupMinutes: minutes))
            }
        }
        var volunteerRecords: [VolunteerRecord] = []
        if let volunteers {
            let today = CivilDate.ukToday
            let centroids = Dictionary(try database.directory.postcodeCentroids().map { ($0.postcode, $0) }, uniquingKeysWith: { a, _ in a })
            try read(volunteers) { row in
                var form = VolunteerApplication.Form()
                form.name = row["Name"]
                form.phone = row["Phone"]
                form.email = row["Email"]
                form.postcode = row["Postcode"]
                form.offers = Self.list(row["Offers"])
                form.slots = Self.list(row["Free"])
                form.travelMiles = row["Travel miles"]
                form.languages = Self.list(row["Languages"]).joined(separator: ",")
                form.drives = row["Drives"].lowercased()
                form.dbsLevel = row["DBS level"]
                form.dbsNumber = row["DBS number"]
                form.consent = "yes"
                let application: VolunteerApplication
                do { application = try VolunteerApplication(form, needs: needs, today: today) } catch let problems as HelpRequestProblems {
                    let first = problems.problems[0]
                    throw row.problem(Self.volunteerColumns[first.field] ?? first.field, first.message)
                }
                guard let status = VolunteerStatus(rawValue: row["Status"].isEmpty ? "applied" : row["Status"].lowercased()) else {
                    throw row.problem("Status", "Say applied, verified, active, paused or left.")
                }
                let renew = row["DBS renew by"]
                if !renew.isEmpty, CivilDate(iso: renew) == nil { throw row.problem("DBS renew by", "Write the date as 2029-12-01.") }
                let applied = row["Applied on"].isEmpty ? AuditTrail.now() : row["Applied on"] + "T09:00:00Z"
                let place = centroids[application.postcode]
                volunteerRecords.append(
                    VolunteerRecord(
                        name: application.name, phone: application.phone, email: application.email, postcode: application.postcode,
                        latitude: place?.latitude, longitude: place?.longitude, travelMetres: application.travelMetres,
                        offers: application.offers.joined(separator: ","),
                        slots: TimeSlot.all.filter { application.availability.contains($0.availability) }.map(\.id).joined(separator: ","),
                        languages: application.languages.joined(separator: ","), drives: application.drives,
                        dbsLevel: application.dbsLevel.map(VolunteerBureau.levelName), dbsNumber: application.dbsNumber,
                        dbsValidUntil: renew.isEmpty ? nil : renew,
                        dbsVerifiedBy: row["DBS seen by"].isEmpty || renew.isEmpty ? nil : row["DBS seen by"],
                        inductionDone: ["yes", "true", "y"].contains(row["Induction done"].lowercased()), status: status.rawValue, appliedAt: applied,
                        updatedAt: applied))
            }
        }
        if !hubRecords.isEmpty || !volunteerRecords.isEmpty {
            _ = try database.help.saveVolunteers(
                volunteerRecords, hubs: hubRecords,
                audit: AuditTrail.note(
                    .registerVolunteer, by: actor, subject: "the bureau's files",
                    detail: "\(hubRecords.count) hubs and \(volunteerRecords.count) volunteers loaded through the command line"))
            summary.hubs = hubRecords.count
            summary.volunteers = volunteerRecords.count
        }
        if let requests {
            let loaded = try loadRequests(requests, by: actor)
            summary.requests = loaded.requests
            summary.tasks = loaded.tasks
        }
        return summary
    }

    /// The volunteer form's fields as the bureau's file names its columns.
    static let volunteerColumns = [
        "name": "Name", "phone": "Phone", "email": "Email", "postcode": "Postcode", "offers": "Offers", "slots": "Free", "travel": "Travel miles",
        "languages": "Languages", "drives": "Drives", "dbs-level": "DBS level", "dbs-number": "DBS number",
    ]

    private func loadRequests(_ file: URL, by actor: String) throws -> (requests: Int, tasks: Int) {
        let hubs = try HelpDesk(database: database, needs: needs).hubs()
        let router = HubRouter(hubs: hubs)
        let volunteers = Set(try database.help.volunteers(statuses: []).compactMap(\.id))
        var items: [HelpHistoryItem] = []
        var taskCount = 0
        let normaliser = HelplineRow.normaliser(referenceDate: .ukToday)
        try read(file) { row in
            guard let takenAt = Timestamp.date(row["Taken at"]) else { throw row.problem("Taken at", "Write the time as 2026-11-02T09:30:00Z.") }
            let day = CivilDate(daysSinceEpoch: Int(takenAt.timeIntervalSince1970 / 86_400))
            let caller: Caller
            do {
                caller = try Caller(
                    .init(
                        givenName: row["First name"], familyName: row["Last name"], dateOfBirth: row["Date of birth"], phone: row["Phone"],
                        email: row["Email"], address: row["Address"], postcode: row["Postcode"]), today: day)
            } catch let problems as HelpRequestProblems {
                let first = problems.problems[0]
                throw row.problem(Self.callerColumns[first.field] ?? first.field, first.message)
            }
            let request: HelpRequest
            do {
                request = try HelpRequest(
                    .init(
                        needs: Self.list(row["Needs"]), urgency: row["Urgency"], details: row["Details"], dietaryNeeds: row["Dietary"],
                        language: row["Language"], contactBy: row["Contact by"].isEmpty ? "phone" : row["Contact by"], consentToShare: row["Consent"],
                        channel: row["Channel"]), needs: needs)
            } catch let problems as HelpRequestProblems {
                let first = problems.problems[0]
                throw row.problem(Self.requestColumns[first.field] ?? first.field, first.message)
            }
            guard let status = RequestStatus(rawValue: row["Status"].isEmpty ? "to-do" : row["Status"]) else {
                throw row.problem("Status", "Say to-do, in-progress, blocked, done or cancelled.")
            }
            for column in ["First contact at", "Closed at"] where !row[column].isEmpty && Timestamp.date(row[column]) == nil {
                throw row.problem(column, "Write the time as 2026-11-02T09:30:00Z.")
            }
            let hub = router.hub(postcode: caller.postcode, area: nil)
            let createdAt = Timestamp.text(takenAt)
            let closedAt = row["Closed at"].isEmpty ? nil : row["Closed at"]
            let takenBy = row["Taken by"].isEmpty ? actor : row["Taken by"]
            let record = HelpRequestRecord(
                personId: nil, callerName: caller.name, phone: caller.phone, email: caller.email, address: caller.address, postcode: caller.postcode,
                area: caller.postcode.flatMap(HubRouter.district), hubId: hub?.id, needs: request.needs.map(\.id).joined(separator: ","),
                urgency: request.urgency.rawValue, details: request.details, dietaryNeeds: request.dietaryNeeds,
                culturalPreferences: request.culturalPreferences, language: request.language, contactBy: request.contactBy.rawValue,
                consentToShare: request.consentToShare, channel: request.channel.rawValue, status: status.rawValue,
                assignedTo: status.isOpen && status != .toDo ? takenBy : nil, dueOn: request.due(madeOn: day).description, createdAt: createdAt,
                createdBy: takenBy, firstContactAt: row["First contact at"].isEmpty ? nil : row["First contact at"], closedAt: closedAt,
                updatedAt: closedAt ?? createdAt)
            var tasks: [VolunteerTaskRecord] = []
            let volunteerText = row["Volunteer"].uppercased()
            if !volunteerText.isEmpty {
                guard let volunteer = Int64(volunteerText.hasPrefix("V-") ? String(volunteerText.dropFirst(2)) : volunteerText),
                    volunteers.contains(volunteer)
                else { throw row.problem("Volunteer", "There is no volunteer \(row["Volunteer"]) in the bureau: load the volunteers first.") }
                let given = row["Hours"].isEmpty ? nil : Double(row["Hours"])
                if !row["Hours"].isEmpty, given == nil { throw row.problem("Hours", "Give the hours as a number, like 1.5.") }
                // Hours are given once the help is done.
                let hours = status == .done ? given : nil
                tasks.append(
                    VolunteerTaskRecord(
                        requestId: 0, volunteerId: volunteer, need: request.needs[0].id,
                        status: status == .done
                            ? TaskStatus.completed.rawValue : status == .cancelled ? TaskStatus.cancelled.rawValue : TaskStatus.assigned.rawValue,
                        assignedAt: row["First contact at"].isEmpty ? createdAt : row["First contact at"], assignedBy: takenBy,
                        updatedAt: closedAt ?? createdAt,
                        hours: hours))
                taskCount += 1
            }
            let fixed = (caller, request)
            items.append(
                HelpHistoryItem(
                    request: record,
                    helpline: HelplineRows(
                        sourceName: HelplineRow.sourceName, day: day.description, columns: HelplineRow.lettered,
                        rows: { id in
                            HelplineRow.cells(reference: HelpRequestRecord.reference(id), day: day, caller: fixed.0, request: fixed.1).map {
                                (cells: $0, changes: normaliser.changes($0))
                            }
                        }, recordedBy: takenBy), tasks: tasks))
        }
        let stored = try database.help.importRequests(
            items,
            audit: AuditTrail.note(
                .takeRequest, by: actor, subject: file.lastPathComponent, personCount: 0,
                detail: "\(items.count) earlier requests loaded through the command line"))
        return (stored, taskCount)
    }

    static let callerColumns = [
        "given-name": "First name", "family-name": "Last name", "date-of-birth": "Date of birth", "phone": "Phone", "email": "Email",
        "address": "Address", "postcode": "Postcode",
    ]
    static let requestColumns = [
        "needs": "Needs", "urgency": "Urgency", "details": "Details", "dietary": "Dietary", "language": "Language", "contact-by": "Contact by",
        "consent": "Consent", "channel": "Channel",
    ]

    /// One row of a file, its cells by header.
    struct Row {
        var file: String
        var number: Int
        var byHeader: [String: Int]
        var cells: [String]

        subscript(header: String) -> String {
            guard let index = byHeader[header.lowercased()], index < cells.count else { return "" }
            return cells[index].trimmingCharacters(in: .whitespaces)
        }

        func problem(_ column: String, _ message: String) -> Problem {
            let letter = byHeader[column.lowercased()].map { ColumnLetters.letters(forIndex: $0) } ?? "?"
            return Problem(file: file, row: number, column: "\(letter) (\(column))", message: message)
        }
    }

    private func read(_ url: URL, _ body: (Row) throws -> Void) throws {
        let reader = try TableReader(url: url)
        var byHeader: [String: Int] = [:]
        try reader.read(sheet: nil) { layout in
            for (index, name) in layout.columnNames.enumerated() { byHeader[name.trimmingCharacters(in: .whitespaces).lowercased()] = index }
        } onRow: { row in
            guard !row.isBlank else { return }
            try body(Row(file: url.lastPathComponent, number: row.number, byHeader: byHeader, cells: row.cells))
        }
    }

    /// `a;b; c` as `["a", "b", "c"]`.
    static func list(_ text: String) -> [String] {
        text.split(whereSeparator: { $0 == ";" || $0 == "," }).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
