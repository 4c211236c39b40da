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
        /// The value as most of its rows write it.
        public var text: String
        public var sources: [Source]
        /// Other ways rows write the same value: `Beatriz Rodriguez` beside `Beatriz Rodríguez`. Names are the same
        /// value when their matching keys are (case, accents, spaces and hyphens aside); other details when their
        /// text is.
        public var otherSpellings: [String] = []
        /// For the name, its parts (from the most common writing).
        public var name: PersonName?
    }

    /// A row that gives a value: its list and where it is.
    public struct Source: Sendable {
        public var list: String
        public var row: RowReference
        public var isInLatestList: Bool
        /// The row's full-name column, when the value was split from it (`GILL, Savita`).
        public var fullName: String?
    }

    /// What one row says for a detail.
    private struct Reading {
        var text: String
        /// Rows whose readings share a key give the same value.
        var key: String
        var name: PersonName?
        var fullName: String?

        init(_ text: String) {
            self.text = text
            key = text
        }

        init(_ rowName: RowName) {
            text = rowName.name.shortName
            key = rowName.name.key
            name = rowName.name
            fullName = rowName.fullName
        }
    }

    /// The details of a person shown with their sources, in order; `includingIdentifiers` adds the NHS number.
    public static func details(of profile: PersonProfile, includingIdentifiers: Bool) -> [Detail] {
        func text(_ read: @escaping (RecordFacts) -> String?) -> (RecordFacts) -> Reading? {
            { record in read(record).map(Reading.init) }
        }
        var fields: [(String, (RecordFacts) -> Reading?)] = [
            ("Name", { record in RowName(record).map(Reading.init) }),
            ("Date of birth", text { $0.values[.birthDate] }),
            ("Sex", text { $0.values[.sex] }),
            (
                "Address",
                text { record in
                    if let address = record.values[.address] { return address }
                    let lines = ProfileDetail.addressLine.tags.compactMap { record.values[$0] }
                    return lines.isEmpty ? nil : lines.joined(separator: ", ")
                }
            ),
            ("Postcode", text { $0.values[.postcode] }),
            ("Phone", text { $0.values[.phone] }),
            ("Email", text { $0.values[.email] }),
        ]
        if includingIdentifiers { fields.insert(("NHS number", text { $0.values[.nhsNumber] }), at: 2) }
        return fields.compactMap { label, read in
            var order: [String] = []
            var readings: [String: [(reading: Reading, source: Source)]] = [:]
            for (record, row) in zip(profile.records, profile.rows) {
                guard let reading = read(record), !reading.text.isEmpty else { continue }
                if readings[reading.key] == nil { order.append(reading.key) }
                let source = Source(list: record.source, row: row, isInLatestList: record.isInLatestList, fullName: reading.fullName)
                readings[reading.key, default: []].append((reading, source))
            }
            guard !order.isEmpty else { return nil }
            let values = order.map { key in value(of: readings[key] ?? []) }
            return Detail(label: label, values: values.sorted { $0.sources.count > $1.sources.count })
        }
    }

    /// One value from the rows that give it: written as most of them write it, the first of those on a tie.
    private static func value(of readings: [(reading: Reading, source: Source)]) -> Value {
        var spellings: [String] = []
        var counts: [String: Int] = [:]
        for (reading, _) in readings {
            if counts[reading.text] == nil { spellings.append(reading.text) }
            counts[reading.text, default: 0] += 1
        }
        var text = spellings.first ?? ""
        for spelling in spellings where counts[spelling, default: 0] > counts[text, default: 0] { text = spelling }
        return Value(
            text: text, sources: readings.map(\.source), otherSpellings: spellings.filter { $0 != text },
            name: readings.first { $0.reading.text == text }?.reading.name
        )
    }
}
