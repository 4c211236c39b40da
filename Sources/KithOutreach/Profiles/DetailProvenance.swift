import KithStandard
import KithVulnerability

/// Where each of a person's details came from: every value the lists hold for it, with the rows that hold it, so
/// that a reader can see which list says what when they disagree.
public struct DetailProvenance: Sendable {
    /// One detail (name, date of birth, address…) and the values lists give it, the most common first.
    public struct Detail: Sendable {
        public var label: String
        public var values: [Value]
        /// Whether the lists disagree.
        public var isDisputed: Bool { values.count > 1 }
    }

    /// One value of a detail and the rows that give it.
    public struct Value: Sendable {
        public var text: String
        public var sources: [Source]
    }

    /// A row that gives a value: its list and where it is.
    public struct Source: Sendable {
        public var list: String
        public var row: RowReference
        public var isInLatestList: Bool
    }

    /// The details of a person shown with their sources, in order; `includingIdentifiers` adds the NHS number.
    public static func details(of profile: PersonProfile, includingIdentifiers: Bool) -> [Detail] {
        var fields: [(String, (RecordFacts) -> String?)] = [
            ("Name", { record in
                let parts = [record.values[ProfileTags.givenName], record.values[ProfileTags.familyName]].compactMap { $0 }
                return parts.isEmpty ? record.values[ProfileTags.fullName] : parts.joined(separator: " ")
            }),
            ("Date of birth", { $0.values[ProfileTags.birthDate] }),
            ("Sex", { $0.values[ProfileTags.sex] }),
            ("Address", { record in
                if let address = record.values[ProfileTags.address] { return address }
                let lines = ProfileTags.addressLines.compactMap { record.values[$0] }
                return lines.isEmpty ? nil : lines.joined(separator: ", ")
            }),
            ("Postcode", { $0.values[ProfileTags.postcode] }),
            ("Phone", { record in ProfileTags.phones.lazy.compactMap { record.values[$0] }.first }),
            ("Email", { $0.values[ProfileTags.email] }),
        ]
        if includingIdentifiers { fields.insert(("NHS number", { $0.values[ProfileTags.nhsNumber] }), at: 2) }
        return fields.compactMap { label, read in
            var order: [String] = []
            var sources: [String: [Source]] = [:]
            for (record, row) in zip(profile.records, profile.rows) {
                guard let text = read(record), !text.isEmpty else { continue }
                if sources[text] == nil { order.append(text) }
                sources[text, default: []].append(Source(list: record.source, row: row, isInLatestList: record.isInLatestList))
            }
            guard !order.isEmpty else { return nil }
            let values = order.map { Value(text: $0, sources: sources[$0] ?? []) }
            return Detail(label: label, values: values.sorted { $0.sources.count > $1.sources.count })
        }
    }
}
