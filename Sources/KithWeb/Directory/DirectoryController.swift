import Foundation
import Hummingbird
import KithConnect
import KithAccess
import KithDirectory
import KithReferrals
import KithSpreadsheet
import KithStore

/// `/directory`: the public services directory, for residents and for VCS workers, without signing in: search by
/// need, words, language, access, age, open now and taking referrals; and each service's page. It shows services,
/// never residents, so it reads no account and writes no audit entry.
struct DirectoryController<Directory: DirectoryRepository>: Sendable {
    typealias Context = WebRequestContext

    let catalog: DirectoryCatalog<Directory>
    let pages: PageRenderer
    /// The borough's clock, for "open now" (UK time).
    let now: @Sendable () -> LocalMoment
    /// A service's referral counts, for signed-in staff and partners (KithAccess says who).
    let referralDesk: ReferralDesk
    let database: any Store

    func addRoutes(to group: RouterGroup<Context>) {
        group.get("directory", use: search)
        group.get("directory/services/:service", use: show)
    }

    /// The search form and, once asked, the services that answer it.
    @Sendable func search(_ request: Request, context: Context) async throws -> Response {
        let query = FormFields.query(of: request)
        let directory = try await catalog.current()
        var errors: [PageRenderer.FieldError] = []
        var age: Int?
        if let text = query.text("age") {
            if let number = Int(text), (0...120).contains(number) {
                age = number
            } else {
                errors.append(.init(field: "age", message: "Enter an age in whole years, from 0 to 120"))
            }
        }
        var near: GeoPoint?
        if let text = query.text("postcode") {
            if let postcode = PostcodeCentroids.normalised(text) {
                near = directory.centroids[postcode]
                if near == nil {
                    errors.append(.init(field: "postcode", message: "We do not know where \(postcode) is: try a postcode in the borough"))
                }
            } else {
                errors.append(.init(field: "postcode", message: "Enter a full postcode, like HY1 2AB"))
            }
        }
        var within: Double?
        if let text = query.text("within") {
            if let miles = DirectorySearchPage.distances.first(where: { String($0) == text }) {
                within = Double(miles) * DirectorySearchPage.metresPerMile
                if query.text("postcode") == nil {
                    errors.append(.init(field: "postcode", message: "Enter a postcode to search within \(miles) mile\(miles == 1 ? "" : "s") of it"))
                }
            } else {
                errors.append(.init(field: "within", message: "Choose a distance from the list"))
            }
        }
        let need = query.text("need")
        let asked = DirectorySearchPage.fields.contains { query.text($0) != nil }
        let search = DirectoryQuery(
            words: query.text("q"), needs: need.map { [$0] } ?? [], near: near, withinMetres: within, language: query.text("language"),
            access: query.text("access").map { [$0] } ?? [], age: age, openAt: query.text("open") == "now" ? now() : nil,
            acceptingReferralsOnly: query.text("taking") == "yes"
        )
        let hits = asked && errors.isEmpty ? directory.index.hits(search) : []
        let model = DirectorySearchPage(
            query: query, needs: directory.terms.compactMap(\.label), need: need, hits: hits, index: directory.index, asked: asked && errors.isEmpty
        )
        return pages.page(
            "directory", title: "Find help near you", model: model, signedIn: context.signedIn, path: request.uri.path, errors: errors,
            status: errors.isEmpty ? .ok : .badRequest, isPublic: true
        )
    }

    /// One service: everything a resident asks before going ("where, when, will they speak my language, can I get
    /// in, can I phone?"), and its capacity with the date it was said.
    @Sendable func show(_ request: Request, context: Context) async throws -> Response {
        let id = try context.parameters.require("service")
        guard let service = try await catalog.current().index.service(id: id) else { throw WebError.notFound }
        var model = DirectoryServicePage(service, now: now())
        if let signedIn = context.signedIn, ReferralAccess(database: database, signedIn: signedIn).seesReferralCounts {
            let desk = referralDesk
            model.referralCounts = ReferralCountsView(try await offload { try desk.counts(ofService: id) })
        }
        return pages.page(
            "directory-service", title: service.name, model: model, signedIn: context.signedIn,
            path: request.uri.path, isPublic: true
        )
    }
}

extension LocalMoment {
    /// Now, in the UK's own time (British Summer Time in summer).
    static func nowInTheUK() -> LocalMoment {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/London") ?? .gmt
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: Date())
        let date = CivilDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1) ?? CivilDate(daysSinceEpoch: 0)
        return LocalMoment(date: date, minutes: (parts.hour ?? 0) * 60 + (parts.minute ?? 0))
    }
}

extension WebApp {
    /// `/directory` and the ORUK API `/openreferral/`, over the store's directory repository, opened from its
    /// existential so that the controllers are specialised for the store's own type; both read one catalog.
    func addDirectoryControllers(site: RouterGroup<WebRequestContext>, router: Router<WebRequestContext>) {
        func add(_ directory: some DirectoryRepository) {
            let catalog = DirectoryCatalog(directory: directory)
            DirectoryController(
                catalog: catalog, pages: pages, now: { LocalMoment.nowInTheUK() }, referralDesk: ReferralDesk(database: database),
                database: database
            ).addRoutes(to: site)
            OpenReferralController(catalog: catalog, publicURL: configuration.publicURL).addRoutes(to: router.group("openreferral"))
            CallbackController(
                catalog: catalog, desk: CallbackDesk(database: database), stamps: formStamps, limiter: callbackLimiter, pages: pages
            ).addRoutes(to: site)
            ShortlistController(catalog: catalog, pages: pages, secure: configuration.secureCookies).addRoutes(to: site)
        }
        add(database.directory)
    }
}
