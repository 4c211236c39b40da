import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KithAccess
import KithStore
import KithWeb
import Testing

/// Proves that a partner, a school and a caseworker account reach no resident outside their scope through any page
/// or API call: every route of the app (read from its router, so a new route cannot be missed) is called for every
/// person in the store, and every person id any answer carries is checked against the scope.
@Suite struct ScopeTests {
    /// Every route the app's router holds, in a controller or not, its captures written as the sources write them
    /// (`/persons/:id`).
    static func registeredRoutes(of app: WebApp) -> [(method: String, path: String)] {
        app.makeRouter().routes.map { route in
            let path = route.path.description.replacingOccurrences(of: "{", with: ":").replacingOccurrences(of: "}", with: "")
            return (route.method.rawValue, path)
        }
    }

    @Test(arguments: [Role.partner, .school, .caseworker])
    func aScopedAccountReachesNoOtherResidentThroughAnyRoute(role: Role) async throws {
        let borough = try await WebBorough.make()
        let name = try #require(WebBorough.accountNames[role])
        let account = try #require(try borough.database.access.account(named: name))
        let allowed = try #require(try ResidentScope(database: borough.database, scope: AccessScope(account: account)).personIDs())
        let everyone = try borough.scoredPersonIDs()
        let outside = everyone.filter { !allowed.contains($0) }
        try #require(!allowed.isEmpty && !outside.isEmpty, "the scope holds some residents and not others")
        let token = try TokenIssuer(database: borough.database).issue(toAccountNamed: name, label: "scope test", validForDays: 1, by: "test").token
        let routes = Self.registeredRoutes(of: borough.app)
        #expect(routes.count >= 20, "the router holds the app's routes")
        let personRoutes = routes.filter { $0.path.contains(":id") }
        let otherRoutes = routes.filter { !$0.path.contains(":id") }
        let searches = try Self.searchTerms(borough.database)
        try await Application(router: borough.app.makeRouter()).test(.router) { client in
            let browser = BrowserSession(client: client)
            try await browser.signIn(name, password: WebBorough.password)
            try await browser.get("/")
            let api = BrowserSession(client: client)
            api.bearer = token
            var leaks: Set<String> = []
            func check(_ page: BrowserSession.Page, _ what: String) {
                let found = personIDs(in: page.text).subtracting(allowed)
                if !found.isEmpty { leaks.formUnion(found.map { "\(what): \($0)" }) }
            }
            // Every route that names a person, for every person outside the scope: nothing but "not found".
            for route in personRoutes {
                let session = route.path.hasPrefix("/api/") ? api : browser
                for person in outside {
                    let path = route.path.replacingOccurrences(of: ":id", with: person)
                    let page: BrowserSession.Page
                    if route.method == "GET" {
                        page = try await session.get(path)
                    } else if route.path.hasPrefix("/api/") {
                        page = try await session.send(path, method: .post, json: #"{"outcome":"reached"}"#)
                    } else {
                        page = try await session.post(path, form: [("outcome", "reached"), ("on", "2026-11-16")])
                    }
                    #expect(page.status == .notFound, "\(route.method) \(path) answered \(page.status.code)")
                    check(page, "\(route.method) \(path)")
                }
            }
            // Every other route, and searches for every surname and postcode district in the store.
            for route in otherRoutes where route.method == "GET" {
                let session = route.path.hasPrefix("/api/") ? api : browser
                let path = route.path.replacingOccurrences(of: ":name", with: "kith.css")
                check(try await session.get(path), "GET \(path)")
            }
            for term in searches {
                let encoded = term.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? term
                check(try await browser.get("/persons?q=\(encoded)"), "search \(term)")
                check(try await api.get("/api/persons?q=\(encoded)&limit=200"), "api search \(term)")
            }
            for query in ["", "band=purple&band=red", "limit=100000", "area=HY2", "school=a"] {
                check(try await browser.get("/outreach?\(query)"), "outreach \(query)")
                check(try await browser.get("/outreach/download?format=csv&\(query)"), "download \(query)")
                check(try await api.get("/api/outreach?\(query)"), "api outreach \(query)")
            }
            #expect(leaks.isEmpty, "residents outside the scope reached: \(leaks.sorted().prefix(20))")
        }
        #expect(try borough.database.outreach.contacts().isEmpty, "no contact was recorded with anyone outside the scope")
        let denied = try borough.database.audit.count(AuditQuery(actor: name, action: "denied-access"))
        #expect(denied >= outside.count * personRoutes.count, "every refusal is audited")
    }

    /// Every family name and postcode district in the store, to search for.
    static func searchTerms(_ database: KithDatabase) throws -> [String] {
        var terms: Set<String> = []
        let columns = try database.linkage.linkableColumns()
        try database.linkage.forEachLinkableRow(after: 0) { row in
            for column in columns[row.importId] ?? [] where column.tag == "#x_person +family +name" || column.tag == "#loc +postcode" {
                guard let value = row.normalisedValue(at: column.position), !value.isEmpty else { continue }
                terms.insert(column.tag == "#loc +postcode" ? String(value.split(separator: " ").first ?? "") : value)
            }
        }
        return terms.sorted()
    }
}
