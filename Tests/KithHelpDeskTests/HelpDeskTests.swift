import Foundation
import KithAccess
import KithHelp
import KithIngest
import KithOutreach
import KithPersons
import KithSpreadsheet
import KithStore
import KithTestSupport
import KithVulnerability
import Testing

@testable import KithHelpDesk

/// Taking and working requests through the library every door uses, over a real store: routing to the hub of the
/// resident's address, the helpline's own rows (linked by the linkage engine, read by the vulnerability matrix), the
/// request's history, lost updates refused, consent and DBS rules, a volunteer's minimum view, and a request done as a
/// contact on the person's record.
@Suite struct HelpDeskTests {
    static let asOf = CivilDate(year: 2026, month: 11, day: 16)!

    let folder: TemporaryFolder
    let database: KithDatabase
    let desk: HelpDesk
    let bureau: VolunteerBureau
    let savita: String

    init() throws {
        folder = try TemporaryFolder()
        database = try KithDatabase.open(path: folder.path("kith.sqlite").path)
        let file = try folder.file(
            "GP register.csv",
            text: """
                Given name,Family name,Date of birth,NHS number,Address,Postcode,Phone
                Savita,Gill,04/08/1980,4000000004,1 Mill Lane,HY1 2AB,01632 960001
                Kofi,Mensah,12/03/1990,4000000012,2 Mill Lane,HY1 2AB,01632 960002
                Ann,Smith,01/02/1950,4000000020,3 Church Street,HY2 5CD,01632 960003
                Mary,Jones,11/09/1944,4000000039,4 Church Street,HY2 5CD,01632 960004

                """)
        try Importer(repository: database.imports).run(
            ImportRequest(file: file, sourceName: "GP register", importedBy: "test", referenceDate: Self.asOf))
        try PersonIndex(database: database, referenceDate: Self.asOf).link(by: "test")
        savita = try #require(try database.linkage.personOfRow(1))
        desk = HelpDesk(database: database)
        bureau = VolunteerBureau(database: database)
        try desk.saveHub(Hub(id: "north", name: "North hub", areas: ["HY1"]), by: "test")
        try desk.saveHub(Hub(id: "south", name: "South hub", areas: ["hy2"]), by: "test")
        _ = try database.directory.storePostcodeCentroids([
            PostcodeCentroidRecord(postcode: "HY1 2AB", latitude: 53.50, longitude: -2.50),
            PostcodeCentroidRecord(postcode: "HY1 3XX", latitude: 53.505, longitude: -2.50),
            PostcodeCentroidRecord(postcode: "HY2 5CD", latitude: 53.45, longitude: -2.50),
        ])
    }

    func signedIn(_ name: String, _ role: Role, area: String? = nil, volunteer: Int64? = nil) -> SignedIn {
        SignedIn(
            account: Account(name: name, role: role.rawValue, area: area, volunteerId: volunteer, passwordHash: "", createdAt: "", createdBy: ""),
            role: role, csrfToken: nil, sessionDigest: nil)
    }

    func request(_ needs: [String], consent: String = "yes", channel: String = "phone", language: String = "") throws -> HelpRequest {
        try HelpRequest(.init(needs: needs, urgency: "today", dietaryNeeds: "Halal", language: language, consentToShare: consent, channel: channel))
    }

