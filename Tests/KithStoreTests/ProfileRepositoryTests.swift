import Foundation
import GRDB
import Testing

@testable import KithStore

/// The kept profiles' store side: which persons a link run, a newer import or a contact changed, and saving,
/// placing and reading profiles.
struct ProfileRepositoryTests {
    static func profile(_ id: String, rows: Int, area: String? = "HY1", school: String? = nil) -> StoredProfile {
        StoredProfile(
            personId: id, onLatestList: true, hasOwnArea: area != nil, area: area, areaFromSchool: false, school: school, schoolURN: nil,
            schoolKey: school?.lowercased(), lastContactDay: nil, latestDay: nil, isDeceased: false, doNotContact: false, hasMoved: false,
            rowCount: rows, data: Data([1, 2, 3])
        )
    }

    @Test func aMergeAndANewerListAndAContactEachNameThePersonsTheyChanged() throws {
        try LinkageRepositoryTests.withStore { database in
            let (rows, run) = try LinkageRepositoryTests.firstRun(in: database)
            let profiles = database.profiles
            #expect(try profiles.state() == nil)
            #expect(try profiles.personIDsWithRows() == ["KP-0000001", "KP-0000002"])
            #expect(try profiles.rows(ofPersons: ["KP-0000002"])["KP-0000002"]?.map(\.rowId) == [rows[1], rows[3]])
            let built = try profiles.currentSources()
            try profiles.save([Self.profile("KP-0000001", rows: 2), Self.profile("KP-0000002", rows: 2)], removing: [], state: built)
            #expect(try profiles.state() == built)
            #expect(try profiles.personsChanged(sinceLinkRun: run.id).isEmpty)

            // A later run merges the second person into the first: both are named, the first as having gained rows.
            _ = try database.linkage.saveRun(
                LinkageRepositoryTests.run(mode: .incremental, lastSourceRowId: rows[3]), replacingPairs: false, newPersons: [],
                merges: [(from: "KP-0000002", into: "KP-0000001")], assignments: [], pairs: [], snapshot: nil
            )
            #expect(try profiles.personsChanged(sinceLinkRun: run.id) == ["KP-0000001", "KP-0000002"])
            #expect(try profiles.currentSources() != built)

            // A newer food bank list replaces the one whose rows were the second person's.
            #expect(try profiles.personsOnListsSuperseded(sinceImport: built.importId).isEmpty)
            try LinkageRepositoryTests.importRows([["Ann Smyth", "01/02/1950"]], source: "Food bank referrals", into: database)
            #expect(try profiles.personsOnListsSuperseded(sinceImport: built.importId) == ["KP-0000001"])
            #expect(try profiles.unlinkedRowCount() == 1)

            _ = try database.outreach.recordContact(
                ContactRecord(personId: "KP-0000001", outcome: .reached, contactedOn: "2026-11-20", note: nil, recordedBy: "t", recordedAt: "t")
            )
            #expect(try profiles.personsContacted(sinceContact: built.contactId) == ["KP-0000001"])
        }
    }

    @Test func placesAreasAndSchoolsAreReadBack() throws {
        try LinkageRepositoryTests.withStore { database in
            let profiles = database.profiles
            try profiles.save(
                [
                    Self.profile("KP-1", rows: 1, area: "HY1", school: "Oakwood"), Self.profile("KP-2", rows: 1, area: "HY2", school: "Oakwood"),
                    Self.profile("KP-3", rows: 1, area: "HY1", school: "Oakwood"), Self.profile("KP-4", rows: 1, area: nil, school: "Oakwood"),
                ],
                removing: [], state: nil
            )
            #expect(try profiles.schoolAreaCounts() == ["oakwood": ["HY1": 2, "HY2": 1]])
            #expect(try profiles.profilesWithoutOwnArea().map(\.personId) == ["KP-4"])
            try profiles.place([(personId: "KP-4", area: "HY1", fromSchool: true)])
            let placed = try #require(try profiles.profiles(of: ["KP-4"]).first)
            #expect(placed.area == "HY1" && placed.areaFromSchool && placed.data == Data([1, 2, 3]))
            #expect(try profiles.areasAndSchools(among: nil).areas == ["HY1", "HY2"])
            let scoped = try profiles.areasAndSchools(among: ["KP-2"])
            #expect(scoped.areas == ["HY2"] && scoped.schools == ["Oakwood"])
            try profiles.save([], removing: ["KP-1"], state: nil)
            var seen: [String] = []
            try profiles.forEachProfile(onLatestListOnly: true) { seen.append($0.personId) }
            #expect(seen == ["KP-2", "KP-3", "KP-4"])
        }
    }
}
