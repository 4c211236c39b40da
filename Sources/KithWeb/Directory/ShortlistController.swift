import Foundation
import Hummingbird
import KithDirectory
import KithStore

/// `/directory/shortlist?s={id}&s={id}…`: the services a worker picked for a resident, to send as a link (the page's
/// own address, which holds service ids only, nothing about the resident), as plain text to paste into a text
/// message or WhatsApp, or to print. Public, like the directory.
struct ShortlistController<Directory: DirectoryRepository>: Sendable {
    typealias Context = WebRequestContext

    /// Enough for any resident's list; a longer one is cut.
    static var mostServices: Int { 12 }

    /// The directory as the pages read it, decoded once.
    let catalog: DirectoryCatalog<Directory>
    let pages: PageRenderer
    /// Whether the site is served over HTTPS (as secure cookies say), for the link's scheme.
    let secure: Bool

    func addRoutes(to group: RouterGroup<Context>) {
        group.get("directory/shortlist", use: show)
    }

    @Sendable func show(_ request: Request, context: Context) async throws -> Response {
        var ids: [String] = []
        for id in FormFields.query(of: request).all("s") where !ids.contains(id) && ids.count < Self.mostServices { ids.append(id) }
        let index = try await catalog.current().index
        let services = ids.compactMap(index.service(id:))
        let site = (secure ? "https://" : "http://") + (request.head.authority ?? "localhost")
        var allowed = CharacterSet.urlQueryAllowed
        allowed.remove(charactersIn: "&=+#")
        let link =
            site + "/directory/shortlist?"
            + services.map { "s=" + ($0.id.addingPercentEncoding(withAllowedCharacters: allowed) ?? "") }
            .joined(separator: "&")
        let model = ShortlistPage(
            services: services.map { DirectoryServicePage($0, now: LocalMoment.nowInTheUK()) }, ids: services.map(\.id),
            text: Shortlist(services: services, siteAddress: site).text, link: link, isEmpty: services.isEmpty)
        return pages.page(
            "directory-shortlist", title: services.isEmpty ? "Make a shortlist" : "Services for you", model: model, signedIn: context.signedIn,
            path: request.uri.path, isPublic: true)
    }
}

/// What `directory-shortlist.mustache` shows.
struct ShortlistPage {
    var services: [DirectoryServicePage]
    var ids: [String]
    var text: String
    var link: String
    /// Stored, not computed: Mustache reads stored properties only.
    var isEmpty: Bool
}
