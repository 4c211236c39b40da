import Foundation
import HTTPTypes
import Hummingbird
import KithDirectory
import KithStore

/// `/openreferral/`: the directory as Open Referral UK 3.0's read API, public and read-only, for other directories
/// and apps: `/` (what this API is), `/services` (searched and paged the ORUK way) and `/services/{id}` (fully nested),
/// `/service_at_locations`, `/organizations`, `/taxonomies` and `/taxonomy_terms` with their `{id}`s, and its OpenAPI
/// document. It shows services, never residents, so it reads no account and writes no audit entry; any site may read
/// it (`Access-Control-Allow-Origin: *`).
struct OpenReferralController<Directory: DirectoryRepository>: Sendable {
    typealias Context = WebRequestContext

    let catalog: DirectoryCatalog<Directory>
    /// Where Kith is reached from outside, for the links `/` gives; else the request's own host.
    let publicURL: String?

    /// Items are named by their own parameter, never `:id`, which Kith's routes keep for persons.
    func addRoutes(to group: RouterGroup<Context>) {
        group.get(use: info)
        group.get("openapi.json", use: openAPI)
        group.get("services", use: services)
        group.get("services/:service", use: service)
        group.get("service_at_locations", use: serviceAtLocations)
        group.get("service_at_locations/:place", use: serviceAtLocation)
        group.get("organizations", use: organizations)
        group.get("organizations/:organization", use: organization)
        group.get("taxonomies", use: taxonomies)
        group.get("taxonomies/:taxonomy", use: taxonomy)
        group.get("taxonomy_terms", use: taxonomyTerms)
        group.get("taxonomy_terms/:term", use: taxonomyTerm)
    }

