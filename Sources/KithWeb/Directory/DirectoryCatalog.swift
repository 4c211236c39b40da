import Foundation
import KithDirectory
import KithStore

/// The directory decoded once and shared by every request of `/directory` and `/openreferral/`: services made ready
/// for searching, organisations, terms, taxonomies, each service's places and the postcodes' centroids. Each request
/// reads the store's directory revision (one small row) and the catalog is made again when it has changed, by this
/// process or any other, so a change is seen at once; while it is being made, requests wait for that one build.
actor DirectoryCatalog<Directory: DirectoryRepository> {
    private let directory: Directory
    private var snapshot: DirectorySnapshot?
    private var building: (revision: Int64, task: Task<DirectorySnapshot, any Error>)?

    init(directory: Directory) {
        self.directory = directory
    }

    /// The directory as the store has it now.
    func current() async throws -> DirectorySnapshot {
        let directory = directory
        let revision = try await offload { try directory.directoryRevision() }
        if let snapshot, snapshot.revision == revision { return snapshot }
        if let building, building.revision == revision { return try await building.task.value }
        // The revision is read before the rows: a write in between makes the next request build again, never keeps a
        // stale copy under a new revision.
        let task = Task { try await offload { try DirectorySnapshot.load(from: directory, revision: revision) } }
        building = (revision, task)
        let built = try await task.value
        if (snapshot?.revision ?? .min) < built.revision { snapshot = built }
        if building?.revision == revision { building = nil }
        return built
    }
}

/// One revision of the directory, decoded, with what the pages and the ORUK API read of it worked out once.
final class DirectorySnapshot: Sendable {
    let revision: Int64
    let index: DirectoryIndex
    /// Each service's stored, fully nested ORUK JSON, by id.
    let serviceJSON: [String: String]
    /// Each service as `/services` lists it, as JSON, by position in `index.services`.
    let serviceListJSON: [Data]
    /// Each service's places as `/service_at_locations` lists them, as JSON, by position in `index.services`.
    let placeListJSON: [[Data]]
    /// Organisations in name order.
    let organizations: [Organization]
    let organizationPositions: [String: Int]
    /// Taxonomy terms in term order.
    let terms: [TaxonomyTerm]
    let taxonomies: [Taxonomy]
    /// Every place a service is offered, in the services' name order.
    let serviceAtLocations: [ORUKServiceAtLocation]
    let serviceAtLocationPositions: [String: Int]
    /// Postcode (`E1 6AN`) → centroid.
    let centroids: [String: GeoPoint]

    init(
        revision: Int64, services: [Service], serviceJSON: [String: String], organizations: [Organization], terms: [TaxonomyTerm],
        centroids: [String: GeoPoint]
    ) throws {
        self.revision = revision
        index = DirectoryIndex(services: services)
        self.serviceJSON = serviceJSON
        serviceListJSON = try index.services.map { try ORUKWriter.json(ORUKViews.listItem($0)) }
        placeListJSON = try index.services.map { service in
            try ORUKViews.serviceAtLocations(of: service).map { try ORUKWriter.json(ORUKViews.listItem($0)) }
        }
        self.organizations = organizations
        organizationPositions = Dictionary(organizations.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.terms = terms
        taxonomies = ORUKViews.taxonomies(of: terms)
        let links = index.services.flatMap(ORUKViews.serviceAtLocations)
        serviceAtLocations = links
        serviceAtLocationPositions = Dictionary(
            links.enumerated().map { ($1.serviceAtLocation.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.centroids = centroids
    }

    /// Reads and decodes everything; an item whose JSON cannot be read is left out.
    static func load(from directory: some DirectoryRepository, revision: Int64) throws -> DirectorySnapshot {
        let decoder = JSONDecoder()
        var services: [Service] = []
        var serviceJSON: [String: String] = [:]
        for record in try directory.services() {
            guard let service = try? decoder.decode(Service.self, from: Data(record.json.utf8)) else { continue }
            services.append(service)
            serviceJSON[service.id] = record.json
        }
        let organizations = try directory.organizations().compactMap { try? decoder.decode(Organization.self, from: Data($0.json.utf8)) }
        let terms = try directory.taxonomyTerms().compactMap { record -> TaxonomyTerm? in
            guard var term = try? decoder.decode(TaxonomyTerm.self, from: Data(record.json.utf8)) else { return nil }
            term.term = term.term ?? record.term
            term.taxonomy = term.taxonomy ?? record.taxonomy
            return term
        }
        var centroids: [String: GeoPoint] = [:]
        for centroid in try directory.postcodeCentroids() {
            centroids[centroid.postcode] = GeoPoint(latitude: centroid.latitude, longitude: centroid.longitude)
        }
        return try DirectorySnapshot(
            revision: revision, services: services, serviceJSON: serviceJSON, organizations: organizations, terms: terms, centroids: centroids)
    }

    /// Where a postcode is, as typed (`hy12ab`), when it is a postcode the store knows.
    func locate(_ text: String) -> GeoPoint? {
        PostcodeCentroids.normalised(text).flatMap { centroids[$0] }
    }
}
