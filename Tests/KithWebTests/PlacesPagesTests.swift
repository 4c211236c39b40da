import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KithAccess
import KithAtlas
import KithStore
import KithTestSupport
import Testing

@testable import KithWeb

/// The places pages, the dashboard and the weekly report over the shared borough (its generated boundaries,
/// postcode lookup and indicators loaded): who may see them, what they show, small numbers suppressed outside the
/// case teams, a caseworker kept to their own area, and every download and every list of residents audited.
@Suite struct PlacesPagesTests {
    static func signIn(_ client: any TestClientProtocol, _ name: String) async throws -> BrowserSession {
        let browser = BrowserSession(client: client)
        #expect(try await browser.signIn(name, password: WebBorough.password).status == .seeOther)
        return browser
    }

    @Test func anAnalystMapsTheIndexAnIndicatorAndDemandAndDownloadsTheFigures() async throws {
        let borough = try await WebBorough.make()
        try await Application(router: borough.app.makeRouter()).test(.router) { client in
            let analyst = try await Self.signIn(client, "analyst")
            let map = try await analyst.get("/places")
            #expect(map.status == .ok)
            #expect(map.text.contains("<svg") && map.text.contains("Index of need by neighbourhood") && map.text.contains("Decile of need"))
            #expect(map.text.contains("Kithmoor 001A") && map.text.contains("/places/E01900001"))
            #expect(map.text.contains("<option value=\"indicator:claimant_count\""))
            let indicator = try await analyst.get("/places?show=indicator:claimant_count")
            #expect(indicator.status == .ok && indicator.text.contains("Percentile rank"))
            let overlay = try await analyst.get("/places?show=overlay")
            #expect(overlay.status == .ok && overlay.text.contains("Calls over expected"))
            let live = try await analyst.get("/places?show=live:kith-purple-red&level=hub")
            #expect(live.status == .ok && live.text.contains("Ashbrook"))
            #expect(try await analyst.get("/places?show=indicator:no-such-thing").status == .notFound)
            let download = try await analyst.get("/places/download?show=index&format=csv")
            #expect(download.status == .ok)
            #expect(download.text.hasPrefix("area_code,area_name,rank,decile,score,population"))
            #expect(download.headers[.contentDisposition]?.contains("places-neighbourhood-index-") == true)
            let exports = try borough.database.audit.events(AuditQuery(action: "export-places"))
            #expect(exports.count == 1 && exports[0].actor == "analyst")
            let zones = try await analyst.get("/places/zones")
            #expect(zones.status == .ok && zones.text.contains("How the zones are found"))
        }
    }

    @Test func anAreaHasAProfileInTheChildrensCommissionersForm() async throws {
        let borough = try await WebBorough.make()
        try await Application(router: borough.app.makeRouter()).test(.router) { client in
            let analyst = try await Self.signIn(client, "analyst")
            let profile = try await analyst.get("/places/E01900001")
            #expect(profile.status == .ok)
            for words in ["Kithmoor 001A", "Estimate", "Per 1,000", "Percentile rank", "Kith's own figures, now", "Index of need", "Ashbrook"] {
                #expect(profile.text.contains(words), "the profile shows \(words)")
            }
            let hub = try await analyst.get("/places/ashbrook")
            #expect(hub.status == .ok && hub.text.contains("Areas within it") && hub.text.contains("/places/E01900001"))
            #expect(try await analyst.get("/places/E09999999").status == .notFound)
        }
    }

    @Test func theZonesContactListIsScopedAndAudited() async throws {
        let borough = try await WebBorough.make()
        try await Application(router: borough.app.makeRouter()).test(.router) { client in
            let analyst = try await Self.signIn(client, "analyst")
            let residents = try await analyst.get("/places/ashbrook/residents")
            #expect(residents.status == .ok && residents.text.contains("Residents Kith knows in Ashbrook"))
            let viewed = try borough.database.audit.events(AuditQuery(action: "view-outreach"))
            #expect(viewed.contains { $0.subject == "residents of area ashbrook" && $0.personCount > 0 })
            // A school sees its pupils, not places.
            let school = try await Self.signIn(client, "school")
            #expect(try await school.get("/places").status == .forbidden)
            #expect(try await school.get("/dashboard").status == .forbidden)
            #expect(try await school.get("/reports/weekly").status == .forbidden)
        }
    }

