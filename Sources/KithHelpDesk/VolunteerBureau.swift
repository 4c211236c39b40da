import Foundation
import KithAccess
import KithDirectory
import KithHelp
import KithSpreadsheet
import KithStore

/// The volunteer bureau over the store: applications from the public form, the bureau's own records and their
/// changes (verified, DBS check seen, induction done, active, paused, left). Each change is audited; an application
/// is audited as the public form's, with the volunteer's number and never their details.
public struct VolunteerBureau: Sendable {
    public let database: any Store

    public init(database: any Store) {
        self.database = database
    }

    /// Stores an application as `applied` (or, when the bureau enters someone it knows, with the status given),
    /// placed at its postcode's centroid when Kith knows it.
    @discardableResult
    public func register(
        _ application: VolunteerApplication, status: VolunteerStatus = .applied, by actor: String, via door: AuditTrail.Door
    ) throws -> VolunteerRecord {
        let now = AuditTrail.now()
        let place = try database.directory.postcodeCentroid(application.postcode)
        let record = VolunteerRecord(
            name: application.name, phone: application.phone, email: application.email, postcode: application.postcode,
            latitude: place?.latitude, longitude: place?.longitude, travelMetres: application.travelMetres,
            offers: application.offers.joined(separator: ","),
            slots: TimeSlot.all.filter { application.availability.contains($0.availability) }.map(\.id).joined(separator: ","),
            languages: application.languages.joined(separator: ","), drives: application.drives, skills: application.skills,
            experience: application.experience, references: application.references, dbsLevel: application.dbsLevel.map(Self.levelName),
            dbsNumber: application.dbsNumber, status: status.rawValue, appliedAt: now, updatedAt: now)
        return try database.help.saveVolunteer(record) { stored in
            AuditTrail.note(.registerVolunteer, by: actor, subject: stored.reference, detail: "\(status.rawValue) through \(door.rawValue)")
        }
    }

    /// What the bureau changes of a volunteer.
    public enum Change: Sendable, Equatable {
        case status(VolunteerStatus)
        /// The DBS certificate seen: its level, number and the date the bureau wants it renewed by.
        case dbsVerified(DBSCheck.Level, number: String, validUntil: CivilDate)
        case inductionDone(Bool)
    }

    public func change(_ id: Int64, _ changes: [Change], by signedIn: SignedIn, via door: AuditTrail.Door) throws -> VolunteerRecord {
        guard signedIn.can(.manageVolunteers) else { throw HelpDeskError.notAllowed }
        guard var record = try database.help.volunteer(id: id) else { throw HelpDeskError.unknownVolunteer(id) }
        var said: [String] = []
        for change in changes {
            switch change {
            case .status(let status):
                guard status.rawValue != record.status else { continue }
                record.status = status.rawValue
                said.append(status.rawValue)
            case .dbsVerified(let level, let number, let until):
                guard number.count == 12, number.allSatisfy(\.isNumber) else {
                    throw HelpDeskError.invalid(field: "dbs-number", message: "A DBS certificate number is 12 digits.")
                }
                record.dbsLevel = Self.levelName(level)
                record.dbsNumber = number
                record.dbsValidUntil = until.description
                record.dbsVerifiedBy = signedIn.name
                said.append("DBS \(Self.levelName(level)) verified until \(until)")
            case .inductionDone(let done):
                guard done != record.inductionDone else { continue }
                record.inductionDone = done
                said.append(done ? "induction done" : "induction not done")
            }
        }
        guard !said.isEmpty else { return record }
        record.updatedAt = AuditTrail.now()
        return try database.help.saveVolunteer(record) { stored in
            AuditTrail.note(
                .updateVolunteer, by: signedIn.name, subject: stored.reference, detail: said.joined(separator: "; ") + " through \(door.rawValue)")
        }
    }

    /// A volunteer as the matcher reads them, with their open tasks.
    public static func volunteer(_ record: VolunteerRecord, openTasks: Int) -> Volunteer {
        let dbs: DBSCheck? =
            if let level = record.dbsLevel.flatMap(level(named:)), let number = record.dbsNumber, record.dbsVerifiedBy != nil,
                let until = record.dbsValidUntil.flatMap(CivilDate.init(iso:))
            {
                DBSCheck(level: level, number: number, validUntil: until)
            } else { nil }
        return Volunteer(
            id: String(record.id ?? 0), name: record.name, offers: Set(list(record.offers)),
            availability: list(record.slots).compactMap { TimeSlot(id: $0)?.availability },
            home: record.latitude.flatMap { latitude in record.longitude.map { GeoPoint(latitude: latitude, longitude: $0) } },
            travelMetres: record.travelMetres, languages: Set(list(record.languages)), drives: record.drives, dbs: dbs,
            status: VolunteerStatus(rawValue: record.status) ?? .applied, openTasks: openTasks)
    }

    /// A comma-separated list as stored.
    static func list(_ text: String) -> [String] {
        text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    public static func levelName(_ level: DBSCheck.Level) -> String {
        switch level {
        case .basic: "basic"
        case .standard: "standard"
        case .enhanced: "enhanced"
        case .enhancedWithBarredLists: "enhanced-barred"
        }
    }

    public static func level(named name: String) -> DBSCheck.Level? {
        DBSCheck.Level.allCases.first { levelName($0) == name }
    }
}
