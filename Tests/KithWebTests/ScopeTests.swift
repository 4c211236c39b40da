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
/// person in the store, and every answer is checked for the person ids of residents outside the scope, and for their
/// family names and postcode districts.
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
        // Routes name a person with `:id` (a service in the public directory with `:service`).
        let personRoutes = routes.filter { $0.path.contains(":id") }
        let otherRoutes = routes.filter { !$0.path.contains(":id") }
        let searches = try Self.searchTerms(borough.database)
        let hidden = try Self.wordsOnlyOf(outside: allowed, in: borough.database)
        let postcodes = hidden.filter { $0.contains(" ") }
        try #require(hidden.count - postcodes.count >= 20 && postcodes.count >= 20, "those outside have names and postcodes of their own")
        try await Application(router: borough.app.makeRouter()).test(.router) { client in
            let browser = BrowserSession(client: client)
            try await browser.signIn(name, password: WebBorough.password)
            try await browser.get("/")
            let api = BrowserSession(client: client)
            api.bearer = token
            var leaks: Set<String> = []
            func check(_ page: BrowserSession.Page, _ what: String, echoing echoed: String? = nil) {
                let found = personIDs(in: page.text).subtracting(allowed)
                if !found.isEmpty { leaks.formUnion(found.map { "\(what): \($0)" }) }
                // A filter the page repeats back (`area=HY2`) is what was asked, not what was found.
                let said = Self.words(in: Self.readableText(page.text)).subtracting(echoed.map(Self.words(in:)) ?? [])
                leaks.formUnion(said.intersection(hidden).map { "\(what): \($0)" })
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
                let echoed = query.split(separator: "=").last.map(String.init)
                check(try await browser.get("/outreach?\(query)"), "outreach \(query)", echoing: echoed)
                check(try await browser.get("/outreach/download?format=csv&\(query)"), "download \(query)", echoing: echoed)
                check(try await api.get("/api/outreach?\(query)"), "api outreach \(query)", echoing: echoed)
            }
            #expect(leaks.isEmpty, "residents outside the scope reached: \(leaks.sorted().prefix(20))")
        }
        #expect(try borough.database.outreach.contacts().isEmpty, "no contact was recorded with anyone outside the scope")
        let denied = try borough.database.audit.count(AuditQuery(actor: name, action: "denied-access"))
        #expect(denied >= outside.count * personRoutes.count, "every refusal is audited")
    }

    /// The words of the family names, the postcode districts and the postcodes of residents outside the scope that
    /// nothing the scope may show says otherwise: words of rows of residents inside the scope (their names,
    /// addresses, lead professionals), of the app's own templates and assets, and the names of lists, areas,
    /// schools, bands and accounts are left out, since a page may show them rightly; so are words of fewer than
    /// three letters.
    static func wordsOnlyOf(outside allowed: Set<String>, in database: KithDatabase) throws -> Set<String> {
        let columns = try database.linkage.linkableColumns()
        let persons = try database.linkage.personAssignments()
        var outside: Set<String> = []
        var shown: Set<String> = []
        try database.linkage.forEachLinkableRow(after: 0) { row in
            guard let person = persons[row.rowId] else { return }
            guard !allowed.contains(person) else {
                for (position, cell) in row.cells.enumerated() {
                    shown.formUnion(words(in: cell))
                    shown.formUnion(words(in: row.normalisedValue(at: position) ?? ""))
                }
                return
            }
            for column in columns[row.importId] ?? [] {
                let tag = column.tag ?? ""
                let value = row.normalisedValue(at: column.position) ?? ""
                if tag.hasPrefix("#x_person") && tag.contains("+family") {
                    outside.formUnion(words(in: value))
                    outside.formUnion(words(in: row.cells.indices.contains(column.position) ? row.cells[column.position] : ""))
                } else if tag.hasPrefix("#loc") && tag.contains("+postcode"), let district = value.split(separator: " ").first {
                    // The district alone, and the whole postcode as the two words it is written as.
                    outside.formUnion(words(in: String(district)))
                    outside.formUnion(words(in: value).filter { $0.contains(" ") })
                }
            }
        }
        let templates = URL(filePath: #filePath).deletingLastPathComponent().appending(path: "../../Sources/KithWeb/Resources")
        for case let file as URL in FileManager.default.enumerator(at: templates, includingPropertiesForKeys: nil) ?? .init() {
            shown.formUnion(words(in: (try? String(contentsOf: file, encoding: .utf8)) ?? ""))
        }
        try shown.formUnion(database.imports.sources().flatMap { words(in: $0.name) })
        if let run = try database.outreach.scoreRuns(limit: 1).first?.id {
            for score in try database.outreach.personScores(inRun: run) {
                shown.formUnion(words(in: [score.area, score.school, score.cohort, score.band].compactMap { $0 }.joined(separator: " ")))
            }
        }
        shown.formUnion(WebBorough.accountNames.values.flatMap { words(in: $0) } + words(in: WebBorough.organisation))
        return outside.subtracting(shown).filter { $0.count >= 3 }
    }

    /// The words of a text, folded to lower case without accents, split at anything but a letter or digit, and each
    /// two words in a row (`hy1 2ab`), so that a postcode is found as a whole.
    static func words(in text: String) -> Set<String> {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        let words: [String] = folded.split { !$0.isLetter && !$0.isNumber }.map(String.init)
        let pairs: [String] = zip(words, words.dropFirst()).map { first, second in first + " " + second }
        return Set(words).union(pairs)
    }

    /// What a page says to its reader: an HTML page's text without its tags (so a search box's value, which repeats
    /// the search, and links' addresses are left out; person ids there are checked on the whole page), characters
    /// written as entities read back; any other answer as it is.
    static func readableText(_ text: String) -> String {
        guard text.hasPrefix("<!") || text.hasPrefix("<html") else { return text }
        var said = String.UnicodeScalarView()
        var inTag = false
        for scalar in text.unicodeScalars {
            if scalar == "<" { inTag = true } else if scalar == ">" { inTag = false; said.append(" ") } else if !inTag { said.append(scalar) }
        }
        return [("&#39;", "'"), ("&quot;", "\""), ("&lt;", "<"), ("&gt;", ">"), ("&amp;", "&")].reduce(String(said)) {
            $0.replacingOccurrences(of: $1.0, with: $1.1)
        }
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
