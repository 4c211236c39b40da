import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KithAccess
import KithOutreach
import KithSpreadsheet
import KithStore
import KithVulnerability
import KithWeb
import Testing

/// The pages through Hummingbird's test client against a real SQLite store: sign-in, CSRF, security headers, roles,
/// the person page, contacts, contact lists, review and the audit trail.
@Suite struct PageRouteTests {
    @Test func everyResponseCarriesTheSecurityHeaders() async throws {
        let borough = try await WebBorough.make()
        try await Application(router: borough.app.makeRouter()).test(.router) { client in
            let browser = BrowserSession(client: client)
            for path in ["/sign-in", "/", "/persons", "/assets/kith.css", "/nowhere", "/api/me"] {
                let page = try await browser.get(path)
                let policy = page.headers[.contentSecurityPolicy] ?? ""
                #expect(policy.contains("frame-ancestors 'none'") && policy.contains("script-src 'self'"), "\(path)")
                #expect(page.headers[.xContentTypeOptions] == "nosniff", "\(path)")
                #expect(page.headers[HTTPField.Name("Referrer-Policy")!] == "same-origin", "\(path)")
            }
        }
    }

    @Test func signingInNeedsTheFormsTokenAndTheRightPasswordAndStartsASecureSession() async throws {
        let borough = try await WebBorough.make()
        try await Application(router: borough.app.makeRouter()).test(.router) { client in
            let browser = BrowserSession(client: client)
            let first = try await browser.get("/persons?q=smith")
            #expect(first.status == .seeOther)
            #expect(first.location?.hasPrefix("/sign-in?next=") == true)
            try await browser.get("/sign-in")
            let forged = try await browser.post("/sign-in", form: [("name", "analyst"), ("password", WebBorough.password)], csrf: "forged")
            #expect(forged.status == .forbidden)
            let wrong = try await browser.signIn("analyst", password: "not the password")
            #expect(wrong.status == .unprocessableContent)
            #expect(wrong.text.contains("There is a problem") && wrong.text.contains("The account name or password is not right"))
            let right = try await browser.signIn("analyst", password: WebBorough.password)
            #expect(right.status == .seeOther)
            let cookie = right.headers[values: .setCookie].first { $0.hasPrefix("kith_session=") } ?? ""
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"))
            let home = try await browser.get("/")
            #expect(home.status == .ok && home.text.contains("Signed in as analyst"))
            let noToken = try await browser.post("/sign-out", form: [], csrf: "")
            #expect(noToken.status == .forbidden, "a form without the session's token is refused")
            try await browser.post("/sign-out", form: [])
            #expect(try await browser.get("/").status == .seeOther)
        }
        let actions = try borough.database.audit.events(AuditQuery(actor: "analyst")).map(\.action)
        #expect(actions.contains("sign-in") && actions.contains("sign-in-failed") && actions.contains("sign-out"))
    }

    @Test func fiveWrongPasswordsThroughTheFormLockTheAccount() async throws {
        let borough = try await WebBorough.make()
        try await Application(router: borough.app.makeRouter()).test(.router) { client in
            let browser = BrowserSession(client: client)
            for attempt in 1...5 { try await browser.signIn("analyst", password: "wrong \(attempt)") }
            let locked = try await browser.signIn("analyst", password: WebBorough.password)
            #expect(locked.text.contains("This account is locked"))
            #expect(try await browser.get("/").status == .seeOther)
        }
    }

    /// The end of the queue mentions skipped pairs only when there are some (a section over a number renders
    /// even for 0, so the page's model says "none" with nil).
    @Test func theEndOfTheReviewQueueMentionsSkippedPairsOnlyWhenThereAreSome() async throws {
        let fixture = try await WebFixture()
        try await fixture.run { client in
            let browser = try await fixture.signIn(client, as: WebFixture.analyst)
            let none = try await browser.get("/review")
            #expect(none.status == .ok && none.text.contains("There are no more pairs to review here."))
            #expect(!none.text.contains("skipped"), "no pair was skipped")
            let some = try await browser.get("/review?skip=2")
            #expect(some.text.contains("2 of them skipped in this round"))
        }
    }

