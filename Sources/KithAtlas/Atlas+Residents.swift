import Foundation
import KithAccess
import KithOutreach
import KithPlaces
import KithSpreadsheet
import KithStore

/// A resident Kith knows in an area, as a contact list for a low engagement zone shows them.
public struct AreaResident: Sendable, Equatable {
    public var personID: String
    public var name: String
    public var band: String?
    public var lastContact: CivilDate?
    public var phone: String?
}

extension Atlas {
    /// The residents on a latest list whose postcode lies in an area and whom the account reaches: Purple first,
    /// then Red, Amber, Green and unscored, and within a band the longest since contact first, as a contact list
    /// orders them. The view is audited with every resident shown.
    public func residents(
        inArea code: String, level: AreaLevel, for signedIn: SignedIn, via door: AuditTrail.Door, today: CivilDate = .ukToday
    ) throws -> [AreaResident] {
        guard signedIn.can(.viewOutreach) else { throw AtlasError.notAllowed }
        var ids = try database.places.persons(inArea: code, level: level.rawValue)
        if let reached = try ResidentScope(database: database, scope: signedIn.scope).personIDs() {
            ids = ids.filter { reached.contains($0) }
        }
        let reader = PersonProfileReader(database: database, referenceDate: today)
        let run = try database.outreach.scoreRuns(limit: 1).first?.id
        let scores = try run.map { try database.outreach.personScores(inRun: $0, personIds: ids) } ?? [:]
        let showsPhone = ResidentFields.fields(for: signedIn.role).withheldColumns.contains("phone") == false
        var residents: [AreaResident] = []
        for id in ids {
            guard let profile = try reader.profile(of: id), !profile.isDeceased, !profile.doNotContact else { continue }
            residents.append(
                AreaResident(
                    personID: id, name: profile.name, band: scores[id]?.band, lastContact: profile.lastContact,
                    phone: showsPhone ? profile.phone : nil))
        }
        let order = ["purple": 0, "red": 1, "amber": 2, "green": 3]
        residents.sort {
            (order[$0.band ?? ""] ?? 4, $0.lastContact?.daysSinceEpoch ?? Int.min, $0.personID) < (
                order[$1.band ?? ""] ?? 4, $1.lastContact?.daysSinceEpoch ?? Int.min, $1.personID
            )
        }
        try AuditTrail(database: database).record(
            .viewOutreach, by: signedIn.name, subject: "residents of area \(code)", personIDs: residents.map(\.personID),
            detail: "area contact list (\(level.rawValue)) through \(door.rawValue)")
        return residents
    }
}
