import Foundation

extension DictionaryRenderer {
    /// One entry as the JSON form writes it, with the dictionary's version in each entry.
    private struct JSONEntry: Encodable {
        var tag: String
        var label: String
        var description: String
        var type: String
        var format: String
        var sensitivity: String
        var allowed: [AllowedValue]
        var examples: [String]
        var synonyms: [String]
        var dictionaryVersion: String

        private enum CodingKeys: String, CodingKey {
            case tag, label, description, type, format, sensitivity, allowed, examples, synonyms
            case dictionaryVersion = "dictionary_version"
        }
    }

    /// A top-level JSON array of entries, keys sorted, pretty-printed; each entry carries `dictionary_version`.
    static func json(_ dictionary: DataDictionary) -> String {
        let entries = dictionary.entries.map { entry in
            JSONEntry(
                tag: entry.tag,
                label: entry.label,
                description: entry.description,
                type: entry.type.rawValue,
                format: entry.format,
                sensitivity: entry.sensitivity.rawValue,
                allowed: entry.allowed,
                examples: entry.examples,
                synonyms: entry.synonyms,
                dictionaryVersion: dictionary.version
            )
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            return String(decoding: try encoder.encode(entries), as: UTF8.self) + "\n"
        } catch {
            preconditionFailure("Strings always encode as JSON: \(error)")
        }
    }
}
