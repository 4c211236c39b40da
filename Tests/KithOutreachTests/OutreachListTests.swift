import Foundation
import KithIngest
import KithOutreach
import KithPersons
import KithSpreadsheet
import KithStore
import KithTestSupport
import KithVulnerability
import Testing

/// The contact list: its order, its exports (marking, formula safety, one file per school), the audit trail, and
/// outcomes that move people down.
struct OutreachListTests {
    @Test func theListPutsPurpleFirstThenTheLeastRecentlyContacted() throws {
        let borough = try ScoredBorough(people: 5_000, seed: 31)
        let entries = try borough.list().entries
        #expect(entries.count == borough.summary.persons.count)
        for (before, after) in zip(entries, entries.dropFirst()) {
            #expect(before.band >= after.band)
            if before.band == after.band {
                #expect((before.profile.lastContact?.daysSinceEpoch ?? .min) <= (after.profile.lastContact?.daysSinceEpoch ?? .min))
            }
        }
        #expect(entries.first?.band == .purple)
        // Welfare checks for vulnerable children not attending school come first among the never-contacted Purple.
        let welfare = entries.filter { $0.reasons.contains { $0.factor == "vulnerable-child-not-attending" } }
        #expect(!welfare.isEmpty)
        #expect(welfare.allSatisfy { $0.band == .purple && $0.action.hasPrefix("Welfare check") })

        let children = try borough.list(OutreachFilter(bands: [.purple, .red], cohort: .child, limit: 5)).entries
        #expect(children.count == 5)
        #expect(children.allSatisfy { $0.cohort == .child && $0.band >= .red })
    }

