import Foundation
import Yams

/// Kith's data standard: a versioned list of column meanings, each an HXL hashtag with a label, a type,
/// allowed values, a sensitivity, examples and the header names partners use.
///
/// The dictionary ships with Kith as `Resources/data-dictionary.yaml`; ``standard`` loads it.
public struct DataDictionary: Codable, Sendable, Equatable {
    /// The dictionary's own version (semantic versioning): tags are never renamed within a major version.
    public var version: String
    public var entries: [DictionaryEntry]

    public init(version: String, entries: [DictionaryEntry]) {
        self.version = version
        self.entries = entries
    }

    /// The dictionary shipped with Kith.
    public static let standard: DataDictionary = {
        do {
            return try load()
        } catch {
            preconditionFailure("Kith's own data dictionary does not load: \(error)")
        }
    }()

    /// Loads the bundled dictionary, or one at `url`.
    public static func load(from url: URL? = nil) throws -> DataDictionary {
        guard let url = url ?? Bundle.module.url(forResource: "data-dictionary", withExtension: "yaml") else {
            throw CocoaError(.fileNoSuchFile)
        }
        return try YAMLDecoder().decode(DataDictionary.self, from: try String(contentsOf: url, encoding: .utf8))
    }

    /// The entry whose tag matches `tag` exactly (same hashtag, same attributes, in any order and case).
    public func entry(for tag: HXLTag) -> DictionaryEntry? {
        entries.first { $0.hxlTag == tag }
    }

    /// The entry for a tag written as text, such as `#x_person+name+given`.
    public func entry(forTag text: String) -> DictionaryEntry? {
        HXLTag(parsing: text).flatMap(entry(for:))
    }
}
