import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KithAccess
import KithOutreach
import KithSpreadsheet
import KithStore
import KithSynthetic
import KithTestSupport
import KithWeb
import NIOCore
import Testing

/// Every action on the pages and the JSON API that touches residents or accounts leaves exactly one entry in the
/// audit trail (link-and-score, two), by the signed-in account, about record ids only. Served over real HTTP on
/// loopback.
@Suite("Audited actions")
struct AuditedActionsTests {
    @Test("Imports through the pages and the API, and link-and-score, are each audited once by the analyst")
    func importsAndLinkRuns() async throws {
        let fixture = try await WebFixture(referenceDate: ImportPagesTests.extractDate)
        let lists = try ImportPagesTests.lists(in: fixture)
        let csv = try #require(lists.first { $0.sheet == nil })
        let workbook = try #require(lists.first { $0.sheet != nil })
        let token = try fixture.apiToken(for: WebFixture.analyst)
        let watch = AuditTrailWatch(database: fixture.database)
        let analyst = WebFixture.analyst
        try await fixture.app.makeApplication().test(.live) { client in
            let browser = try await fixture.signIn(client, as: analyst)
            var location: String?
            let imported = try await watch.entries {
                let tags = try await ImportPagesTests.upload(csv, as: csv.source, by: browser)
                location = try await browser.post(tags.replacingOccurrences(of: "/tags", with: "/import")).location
            }
            let stored = try #require(try fixture.database.imports.imports(ofSourceNamed: csv.source).first?.id)
            #expect(location == "/imports/\(stored)")
            #expect(imported == [AuditEntry(.importList, by: analyst, subject: "import \(stored)")])
            #expect(imported.first?.detail.hasPrefix("\(csv.file.lastPathComponent) as \"\(csv.source)\" through the web:") == true)

            let path =
                "/api/imports?source=\(ImportAPITests.encoded(workbook.source))&file=\(ImportAPITests.encoded(workbook.file.lastPathComponent))"
                + "&sheet=\(ImportAPITests.encoded(workbook.sheet ?? ""))"
            let api = BrowserSession(client: client)
            api.bearer = token
            let bytes = ByteBuffer(bytes: try ImportPagesTests.bytes(workbook.file))
            let throughAPI = try await Self.entries(watch, .created) {
                try await api.send(path, method: .post, body: bytes, contentType: "application/octet-stream")
            }
            let storedWorkbook = try #require(try fixture.database.imports.imports(ofSourceNamed: workbook.source).first?.id)
            #expect(throughAPI == [AuditEntry(.importList, by: analyst, subject: "import \(storedWorkbook)")])
            #expect(throughAPI.first?.detail.contains("through the API:") == true)

            let linked = try await Self.entries(watch, .seeOther) { try await browser.post("/imports/link") }
            let run = try #require(try fixture.database.linkage.latestRunID())
            let scoreRun = try #require(try fixture.database.outreach.scoreRuns(limit: 1).first?.id)
            #expect(
                linked == [
                    AuditEntry(.link, by: analyst, subject: "link run \(run)"), AuditEntry(.score, by: analyst, subject: "score run \(scoreRun)"),
                ]
            )
        }
    }

    @Test("Each action on residents through the pages is audited once, by the account, about record ids")
    func pageActions() async throws {
        let (borough, watch, person, pair) = try await Self.borough()
        let analyst = try #require(try borough.database.access.account(named: "analyst")?.id)
        try await borough.app.makeApplication().test(.live) { client in
            let browser = BrowserSession(client: client)
            let signedIn = try await Self.entries(watch, .seeOther) { try await browser.signIn("analyst", password: WebBorough.password) }
            #expect(signedIn == [AuditEntry(.signIn, by: "analyst", subject: "account \(analyst)")])

            let searched = try await Self.entries(watch, .ok) { try await browser.get("/persons?q=smith") }
            #expect(searched.map(\.action) == ["search"] && searched.first?.actor == "analyst" && searched.first?.subject == "person search")
            #expect(searched.first?.detail.hasPrefix("searched by name; ") == true, "KithPersons says what was searched by, not the words")

            let viewed = try await Self.entries(watch, .ok) { try await browser.get("/persons/\(person)") }
            #expect(viewed == [AuditEntry(.viewPerson, by: "analyst", subject: person, personIDs: [person])])

            let contacted = try await Self.entries(watch, .seeOther) {
                try await browser.post("/persons/\(person)/contacts", form: [("outcome", "reached"), ("on", WebBorough.asOf.description)])
            }
            #expect(contacted == [AuditEntry(.recordContact, by: "analyst", subject: person, personIDs: [person])])

            let listed = try await Self.entries(watch, .ok) { try await browser.get("/outreach?band=purple") }
            #expect(listed.map(\.action) == ["view-outreach"] && listed.first?.subject == "contact list" && listed.first?.personIDs.isEmpty == false)
            // KithOutreach writes the view, in the same words for the page and the API.
            #expect(listed.first.map { $0.detail.hasPrefix("bands Purple; ") && $0.detail.contains(" listed, ") } == true)

            var download = ""
            let exported = try await watch.entries { download = try await browser.get("/outreach/download?format=csv&band=purple").text }
            let written = download.split(separator: "\r\n").dropFirst(2).compactMap { $0.split(separator: ",").first.map(String.init) }
            #expect(!written.isEmpty)
            let file = "contact-list-\(WebBorough.asOf).csv"
            #expect(exported == [AuditEntry(.exportOutreach, by: "analyst", subject: file, personIDs: Set(written))])

            let pairViewed = try await Self.entries(watch, .ok) { try await browser.get("/review") }
            let rows = "rows \(pair.left) and \(pair.right)"
            #expect(pairViewed == [AuditEntry(.viewReviewPair, by: "analyst", subject: rows, personIDs: pair.persons)])

            let decided = try await Self.entries(watch, .seeOther) {
                try await browser.post("/review", form: [("left", "\(pair.left)"), ("right", "\(pair.right)"), ("verdict", "different")])
            }
            #expect(decided == [AuditEntry(.reviewDecision, by: "analyst", subject: rows, personIDs: pair.persons)])
            #expect(decided.first?.detail == "not the same person")

            let signedOut = try await Self.entries(watch, .seeOther) { try await browser.post("/sign-out", form: []) }
            #expect(signedOut == [AuditEntry(.signOut, by: "analyst", subject: "account \(analyst)")])

            let caseworker = BrowserSession(client: client)
            try await caseworker.signIn("caseworker", password: WebBorough.password)
            let denied = try await Self.entries(watch, .forbidden) { try await caseworker.get("/review") }
            #expect(denied == [AuditEntry(.deniedAccess, by: "caseworker", subject: "/review")])

            let admin = BrowserSession(client: client)
            try await admin.signIn("admin", password: WebBorough.password)
            let auditExported = try await Self.entries(watch, .ok) { try await admin.get("/audit/export") }
            #expect(auditExported == [AuditEntry(.exportAudit, by: "admin", subject: "audit trail")])
            #expect(auditExported.first?.detail.hasSuffix(" events") == true && auditExported.first?.personIDs.isEmpty == true)
        }
        try Self.expectNoNames(of: person, in: watch, database: borough.database)
    }

    @Test("Each action on residents through the JSON API is audited once, by the token's account, about record ids")
    func apiActions() async throws {
        let (borough, watch, person, pair) = try await Self.borough()
        let token = try TokenIssuer(database: borough.database).issue(toAccountNamed: "analyst", label: "test", validForDays: 1, by: "admin").token
        try await borough.app.makeApplication().test(.live) { client in
            let api = BrowserSession(client: client)
            api.bearer = token
            let searched = try await Self.entries(watch, .ok) { try await api.get("/api/persons?q=smith") }
            #expect(searched.map(\.action) == ["search"] && searched.first?.actor == "analyst")
            #expect(searched.first?.detail.hasPrefix("searched by name; ") == true, "the API's search is audited as the page's is")

            let viewed = try await Self.entries(watch, .ok) { try await api.get("/api/persons/\(person)") }
            #expect(viewed == [AuditEntry(.viewPerson, by: "analyst", subject: person, personIDs: [person])])
            #expect(viewed.first?.detail == "api: person")

            let contacted = try await Self.entries(watch, .created) {
                try await api.send("/api/persons/\(person)/contacts", method: .post, json: #"{"outcome": "reached"}"#)
            }
            #expect(contacted == [AuditEntry(.recordContact, by: "analyst", subject: person, personIDs: [person])])

            let listed = try await Self.entries(watch, .ok) { try await api.get("/api/outreach?band=purple&limit=5") }
            #expect(listed.map(\.action) == ["view-outreach"] && listed.first?.subject == "api: contact list")
            #expect(listed.first.map { $0.detail.hasPrefix("bands Purple, first 5; ") && $0.detail.hasSuffix(" listed, 5 shown") } == true)

            let body = #"{"leftRowId": \#(pair.left), "rightRowId": \#(pair.right), "verdict": "same"}"#
            let decided = try await Self.entries(watch, .created) { try await api.send("/api/review", method: .post, json: body) }
            let rows = "rows \(pair.left) and \(pair.right)"
            #expect(decided == [AuditEntry(.reviewDecision, by: "analyst", subject: rows, personIDs: pair.persons)])
            #expect(decided.first?.detail == "the same person (api)")
        }
        try Self.expectNoNames(of: person, in: watch, database: borough.database)
    }

    /// A fresh copy of the scored borough, a watch on its audit trail, a scored person, and the first pair waiting for
    /// review: its rows and the persons they belong to.
    static func borough() async throws -> (WebBorough, AuditTrailWatch, String, (left: Int64, right: Int64, persons: Set<String>)) {
        let borough = try await WebBorough.make()
        let person = try #require(try borough.scoredPersonIDs().first)
        let pair = try #require(try borough.database.linkage.reviewQueue(limit: 1, offset: 0).first)
        let persons = Set(try [pair.leftRowId, pair.rightRowId].compactMap { try borough.database.linkage.personOfRow($0) })
        return (borough, AuditTrailWatch(database: borough.database), person, (pair.leftRowId, pair.rightRowId, persons))
    }

    /// Sends one request, checks its answer's status and returns the audit entries it wrote.
    static func entries(
        _ watch: AuditTrailWatch, _ status: HTTPResponse.Status, sourceLocation: SourceLocation = #_sourceLocation,
        _ request: () async throws -> BrowserSession.Page
    ) async throws -> [AuditEntry] {
        try await watch.entries {
            let page = try await request()
            #expect(page.status == status, sourceLocation: sourceLocation)
        }
    }

    /// No entry names the resident acted on: the trail holds their id, never what the lists say of them.
    static func expectNoNames(of person: String, in watch: AuditTrailWatch, database: KithDatabase) throws {
        let profile = try #require(try PersonProfileReader(database: database, referenceDate: WebBorough.asOf).profile(of: person))
        let names = [profile.givenName, profile.familyName].filter { $0.count > 2 }
        #expect(!names.isEmpty)
        for entry in try watch.entries() {
            for name in names {
                #expect(!"\(entry.subject) \(entry.detail)".localizedCaseInsensitiveContains(name), "\(entry) says \(name)")
            }
        }
    }
}
