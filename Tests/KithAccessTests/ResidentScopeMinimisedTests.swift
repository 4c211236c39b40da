import Foundation
import KithAccess
import KithIngest
import KithOutreach
import KithPersons
import KithSpreadsheet
import KithStore
import KithTestSupport
import KithVulnerability
import Testing

/// What each role sees of a resident, from a real store: a GP register (the council's), a food bank's list (a
/// partner's) and a school's attendance list, imported and linked.
@Suite struct ResidentScopeMinimisedTests {
    static let asOf = CivilDate(year: 2026, month: 11, day: 16)!
    static let foodBank = "Borough Food Bank"

    let folder: TemporaryFolder
    let database: KithDatabase
    /// On the GP register and the food bank's list.
    let savita: PersonProfile
    /// On the GP register (no address) and the school's list.
    let kofi: PersonProfile

    init() throws {
        folder = try TemporaryFolder()
        database = try KithDatabase.open(path: folder.path("kith.sqlite").path)
        let lists = [
            (
                "GP register",
                """
                Given name,Family name,Date of birth,NHS number,Address,Postcode,Phone
                Savita,Gill,04/08/1980,4000000004,1 Mill Lane,HY1 2AB,01632 960001
                Kofi,Mensah,12/03/2015,4000000012,,,01632 960002
                """
            ),
            (
                "Food bank referrals",
                """
                Name,Date of birth,NHS number,Postcode,Dietary needs
                "GILL, Savita",04/08/1980,4000000004,HY1 2AB,No pork
                """
            ),
            (
                "School attendance",
                """
                Legal Forename,Legal Surname,DOB,NHS number,School URN,School Name,Year Group
                Kofi,Mensah,2015-03-12,4000000012,100001,Hill Primary,6
                """
            ),
        ]
        let importer = Importer(repository: database.imports)
        for (source, text) in lists {
            let file = try folder.file(source + ".csv", text: text + "\n")
            try importer.run(ImportRequest(file: file, sourceName: source, importedBy: "test", referenceDate: Self.asOf))
        }
        try ListOwnership(database: database).assign(sourceNamed: "Food bank referrals", to: Self.foodBank, by: "test")
        try PersonIndex(database: database, referenceDate: Self.asOf).link(by: "test")
        let profiles = try PersonProfileReader(database: database, referenceDate: Self.asOf).allProfiles().profiles
        savita = try #require(profiles.first { $0.givenName == "Savita" })
        kofi = try #require(profiles.first { $0.givenName == "Kofi" })
    }

    /// The profile as an account of `role` with `scope` sees it.
    func view(of profile: PersonProfile, by role: Role, in scope: AccessScope) throws -> PersonProfile {
        try ResidentScope(database: database, scope: scope).minimised(profile, showing: .fields(for: role))
    }

    @Test func theStoreLinksEachPersonAcrossTheirLists() {
        #expect(Set(savita.involvements.map(\.source)) == ["GP register", "Food bank referrals"])
        #expect(Set(kofi.involvements.map(\.source)) == ["GP register", "School attendance"])
        #expect(savita.nhsNumber == "4000000004" && savita.address == "1 Mill Lane")
    }

    @Test(arguments: [(Role.admin, AccessScope.everyone), (.analyst, .everyone), (.caseworker, .area("HY1"))])
    func councilRolesSeeEveryListAndDetail(role: Role, scope: AccessScope) throws {
        for profile in [savita, kofi] {
            let seen = try view(of: profile, by: role, in: scope)
            #expect(seen.rows == profile.rows && seen.involvements.map(\.source) == profile.involvements.map(\.source))
            #expect(seen.nhsNumber == profile.nhsNumber && seen.householdID == profile.householdID && seen.name == profile.name)
        }
        #expect(try ResidentScope(database: database, scope: scope).visibleSources(of: savita) == nil)
    }

