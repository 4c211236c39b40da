import Foundation
import Hummingbird
import HummingbirdCore
import NIOCore
import KithAccess
import KithAtlas
import KithPersons
import KithStore
import Logging

/// Kith's web app and JSON API over one store: the pages, their routes and the services they share. `kith serve`
/// and `kith demo` run it; tests drive its router directly.
public struct WebApp: Sendable {
    public let database: KithDatabase
    public let configuration: WebConfiguration
    let pages: PageRenderer
    let signInDesk: SignInDesk
    let sessions: SessionKeeper
    let tokens: TokenIssuer
    let assets: AssetFiles
    let profiles: ProfileFreshness
    let searchIndex: SearchIndexCache
    /// The signed times on the public callback form, and its limit per address.
    let formStamps = FormStamp()
    let callbackLimiter = PublicFormLimiter()
    let askLimiter = PublicFormLimiter()
    let volunteerLimiter = PublicFormLimiter()
    /// The places pages' figures, kept until the store changes.
    let placeBook: PlaceBook
    let dashboardBook: DashboardBook

    public init(database: KithDatabase, configuration: WebConfiguration) async throws {
        self.database = database
        self.configuration = configuration
        self.pages = try await PageRenderer()
        self.signInDesk = SignInDesk(database: database, hasher: PasswordHasher(cost: configuration.passwordCost))
        self.sessions = SessionKeeper(database: database)
        self.tokens = TokenIssuer(database: database)
        self.assets = try AssetFiles()
        self.profiles = ProfileFreshness(database: database)
        self.searchIndex = SearchIndexCache(database: database)
        self.placeBook = PlaceBook(atlas: Atlas(database: database), profiles: profiles, method: configuration.indexMethod)
        self.dashboardBook = DashboardBook(atlas: Atlas(database: database), profiles: profiles)
    }

    /// Every route, behind the middleware every response passes through.
    public func makeRouter() -> Router<WebRequestContext> {
        let router = Router(context: WebRequestContext.self)
        router.add(middleware: SecurityHeadersMiddleware(strictTransport: configuration.secureCookies))
        router.add(middleware: SessionMiddleware(sessions: sessions))
        router.add(middleware: ErrorPageMiddleware(pages: pages))
        AssetController(assets: assets).addRoutes(to: router)
        let api = router.group("api")
        api.add(middleware: BearerTokenMiddleware(tokens: tokens))
        addAPIControllers(to: api)
        let site = router.group()
        site.add(middleware: CSRFMiddleware(origins: configuration.trustedOrigins))
        addSignInController(to: site)
        addHomeController(to: site)
        addPersonController(to: site)
        addOutreachController(to: site)
        addReviewController(to: site)
        addImportController(to: site)
        addAuditController(to: site)
        addDirectoryControllers(site: site, router: router)
        addServiceKeepingController(to: site)
        addReferralController(to: site)
        addHelpControllers(to: site)
        addVolunteerController(to: site)
        addCaseController(to: site)
        addPlacesController(to: site)
        addDashboardController(to: site)
        addReportController(to: site)
        addProjectsController(to: site)
        return router
    }

    /// `/review`, over the store's linkage repository. The repository is opened from its existential here so that
    /// the controller is specialised for the store's own type.
    private func addReviewController(to group: RouterGroup<WebRequestContext>) {
        func add(_ linkage: some LinkageRepository) {
            let queue = ReviewQueue(linkage: linkage, audit: AuditTrail(database: database))
            ReviewController(queue: queue, decisions: MatchReview(database: database), roles: roles, pages: pages).addRoutes(to: group)
        }
        add(database.linkage)
    }

    /// The app as a Hummingbird application, listening where the configuration says.
    public func makeApplication(logger: Logger = Logger(label: "kith.web")) -> some ApplicationProtocol {
        Application(
            router: makeRouter(),
            server: .http1(configuration: Self.http1),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: nil),
            logger: logger
        )
    }

    /// HTTP/1.1 with room for a request line of up to 256 KiB (SwiftNIO's 80 KiB default answered a long search with
    /// a bare, empty 400 before Kith saw it; now the search page explains its own limit), and idle connections closed
    /// after a minute.
    static let http1 = HTTP1Channel.Configuration(
        idleTimeout: .seconds(60),
        httpDecoderConfiguration: .init(maxHeaderFieldSize: 256 * 1024, maxHeaderListSize: 256 * 1024)
    )

    /// Serves until the process is stopped.
    public func serve(logger: Logger = Logger(label: "kith.web")) async throws {
        // The profiles and every contact list's order are made ready while the server starts listening, and made
        // ready again soon after anything changes them (an import, a link or score run, from the web or from `kith`
        // in another process), so that the first contact list after a change does not wait seconds for them.
        let keeper = Task { await keepWarm(every: Self.keepWarmInterval) }
        defer { keeper.cancel() }
        try await makeApplication(logger: logger).runService()
    }

    /// Brings the profiles and every contact list's order up to date now and after each `interval`, until cancelled.
    func keepWarm(every interval: Duration) async {
        while !Task.isCancelled {
            await profiles.warm(referenceDate: configuration.today)
            try? await Task.sleep(for: interval)
        }
    }

    /// How often the server looks whether the profiles or the contact lists' order need bringing up to date: two
    /// small reads when nothing has changed.
    static let keepWarmInterval = Duration.seconds(10)

    /// The role check every controller holds: who is signed in, and whether their role may do what a request asks.
    var roles: RoleCheck { RoleCheck(audit: AuditTrail(database: database)) }

    /// The scope check every controller that names residents holds.
    var residentCheck: ResidentCheck { ResidentCheck(database: database, audit: AuditTrail(database: database)) }
}