    @Test func aKnownCallersRequestIsRoutedAndLinkedToThem() throws {
        let handler = signedIn("cath", .callHandler)
        let taken = try desk.take(try request(["food", "prescription"]), from: .known(personID: savita), by: handler, via: .web, today: Self.asOf)
        #expect(taken.reference == "HR-000001" && taken.hubId == "north" && taken.personId == savita && taken.status == "to-do")
        #expect(taken.callerName == "Savita Gill" && taken.postcode == "HY1 2AB" && taken.dueOn == "2026-11-16")
        // Its rows are the helpline's own list, one per need, tagged, and the call handler's verdict joins them to her.
        let imports = try database.imports.imports(ofSourceNamed: HelplineRow.sourceName)
        #expect(imports.count == 1 && imports[0].rowCount == 2)
        let rows = try database.imports.rows(ofImport: try #require(imports[0].id), limit: nil)
        #expect(rows.map { $0.cellValues[9] } == ["food", "prescriptions"] && rows[0].cellValues[0] == "HR-000001")
        #expect(try database.linkage.decisions().contains { $0.verdict == .same && [$0.leftRowId, $0.rightRowId].contains(rows[0].id ?? 0) })
        try PersonIndex(database: database, referenceDate: Self.asOf).link(by: "test")
        #expect(try database.linkage.personOfRow(rows[0].id ?? 0) == savita)
        // The vulnerability matrix reads the need: she asked for food, and for help with medicines.
        let summary = try VulnerabilityScoring(database: database, matrix: .standard, referenceDate: Self.asOf).run(scoredBy: "test")
        let run = try #require(summary.run.id)
        let score = try #require(try database.outreach.personScore(inRun: run, personId: savita))
        #expect(score.reasons.contains("food-insecurity") && score.reasons.contains("medicines"))
        #expect(
            try AuditTrailWatch(database: database).entries().filter { $0.action == AuditTrail.Action.takeRequest.rawValue }
                == [AuditEntry(.takeRequest, by: "cath", subject: "HR-000001", personIDs: [savita])])
    }

    @Test func aNewCallerIsLinkedByTheLinkageEngineNotByHand() throws {
        let caller = try Caller(
            .init(givenName: "Ann", familyName: "Smith", dateOfBirth: "1/2/1950", phone: "01632 960003", postcode: "hy25cd"), today: Self.asOf)
        let taken = try desk.take(try request(["welfare-check"], channel: "online-form"), from: .new(caller), by: nil, via: .web, today: Self.asOf)
        #expect(taken.personId == nil && taken.hubId == "south" && taken.postcode == "HY2 5CD" && taken.createdBy == "the public form")
        #expect(try desk.personOf(taken) == nil, "not linked until linkage runs")
        try PersonIndex(database: database, referenceDate: Self.asOf).link(by: "test")
        let ann = try database.linkage.personOfRow(3)
        #expect(try desk.personOf(taken) == ann && ann != nil)
        #expect(try database.help.requests(ofPersons: [try #require(ann)]).map(\.id) == [taken.id], "on her record once placed")
    }

