import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KithAccess
import KithHelp
import KithHelpDesk
import KithOutreach
import KithSpreadsheet
import KithStore
import KithTestSupport
import Testing

@testable import KithWeb

/// The helpline's pages over a real store and the app's router: taking a call for a resident found with the person
/// search, the public "ask for help" and volunteer forms, a hub's queue, matching a volunteer, and a volunteer's own
/// view, which reaches only their own tasks.
@Suite struct HelpPagesTests {
    static let handler = "callhandler"
    static let nadia = "nadia"
    static let piotr = "piotr"

    struct Fixture {
        var borough: WebBorough
        var nadia: Int64
        var piotr: Int64
        var resident: PersonProfile
    }

    /// The shared borough, with hubs for its districts, two volunteers near the first resident, a call handler and
    /// the two volunteers' accounts.
    static func fixture() async throws -> Fixture {
        let borough = try await WebBorough.make()
        let database = borough.database
        let reader = PersonProfileReader(database: database, referenceDate: WebBorough.asOf)
        var resident: PersonProfile?
        for person in try borough.scoredPersonIDs() {
            if let profile = try reader.profile(of: person), profile.postcode != nil, profile.phone != nil, profile.givenName.count > 2 {
                resident = profile
                break
            }
        }
        let found = try #require(resident)
        let postcode = try #require(found.postcode)
        let district = try #require(HubRouter.district(of: postcode))
        _ = try database.directory.storePostcodeCentroids([PostcodeCentroidRecord(postcode: postcode, latitude: 53.5, longitude: -2.1)])
        let desk = HelpDesk(database: database)
        try desk.saveHub(Hub(id: "home", name: "Home hub", areas: [district]), by: "test")
        try desk.saveHub(Hub(id: "elsewhere", name: "Elsewhere hub", areas: ["ZZ9"]), by: "test")
        let bureau = VolunteerBureau(database: database)
        let admin = SignedIn(
            account: Account(name: "test", role: "admin", passwordHash: "", createdAt: "", createdBy: ""), role: .admin, csrfToken: nil,
            sessionDigest: nil)
        func volunteer(_ name: String) throws -> Int64 {
            var form = VolunteerApplication.Form()
            form.name = name
            form.phone = "07700 900111"
            form.postcode = postcode
            form.offers = ["food", "befriending"]
            form.slots = ["MO-morning"]
            form.consent = "yes"
            let record = try bureau.register(try VolunteerApplication(form, today: WebBorough.asOf), status: .active, by: "test", via: .commandLine)
            _ = try bureau.change(
                record.id ?? 0,
                [.dbsVerified(.enhancedWithBarredLists, number: "001234567890", validUntil: CivilDate(year: 2030, month: 1, day: 1)!)],
                by: admin, via: .commandLine)
            return record.id ?? 0
        }
        let nadia = try volunteer("Nadia Volunteer")
        let piotr = try volunteer("Piotr Volunteer")
        let book = AccountBook(database: database, hasher: PasswordHasher(cost: 4))
        try book.add(name: handler, role: .callHandler, password: WebBorough.password, by: "test")
        try book.add(name: Self.nadia, role: .volunteer, password: WebBorough.password, volunteer: nadia, by: "test")
        try book.add(name: Self.piotr, role: .volunteer, password: WebBorough.password, volunteer: piotr, by: "test")
        return Fixture(borough: borough, nadia: nadia, piotr: piotr, resident: found)
    }

    static func signIn(_ client: any TestClientProtocol, _ name: String) async throws -> BrowserSession {
        let browser = BrowserSession(client: client)
        let signedIn = try await browser.signIn(name, password: WebBorough.password)
        #expect(signedIn.status == .seeOther)
        _ = try await browser.get("/")
        return browser
    }

    static let request: [(String, String)] = [
        ("needs", "food"), ("needs", "befriending"), ("urgency", "today"), ("dietary", "Halal"), ("contact-by", "phone"), ("consent", "yes"),
        ("channel", "phone"), ("details", "Cupboards empty"),
    ]

