import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KithAccess
import KithSpreadsheet
import KithStore
import KithTestSupport
import KithWeb
import Testing

/// A Kith store (a real SQLite file) in a temporary folder, an account for each role, and the web app over it. Tests
/// drive the app's router with Hummingbird's test client and sign in through its own sign-in page, as a browser does.
final class WebFixture: Sendable {
    let folder: TemporaryFolder
    let storePath: String
    let database: KithDatabase
    let app: WebApp

    /// Every account's password.
    static let password = "battery-staple-horse-42"
    static let admin = "test-admin"
    static let analyst = "test-analyst"
    static let caseworker = "test-caseworker"
    static let partner = "test-partner"
    static let school = "test-school"

    /// - Parameter configure: changes to the web configuration (its store path and password cost are the fixture's).
    init(referenceDate: CivilDate? = nil, configure: (inout WebConfiguration) -> Void = { _ in }) async throws {
        folder = try TemporaryFolder()
        storePath = folder.path("kith.sqlite").path
        database = try KithDatabase.open(path: storePath)
        let book = AccountBook(database: database, hasher: PasswordHasher(cost: 4))
        try book.add(name: Self.admin, role: .admin, password: Self.password, by: "test")
        try book.add(name: Self.analyst, role: .analyst, password: Self.password, by: "test")
        try book.add(name: Self.caseworker, role: .caseworker, password: Self.password, area: "North", by: "test")
        try book.add(name: Self.partner, role: .partner, password: Self.password, organisation: "Food bank", by: "test")
        try book.add(name: Self.school, role: .school, password: Self.password, school: "100001", by: "test")
        var configuration = WebConfiguration(referenceDate: referenceDate, passwordCost: 4, storePath: storePath)
        configure(&configuration)
        app = try await WebApp(database: database, configuration: configuration)
    }

    /// Runs `body` against the app's router.
    func run(_ body: @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        try await Application(router: app.makeRouter()).test(.router, body)
    }

    /// Signs in through `/sign-in` and returns a browser holding the session cookie and the session's CSRF token.
    func signIn(_ client: any TestClientProtocol, as name: String, password: String = WebFixture.password) async throws -> BrowserSession {
        let browser = BrowserSession(client: client)
        let signedIn = try await browser.signIn(name, password: password)
        #expect(signedIn.status == .seeOther, "signing in as \(name) redirects")
        let home = try await browser.get("/")
        #expect(home.status == .ok && !browser.csrf.isEmpty, "a signed-in page carries the session's CSRF token")
        return browser
    }

    /// A bearer token for the JSON API, issued to `name`.
    func apiToken(for name: String) throws -> String {
        try TokenIssuer(database: database).issue(toAccountNamed: name, label: "test", validForDays: 1, by: Self.admin).token
    }

    /// The staging folder's upload folders, to see what is waiting.
    func stagedUploads() -> [URL] {
        (try? FileManager.default.contentsOfDirectory(at: app.configuration.stagingFolder, includingPropertiesForKeys: nil)) ?? []
    }

    /// The audit trail's events of one action, newest first.
    func auditEvents(_ action: AuditTrail.Action, by actor: String? = nil) throws -> [AuditEvent] {
        try database.audit.events(AuditQuery(actor: actor, action: action.rawValue, limit: 1000))
    }
}