    @Test func theFormCannotTakeAKnownResidentOrAPhoneCall() throws {
        #expect(throws: HelpDeskError.notAllowed) {
            try desk.take(try request(["food"], channel: "online-form"), from: .known(personID: savita), by: nil, via: .web)
        }
        let caller = Caller(givenName: "A", familyName: "B", phone: "01632960009")
        #expect(throws: HelpDeskError.notAllowed) { try desk.take(try request(["food"]), from: .new(caller), by: nil, via: .web) }
        #expect(throws: HelpDeskError.notAllowed) {
            try desk.take(try request(["food"]), from: .new(caller), by: signedIn("vic", .volunteer, volunteer: 1), via: .web)
        }
    }

    @Test func aChangeOnAStaleRequestIsRefusedAndHistoryIsKept() throws {
        let handler = signedIn("cath", .callHandler)
        let taken = try desk.take(try request(["food"]), from: .known(personID: savita), by: handler, via: .web, today: Self.asOf)
        let id = try #require(taken.id)
        let picked = try desk.change(id, [.pickUp, .note("Rang back, no answer")], revision: taken.revision, by: handler, via: .web)
        #expect(picked.assignedTo == "cath" && picked.status == "in-progress" && picked.firstContactAt != nil && picked.revision == 1)
        #expect(throws: HelpStoreError.changed(request: id)) {
            try desk.change(id, [.hub("south")], revision: taken.revision, by: signedIn("dan", .callHandler), via: .web)
        }
        let moved = try desk.change(id, [.hub("south"), .callBack(Self.asOf)], revision: picked.revision, by: handler, via: .web)
        #expect(moved.hubId == "south" && moved.assignedTo == nil && moved.callBackOn == "2026-11-16")
        #expect(try database.help.notes(ofRequest: id).map(\.kind) == ["assign", "note", "hub", "call-back"])
        #expect(throws: HelpDeskError.unknownHub("east")) { try desk.change(id, [.hub("east")], revision: moved.revision, by: handler, via: .web) }
    }

    @Test func aCaseworkerWorksOnlyTheHubOfTheirArea() throws {
        let handler = signedIn("cath", .callHandler)
        let north = try desk.take(try request(["food"]), from: .known(personID: savita), by: handler, via: .web, today: Self.asOf)
        let southCaseworker = signedIn("sam", .caseworker, area: "HY2")
        #expect(throws: HelpDeskError.notAllowed) { try desk.request(north.id ?? 0, for: southCaseworker) }
        #expect(try desk.request(north.id ?? 0, for: signedIn("nia", .caseworker, area: "hy1")).id == north.id)
        #expect(throws: HelpDeskError.notAllowed) { try desk.request(north.id ?? 0, for: signedIn("pat", .partner)) }
    }

    func volunteer(_ name: String, postcode: String = "HY1 3XX", dbs: Bool = true, status: VolunteerStatus = .active, language: String = "")
        throws -> VolunteerRecord
    {
        var form = VolunteerApplication.Form()
        form.name = name
        form.phone = "07700 900123"
        form.postcode = postcode
        form.offers = ["food", "prescription", "befriending"]
        form.slots = ["MO-morning"]
        form.languages = language
        form.consent = "yes"
        let record = try bureau.register(try VolunteerApplication(form, today: Self.asOf), status: status, by: "test", via: .commandLine)
        guard dbs else { return record }
        return try bureau.change(
            record.id ?? 0, [.dbsVerified(.enhancedWithBarredLists, number: "001234567890", validUntil: CivilDate(year: 2029, month: 1, day: 1)!)],
            by: signedIn("boss", .admin), via: .commandLine)
    }

    @Test func volunteersAreMatchedWithReasonsAndTheRulesHold() throws {
        let handler = signedIn("cath", .callHandler)
        let near = try volunteer("Near Nadia")
        let far = try volunteer("Far Fred", postcode: "HY2 5CD")
        let unchecked = try volunteer("Unchecked Una", dbs: false)
        let polish = try volunteer("Polish Piotr", language: "Polish")
        let taken = try desk.take(
            try request(["food", "befriending"], language: "Polish"), from: .known(personID: savita), by: handler, via: .web, today: Self.asOf)
        let id = try #require(taken.id)
        let food = try desk.matches(for: id, need: "food", by: handler, today: Self.asOf)
        #expect(food.map(\.volunteer.name) == ["Polish Piotr", "Near Nadia"], "Una has no DBS check for a visit; Fred is beyond 2 miles")
        #expect(food[0].reasons.contains("speaks Polish"))
        // The desk holds the bureau in memory between rankings, and reads it again when the bureau changes.
        _ = try volunteer("Newcomer Nell")
        #expect(try desk.matches(for: id, need: "food", by: handler, today: Self.asOf).map(\.volunteer.name).contains("Newcomer Nell"))
        _ = try bureau.change(
            try #require(try database.help.volunteers(statuses: []).first { $0.name == "Newcomer Nell" }?.id), [.status(.paused)],
            by: signedIn("boss", .admin), via: .commandLine)
        #expect(try !desk.matches(for: id, need: "food", by: handler, today: Self.asOf).map(\.volunteer.name).contains("Newcomer Nell"))
        let call = try desk.matches(for: id, need: "befriending", by: handler, today: Self.asOf)
        #expect(call.map(\.volunteer.name).contains("Unchecked Una"), "a phone call needs no DBS check")
        #expect(throws: HelpDeskError.self) {
            try desk.assign(id, need: "food", to: unchecked.id ?? 0, revision: taken.revision, by: handler, via: .web, today: Self.asOf)
        }
        let task = try desk.assign(id, need: "food", to: polish.id ?? 0, revision: taken.revision, by: handler, via: .web, today: Self.asOf)
        #expect(task.status == "assigned")
        let again = try desk.matches(for: id, need: "food", by: handler, today: Self.asOf)
        #expect(again.first { $0.volunteer.name == "Polish Piotr" }?.reasons.contains("1 task now") == true, "Piotr now holds a task")
        #expect(again.map { $0.cost.rounded() } == [(food[0].cost + VolunteerMatcher.metresPerOpenTask).rounded(), food[1].cost.rounded()])
        _ = (near, far)
    }

    @Test func noVolunteerIsGivenARequestWithoutConsent() throws {
        let handler = signedIn("cath", .callHandler)
        let nadia = try volunteer("Near Nadia")
        let taken = try desk.take(try request(["food"], consent: "no"), from: .known(personID: savita), by: handler, via: .web, today: Self.asOf)
        #expect(throws: HelpDeskError.noConsent) {
            try desk.assign(taken.id ?? 0, need: "food", to: nadia.id ?? 0, revision: taken.revision, by: handler, via: .web, today: Self.asOf)
        }
    }

    @Test func aVolunteerSeesOnlyTheirTasksAndTheAddressOnceConfirmed() throws {
        let handler = signedIn("cath", .callHandler)
        let nadia = try volunteer("Near Nadia")
        let piotr = try volunteer("Polish Piotr")
        let taken = try desk.take(try request(["food"]), from: .known(personID: savita), by: handler, via: .web, today: Self.asOf)
        let id = try #require(taken.id)
        let task = try desk.assign(id, need: "food", to: nadia.id ?? 0, revision: taken.revision, by: handler, via: .web, today: Self.asOf)
        let asNadia = signedIn("nadia", .volunteer, volunteer: nadia.id)
        var seen = try desk.ownTasks(of: asNadia, via: .web)
        #expect(
            seen.count == 1 && seen[0].firstName == "Savita" && seen[0].address == nil && seen[0].area == "HY1" && seen[0].dietaryNeeds == "Halal")
        #expect(try desk.ownTasks(of: signedIn("piotr", .volunteer, volunteer: piotr.id), via: .web).isEmpty)
        #expect(throws: HelpDeskError.notAllowed) {
            try desk.step(
                task: task.id ?? 0, to: .contacted, note: nil, hours: nil, by: signedIn("piotr", .volunteer, volunteer: piotr.id), via: .web)
        }
        #expect(throws: HelpDeskError.notAllowed) { try desk.request(id, for: asNadia) }
        try desk.step(task: task.id ?? 0, to: .confirmed, note: nil, hours: nil, by: asNadia, via: .web)
        seen = try desk.ownTasks(of: asNadia, via: .web)
        #expect(seen[0].address == "1 Mill Lane, HY1 2AB")
        #expect(throws: HelpDeskError.notNext(from: "confirmed", to: "assigned")) {
            try desk.step(task: task.id ?? 0, to: .assigned, note: nil, hours: nil, by: asNadia, via: .web)
        }
        // Done: the request closes and her last contact moves.
        try desk.step(task: task.id ?? 0, to: .completed, note: "Delivered, all well", hours: 1.5, by: asNadia, via: .web, today: Self.asOf)
        let done = try #require(try database.help.request(id: id))
        #expect(done.status == "done" && done.closedAt != nil && done.firstContactAt != nil)
        let contacts = try database.outreach.contacts(ofPersons: [savita])
        #expect(contacts.count == 1 && contacts[0].note?.contains("HR-000001") == true && contacts[0].recordedBy == "nadia")
        #expect(try database.help.notes(ofRequest: id).last?.text == "V-00001: Food completed, 1.5 h: Delivered, all well")
        // The figures count the request, its first contact and completion, and the hours given for it.
        let today = CivilDate.ukToday
        let figures = try desk.figures(from: today.adding(days: -1), to: today.adding(days: 1), for: handler, today: today)
        #expect(figures.total == 1 && figures.toCompletion.requests == 1 && figures.toFirstContact.requests == 1)
        #expect(figures.volunteersWhoHelped == 1 && figures.hoursGiven == 1.5 && figures.openNow == 0)
        #expect(figures.perHub.map(\.label) == ["North hub"] && figures.perNeed.map(\.label) == ["Food"])
        #expect(throws: HelpDeskError.notAllowed) { try desk.figures(from: today, to: today, for: asNadia) }
    }

    @Test func aDaysDeliveriesAreSharedOut() throws {
        let handler = signedIn("cath", .callHandler)
        _ = try volunteer("Near Nadia")
        _ = try volunteer("Polish Piotr")
        for _ in 0..<5 { _ = try desk.take(try request(["food"]), from: .known(personID: savita), by: handler, via: .web, today: Self.asOf) }
        let proposals = try desk.bulkProposals(hub: "north", need: "food", dueBy: Self.asOf, mostPerVolunteer: 2, by: handler, today: Self.asOf)
        #expect(proposals.count == 5)
        let given = Dictionary(grouping: proposals.compactMap { $0.proposal.match?.volunteer.name }, by: { $0 }).mapValues(\.count)
        #expect(given == ["Near Nadia": 2, "Polish Piotr": 2])
        #expect(proposals.last?.proposal.unmatched?.contains("already has 2 tasks") == true)
    }
}