    @Test func aCallIsTakenForAResidentFoundWithTheSearchAndWorkedOnItsPage() async throws {
        let fixture = try await Self.fixture()
        let resident = fixture.resident
        try await Application(router: fixture.borough.app.makeRouter()).test(.router) { client in
            let handler = try await Self.signIn(client, Self.handler)
            let search = try await handler.get("/persons?q=\(resident.familyName)+\(resident.postcode!.replacingOccurrences(of: " ", with: "+"))")
            #expect(search.text.contains("/requests/new?person=\(resident.personID)"))
            let form = try await handler.get("/requests/new?person=\(resident.personID)")
            #expect(form.status == .ok && form.text.contains(resident.name) && form.text.contains("Home hub"))
            // Mistakes come back named, and nothing is stored.
            let wrong = try await handler.post("/requests", form: [("person", resident.personID), ("needs", "jetpack"), ("consent", "")])
            #expect(wrong.status == .badRequest && wrong.text.contains("href=\"#needs\"") && wrong.text.contains("href=\"#urgency\""))
            #expect(wrong.text.contains("href=\"#consent\""))
            #expect(try fixture.borough.database.help.queue(hub: "home", statuses: ["to-do"], limit: 10, offset: 0).total == 0)
            let forged = try await handler.post("/requests", form: [("person", resident.personID)] + Self.request, csrf: "not-the-token")
            #expect(forged.status == .forbidden, "a signed-in form needs the session's CSRF token; only /ask and /volunteer are public")
            let taken = try await handler.post("/requests", form: [("person", resident.personID)] + Self.request)
            #expect(taken.status == .seeOther && taken.location == "/requests/1?taken=1")
            let page = try await handler.get("/requests/1")
            #expect(page.status == .ok && page.text.contains("HR-000001") && page.text.contains("Cupboards empty") && page.text.contains("Halal"))
            #expect(page.text.contains("/persons/\(resident.personID)"))
            let queue = try await handler.get("/hubs/home")
            #expect(queue.text.contains("HR-000001") && queue.text.contains("To do"))
            #expect(!(try await handler.get("/hubs/elsewhere")).text.contains("HR-000001"))
            // Picked up; then a change made on the page as it was before is refused.
            #expect(try await handler.post("/requests/1", form: [("revision", "0"), ("pick-up", "1")]).status == .seeOther)
            let stale = try await handler.post("/requests/1", form: [("revision", "0"), ("note", "Late"), ("hub", "home")])
            #expect(stale.status == .badRequest && stale.text.contains("Someone else changed this request"))
            // Volunteers for food, with the reasons; one given the task.
            let matches = try await handler.get("/requests/1?match=food")
            #expect(matches.text.contains("Nadia Volunteer") && matches.text.contains("offers Food") && matches.text.contains("m away"))
            let given = try await handler.post(
                "/requests/1/volunteers", form: [("need", "food"), ("volunteer", String(fixture.nadia)), ("revision", "1")])
            #expect(given.status == .seeOther)
            #expect(try fixture.borough.database.help.tasks(ofRequest: 1).map(\.volunteerId) == [fixture.nadia])
            #expect(try fixture.borough.database.audit.events(AuditQuery(action: "view-request", limit: 10)).count >= 3)
            // The figures count it, and download as a spreadsheet.
            let figures = try await handler.get("/requests/figures")
            #expect(figures.status == .ok && figures.text.contains("Home hub") && figures.text.contains("Requests made"))
            let csv = try await handler.get("/requests/figures?format=csv")
            #expect(csv.headers[.contentType]?.hasPrefix("text/csv") == true && csv.text.contains("Per hub,Home hub,1"))
            let bad = try await handler.get("/requests/figures?from=2026-12-31&to=2026-01-01")
            #expect(bad.status == .badRequest && bad.text.contains("href=\"#from\""))
        }
    }

