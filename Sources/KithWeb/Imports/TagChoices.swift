import KithStandard

/// The tags a column can be given on the tags page: "not tagged", then every entry of the data dictionary in
/// groups a person can scan (names, about the person, dates, address, …), and what a submitted choice means.
enum TagChoices {
    /// Entries under one heading of the tag list.
    struct Group {
        var label: String
        var entries: [DictionaryEntry]
    }

    /// The dictionary's entries grouped, groups in the order of their first entry, entries in dictionary order.
    static let groups: [Group] = {
        var groups: [Group] = []
        for entry in DataDictionary.standard.entries where entry.hxlTag != nil {
            let label = groupLabel(of: entry)
            if let index = groups.firstIndex(where: { $0.label == label }) {
                groups[index].entries.append(entry)
            } else {
                groups.append(Group(label: label, entries: [entry]))
            }
        }
        return groups
    }()

    /// The heading an entry is listed under.
    static func groupLabel(of entry: DictionaryEntry) -> String {
        let hashtag = entry.hxlTag?.hashtag ?? ""
        switch hashtag {
        case "x_person": return entry.type == .name ? "Names" : "About the person"
        case "date": return "Dates"
        case "meta", "x_household": return "Record and household ids"
        case "loc", "adm4": return "Address and place"
        case "contact": return "Contact"
        case "x_health": return "Health"
        case "org": return "Organisations"
        case "x_care": return "Social care"
        case "x_school": return "Education"
        case "service", "status", "need": return "Services and referrals"
        case "x_risk": return "Risks"
        case "x_volunteer": return "Volunteers"
        default: return "Other"
        }
    }

    /// One `<optgroup>` of a column's `<select>`.
    struct SelectGroup {
        var label: String
        var options: [Option]
    }

    /// One `<option>`: the tag sent, the words shown, and whether it is the column's tag now.
    struct Option {
        var value: String
        var text: String
        var selected: Bool
    }

    /// The groups and their options for one column's `<select>`, its current tag selected. A tag the dictionary
    /// does not have (from a saved mapping) is offered too, so that keeping it is possible.
    static func selectGroups(selected: HXLTag?) -> [SelectGroup] {
        var rendered = groups.map { group in
            SelectGroup(
                label: group.label,
                options: group.entries.map { entry in
                    Option(value: entry.tag, text: "\(entry.label) (\(entry.tag))", selected: entry.hxlTag == selected)
                }
            )
        }
        if let selected, DataDictionary.standard.entry(for: selected) == nil {
            let option = Option(value: selected.description, text: selected.description, selected: true)
            rendered.insert(SelectGroup(label: "Not in the data dictionary", options: [option]), at: 0)
        }
        return rendered
    }

    /// The choice submitted for a column: nil for "not tagged". Only the dictionary's tags and the column's current
    /// tag can be chosen; anything else is a form Kith did not make.
    static func chosenTag(_ value: String?, current: HXLTag?) throws -> HXLTag? {
        guard let value, !value.isEmpty else { return nil }
        guard let tag = HXLTag(parsing: value), tag == current || DataDictionary.standard.entry(for: tag) != nil else {
            throw WebError.badRequest("The tag \"\(value)\" is not in Kith's data dictionary. Go back and choose one from the list.")
        }
        return tag
    }

    /// The tags chosen on the tags page as a mapping for the upload. Columns tagged by the file's own hashtag row
    /// keep that tag: the file's tags win over any mapping, as in `kith import`.
    static func mapping(from form: FormFields, tagging: TableTagging, source: String) throws -> ColumnMapping {
        var mapping = tagging.mapping(forSource: source)
        for (index, column) in tagging.columns.enumerated() where column.origin != .hashtagRow {
            let field = "tag-\(column.position)"
            guard form.values[field] != nil else { continue }
            let tag = try chosenTag(form[field], current: column.tag)
            let kind = tag.flatMap(DataDictionary.standard.entry(for:))?.type
            mapping.columns[index].tag = tag?.description
            mapping.columns[index].dateOrder = kind == .date || kind == .dateOfBirth ? column.dateOrder : nil
        }
        return mapping
    }
}
