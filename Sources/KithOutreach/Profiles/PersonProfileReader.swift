import Foundation
import KithSpreadsheet
import KithStandard
import KithStore
import KithVulnerability

/// Reads person profiles: one person's from the profiles the store keeps up to date (``ProfileTable``), or every
/// person's rebuilt from their linked rows, tags, imports and recorded contacts (the reference the kept profiles
/// must equal, and what benchmarks compare with).
///
/// A source's latest import is its current picture: factors marked `latest list` read only it, and a person
/// found in no latest import is no longer on any list. Older imports still count for last contact.
public struct PersonProfileReader: Sendable {
    public let database: any Store
    public let referenceDate: CivilDate

    public init(database: any Store, referenceDate: CivilDate) {
        self.database = database
        self.referenceDate = referenceDate
    }

    /// Every linked person's profile, and how many stored rows are waiting to be linked.
    public struct Profiles: Sendable {
        public var profiles: [PersonProfile]
        /// Rows stored since the last `kith link`: not in any profile yet.
        public var unlinkedRowCount: Int
    }

    /// The profiles of every person with at least one row in the latest import of some source, rebuilt from every
    /// stored row.
    public func allProfiles() throws -> Profiles {
        let imports = try StoredImports(database: database)
        let assignments = try database.linkage.personAssignments()
        var builders: [String: ProfileBuilder] = [:]
        var unlinked = 0
        try database.linkage.forEachLinkableRow(after: 0) { row in
            guard let personID = assignments[row.rowId] else {
                unlinked += 1
                return
            }
            builders[personID, default: ProfileBuilder(personID: personID)].add(row, imports: imports)
        }
        let contacts = try Self.contactsByPerson(database)
        let profiles = builders.values
            .filter(\.isOnALatestList)
            .map { $0.profile(contacts: contacts[$0.personID] ?? [], referenceDate: referenceDate) }
            .sorted { $0.personID < $1.personID }
        let schoolAreas = SchoolAreas(profiles: profiles)
        return Profiles(profiles: profiles.map(schoolAreas.placing), unlinkedRowCount: unlinked)
    }

    /// One person's profile, following merges, from the kept profiles (brought up to date first); nil for an
    /// unknown id. People no longer on any list are included.
    public func profile(of personID: String) throws -> PersonProfile? {
        guard let current = try database.linkage.resolvePerson(personID) else { return nil }
        let table = ProfileTable(database: database)
        try table.refresh()
        guard let stored = try database.profiles.profiles(of: [current]).first else { return nil }
        var tags: [String: HXLTag] = [:]
        var profile = try ProfileTable.profile(stored, asOf: referenceDate, tags: &tags)
        guard !stored.hasOwnArea else { return profile }
        // With no address of their own, the latest score run placed them in their school's area or none (`SchoolAreas`).
        profile.area = nil
        profile.areaFromSchool = false
        if let runID = try database.outreach.scoreRuns(limit: 1).first?.id,
            let area = try database.outreach.personScore(inRun: runID, personId: current)?.area, !area.isEmpty
        {
            profile.area = area
            profile.areaFromSchool = area != SchoolAreas.noAddressArea
        }
        return profile
    }

    /// One person's profile rebuilt from their rows, as ``profile(of:)`` was before profiles were kept: the
    /// reference the kept profile must equal.
    public func rebuiltProfile(of personID: String) throws -> PersonProfile? {
        guard let current = try database.linkage.resolvePerson(personID) else { return nil }
        let rowIDs = try database.linkage.records(ofPerson: current).map(\.sourceRowId)
        guard !rowIDs.isEmpty else { return nil }
        let imports = try StoredImports(database: database)
        var builder = ProfileBuilder(personID: current)
        for row in try database.linkage.linkableRows(ids: rowIDs) { builder.add(row, imports: imports) }
        var profile = builder.profile(contacts: try Self.contactsByPerson(database)[current] ?? [], referenceDate: referenceDate)
        if profile.area?.isEmpty ?? true, let runID = try database.outreach.scoreRuns(limit: 1).first?.id,
            let area = try database.outreach.personScore(inRun: runID, personId: current)?.area, !area.isEmpty
        {
            profile.area = area
            profile.areaFromSchool = area != SchoolAreas.noAddressArea
        }
        return profile
    }

    /// Recorded contacts by the id each person is known by now.
    static func contactsByPerson(_ database: any Store) throws -> [String: [ContactRecord]] {
        let merges = PersonMerges(into: try database.outreach.personMerges())
        return Dictionary(grouping: try database.outreach.contacts()) { merges.current($0.personId) }
    }
}

/// What a profile needs to know about imports: each one's tags, file and whether it is its source's latest.
struct StoredImports {
    struct ImportInfo {
        var columns: [(position: Int, tag: HXLTag, entry: DictionaryEntry?)]
        var place: String
        var fileName: String
        var sheet: String?
        var isLatest: Bool
    }

    var byID: [Int64: ImportInfo] = [:]

    init(database: any Store) throws {
        let dictionary = DataDictionary.standard
        let all = try database.imports.imports(ofSourceNamed: nil).filter { $0.status == .complete }
        var latest: [Int64: Int64] = [:]
        for fileImport in all { if let id = fileImport.id { latest[fileImport.sourceId] = max(latest[fileImport.sourceId] ?? id, id) } }
        let columns = try database.linkage.linkableColumns()
        for fileImport in all {
            guard let id = fileImport.id else { continue }
            let tagged = (columns[id] ?? []).compactMap { column -> (Int, HXLTag, DictionaryEntry?)? in
                guard let text = column.tag, let tag = HXLTag(parsing: text) else { return nil }
                return (column.position, tag, dictionary.entry(for: tag))
            }
            let place = fileImport.fileName + (fileImport.sheetName.map { " (\($0))" } ?? "")
            byID[id] = ImportInfo(
                columns: tagged, place: place, fileName: fileImport.fileName, sheet: fileImport.sheetName, isLatest: latest[fileImport.sourceId] == id
            )
        }
    }
}