    @Test func aVolunteerReachesOnlyTheirOwnTasksAndTheAddressOnceTheyConfirm() async throws {
        let fixture = try await Self.fixture()
        let database = fixture.borough.database
        let desk = HelpDesk(database: database)
        let handler = SignedIn(
            account: try #require(try database.access.account(named: Self.handler)), role: .callHandler, csrfToken: nil, sessionDigest: nil)
        let known = try desk.take(
            try HelpRequest(.init(needs: ["food"], urgency: "today", consentToShare: "yes", channel: "phone")),
            from: .known(personID: fixture.resident.personID), by: handler, via: .web)
        let stranger = try desk.take(
            try HelpRequest(.init(needs: ["befriending"], urgency: "this-week", consentToShare: "yes", channel: "phone")),
            from: .new(
                Caller(
                    givenName: "Zebedee", familyName: "Quartermaine", phone: "07700900999", address: "9 Far Lane", postcode: fixture.resident.postcode
                )),
            by: handler, via: .web)
        let own = try desk.assign(known.id ?? 0, need: "food", to: fixture.nadia, revision: 0, by: handler, via: .web)
        let other = try desk.assign(stranger.id ?? 0, need: "befriending", to: fixture.piotr, revision: 0, by: handler, via: .web)
        let address = try #require(fixture.resident.address)
        try await Application(router: fixture.borough.app.makeRouter()).test(.router) { client in
            let nadia = try await Self.signIn(client, Self.nadia)
            var tasks = try await nadia.get("/tasks")
            #expect(tasks.status == .ok && tasks.text.contains(fixture.resident.givenName) && tasks.text.contains(known.reference))
            #expect(!tasks.text.contains(address), "no address before she confirms")
            #expect(!tasks.text.contains(fixture.resident.familyName), "a first name only")
            #expect(!tasks.text.contains("Zebedee") && !tasks.text.contains(stranger.reference), "another volunteer's task")
            // Another volunteer's task cannot be reached or moved; nor can any resident's record, queue or request.
            #expect(try await nadia.post("/tasks/\(other.id ?? 0)", form: [("step", "contacted")]).status == .notFound)
            #expect(try database.help.task(id: other.id ?? 0)?.status == "assigned")
            for path in [
                "/requests", "/requests/\(known.id ?? 0)", "/requests/\(stranger.id ?? 0)", "/hubs/home", "/persons",
                "/persons/\(fixture.resident.personID)", "/volunteers", "/outreach", "/referrals/new?person=\(fixture.resident.personID)",
            ] {
                let page = try await nadia.get(path)
                #expect(page.status == .forbidden || page.status == .notFound, "\(path): \(page.status)")
                #expect(!page.text.contains(address) && !page.text.contains("Zebedee"), "\(path)")
            }
            // She says she will go: the address shows; done with a note, the request closes.
            #expect(try await nadia.post("/tasks/\(own.id ?? 0)", form: [("step", "confirmed")]).status == .seeOther)
            tasks = try await nadia.get("/tasks")
            #expect(tasks.text.contains(address))
            #expect(
                try await nadia.post("/tasks/\(own.id ?? 0)", form: [("step", "completed"), ("note", "Delivered"), ("hours", "1.5")]).status
                    == .seeOther)
            #expect(try database.help.request(id: known.id ?? 0)?.status == "done")
            #expect(try database.outreach.contacts(ofPersons: [fixture.resident.personID]).contains { $0.note?.contains(known.reference) == true })
            let piotr = try await Self.signIn(client, Self.piotr)
            let his = try await piotr.get("/tasks")
            #expect(his.text.contains("Zebedee") && !his.text.contains(fixture.resident.givenName + " "), "only his own")
        }
    }

