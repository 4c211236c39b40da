/// A form in which the data dictionary can be published.
public enum DictionaryFormat: String, CaseIterable, Sendable {
    /// A Markdown document for reading on GitHub or in an editor.
    case markdown
    /// One row per entry, RFC 4180, for opening in Excel.
    case csv
    /// A JSON array of entries, for other tools.
    case json
    /// A standalone, accessible web page.
    case html

    /// The usual file name extension, without the dot.
    public var fileExtension: String {
        switch self {
        case .markdown: "md"
        case .csv: "csv"
        case .json: "json"
        case .html: "html"
        }
    }
}

/// Publishes a ``DataDictionary`` for people and tools: as Markdown, CSV, JSON or an HTML page.
///
/// Every form holds every entry with its tag, label, description, type, format, sensitivity, allowed values,
/// examples and synonyms. Markdown and HTML group entries by hashtag and explain how to tag a spreadsheet.
public enum DictionaryRenderer {
    /// The dictionary written out in `format`.
    public static func render(_ dictionary: DataDictionary, as format: DictionaryFormat) -> String {
        switch format {
        case .markdown: markdown(dictionary)
        case .csv: csv(dictionary)
        case .json: json(dictionary)
        case .html: html(dictionary)
        }
    }

    /// Entries sharing a hashtag, in the order the hashtag first appears in the dictionary.
    struct Group {
        /// The hashtag without `#`, lower-case: `x_person`; empty for entries whose tag does not parse.
        var hashtag: String
        var entries: [DictionaryEntry]

        /// A heading for people: "People".
        var title: String { Self.titles[hashtag] ?? (hashtag.isEmpty ? "Other" : "#" + hashtag) }

        /// The hashtag as written in a tag: `#x_person`.
        var tagText: String { hashtag.isEmpty ? "" : "#" + hashtag }

        /// A fragment identifier for links within a page: `group-x_person`.
        var anchor: String { "group-" + (hashtag.isEmpty ? "other" : hashtag) }

        private static let titles: [String: String] = [
            "x_person": "People", "date": "Dates", "meta": "Record identifiers", "x_household": "Households",
            "loc": "Addresses and places", "adm4": "Wards", "contact": "Contact details and contacts",
            "x_health": "Health", "org": "Organisations", "x_care": "Social care", "x_school": "Education",
            "service": "Services", "status": "Outcomes", "need": "Needs", "x_risk": "Risks",
            "x_volunteer": "Volunteers", "description": "Notes",
        ]
    }

    /// The dictionary's entries grouped by hashtag, groups in order of first appearance, entries in dictionary order.
    static func groups(of dictionary: DataDictionary) -> [Group] {
        var groups: [Group] = []
        var positions: [String: Int] = [:]
        for entry in dictionary.entries {
            let hashtag = entry.hxlTag?.hashtag ?? ""
            if let position = positions[hashtag] {
                groups[position].entries.append(entry)
            } else {
                positions[hashtag] = groups.count
                groups.append(Group(hashtag: hashtag, entries: [entry]))
            }
        }
        return groups
    }

    /// Up to four entries with examples for showing a tagged spreadsheet: an NHS number, names and a postcode when
    /// the dictionary has them, otherwise its first entries.
    static func sampleEntries(of dictionary: DataDictionary) -> [DictionaryEntry] {
        let preferred = ["#x_person +id +nhs", "#x_person +name +given", "#x_person +name +family", "#loc +postcode"]
            .compactMap { dictionary.entry(forTag: $0) }
            .filter { !$0.examples.isEmpty }
        if preferred.count >= 2 { return preferred }
        return Array(dictionary.entries.filter { !$0.examples.isEmpty }.prefix(4))
    }

    // The texts below mark code with backticks; each form renders them its own way.

    static let introduction =
        "A tag says what a column holds, whatever its header says, so lists from different partners can be read, "
        + "checked and joined up the same way. Kith's tags follow HXL 1.1, the Humanitarian Exchange Language: a "
        + "hashtag such as `#contact`, then attributes such as `+phone +mobile`. The order of attributes, spaces and "
        + "letter case do not matter: `#contact +mobile +phone` is the same tag. Kith's own hashtags start with "
        + "`#x_`, as HXL asks of extensions."

    static let taggingAdvice =
        "To tag a spreadsheet, insert one row between the header row and the first row of data and write each "
        + "column's tag in it (the hashtag row). Keep the partner's headers as they are. A column may be left without a tag; Kith "
        + "keeps it but does not check or link it."

    static let sensitivityAdvice =
        "Sensitivity follows UK GDPR. Special category data (health, ethnicity, religion, social care, special "
        + "educational needs and the like) needs an Article 9 condition and extra care; personal data is about an "
        + "identifiable resident; not personal means the value alone identifies nobody."
}

extension Sensitivity {
    /// The sensitivity in words for people: "Special category".
    var displayName: String {
        switch self {
        case .specialCategory: "Special category"
        case .personal: "Personal"
        case .notPersonal: "Not personal"
        }
    }
}