    @Test func partnersSeeSmallNumbersSuppressed() async throws {
        let borough = try await WebBorough.make()
        try await Application(router: borough.app.makeRouter()).test(.router) { client in
            let partner = try await Self.signIn(client, "foodbank")
            let live = try await partner.get("/places?show=live:kith-children-on-plan")
            #expect(live.status == .ok && live.text.contains("Counts of residents from 1 to 4 are shown as &lt;5"))
            let file = try await partner.get("/places/download?show=live:kith-children-on-plan&format=csv")
            let counts = file.text.split(whereSeparator: \.isNewline).dropFirst().map {
                $0.split(separator: ",", omittingEmptySubsequences: false)[2]
            }
            #expect(counts.allSatisfy { Int($0).map { $0 == 0 || $0 >= 5 } ?? ($0 == "<5") }, "no count from 1 to 4 leaves the case teams")
            let report = try await partner.get("/reports/weekly")
            #expect(report.status == .ok && report.text.contains("For partners and leaders") && !report.text.contains("case teams' edition"))
        }
    }

    @Test func aCaseworkersDashboardIsTheirOwnArea() async throws {
        let borough = try await WebBorough.make()
        try await Application(router: borough.app.makeRouter()).test(.router) { client in
            let caseworker = try await Self.signIn(client, "caseworker")
            let dashboard = try await caseworker.get("/dashboard?area=westerby")
            #expect(dashboard.status == .ok)
            // The caseworker's area is a postcode district: their dashboard is the hub area holding most of it.
            #expect(dashboard.text.contains("Dunmere, 2026-"), "the caseworker's own area (\(borough.area)), whatever is asked")
            #expect(!dashboard.text.contains("The whole borough"))
            let analyst = try await Self.signIn(client, "analyst")
            let whole = try await analyst.get("/dashboard")
            #expect(whole.status == .ok && whole.text.contains("The whole borough") && whole.text.contains("Residents identified"))
            #expect(whole.text.contains("Welfare checks triggered") && whole.text.contains("Services' capacity"))
            let file = try await analyst.get("/dashboard/download?format=xlsx")
            #expect(file.status == .ok && file.headers[.contentType]?.contains("spreadsheetml") == true)
        }
    }

    @Test func theWeeklyReportIsAPageAndAnAuditedDownload() async throws {
        let borough = try await WebBorough.make()
        try await Application(router: borough.app.makeRouter()).test(.router) { client in
            let analyst = try await Self.signIn(client, "analyst")
            let page = try await analyst.get("/reports/weekly?as-of=2026-11-16")
            #expect(page.status == .ok)
            for words in ["Headlines", "Week before", "Low engagement zones", "Capacity gaps", "Excel, case teams"] {
                #expect(page.text.contains(words), "the report shows \(words)")
            }
            let workbook = try await analyst.get("/reports/weekly?as-of=2026-11-16&edition=partners&format=xlsx")
            #expect(workbook.status == .ok && workbook.headers[.contentDisposition]?.contains("weekly-report-2026-11-16-partners.xlsx") == true)
            let html = try await analyst.get("/reports/weekly?as-of=2026-11-16&format=html")
            #expect(html.text.hasPrefix("<!DOCTYPE html>") && html.text.contains("<style>"))
            let exports = try borough.database.audit.events(AuditQuery(action: "export-report"))
            #expect(exports.count == 2)
        }
    }
}

extension PlacesPagesTests {
    @Test func aProjectsSharedFiguresAreShownToEveryContributorWithSmallNumbersSuppressed() async throws {
        let borough = try await WebBorough.make()
        let projects = KithAtlas.InsightProjects(database: borough.database)
        try projects.create("Digital divide", purpose: "Planning digital inclusion sessions", by: "analyst")
        let metadata = try borough.folder.file(
            "meta.csv", text: "id,name,domain,unit,denominator,higher_is_more_need\noffline,Older residents not online,Digital access,people,,yes\n")
        let table = try borough.folder.file("a.csv", text: "area_code,offline\nE01900001,12\nE01900002,3\n")
        _ = try projects.contribute(
            table, metadata: metadata, toProject: "Digital divide", from: "Age Concern", usage: "Planning only", by: "analyst")
        try await Application(router: borough.app.makeRouter()).test(.router) { client in
            let partner = try await Self.signIn(client, "foodbank")
            let list = try await partner.get("/places/projects")
            #expect(list.status == .ok && list.text.contains("Digital divide") && list.text.contains("Planning digital inclusion sessions"))
            let page = try await partner.get("/places/projects?project=Digital%20divide")
            #expect(page.status == .ok && page.text.contains("Age Concern") && page.text.contains("Planning only"))
            #expect(page.text.contains(">12<") && page.text.contains("&lt;5") && !page.text.contains(">3<"))
            let file = try await partner.get("/places/projects?project=Digital%20divide&format=csv")
            #expect(file.text.contains("E01900002,Kithmoor 001B,<5"))
            #expect(try borough.database.audit.events(AuditQuery(action: "export-places")).count == 1)
        }
    }
}
