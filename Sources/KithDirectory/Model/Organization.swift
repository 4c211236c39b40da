import Foundation

/// A body that delivers services: the council, an NHS trust, a charity, a faith group, a mutual aid group
/// (ORUK `organization`).
public struct Organization: Codable, Sendable, Equatable {
    public var id: String
    public var name: String
    public var description: String
    public var email: String?
    public var website: String?
    public var logo: String?
    /// A persistent identifier such as an Open Corporates address; not the website.
    public var uri: String?
    public var parentOrganizationId: String?
    public var organizationIdentifiers: [OrganizationIdentifier]?
    public var attributes: [Attribute]?
    public var metadata: [Metadata]?

    public init(id: String, name: String, description: String) {
        self.id = id
        self.name = name
        self.description = description
    }

    enum CodingKeys: String, CodingKey {
        case id, name, description, email, website, logo, uri, attributes, metadata
        case parentOrganizationId = "parent_organization_id"
        case organizationIdentifiers = "organization_identifiers"
    }
}

/// A third-party number for an organisation: a charity or company number (ORUK `organization_identifier`).
public struct OrganizationIdentifier: Codable, Sendable, Equatable {
    public var id: String
    public var organizationId: String?
    /// The scheme from org-id.guide: `GB-CHC` (Charity Commission), `GB-COH` (Companies House).
    public var identifierScheme: String?
    /// The scheme in words: "Charity number".
    public var identifierType: String
    public var identifier: String
    public var attributes: [Attribute]?
    public var metadata: [Metadata]?

    public init(id: String, identifierScheme: String? = nil, identifierType: String, identifier: String) {
        self.id = id
        self.identifierScheme = identifierScheme
        self.identifierType = identifierType
        self.identifier = identifier
    }

    enum CodingKeys: String, CodingKey {
        case id, identifier, attributes, metadata
        case organizationId = "organization_id"
        case identifierScheme = "identifier_scheme"
        case identifierType = "identifier_type"
    }
}