/// Lead professionals over a real store: who may hold and give cases, of which residents, and a worker's caseload
/// with overdue follow-ups first.
@Suite struct CaseloadsTests {
    static let asOf = CivilDate(year: 2026, month: 11, day: 16)!

    @Test func aCaseworkerHoldsCasesOfTheirAreaWithOverdueFollowUpsFirst() throws {
        let folder = try TemporaryFolder()
        let database = try KithDatabase.open(path: folder.path("kith.sqlite").path)
        let file = try folder.file(
            "Adult social care.csv",
            text: """
                Given name,Family name,Date of birth,Postcode,Neighbourhood
                Savita,Gill,04/08/1980,HY1 2AB,North
                Kofi,Mensah,12/03/1990,HY1 2AB,North
                Ann,Smith,01/02/1950,HY2 5CD,South

                """)
        try Importer(repository: database.imports).run(
            ImportRequest(file: file, sourceName: "Adult social care", importedBy: "test", referenceDate: Self.asOf))
        try PersonIndex(database: database, referenceDate: Self.asOf).link(by: "test")
        _ = try VulnerabilityScoring(database: database, matrix: .standard, referenceDate: Self.asOf).run(scoredBy: "test")
        let book = AccountBook(database: database, hasher: PasswordHasher(cost: 4))
        let north = try book.add(name: "nia", role: .caseworker, password: "correct horse battery staple", area: "North", by: "test")
        let south = try book.add(name: "sam", role: .caseworker, password: "correct horse battery staple", area: "South", by: "test")
        let handler = try book.add(name: "cath", role: .callHandler, password: "correct horse battery staple", by: "test")
        func signedIn(_ account: Account) -> SignedIn {
            SignedIn(account: account, role: Role(rawValue: account.role)!, csrfToken: nil, sessionDigest: nil)
        }
        let savita = try #require(try database.linkage.personOfRow(1))
        let kofi = try #require(try database.linkage.personOfRow(2))
        let ann = try #require(try database.linkage.personOfRow(3))
        let caseloads = Caseloads(database: database)
        try caseloads.assign(savita, nextContactOn: Self.asOf.adding(days: 3), by: signedIn(north), via: .web)
        try caseloads.assign(kofi, nextContactOn: Self.asOf.adding(days: -2), by: signedIn(north), via: .web)
        // Outside the account's area, or given to a worker whose area does not reach them, or by a role that holds no cases.
        #expect(throws: HelpDeskError.unknownPerson(ann)) { try caseloads.assign(ann, by: signedIn(north), via: .web) }
        #expect(throws: HelpDeskError.self) { try caseloads.assign(savita, to: "sam", by: signedIn(north), via: .web) }
        #expect(throws: HelpDeskError.notAllowed) { try caseloads.assign(ann, by: signedIn(handler), via: .web) }
        try caseloads.assign(ann, by: signedIn(south), via: .web)
        let cases = try caseloads.cases(of: signedIn(north), via: .web, today: Self.asOf)
        #expect(cases.map(\.name) == ["Kofi Mensah", "Savita Gill"], "the overdue follow-up first")
        #expect(cases.map(\.due) == [.overdue, .thisWeek])
        #expect(try caseloads.cases(of: signedIn(south), via: .web, today: Self.asOf).map(\.personID) == [ann])
        // Taking the case again keeps the date; the lead is read by anyone whose scope reaches the person.
        try caseloads.assign(savita, by: signedIn(north), via: .web)
        #expect(try caseloads.lead(of: savita, for: signedIn(handler))?.nextContactOn == Self.asOf.adding(days: 3).description)
        #expect(try caseloads.lead(of: savita, for: signedIn(south)) == nil)
        let audit = try AuditTrailWatch(database: database).entries()
        #expect(audit.filter { $0.action == "assign-lead" }.count == 4 && audit.filter { $0.action == "view-cases" }.count == 2)
    }
}
