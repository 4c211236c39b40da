import Foundation
import KithSpreadsheet
import KithStandard
import KithStore

/// Keeps every person's profile in the store up to date, so that contact lists, scoring and person pages read
/// one stored profile per person instead of rebuilding every profile from every row.
///
/// ``refresh()`` compares what the profiles were built from (the latest link run, import and contact) with the
/// store and rebuilds only the persons that changed: those a link run gave or took rows from or merged, those
/// with rows on a list a newer import of its source replaced, and those with a contact recorded since. A store
/// whose profiles were never built (one from before they were kept) has them all built on first use.
public struct ProfileTable: Sendable {
    public let database: any Store
    /// Persons rebuilt per transaction.
    static let batchSize = 2_000

    public init(database: any Store) {
        self.database = database
    }

    /// Whether the stored profiles are up to date with the store.
    public func isCurrent() throws -> Bool {
        try database.profiles.state() == database.profiles.currentSources()
    }

    /// Brings the stored profiles up to date and returns how many persons were rebuilt (zero when none changed).
    @discardableResult
    public func refresh() throws -> Int {
        let current = try database.profiles.currentSources()
        let state = try database.profiles.state()
        guard state != current else { return 0 }
        let ids: [String]
        if let state {
            var changed = Set<String>()
            if state.linkRunId != current.linkRunId { changed.formUnion(try database.profiles.personsChanged(sinceLinkRun: state.linkRunId)) }
            if state.importId != current.importId { changed.formUnion(try database.profiles.personsOnListsSuperseded(sinceImport: state.importId)) }
            if state.contactId != current.contactId {
                for personID in try database.profiles.personsContacted(sinceContact: state.contactId) {
                    changed.insert(try database.linkage.resolvePerson(personID) ?? personID)
                }
            }
            ids = changed.sorted()
        } else {
            try database.profiles.removeAll()
            ids = try database.profiles.personIDsWithRows()
        }
        try rebuild(ids)
        try placeBySchool()
        try database.profiles.save([], removing: [], state: current)
        return ids.count
    }

    /// Builds these persons' profiles again from their rows, in batches; a person with no rows left loses theirs.
    private func rebuild(_ ids: [String]) throws {
        guard !ids.isEmpty else { return }
        let imports = try StoredImports(database: database)
        let contacts = try PersonProfileReader.contactsByPerson(database)
        var start = 0
        while start < ids.count {
            let batch = Array(ids[start..<min(start + Self.batchSize, ids.count)])
            start += batch.count
            let rows = try database.profiles.rows(ofPersons: batch)
            var stored: [StoredProfile] = []
            var removing: [String] = []
            for personID in batch {
                guard let personRows = rows[personID], !personRows.isEmpty else {
                    removing.append(personID)
                    continue
                }
                var builder = ProfileBuilder(personID: personID)
                for row in personRows { builder.add(row, imports: imports) }
                stored.append(builder.snapshot(contacts: contacts[personID] ?? []).stored(rowCount: personRows.count))
            }
            try database.profiles.save(stored, removing: removing, state: nil)
        }
    }

    /// Places everyone without an area of their own in their school's area, else in "Area not known" (see
    /// ``SchoolAreas``), changing only those whose place changed.
    private func placeBySchool() throws {
        let areas = SchoolAreas(counts: try database.profiles.schoolAreaCounts())
        let moves = try database.profiles.profilesWithoutOwnArea().compactMap { person -> (personId: String, area: String, fromSchool: Bool)? in
            let place = areas.place(schoolKey: person.schoolKey)
            return place.area == person.area && place.fromSchool == person.fromSchool ? nil : (person.personId, place.area, place.fromSchool)
        }
        if !moves.isEmpty { try database.profiles.place(moves) }
    }

    /// The stored profiles of these persons as of a day, by id, placed in their area; persons without one are left out.
    func profiles(of personIDs: [String], asOf referenceDate: CivilDate) throws -> [String: PersonProfile] {
        var tags: [String: HXLTag] = [:]
        var profiles: [String: PersonProfile] = [:]
        var start = 0
        while start < personIDs.count {
            let batch = Array(personIDs[start..<min(start + 5_000, personIDs.count)])
            start += batch.count
            for stored in try database.profiles.profiles(of: batch) {
                profiles[stored.personId] = try Self.profile(stored, asOf: referenceDate, tags: &tags)
            }
        }
        return profiles
    }

    /// Calls `body` with the profile of everyone on a latest list, as of a day, in person id order.
    func forEachProfile(asOf referenceDate: CivilDate, _ body: (PersonProfile) throws -> Void) throws {
        var tags: [String: HXLTag] = [:]
        try database.profiles.forEachProfile(onLatestListOnly: true) { stored in
            try body(try Self.profile(stored, asOf: referenceDate, tags: &tags))
        }
    }

    static func profile(_ stored: StoredProfile, asOf referenceDate: CivilDate, tags: inout [String: HXLTag]) throws -> PersonProfile {
        guard let snapshot = ProfileSnapshot(decoding: stored.data, tags: &tags) else { throw OutreachError.unreadableProfile(stored.personId) }
        var profile = snapshot.profile(asOf: referenceDate)
        profile.area = stored.area
        profile.areaFromSchool = stored.areaFromSchool
        return profile
    }
}