    @Test func anOutcomeMovesAPersonDownTheList() throws {
        let borough = try ScoredBorough(people: 4_000, seed: 32)
        let before = try borough.list(OutreachFilter(bands: [.red])).entries
        let person = try #require(before.first).profile.personID
        _ = try ContactRecorder(database: borough.database).record(
            personID: person, outcome: .reached, on: ScoredBorough.asOf, note: nil, by: "worker")
        let after = try borough.list(OutreachFilter(bands: [.red])).entries
        let position = try #require(after.firstIndex { $0.profile.personID == person })
        #expect(position > 0)
        #expect(after[position].profile.lastContact == ScoredBorough.asOf)
        #expect(after[position].profile.lastContactSource == "Kith: reached")

        _ = try ContactRecorder(database: borough.database).record(personID: person, outcome: .moved, on: ScoredBorough.asOf, note: nil, by: "worker")
        let moved = try borough.list(OutreachFilter(bands: [.red]))
        #expect(!moved.entries.contains { $0.profile.personID == person })
        #expect(moved.movedCount == 1)
        #expect(throws: OutreachError.unknownPerson("KP-9999999")) {
            try ContactRecorder(database: borough.database).record(
                personID: "KP-9999999", outcome: .reached, on: ScoredBorough.asOf, note: nil, by: "x")
        }
        let audit = try borough.database.audit.events(AuditQuery(limit: 10))
        #expect(audit.filter { $0.action == "record-contact" && $0.subject == person }.count == 2)
    }

    @Test func viewingAListIsAuditedOnceWithThePersonsShownWhicheverDoor() async throws {
        let borough = try ScoredBorough(people: 2_000, seed: 34)
        let filter = OutreachFilter(bands: [.red, .amber])
        let order = try OutreachList.order(database: borough.database, filter: filter, referenceDate: ScoredBorough.asOf)
        try #require(order.personIDs.count > 15)
        let watch = AuditTrailWatch(database: borough.database)
        var list: OutreachList?
        let viewed = try await watch.entries {
            list = try OutreachList.view(
                order, from: 10, reading: 5, filter: filter, database: borough.database, referenceDate: ScoredBorough.asOf,
                viewedBy: "worker", through: .web
            )
        }
        let shown = try #require(list).entries.map(\.profile.personID)
        #expect(shown == Array(order.personIDs[10..<15]))
        #expect(list?.listedCount == order.personIDs.count)
        #expect(viewed == [AuditEntry(.viewOutreach, by: "worker", subject: "contact list", personIDs: Set(shown))])
        #expect(viewed.first?.detail == "bands Red, Amber; \(order.personIDs.count) listed, 5 shown from 11")

        let throughAPI = try await watch.entries {
            _ = try OutreachList.view(
                order, reading: 3, filter: filter, database: borough.database, referenceDate: ScoredBorough.asOf, viewedBy: "worker",
                through: .api
            )
        }
        let first = Set(order.personIDs.prefix(3))
        #expect(throughAPI == [AuditEntry(.viewOutreach, by: "worker", subject: "api: contact list", personIDs: first)])
        #expect(throughAPI.first?.detail == "bands Red, Amber; \(order.personIDs.count) listed, 3 shown")
    }

    @Test func exportsAreMarkedSplitBySchoolAndAudited() throws {
        let borough = try ScoredBorough(people: 4_000, seed: 33)
        let filter = OutreachFilter(cohort: .child)
        let list = try borough.list(filter)
        let export = OutreachExport(database: borough.database, exportedBy: "analyst", referenceDate: ScoredBorough.asOf)
        let folder = borough.folder.url.appendingPathComponent("weekly")
        let files = try export.write(list, to: folder, split: .school, folderFormat: .xlsx, filter: filter)
        #expect(files.count > 3)
        #expect(files.reduce(0) { $0 + $1.personCount } == list.entries.count)
        let schoolFile = try #require(files.first { $0.group != nil })
        let table = try WrittenTable(schoolFile.url)
        #expect(table.preamble.first?.first?.hasPrefix("OFFICIAL-SENSITIVE") == true)
        #expect(table.header == OutreachExport.columns)
        #expect(Set(table.column("school")) == [schoolFile.group!])
        #expect(table.rows.count == schoolFile.personCount)
        let audit = try borough.database.audit.events(AuditQuery(limit: 100)).filter { $0.action == "export-outreach" }
        #expect(audit.count == files.count)
        #expect(audit.allSatisfy { $0.actor == "analyst" && $0.detail.contains("cohort child") })
        #expect(audit.contains { $0.subject == schoolFile.url.lastPathComponent && $0.personCount == schoolFile.personCount })

        #expect(throws: OutreachError.outputNeedsFolder(folder.appendingPathComponent("x.csv").path)) {
            try export.write(list, to: folder.appendingPathComponent("x.csv"), split: .school, filter: filter)
        }
    }

    @Test func formulaInjectionIsNeutralisedInCSVAndXLSX() throws {
        let folder = try TemporaryFolder()
        let database = try KithDatabase.open(path: folder.url.appendingPathComponent("kith.sqlite").path)
        let hostile = """
            Forename,Surname,Date of Birth,Address,Postcode,Telephone,Lives Alone,Last Contact Date
            "=HYPERLINK(""http://evil.example"",""Click"")",Smith,01/02/1940,@SUM(1+1) Mill Lane,HY1 1AA,+44 7700 900123,Y,01/01/2026
            Ann,-Jones,03/04/1941,2 Mill Lane,HY1 1AA,07700 900124,Y,01/01/2026
            """
        let file = try folder.file("adult-social-care.csv", text: hostile)
        try Importer(repository: database.imports).run(
            ImportRequest(file: file, sourceName: "Adult social care", importedBy: "test", referenceDate: ScoredBorough.asOf)
        )
        try PersonIndex(database: database, referenceDate: ScoredBorough.asOf).link(by: "test")
        _ = try VulnerabilityScoring(database: database, matrix: .standard, referenceDate: ScoredBorough.asOf).run(scoredBy: "test")
        let list = try OutreachList.make(database: database, filter: OutreachFilter(), referenceDate: ScoredBorough.asOf)
        #expect(list.entries.count == 2)
        let export = OutreachExport(database: database, exportedBy: "analyst", referenceDate: ScoredBorough.asOf)
        for name in ["list.csv", "list.xlsx"] {
            let url = folder.url.appendingPathComponent(name)
            _ = try export.write(list, to: url, split: nil, filter: OutreachFilter())
            let table = try WrittenTable(url)
            let cells = table.rows.flatMap { $0 }
            #expect(cells.contains("'=HYPERLINK(\"http://evil.example\",\"Click\")"), "\(name)")
            #expect(cells.contains("'-Jones"), "\(name)")
            #expect(cells.contains("'@SUM(1+1) Mill Lane"), "\(name)")
            #expect(!cells.contains { ["=", "+", "-", "@"].contains($0.first.map(String.init) ?? "") }, "\(name)")
        }
    }
}