    /// The API's version, the profile it follows and where its OpenAPI document is.
    @Sendable func info(_ request: Request, context: Context) async throws -> Response {
        let base = publicURL.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 } ?? "http://\(request.head.authority ?? "localhost")"
        return try Self.json(
            ORUKInfo(
                version: "3.0", profile: "https://github.com/OpenReferralUK/uk-profile",
                openapiURL: base + "/openreferral/openapi.json"))
    }

    @Sendable func openAPI(_ request: Request, context: Context) async throws -> Response {
        Self.response(Data(OpenReferralOpenAPI.json.utf8))
    }

    /// A page of services, one-to-one fields only, searched by every ORUK parameter; nearest first with a postcode.
    @Sendable func services(_ request: Request, context: Context) async throws -> Response {
        try await searched(request) { directory, found in found.map { directory.serviceListJSON[$0] } }
    }

    /// One service, fully nested, exactly as stored.
    @Sendable func service(_ request: Request, context: Context) async throws -> Response {
        try await one(context, "service", kind: "service") { directory, id in directory.serviceJSON[id].map { Self.response(Data($0.utf8)) } }
    }

    /// A page of the places services are offered, searched as `/services` is.
    @Sendable func serviceAtLocations(_ request: Request, context: Context) async throws -> Response {
        try await searched(request) { directory, found in found.flatMap { directory.placeListJSON[$0] } }
    }

    /// A page of what `items` lists (as JSON) of the services that answer the request's ORUK search, given by their
    /// positions in the directory's index; a parameter that cannot be read is a 400 naming it.
    func searched(_ request: Request, items: (DirectorySnapshot, [Int]) -> [Data]) async throws -> Response {
        let directory = try await catalog.current()
        do {
            let query = try ORUKServiceQuery(parameters: Self.parameters(of: request))
            let all = items(directory, try query.positions(in: directory.index, locate: directory.locate))
            let start = min(all.count, (query.page - 1) * query.perPage)
            let shown = Array(all[start..<min(all.count, start + query.perPage)])
            return Self.response(Self.page(shown, pageNumber: query.page, perPage: query.perPage, totalItems: all.count))
        } catch let error as ORUKQueryError {
            return try Self.badRequest(error)
        }
    }

    @Sendable func serviceAtLocation(_ request: Request, context: Context) async throws -> Response {
        let id = try context.parameters.require("place")
        let directory = try await catalog.current()
        guard let position = directory.serviceAtLocationPositions[id] else { return try Self.notFound("service_at_location", id) }
        return try Self.json(directory.serviceAtLocations[position])
    }

    @Sendable func organizations(_ request: Request, context: Context) async throws -> Response {
        try await listed(request) { $0.organizations.map(ORUKViews.listItem) }
    }

    /// One organisation, with its services' one-to-one fields.
    @Sendable func organization(_ request: Request, context: Context) async throws -> Response {
        try await one(context, "organization", kind: "organization") { directory, id in
            try directory.organizationPositions[id].map { position in
                let services = directory.index.services.filter { ($0.organizationId ?? $0.organization?.id) == id }.map(ORUKViews.listItem)
                return try Self.json(ORUKOrganization(organization: directory.organizations[position], services: services))
            }
        }
    }

    @Sendable func taxonomies(_ request: Request, context: Context) async throws -> Response {
        try await listed(request) { $0.taxonomies }
    }

    @Sendable func taxonomy(_ request: Request, context: Context) async throws -> Response {
        try await one(context, "taxonomy", kind: "taxonomy") { directory, id in
            try directory.taxonomies.first { $0.id == id }.map { try Self.json($0) }
        }
    }

    @Sendable func taxonomyTerms(_ request: Request, context: Context) async throws -> Response {
        try await listed(request) { $0.terms }
    }

    @Sendable func taxonomyTerm(_ request: Request, context: Context) async throws -> Response {
        try await one(context, "term", kind: "taxonomy_term") { directory, id in try directory.terms.first { $0.id == id }.map { try Self.json($0) } }
    }

    /// A page of the items `list` takes from the directory, read with `page` and `per_page` alone.
    func listed<Item: Encodable>(_ request: Request, _ list: (DirectorySnapshot) -> [Item]) async throws -> Response {
        let directory = try await catalog.current()
        do {
            let query = try ORUKServiceQuery(parameters: Self.parameters(of: request).filter { ["page", "per_page"].contains($0.name) })
            return try Self.page(of: list(directory), query)
        } catch let error as ORUKQueryError {
            return try Self.badRequest(error)
        }
    }

    /// The answer `find` gives for the id in the route's parameter `name`, or a 404 naming the ORUK `kind`.
    func one(_ context: Context, _ name: String, kind: String, _ find: (DirectorySnapshot, String) throws -> Response?) async throws -> Response {
        let id = try context.parameters.require(name)
        return try find(try await catalog.current(), id) ?? Self.notFound(kind, id)
    }

    // MARK: Answers

    /// The query string's parameters, each value in order.
    static func parameters(of request: Request) -> [(name: String, value: String)] {
        FormFields.query(of: request).values.sorted { $0.key < $1.key }.flatMap { name, values in values.map { (name, $0) } }
    }

    static func page<Item: Encodable>(of items: [Item], _ query: ORUKServiceQuery) throws -> Response {
        let start = min(items.count, (query.page - 1) * query.perPage)
        let encoder = Self.encoder
        let contents = try items[start..<min(items.count, start + query.perPage)].map { try encoder.encode($0) }
        return response(page(contents, pageNumber: query.page, perPage: query.perPage, totalItems: items.count))
    }

    /// ORUK's page envelope around items already in JSON.
    static func page(_ items: [Data], pageNumber: Int, perPage: Int, totalItems: Int) -> Data {
        let shape = ORUKPage(contents: Array(repeating: 0, count: items.count), pageNumber: pageNumber, perPage: perPage, totalItems: totalItems)
        var data = Data(#"{"contents":["#.utf8)
        for (index, item) in items.enumerated() {
            if index > 0 { data.append(UInt8(ascii: ",")) }
            data.append(item)
        }
        data.append(
            contentsOf: Data(
                (#"],"empty":\#(shape.empty),"first_page":\#(shape.firstPage),"last_page":\#(shape.lastPage),"#
                    + #""page_number":\#(shape.pageNumber),"size":\#(shape.size),"total_items":\#(shape.totalItems),"#
                    + #""total_pages":\#(shape.totalPages)}"#).utf8))
        return data
    }

    static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        response(try encoder.encode(value), status: status)
    }

    static func response(_ data: Data, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8", .accessControlAllowOrigin: "*"],
            body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// 400, naming the parameter and what it takes.
    static func badRequest(_ error: ORUKQueryError) throws -> Response {
        try json(ORUKProblem(error: error.description, parameter: error.parameter), status: .badRequest)
    }

    static func notFound(_ kind: String, _ id: String) throws -> Response {
        try json(ORUKProblem(error: "No \(kind) has the id \(id).", parameter: nil), status: .notFound)
    }
}

/// What `/openreferral/` says of itself, as ORUK 3.0's openapi describes it.
struct ORUKInfo: Encodable {
    var version: String
    var profile: String
    var openapiURL: String

    enum CodingKeys: String, CodingKey {
        case version, profile
        case openapiURL = "openapi_url"
    }
}

/// An error answer: what is wrong and, for a bad parameter, which.
struct ORUKProblem: Encodable {
    var error: String
    var parameter: String?
}