    @Test func eachRoleReachesOnlyItsSections() async throws {
        let borough = try await WebBorough.make()
        let expected: [String: [String: HTTPResponse.Status]] = [
            "admin": ["/review": .ok, "/audit": .ok, "/outreach": .ok],
            "analyst": ["/review": .ok, "/audit": .forbidden, "/outreach": .ok],
            "caseworker": ["/review": .forbidden, "/audit": .forbidden, "/outreach": .ok, "/persons": .ok],
            "foodbank": ["/review": .forbidden, "/audit": .forbidden, "/audit/export": .forbidden, "/outreach": .ok],
            "school": ["/review": .forbidden, "/audit": .forbidden, "/outreach": .ok],
        ]
        try await Application(router: borough.app.makeRouter()).test(.router) { client in
            for (name, paths) in expected {
                let browser = BrowserSession(client: client)
                try await browser.signIn(name, password: WebBorough.password)
                for (path, status) in paths {
                    #expect(try await browser.get(path).status == status, "\(name) \(path)")
                }
            }
        }
        let denied = try borough.database.audit.events(AuditQuery(action: "denied-access"))
        #expect(denied.contains { $0.actor == "foodbank" && $0.subject == "/review" })
    }

    @Test func thePersonPageShowsOneResidentAcrossListsAndRecordsContacts() async throws {
        let borough = try await WebBorough.make()
        let person = try #require(
            try borough.database.outreach.personScores(inRun: borough.database.outreach.scoreRuns(limit: 1)[0].id ?? 0)
                .filter { $0.band == "purple" }.first?.personId)
        try await Application(router: borough.app.makeRouter()).test(.router) { client in
            let browser = BrowserSession(client: client)
            try await browser.signIn("analyst", password: WebBorough.password)
            let page = try await browser.get("/persons/\(person)")
            #expect(page.status == .ok)
            #expect(page.text.contains("Details and where they came from") && page.text.contains("tag--purple"))
            #expect(page.text.contains(">Purple<"), "the band is named in words, never by colour alone")
            #expect(page.text.contains("row "), "each value says which list row it came from")
            let today = CivilDate.ukToday.description
            #expect(today != WebBorough.asOf.description, "the store's lists are dated earlier than today")
            #expect(
                page.text.contains(#"name="on" type="date" value="\#(today)" max="\#(today)""#),
                "the contact's date starts at today in the UK, as its hint says, not at the lists' date"
            )
            let future = try await browser.post("/persons/\(person)/contacts", form: [("outcome", "reached"), ("on", "2099-01-01")])
            #expect(future.status == .unprocessableContent && future.text.contains("must be today or in the past"))
            try await browser.get("/persons/\(person)")
            let recorded = try await browser.post(
                "/persons/\(person)/contacts", form: [("outcome", "reached"), ("on", "2026-11-16"), ("note", "Home visit")])
            #expect(recorded.status == .seeOther)
            let after = try await browser.get(recorded.location ?? "/")
            #expect(after.text.contains("Contact recorded.") && after.text.contains("Home visit"))
        }
        #expect(try borough.database.outreach.contacts(ofPersons: [person]).count == 1)
        let views = try borough.database.audit.events(AuditQuery(action: "view-person", personId: person))
        #expect(views.count >= 2 && views.allSatisfy { $0.actor == "analyst" })
    }

    @Test func theContactListDownloadsAsMarkedXLSXAndCSVAndIsAudited() async throws {
        let borough = try await WebBorough.make()
        try await Application(router: borough.app.makeRouter()).test(.router) { client in
            let browser = BrowserSession(client: client)
            try await browser.signIn("analyst", password: WebBorough.password)
            let page = try await browser.get("/outreach?band=purple&band=red")
            #expect(page.status == .ok && page.text.contains("bands Purple, Red"))
            for format in ["xlsx", "csv"] {
                let download = try await browser.get("/outreach/download?format=\(format)&band=purple&band=red")
                #expect(download.status == .ok)
                #expect(download.headers[.contentDisposition]?.contains("contact-list-2026-11-16.\(format)") == true)
            }
            let partner = BrowserSession(client: client)
            try await partner.signIn("foodbank", password: WebBorough.password)
            let csv = try await partner.get("/outreach/download?format=csv")
            #expect(csv.status == .ok)
            let header = csv.text.split(separator: "\r\n").dropFirst().first.map(String.init) ?? ""
            #expect(header.hasPrefix("person_id") && !header.contains("reasons") && !header.contains("services") && !header.contains("band"))
        }
        let exports = try borough.database.audit.events(AuditQuery(action: "export-outreach"))
        #expect(exports.count == 3 && exports.allSatisfy { $0.personCount > 0 })
    }

    @Test func filterValuesThatCannotBeReadAreNamedNotIgnored() async throws {
        let borough = try await WebBorough.make()
        try await Application(router: borough.app.makeRouter()).test(.router) { client in
            let browser = BrowserSession(client: client)
            try await browser.signIn("admin", password: WebBorough.password)
            let bad = try await browser.get("/outreach?limit=abc&band=mauve&band=red&cohort=giants")
            #expect(bad.status == .badRequest)
            #expect(bad.text.contains("There is a problem"))
            #expect(bad.text.contains("Enter the most people to list as a whole number, like 100"))
            #expect(bad.text.contains("&quot;mauve&quot; is not one") && bad.text.contains("&quot;giants&quot; is not one"))
            #expect(bad.text.contains(##"<a href="#limit">"##) && bad.text.contains(##"<a href="#band">"##))
            #expect(try await browser.get("/outreach?limit=0").status == .badRequest)
            #expect(try await browser.get("/outreach?band=PURPLE&limit=5").status == .ok, "a band in capitals is still that band")
            let commas = try await browser.get("/outreach?band=purple,%20red")
            #expect(commas.status == .ok && commas.text.contains("bands Purple, Red"), "bands listed with commas, as the CLI takes them")
            #expect(try await browser.get("/outreach?band=purple,mauve").status == .badRequest)
            let list = try await browser.get("/outreach")
            #expect(
                list.text.contains("No address</strong>") && list.text.contains("ask the school ("), "children known only to a school say whom to ask"
            )
            #expect(!list.text.contains(" nil<") && !list.text.contains(">nil<"), "absent values are left out, not printed")
            #expect(try await browser.get("/outreach/download?format=csv&band=mauve").status == .badRequest, "no file is made from a misread filter")
            let audit = try await browser.get("/audit?from=notadate&action=nonsense")
            #expect(audit.status == .badRequest)
            #expect(audit.text.contains("Enter the from date as a date, like 2026-11-16"))
            #expect(audit.text.contains("is not an action Kith records"))
            #expect(try await browser.get("/audit/export?until=31/12/2026").status == .badRequest)
            browser.bearer = try TokenIssuer(database: borough.database).issue(toAccountNamed: "admin", label: "t", validForDays: 1, by: "admin")
                .token
            let api = try await browser.get("/api/outreach?limit=-3")
            #expect(api.status == .badRequest && api.text.contains("whole number"))
        }
    }

    @Test func aPartnersListSaysWhatItIsAndOffersOnlyFiltersItCanUse() async throws {
        let borough = try await WebBorough.make()
        try await Application(router: borough.app.makeRouter()).test(.router) { client in
            let partner = BrowserSession(client: client)
            try await partner.signIn("foodbank", password: WebBorough.password)
            let page = try await partner.get("/outreach")
            #expect(page.status == .ok)
            #expect(!page.text.contains("Highest risk first"), "a partner sees no bands, so the page does not promise them")
            #expect(page.text.contains("in the order the council asks you to contact them"))
            // A school filter is offered only with schools the partner's people attend.
            if page.text.contains(#"id="school""#) {
                let offered = try #require(page.text.firstMatch(of: /([\d,]+) schools/)).1
                #expect(Int(offered.filter(\.isNumber)) ?? 0 > 0, "no school filter without schools to choose")
            }
            // Its own list has a postcode but no phone or address: the council's contact details fill the gap.
            let csv = try await partner.get("/outreach/download?format=csv")
            let lines = csv.text.split(separator: "\r\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
            let header = try #require(lines.first).map(String.init)
            let phone = try #require(header.firstIndex(of: "phone"))
            let address = try #require(header.firstIndex(of: "address"))
            let reachable = lines.dropFirst().filter { $0.count > max(phone, address) && (!$0[phone].isEmpty || !$0[address].isEmpty) }
            // Half of them are on the food bank's list alone (a postcode, nothing more); the rest are reachable.
            #expect(reachable.count > 0, "residents the council has contact details for come with them")
        }
    }

    @Test func theBandOverTimeFoldsRepeatedRunsAndTheIconIsServed() async throws {
        let borough = try await WebBorough.make()
        let person = try #require(try borough.scoredPersonIDs().first)
        for _ in 0..<2 {
            _ = try VulnerabilityScoring(database: borough.database, matrix: .standard, referenceDate: WebBorough.asOf).run(scoredBy: "test")
        }
        try await Application(router: borough.app.makeRouter()).test(.router) { client in
            let browser = BrowserSession(client: client)
            try await browser.signIn("analyst", password: WebBorough.password)
            let page = try await browser.get("/persons/\(person)")
            let table = try #require(page.text.firstMatch(of: /Band over time.*?<tbody>(.*?)<\/tbody>/.dotMatchesNewlines())).1
            #expect(table.matches(of: /<tr>/).count == 1, "three runs on the same lists are one row")
            #expect(table.contains(#"<td class="numeric">3</td>"#))
            #expect(page.text.contains(#"<link rel="icon" href="/assets/favicon.svg" type="image/svg+xml">"#))
            let icon = try await browser.get("/assets/favicon.svg")
            #expect(icon.status == .ok && icon.headers[.contentType] == "image/svg+xml" && icon.text.hasPrefix("<svg"))
            #expect(try await browser.get("/favicon.ico").location == "/assets/favicon.svg")
        }
    }

    @Test func aReviewerSettlesPairsAndSkips() async throws {
        let borough = try await WebBorough.make()
        let waiting = try borough.database.linkage.reviewQueueCount()
        try #require(waiting >= 2, "the generated borough leaves pairs to review")
        let pairs = try borough.database.linkage.reviewQueue(limit: 2, offset: 0)
        try await Application(router: borough.app.makeRouter()).test(.router) { client in
            let browser = BrowserSession(client: client)
            try await browser.signIn("analyst", password: WebBorough.password)
            let page = try await browser.get("/review")
            #expect(page.text.contains("Are these the same person?") && page.text.contains("data-review-shortcuts"))
            let skip = try await browser.post(
                "/review", form: [("left", "\(pairs[0].leftRowId)"), ("right", "\(pairs[0].rightRowId)"), ("verdict", "skip"), ("skip", "0")])
            #expect(skip.location == "/review?skip=1")
            try await browser.get("/review?skip=1")
            let same = try await browser.post(
                "/review", form: [("left", "\(pairs[1].leftRowId)"), ("right", "\(pairs[1].rightRowId)"), ("verdict", "same"), ("skip", "1")])
            #expect(same.status == .seeOther)
            #expect(try await browser.get(same.location ?? "/").text.contains("Recorded: the same person."))
        }
        #expect(try borough.database.linkage.reviewQueueCount() == waiting - 1)
        #expect(try borough.database.linkage.decisions().last?.decidedBy == "analyst")
        #expect(try borough.database.audit.count(AuditQuery(action: "review-decision")) == 1)
    }

    @Test func adminsReadAndExportTheAuditTrail() async throws {
        let borough = try await WebBorough.make()
        try await Application(router: borough.app.makeRouter()).test(.router) { client in
            let browser = BrowserSession(client: client)
            try await browser.signIn("admin", password: WebBorough.password)
            try await browser.get("/persons?q=smith")
            let page = try await browser.get("/audit?action=search")
            #expect(page.status == .ok && page.text.contains("person search"))
            // Changes to accounts, tokens and lists' owners can be chosen and read like any other action.
            for action in ["change-password", "unlock-account", "disable-account", "enable-account", "revoke-token", "assign-list"] {
                #expect(page.text.contains("<option value=\"\(action)\">\(action)</option>"), "\(action) is offered")
            }
            let assigned = try await browser.get("/audit?action=assign-list")
            #expect(assigned.status == .ok && assigned.text.contains("Food bank referrals") && assigned.text.contains("given to Borough Food Bank"))
            let export = try await browser.get("/audit/export?actor=admin")
            #expect(export.status == .ok && export.text.contains("sign-in") && export.text.hasPrefix("\u{FEFF}id,at,actor"))
        }
        #expect(try borough.database.audit.count(AuditQuery(action: "export-audit")) == 1)
        let search = try #require(try borough.database.audit.events(AuditQuery(action: "search")).first)
        #expect(!search.detail.lowercased().contains("smith"), "the audit keeps what kind of search, not the words typed")
    }

    @Test func theAPIAnswers401WithoutATokenAndWorksWithOne() async throws {
        let borough = try await WebBorough.make()
        let token = try TokenIssuer(database: borough.database).issue(toAccountNamed: "analyst", label: "test", validForDays: 1, by: "admin").token
        try await Application(router: borough.app.makeRouter()).test(.router) { client in
            let browser = BrowserSession(client: client)
            for path in ["/api/me", "/api/persons?q=smith", "/api/persons/KP-0000001", "/api/outreach", "/api/review", "/api/audit"] {
                let page = try await browser.get(path)
                #expect(page.status == .unauthorized, "\(path)")
                #expect(page.headers[.wwwAuthenticate]?.hasPrefix("Bearer") == true)
            }
            browser.bearer = "kith_wrong"
            #expect(try await browser.get("/api/me").status == .unauthorized)
            browser.bearer = token
            let me = try await browser.get("/api/me")
            #expect(me.status == .ok && me.text.contains(#""role":"analyst""#))
            let found = try await browser.get("/api/persons?q=smith")
            #expect(found.status == .ok && found.text.contains("matchCount"))
            #expect(try await browser.get("/api/audit").status == .forbidden)
            let list = try await browser.get("/api/outreach?band=purple&limit=5")
            #expect(list.status == .ok && list.text.contains(#""band":"purple""#))
            let openAPI = try await BrowserSession(client: client).get("/api/openapi.json")
            #expect(openAPI.status == .ok && openAPI.text.contains(#""openapi": "3.1.0""#))
        }
    }
}