    @Test func theAskFormTakesARequestWithoutAnAccountAndTurnsBotsAway() async throws {
        let fixture = try await Self.fixture()
        let app = fixture.borough.app
        let stamp = app.formStamps.stamp(for: "ask", at: Date().addingTimeInterval(-30))
        let caller: [(String, String)] = [
            ("given-name", "Ada"), ("family-name", "Generated"), ("phone", "07700 900222"), ("address", "3 Any Street"),
            ("postcode", fixture.resident.postcode ?? ""),
        ]
        let wanted: [(String, String)] = [("needs", "food"), ("urgency", "today"), ("contact-by", "phone"), ("consent", "yes")]
        try await Application(router: app.makeRouter()).test(.router) { client in
            let resident = BrowserSession(client: client)
            let form = try await resident.get("/ask")
            #expect(
                form.status == .ok && form.text.contains("name=\"stamp\"") && form.text.contains("PUBLIC") && !form.text.contains("name=\"channel\""))
            let quick = try await resident.post("/ask", form: caller + wanted + [("stamp", app.formStamps.stamp(for: "ask"))])
            #expect(quick.status == .badRequest && quick.text.contains("sent very quickly"))
            let forged = try await resident.post("/ask", form: caller + wanted + [("stamp", "1700000000.abc")])
            #expect(forged.status == .badRequest)
            let bot = try await resident.post("/ask", form: caller + wanted + [("stamp", stamp), ("website", "http://spam.example")])
            #expect(bot.status == .ok && bot.text.contains("Thank you"))
            let wrong = try await resident.post("/ask", form: [("given-name", "Ada"), ("postcode", "nowhere"), ("stamp", stamp)])
            #expect(wrong.status == .badRequest && wrong.text.contains("href=\"#family-name\"") && wrong.text.contains("href=\"#postcode\""))
            #expect(wrong.text.contains("href=\"#needs\"") && wrong.text.contains("value=\"Ada\""), "what was typed comes back")
            #expect(
                try database(fixture).help.queue(hub: "home", statuses: ["to-do"], limit: 10, offset: 0).total == 0,
                "nothing from the bot or the mistakes")
            let sent = try await resident.post("/ask", form: caller + wanted + [("stamp", stamp)])
            #expect(sent.status == .ok && sent.text.contains("HR-000001"))
            let stored = try #require(try database(fixture).help.request(id: 1))
            #expect(stored.channel == "online-form" && stored.hubId == "home" && stored.createdBy == "the public form" && stored.personId == nil)
            // The same address is turned away after a few.
            for _ in 1..<PublicFormLimiter.mostPerAddressPerHour { _ = try await resident.post("/ask", form: caller + wanted + [("stamp", stamp)]) }
            let refused = try await resident.post("/ask", form: caller + wanted + [("stamp", stamp)])
            #expect(refused.status == .tooManyRequests && refused.text.contains("ring the helpline"))
        }
    }

    @Test func theVolunteerFormAddsAnApplicantTheBureauVerifies() async throws {
        let fixture = try await Self.fixture()
        let app = fixture.borough.app
        let stamp = app.formStamps.stamp(for: "volunteer", at: Date().addingTimeInterval(-30))
        try await Application(router: app.makeRouter()).test(.router) { client in
            let person = BrowserSession(client: client)
            let wrong = try await person.post("/volunteer", form: [("name", "Vera Generated"), ("dbs-number", "12"), ("stamp", stamp)])
            #expect(wrong.status == .badRequest && wrong.text.contains("href=\"#offers\"") && wrong.text.contains("href=\"#dbs-number\""))
            #expect(wrong.text.contains("href=\"#consent\"") && wrong.text.contains("href=\"#slots\""))
            let sent = try await person.post(
                "/volunteer",
                form: [
                    ("name", "Vera Generated"), ("phone", "07700 900333"), ("postcode", fixture.resident.postcode ?? ""), ("offers", "food"),
                    ("slots", "SA-morning"), ("drives", "yes"), ("dbs-level", "enhanced-barred"), ("dbs-number", "001234567899"),
                    ("languages", "Polish, English"), ("consent", "yes"), ("stamp", stamp),
                ])
            #expect(sent.status == .ok && sent.text.contains("V-00003"))
            let stored = try #require(try database(fixture).help.volunteer(id: 3))
            #expect(stored.status == "applied" && stored.languages == "polish" && stored.dbsVerifiedBy == nil && stored.slots == "SA-morning")
            let handler = try await Self.signIn(client, Self.handler)
            #expect(try await handler.get("/volunteers?status=applied").text.contains("Vera Generated"))
            let verified = try await handler.post(
                "/volunteers/3",
                form: [
                    ("status", "active"), ("induction", "yes"), ("dbs-level", "enhanced-barred"), ("dbs-number", "001234567899"),
                    ("dbs-until", "2029-12-01"),
                ])
            #expect(verified.status == .seeOther)
            let now = try #require(try database(fixture).help.volunteer(id: 3))
            #expect(now.status == "active" && now.dbsVerifiedBy == Self.handler && now.inductionDone && now.dbsValidUntil == "2029-12-01")
        }
    }

    @Test func aCaseworkerTakesOnAResidentFromTheContactListAndSeesTheirCases() async throws {
        let borough = try await WebBorough.make()
        let run = try #require(try borough.database.outreach.scoreRuns(limit: 1).first?.id)
        let person = try #require(try borough.database.outreach.personScores(inRun: run).first { $0.area == borough.area }?.personId)
        try await Application(router: borough.app.makeRouter()).test(.router) { client in
            let caseworker = try await Self.signIn(client, "caseworker")
            let list = try await caseworker.get("/outreach")
            #expect(list.text.contains("Assign to me") && list.text.contains("<option value=\"score\">Highest score first</option>"))
            let byScore = try await caseworker.get("/outreach?sort=score")
            #expect(byScore.status == .ok && byScore.text.contains("<option value=\"score\" selected>") && byScore.text.contains("sort=score"))
            #expect(try await caseworker.get("/outreach?sort=alphabetical").status == .badRequest)
            let assigned = try await caseworker.post(
                "/cases", form: [("person", person), ("next-contact", "2026-11-10"), ("return", "/outreach?page=1")])
            #expect(assigned.status == .seeOther && assigned.location == "/outreach?page=1")
            let cases = try await caseworker.get("/cases")
            #expect(cases.status == .ok && cases.text.contains("/persons/\(person)") && cases.text.contains("Overdue"))
            let page = try await caseworker.get("/persons/\(person)")
            #expect(page.text.contains("caseworker; next contact 2026-11-10"))
            let partner = try await Self.signIn(client, "foodbank")
            #expect(try await partner.get("/cases").status == .forbidden)
            #expect(try await partner.post("/cases", form: [("person", person)]).status == .forbidden)
        }
    }

    private func database(_ fixture: Fixture) -> KithDatabase { fixture.borough.database }
}
