import Foundation

/// A vocabulary that taxonomy terms come from, such as Kith's needs and circumstances (ORUK `taxonomy`).
public struct Taxonomy: Codable, Sendable, Equatable {
    public var id: String
    public var name: String
    public var description: String
    public var uri: String?
    public var version: String?
    /// ORUK 3.0 lists a taxonomy's terms with it.
    public var taxonomyTerms: [TaxonomyTerm]?
    public var metadata: [Metadata]?

    public init(id: String, name: String, description: String) {
        self.id = id
        self.name = name
        self.description = description
    }

    enum CodingKeys: String, CodingKey {
        case id, name, description, uri, version, metadata
        case taxonomyTerms = "taxonomy_terms"
    }
}

/// One term of a taxonomy: a need such as "Food" or a circumstance such as "Carer" (ORUK `taxonomy_term`).
///
/// HSDS 3.0 names a term in `name` and requires `description`; the ORUK 3.0 profile replaces them with `term` and
/// requires `taxonomy`. Kith reads either and writes both, so its output satisfies both schemas.
public struct TaxonomyTerm: Codable, Sendable, Equatable {
    public var id: String
    /// The term itself (ORUK 3.0).
    public var term: String?
    /// The term itself (HSDS 3.0).
    public var name: String?
    public var description: String?
    public var code: String?
    public var parentId: String?
    /// Which taxonomy is in use, in words or a URI (ORUK 3.0 requires it).
    public var taxonomy: String?
    public var taxonomyId: String?
    public var language: String?
    public var termUri: String?
    public var metadata: [Metadata]?

    public init(id: String, term: String, taxonomy: String) {
        self.id = id
        self.term = term
        self.name = term
        self.taxonomy = taxonomy
    }

    /// The term's words, from `term` or else `name`.
    public var label: String? { term ?? name }

    enum CodingKeys: String, CodingKey {
        case id, term, name, description, code, taxonomy, language, metadata
        case parentId = "parent_id"
        case taxonomyId = "taxonomy_id"
        case termUri = "term_uri"
    }
}

/// Tags an item with a taxonomy term: a service's need, an eligibility rule, an audience (ORUK `attribute`).
public struct Attribute: Codable, Sendable, Equatable {
    public var id: String
    /// The item the term describes.
    public var linkId: String?
    public var taxonomyTermId: String?
    /// What the term says of the item, from an open list: `need`, `eligibility`, `circumstance`, `audience`…
    public var linkType: String?
    /// The table of `linkId`: `service`, `location`…
    public var linkEntity: String?
    public var value: String?
    public var taxonomyTerm: TaxonomyTerm?
    public var metadata: [Metadata]?

    public init(id: String, linkId: String? = nil, taxonomyTermId: String, linkType: String? = nil) {
        self.id = id
        self.linkId = linkId
        self.taxonomyTermId = taxonomyTermId
        self.linkType = linkType
    }

    enum CodingKeys: String, CodingKey {
        case id, value, metadata
        case linkId = "link_id"
        case taxonomyTermId = "taxonomy_term_id"
        case linkType = "link_type"
        case linkEntity = "link_entity"
        case taxonomyTerm = "taxonomy_term"
    }
}

/// One change to one field of an item: the change history ORUK calls `metadata`.
public struct Metadata: Codable, Sendable, Equatable {
    public var id: String
    public var resourceId: String?
    public var resourceType: String?
    /// When the change was made (a date or date-time).
    public var lastActionDate: String
    /// What kind of change: `create`, `update`, `delete`…
    public var lastActionType: String
    public var fieldName: String
    public var previousValue: String
    public var replacementValue: String
    public var updatedBy: String

    public init(
        id: String, lastActionDate: String, lastActionType: String, fieldName: String, previousValue: String,
        replacementValue: String, updatedBy: String
    ) {
        self.id = id
        self.lastActionDate = lastActionDate
        self.lastActionType = lastActionType
        self.fieldName = fieldName
        self.previousValue = previousValue
        self.replacementValue = replacementValue
        self.updatedBy = updatedBy
    }

    enum CodingKeys: String, CodingKey {
        case id
        case resourceId = "resource_id"
        case resourceType = "resource_type"
        case lastActionDate = "last_action_date"
        case lastActionType = "last_action_type"
        case fieldName = "field_name"
        case previousValue = "previous_value"
        case replacementValue = "replacement_value"
        case updatedBy = "updated_by"
    }
}
