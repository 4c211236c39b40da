import Foundation

/// How ORUK 3.0's read API shows the directory's items: `/services` and `/service_at_locations` list only each
/// item's one-to-one fields (ORUK's `service_list` and `service_at_location_list`), the `{id}` endpoints nest
/// everything, and taxonomies are read from the terms that name them.
public enum ORUKViews {
    /// A service as `/services` lists it: its own one-to-one fields and Kith's one-to-one extensions (capacity,
    /// volunteers wanted, space to share, safety notes, callbacks), with its organisation's one-to-one fields; no
    /// lists.
    public static func listItem(_ service: Service) -> Service {
        var item = service
        item.phones = nil
        item.schedules = nil
        item.serviceAreas = nil
        item.serviceAtLocations = nil
        item.languages = nil
        item.funding = nil
        item.costOptions = nil
        item.contacts = nil
        item.attributes = nil
        item.metadata = nil
        item.organization = service.organization.map(Self.listItem)
        return item
    }

    /// An organisation's one-to-one fields.
    public static func listItem(_ organization: Organization) -> Organization {
        var item = organization
        item.organizationIdentifiers = nil
        item.attributes = nil
        item.metadata = nil
        return item
    }

    /// Each place a service is offered, as its own `service_at_location`, fully nested, with the service it offers.
    public static func serviceAtLocations(of service: Service) -> [ORUKServiceAtLocation] {
        (service.serviceAtLocations ?? []).map { link in
            var link = link
            link.serviceId = link.serviceId ?? service.id
            link.locationId = link.locationId ?? link.location?.id
            return ORUKServiceAtLocation(serviceAtLocation: link, service: Self.listItem(service))
        }
    }

    /// A `service_at_location` as `/service_at_locations` lists it: its ids, its location's one-to-one fields and
    /// the service's.
    public static func listItem(_ item: ORUKServiceAtLocation) -> ORUKServiceAtLocation {
        var link = ServiceAtLocation(
            id: item.serviceAtLocation.id, serviceId: item.serviceAtLocation.serviceId, locationId: item.serviceAtLocation.locationId)
        link.description = item.serviceAtLocation.description
        if var location = item.serviceAtLocation.location {
            location.addresses = nil
            location.accessibility = nil
            location.languages = nil
            location.attributes = nil
            location.metadata = nil
            link.location = location
        }
        return ORUKServiceAtLocation(serviceAtLocation: link, service: item.service)
    }

    /// The taxonomies the terms name, each once, in the order first named: by `taxonomy_id` where a term gives
    /// one (its name from the term's `taxonomy`), else by the `taxonomy` itself.
    public static func taxonomies(of terms: [TaxonomyTerm]) -> [Taxonomy] {
        var seen: Set<String> = []
        var taxonomies: [Taxonomy] = []
        for term in terms {
            guard let id = term.taxonomyId ?? term.taxonomy, seen.insert(id).inserted else { continue }
            let name = term.taxonomy ?? id
            var taxonomy = Taxonomy(id: id, name: name, description: "The terms of \(name).")
            taxonomy.uri = name.hasPrefix("http") ? name : nil
            taxonomies.append(taxonomy)
        }
        return taxonomies
    }
}

/// A `service_at_location` with the service it offers nested, as `/service_at_locations` gives it.
public struct ORUKServiceAtLocation: Encodable, Sendable, Equatable {
    public var serviceAtLocation: ServiceAtLocation
    public var service: Service

    public init(serviceAtLocation: ServiceAtLocation, service: Service) {
        self.serviceAtLocation = serviceAtLocation
        self.service = service
    }

    enum CodingKeys: String, CodingKey {
        case service
    }

    public func encode(to encoder: any Encoder) throws {
        try serviceAtLocation.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(service, forKey: .service)
    }
}

/// An organisation with its services nested (their one-to-one fields), as `/organizations/{id}` gives it.
public struct ORUKOrganization: Encodable, Sendable, Equatable {
    public var organization: Organization
    public var services: [Service]

    public init(organization: Organization, services: [Service]) {
        self.organization = organization
        self.services = services
    }

    enum CodingKeys: String, CodingKey {
        case services
    }

    public func encode(to encoder: any Encoder) throws {
        try organization.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(services, forKey: .services)
    }
}
