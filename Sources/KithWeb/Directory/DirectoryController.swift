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

    let directory: Directory
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
        let (services, terms) = try await offload { [directory] in try (Self.decoded(directory.services()), directory.taxonomyTerms()) }
        var errors: [PageRenderer.FieldError] = []
        var age: Int?
        if let text = query.text("age") {
            if let number = Int(text), (0...120).contains(number) {
                age = number
            } else {
                errors.append(.init(field: "age", message: "Enter an age in whole years, from 0 to 120"))
            }
        }
        let need = query.text("need")
        let asked = DirectorySearchPage.fields.contains { query.text($0) != nil }
        let search = DirectoryQuery(
            words: query.text("q"), needs: need.map { [$0] } ?? [], language: query.text("language"),
            access: query.text("access").map { [$0] } ?? [], age: age, openAt: query.text("open") == "now" ? now() : nil,
            acceptingReferralsOnly: query.text("taking") == "yes"
        )
        let matches = asked && errors.isEmpty ? DirectorySearch.search(services, search) : []
        let model = DirectorySearchPage(
            query: query, needs: terms.map(\.term), need: need, matches: matches, asked: asked && errors.isEmpty
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
        guard let record = try await offload({ [directory] in try directory.service(id: id) }),
            let service = try? JSONDecoder().decode(Service.self, from: Data(record.json.utf8))
        else { throw WebError.notFound }
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

    static func decoded(_ records: [DirectoryServiceRecord]) -> [Service] {
        let decoder = JSONDecoder()
        return records.compactMap { try? decoder.decode(Service.self, from: Data($0.json.utf8)) }
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
    /// `/directory`, over the store's directory repository, opened from its existential so that the controller is
    /// specialised for the store's own type.
    func addDirectoryController(to group: RouterGroup<WebRequestContext>) {
        func add(_ directory: some DirectoryRepository) {
            DirectoryController(
                directory: directory, pages: pages, now: { LocalMoment.nowInTheUK() }, referralDesk: ReferralDesk(database: database),
                database: database
            ).addRoutes(to: group)
            CallbackController(
                directory: directory, desk: CallbackDesk(database: database), stamps: formStamps, limiter: callbackLimiter, pages: pages
            ).addRoutes(to: group)
            ShortlistController(directory: directory, pages: pages, secure: configuration.secureCookies).addRoutes(to: group)
        }
        add(database.directory)
    }
}
