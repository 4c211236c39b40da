/// One meaning a column can have in Kith's data standard: its HXL hashtag, what it means, and how its values look.
public struct DictionaryEntry: Codable, Sendable, Equatable {
    /// The HXL hashtag with attributes, as written in the dictionary: `#x_person +name +given`.
    public var tag: String
    /// A short name for people: "Given name".
    public var label: String
    /// What the column holds, in a sentence or two.
    public var description: String
    public var type: ValueKind
    /// How values are written, in words: "10 digits, often shown 3-3-4".
    public var format: String
    /// For coded columns, every allowed value; empty otherwise.
    public var allowed: [AllowedValue]
    public var sensitivity: Sensitivity
    /// Example values (all invented).
    public var examples: [String]
    /// Header texts partners use for this column, lower-case: "forename", "first name", "caller first name".
    public var synonyms: [String]

    public init(
        tag: String, label: String, description: String, type: ValueKind, format: String, allowed: [AllowedValue] = [],
        sensitivity: Sensitivity, examples: [String], synonyms: [String]
    ) {
        self.tag = tag
        self.label = label
        self.description = description
        self.type = type
        self.format = format
        self.allowed = allowed
        self.sensitivity = sensitivity
        self.examples = examples
        self.synonyms = synonyms
    }

    /// The tag parsed, for matching.
    public var hxlTag: HXLTag? { HXLTag(parsing: tag) }

    private enum CodingKeys: String, CodingKey {
        case tag, label, description, type, format, allowed, sensitivity, examples, synonyms
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        tag = try container.decode(String.self, forKey: .tag)
        label = try container.decode(String.self, forKey: .label)
        description = try container.decode(String.self, forKey: .description)
        type = try container.decode(ValueKind.self, forKey: .type)
        format = try container.decode(String.self, forKey: .format)
        allowed = try container.decodeIfPresent([AllowedValue].self, forKey: .allowed) ?? []
        sensitivity = try container.decode(Sensitivity.self, forKey: .sensitivity)
        examples = try container.decodeIfPresent([String].self, forKey: .examples) ?? []
        synonyms = try container.decodeIfPresent([String].self, forKey: .synonyms) ?? []
    }
}
