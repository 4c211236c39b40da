import Foundation
import Hummingbird
import HummingbirdTesting
import KithOutreach
import KithSpreadsheet
import KithStore
import KithVulnerability
import KithWeb
import Testing

/// Contact lists and person pages over a real HTTP server on loopback, read from the kept profiles: the list a page
/// shows is the list rebuilt from every row, and a contact recorded on a person page reaches the next list at once.
@Suite struct KeptProfilePagesTests {
    @Test func anAreasContactListIsTheRebuiltListAndTakesARecordedContactAtOnce() async throws {
        let borough = try await WebBorough.make()
        let filter = OutreachFilter(area: borough.area)
        let rebuilt = try OutreachList.rebuilt(database: borough.database, filter: filter, referenceDate: WebBorough.asOf)
        let first = try #require(rebuilt.entries.first).profile
        let query = "/outreach?area=" + (borough.area.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
        try await Application(router: borough.app.makeRouter(), configuration: .init(address: .hostname("127.0.0.1", port: 0))).test(.live) { client in
            let browser = BrowserSession(client: client)
            try await browser.signIn("analyst", password: WebBorough.password)
            let page = try await browser.get(query)
            #expect(page.status == .ok)
            #expect(page.text.contains("\(rebuilt.entries.count.formatted())"), "the page counts the rebuilt list's people")
            let shown = Self.personIDs(in: page.text)
            #expect(shown == rebuilt.entries.prefix(shown.count).map(\.profile.personID))
            #expect(shown.count == min(200, rebuilt.entries.count))

            try await browser.get("/persons/\(first.personID)")
            let recorded = try await browser.post("/persons/\(first.personID)/contacts", form: [("outcome", "reached"), ("on", "2026-11-16")])
            #expect(recorded.status == .seeOther)
            let after = Self.personIDs(in: try await browser.get(query).text)
            #expect(after.first != first.personID, "reached today, they go after people not contacted")
            let again = try OutreachList.rebuilt(database: borough.database, filter: filter, referenceDate: WebBorough.asOf)
            #expect(after == again.entries.prefix(after.count).map(\.profile.personID))
        }
        // Every view is still audited: the list, and the person page.
        #expect(try borough.database.audit.events(AuditQuery(action: "view-outreach")).count >= 2)
        #expect(try !borough.database.audit.events(AuditQuery(action: "view-person", personId: first.personID)).isEmpty)
    }

    /// The person ids a contact list page links to, in order.
    private static func personIDs(in html: String) -> [String] {
        var ids: [String] = []
        var rest = html[...]
        while let range = rest.range(of: "href=\"/persons/") {
            let id = rest[range.upperBound...].prefix { $0 != "\"" && $0 != "?" && $0 != "#" }
            if ids.last != String(id) { ids.append(String(id)) }
            rest = rest[range.upperBound...]
        }
        return ids
    }
}