    @Test func aPartnerSeesOnlyItsOwnListsRowsAndWhatTheySay() throws {
        let scope = AccessScope.organisation(Self.foodBank)
        #expect(try ResidentScope(database: database, scope: scope).visibleSources(of: savita) == ["Food bank referrals"])
        let seen = try view(of: savita, by: .partner, in: scope)
        #expect(seen.involvements.map(\.source) == ["Food bank referrals"])
        #expect(seen.rows.count == 1 && seen.records.allSatisfy { $0.source == "Food bank referrals" })
        #expect(seen.name == "Savita Gill" && seen.birthDate == CivilDate(year: 1980, month: 8, day: 4))
        #expect(seen.nhsNumber == nil && seen.householdID == nil, "no national identifier, no household")
        // Its own row gives no address or phone, so it keeps the council's, to reach her; and is told so.
        #expect(seen.address == "1 Mill Lane" && seen.postcode == "HY1 2AB" && seen.phone == savita.phone)
        #expect(ResidentFields.fields(for: .partner).councilContact(of: seen)?.contains("1 Mill Lane") == true)
        // Kofi is on none of its lists: nothing any list says of him.
        let stranger = try view(of: kofi, by: .partner, in: scope)
        #expect(stranger.rows.isEmpty && stranger.involvements.isEmpty && stranger.name.isEmpty && stranger.birthDate == nil)
    }

    @Test(arguments: ["100001", "hill primary"])
    func aSchoolSeesOnlyTheRowsThatNameItAsThePupilsSchool(school: String) throws {
        let scope = AccessScope.school(school)
        #expect(try ResidentScope(database: database, scope: scope).visibleSources(of: kofi) == ["School attendance"])
        let seen = try view(of: kofi, by: .school, in: scope)
        #expect(seen.involvements.map(\.source) == ["School attendance"])
        #expect(seen.name == "Kofi Mensah" && seen.nhsNumber == nil && seen.householdID == nil)
        #expect(try ResidentScope(database: database, scope: scope).visibleSources(of: savita) == [])
        #expect(try view(of: savita, by: .school, in: scope).involvements.isEmpty)
    }

    @Test func anAccountWithoutAScopeSeesNoList() throws {
        let scope = AccessScope.nobody
        #expect(try ResidentScope(database: database, scope: scope).visibleSources(of: savita) == [])
        let seen = try view(of: savita, by: .partner, in: scope)
        #expect(seen.rows.isEmpty && seen.involvements.isEmpty && seen.name.isEmpty)
    }

    @Test func aContactListIsCutPersonByPersonAsTheProfilesAre() throws {
        _ = try VulnerabilityScoring(database: database, matrix: .standard, referenceDate: Self.asOf).run(scoredBy: "test")
        let partner = ResidentScope(database: database, scope: .organisation(Self.foodBank))
        let list = try OutreachList.make(
            database: database, filter: OutreachFilter(), referenceDate: Self.asOf, restrictedTo: try partner.personIDs()
        )
        #expect(list.entries.map(\.profile.personID) == [savita.personID])
        let seen = try partner.minimised(list, showing: .fields(for: .partner))
        let profile = try #require(seen.entries.first?.profile)
        #expect(profile.involvements.map(\.source) == ["Food bank referrals"] && profile.nhsNumber == nil)

        let whole = try OutreachList.make(database: database, filter: OutreachFilter(), referenceDate: Self.asOf)
        let analyst = try ResidentScope(database: database, scope: .everyone).minimised(whole, showing: .fields(for: .analyst))
        #expect(analyst.entries.map(\.profile.involvements.count) == whole.entries.map(\.profile.involvements.count))
        #expect(analyst.entries.contains { $0.profile.nhsNumber != nil })
    }

    @Test func theReachNoteIsForEveryoneButTheSchoolItWouldSendThemTo() throws {
        let note = try #require(kofi.reachNote)
        #expect(note.contains("ask the school (Hill Primary"))
        #expect(ResidentFields.fields(for: .school).reachNote(of: kofi) == nil)
        for role in [Role.admin, .analyst, .caseworker, .partner] {
            #expect(ResidentFields.fields(for: role).reachNote(of: kofi) == note, "\(role)")
        }
    }
}
