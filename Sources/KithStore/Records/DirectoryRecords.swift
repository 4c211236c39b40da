import GRDB

/// An organisation of the services directory, as stored: its id and name to list and join on, and its whole ORUK
/// JSON, kept as it came so that an export gives it back exactly. KithStore does not read the JSON; KithDirectory does.
public struct DirectoryOrganizationRecord: Codable, Sendable, Equatable, Identifiable {
    /// The organisation's ORUK id (a UUID).
    public var id: String
    public var name: String
    /// The organisation as ORUK 3.0 JSON.
    public var json: String
    /// When it was last imported (ISO 8601).
    public var storedAt: String

    public init(id: String, name: String, json: String, storedAt: String) {
        self.id = id
        self.name = name
        self.json = json
        self.storedAt = storedAt
    }
}

extension DirectoryOrganizationRecord: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "organization"
}

/// A taxonomy term (a need or a circumstance) of the directory, as stored, with its whole ORUK JSON.
public struct DirectoryTaxonomyTermRecord: Codable, Sendable, Equatable, Identifiable {
    public var id: String
    /// The term's words: "Food".
    public var term: String
    /// The taxonomy it belongs to, in words or a URI, if known.
    public var taxonomy: String?
    public var json: String

    public init(id: String, term: String, taxonomy: String?, json: String) {
        self.id = id
        self.term = term
        self.taxonomy = taxonomy
        self.json = json
    }
}

extension DirectoryTaxonomyTermRecord: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "taxonomyTerm"
}

/// A service of the directory, as stored: what lists, filters and the capacity update read as columns, and the whole
/// fully nested ORUK JSON of the service, kept as it came so that an export gives it back exactly.
public struct DirectoryServiceRecord: Codable, Sendable, Equatable, Identifiable {
    /// The service's ORUK id (a UUID).
    public var id: String
    public var organizationId: String
    public var name: String
    /// ORUK's status: `active`, `inactive`, `defunct`, `temporarily closed`.
    public var status: String
    /// When anything about the service last changed, as the service says (ISO 8601), if it says.
    public var lastModified: String?
    /// The day someone last checked the profile (`YYYY-MM-DD`), if known.
    public var assuredDate: String?
    // The capacity extension (`kith_capacity`), as columns so that it can be read and updated in one step.
    /// `yes`, `waiting_list` or `no`; nil when the service says nothing of its capacity.
    public var acceptingReferrals: String?
    public var placesFree: Int?
    public var typicalWaitDays: Int?
    public var capacityUpdatedAt: String?
    public var capacityUpdatedBy: String?
    /// The service as fully nested ORUK 3.0 JSON, with Kith's `kith_` extensions.
    public var json: String
    /// When and by whom it was last imported.
    public var storedAt: String
    public var storedBy: String

    public init(
        id: String, organizationId: String, name: String, status: String, lastModified: String? = nil, assuredDate: String? = nil,
        acceptingReferrals: String? = nil, placesFree: Int? = nil, typicalWaitDays: Int? = nil, capacityUpdatedAt: String? = nil,
        capacityUpdatedBy: String? = nil, json: String, storedAt: String, storedBy: String
    ) {
        self.id = id
        self.organizationId = organizationId
        self.name = name
        self.status = status
        self.lastModified = lastModified
        self.assuredDate = assuredDate
        self.acceptingReferrals = acceptingReferrals
        self.placesFree = placesFree
        self.typicalWaitDays = typicalWaitDays
        self.capacityUpdatedAt = capacityUpdatedAt
        self.capacityUpdatedBy = capacityUpdatedBy
        self.json = json
        self.storedAt = storedAt
        self.storedBy = storedBy
    }
}

extension DirectoryServiceRecord: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "service"
}

/// One service to store, with what it is joined to: the taxonomy terms it is tagged with and the postcodes of its
/// locations (for search by place).
public struct DirectoryServiceEntry: Sendable, Equatable {
    public var service: DirectoryServiceRecord
    public var taxonomyTermIds: [String]
    /// Postcodes as the store keeps them: upper case, one space before the inward code (`E1 6AN`).
    public var postcodes: [String]

    public init(service: DirectoryServiceRecord, taxonomyTermIds: [String], postcodes: [String]) {
        self.service = service
        self.taxonomyTermIds = taxonomyTermIds
        self.postcodes = postcodes
    }
}

/// What one import of the directory stores: organisations and taxonomy terms first, then the services that name them.
public struct DirectoryBatch: Sendable, Equatable {
    public var organizations: [DirectoryOrganizationRecord]
    public var taxonomyTerms: [DirectoryTaxonomyTermRecord]
    public var services: [DirectoryServiceEntry]

    public init(organizations: [DirectoryOrganizationRecord], taxonomyTerms: [DirectoryTaxonomyTermRecord], services: [DirectoryServiceEntry]) {
        self.organizations = organizations
        self.taxonomyTerms = taxonomyTerms
        self.services = services
    }
}

/// Which services an import added and which it updated in place, by id, in the batch's order.
public struct DirectoryWriteResult: Sendable, Equatable {
    public var addedServiceIds: [String]
    public var updatedServiceIds: [String]
    public var addedOrganizations: Int
    public var updatedOrganizations: Int

    public init(addedServiceIds: [String] = [], updatedServiceIds: [String] = [], addedOrganizations: Int = 0, updatedOrganizations: Int = 0) {
        self.addedServiceIds = addedServiceIds
        self.updatedServiceIds = updatedServiceIds
        self.addedOrganizations = addedOrganizations
        self.updatedOrganizations = updatedOrganizations
    }
}

/// A line of the directory's short listing: a service with its organisation's name.
public struct DirectoryListing: Sendable, Equatable {
    public var service: DirectoryServiceRecord
    public var organizationName: String

    public init(service: DirectoryServiceRecord, organizationName: String) {
        self.service = service
        self.organizationName = organizationName
    }
}

/// Where a postcode is: its centroid, for the directory's search by distance.
public struct PostcodeCentroidRecord: Codable, Sendable, Equatable {
    /// Upper case, one space before the inward code (`E1 6AN`).
    public var postcode: String
    public var latitude: Double
    public var longitude: Double

    public init(postcode: String, latitude: Double, longitude: Double) {
        self.postcode = postcode
        self.latitude = latitude
        self.longitude = longitude
    }
}

extension PostcodeCentroidRecord: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "postcodeCentroid"
}
