import Foundation
import KithDirectory
import KithHelp
import KithSpreadsheet
import KithStore
import Synchronization

/// The active volunteers as the matcher reads them, held in memory between rankings and read again only when the
/// bureau's revision (bumped by the store on every change to a volunteer, from any process) says they changed. Their
/// open tasks, which change all day, are counted afresh for each ranking.
public final class VolunteerPool: Sendable {
    private let held = Mutex<(revision: Int64, volunteers: [Volunteer])?>(nil)

    public init() {}

    /// The active volunteers, from memory when still current.
    func volunteers(in database: any Store) throws -> [Volunteer] {
        let revision = try database.help.volunteerRevision()
        if let held = held.withLock({ $0 }), held.revision == revision { return held.volunteers }
        let loaded = try database.help.matchableVolunteers()
        let volunteers = loaded.volunteers.map(Self.volunteer)
        held.withLock { $0 = (loaded.revision, volunteers) }
        return volunteers
    }

    static func volunteer(_ row: MatchableVolunteer) -> Volunteer {
        let dbs: DBSCheck? =
            if row.dbsVerified, let level = row.dbsLevel.flatMap(VolunteerBureau.level(named:)), let number = row.dbsNumber,
                let until = row.dbsValidUntil.flatMap(CivilDate.init(iso:))
            {
                DBSCheck(level: level, number: number, validUntil: until)
            } else { nil }
        return Volunteer(
            id: String(row.id), name: row.name, offers: Set(VolunteerBureau.list(row.offers)),
            availability: VolunteerBureau.list(row.slots).compactMap { TimeSlot(id: $0)?.availability },
            home: row.latitude.flatMap { latitude in row.longitude.map { GeoPoint(latitude: latitude, longitude: $0) } },
            travelMetres: row.travelMetres,
            languages: Set(VolunteerBureau.list(row.languages)), drives: row.drives, dbs: dbs, status: .active)
    }
}