/// Children only the school list knows (no address, postcode or phone) are the most urgent welfare checks: they
/// must reach a caseworker's area and say how to find them.
struct NoAddressTests {
    @Test func childrenWithNoAddressArePlacedInTheirSchoolsAreaAndSayToAskTheSchool() throws {
        let borough = try ScoredBorough(people: 3_000, seed: 31)
        let entries = try borough.list().entries
        let unplaced = entries.filter { $0.profile.hasNoAddress }
        #expect(unplaced.count > 20, "the generated borough has pupils known to the school list alone")
        // A school lends its pupils' commonest area; a school none of whose pupils has an address on any list lends
        // none, and its pupils go to the area "Area not known", which a team can be given.
        let everyone = try PersonProfileReader(database: borough.database, referenceDate: ScoredBorough.asOf).allProfiles().profiles
        let schoolsWithAnArea = Set(everyone.filter { !$0.hasNoAddress && $0.area != nil }.compactMap(\.schoolURN))
        for entry in unplaced {
            #expect(entry.profile.area != nil, "\(entry.profile.personID) is in an area a team can be given")
            if let school = entry.profile.school {
                #expect(entry.profile.reachNote?.contains("ask the school (\(school)") == true, "\(entry.profile.reachNote ?? "")")
                let lends = entry.profile.schoolURN.map(schoolsWithAnArea.contains) ?? false
                #expect(entry.profile.areaFromSchool == lends)
                #expect(lends || entry.profile.area == SchoolAreas.noAddressArea)
            } else {
                #expect(entry.profile.reachNote?.contains("ask the service") == true, "\(entry.profile.reachNote ?? "")")
                #expect(entry.profile.area == SchoolAreas.noAddressArea)
            }
        }
        #expect(unplaced.contains { $0.profile.areaFromSchool })
        #expect(entries.filter { !$0.profile.hasNoAddress }.allSatisfy { !$0.profile.areaFromSchool && $0.profile.reachNote == nil })
        // The score run places them too, which is what a caseworker's scope reads.
        let run = try #require(try borough.database.outreach.scoreRuns(limit: 1).first?.id)
        let scores = Dictionary(uniqueKeysWithValues: try borough.database.outreach.personScores(inRun: run).map { ($0.personId, $0) })
        let placed = unplaced.filter(\.profile.areaFromSchool)
        #expect(unplaced.allSatisfy { scores[$0.profile.personID]?.area == $0.profile.area })
        // The area filter finds them, and the export says how to reach them.
        let child = try #require(placed.first)
        let inArea = try borough.list(OutreachFilter(area: child.profile.area)).entries
        #expect(inArea.contains { $0.profile.personID == child.profile.personID })
        let file = borough.folder.url.appendingPathComponent("area.csv")
        _ = try OutreachExport(database: borough.database, exportedBy: "test", referenceDate: ScoredBorough.asOf)
            .write(try borough.list(OutreachFilter(area: child.profile.area)), to: file, split: nil, filter: OutreachFilter(area: child.profile.area))
        let table = try WrittenTable(file)
        let row = try #require(table.column("person_id").firstIndex(of: child.profile.personID))
        #expect(table.column("how_to_reach")[row].hasPrefix("No address"))
        #expect(table.column("area")[row].hasSuffix("(their school's)"))
        // One person's card shows the same area, read back from the score run.
        let card = try #require(
            try PersonProfileReader(database: borough.database, referenceDate: ScoredBorough.asOf).profile(of: child.profile.personID))
        #expect(card.area == child.profile.area && card.areaFromSchool)
    }

    @Test func theSuggestedActionNamesTheLeadProfessional() throws {
        let borough = try ScoredBorough(people: 3_000, seed: 31)
        let entries = try borough.list().entries
        let social = entries.filter { $0.action.contains("allocated social worker") }
        #expect(!social.isEmpty)
        for entry in social where entry.profile.involvements.contains(where: { $0.leadProfessional != nil }) {
            #expect(entry.action.contains("Lead professional"), "\(entry.action)")
        }
        #expect(social.contains { $0.action.contains("Lead professional") })
    }
}
