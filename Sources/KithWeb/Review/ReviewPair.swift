import Foundation
import KithStandard
import KithStore

/// Two rows of an uncertain pair laid side by side for a reviewer: their tagged values aligned by tag, the ones
/// that differ marked, with the linkage's evidence for each field and the columns no tag aligns.
struct ReviewPair {
    struct Line {
        var label: String
        var left: String
        var right: String
        /// Both lists give the detail, and they disagree.
        var differs: Bool
        /// Only one list gives it.
        var isOneSided: Bool
        var evidence: String
    }

    var left: LinkableRow
    var right: LinkableRow
    var pair: RecordPair
    var lines: [Line]
    var leftOthers: [(header: String, value: String)]
    var rightOthers: [(header: String, value: String)]
    var reason: String?
    var evidence: [(field: String, level: String, weight: Double, note: String?)]

    /// The order of the identity tags, as a reviewer compares people.
    private static let order = [
        "#x_person +name +title", "#x_person +name +given", "#x_person +name +middle", "#x_person +name +family", "#x_person +name",
        "#x_person +name +preferred", "#date +birth", "#x_person +age", "#x_person +sex", "#x_person +gender", "#x_person +id +nhs",
        "#x_person +id +upn", "#loc +address", "#loc +address +line1", "#loc +address +line2", "#loc +address +line3",
        "#loc +address +town", "#loc +postcode", "#loc +uprn", "#contact +phone", "#contact +phone +mobile", "#contact +phone +landline",
        "#contact +email",
    ].compactMap { HXLTag(parsing: $0) }

    /// Which linkage field speaks for a tag.
    private static func field(for tag: HXLTag) -> String? {
        switch (tag.hashtag, tag.attributes) {
        case ("x_person", let attributes) where attributes.contains("given") || attributes == ["name"]: "given_name"
        case ("x_person", let attributes) where attributes.contains("family"): "family_name"
        case ("date", ["birth"]): "birth_date"
        case ("x_person", ["sex"]): "sex"
        case ("x_person", let attributes) where attributes.contains("nhs") || attributes.contains("upn"): "nhs_or_upn"
        case ("loc", _), ("contact", _): "household"
        default: nil
        }
    }

    init(left: LinkableRow, right: LinkableRow, pair: RecordPair, columns: [Int64: [ImportColumn]], dictionary: DataDictionary) {
        self.left = left
        self.right = right
        self.pair = pair
        let evidence = Self.parseEvidence(pair.evidence)
        self.reason = evidence.reason
        self.evidence = evidence.fields
        let leftValues = Self.values(of: left, columns: columns[left.importId] ?? [])
        let rightValues = Self.values(of: right, columns: columns[right.importId] ?? [])
        let tags = Set(leftValues.tagged.keys).union(rightValues.tagged.keys)
        let ordered = Self.order.filter(tags.contains)
        var explained: Set<String> = []
        lines = ordered.map { tag in
            let leftValue = leftValues.tagged[tag] ?? (raw: "", normalised: "")
            let rightValue = rightValues.tagged[tag] ?? (raw: "", normalised: "")
            var evidenceText = ""
            if let field = Self.field(for: tag), !explained.contains(field),
                let found = evidence.fields.first(where: { $0.field == field })
            {
                explained.insert(field)
                evidenceText = "\(found.level), \(String(format: "%+.1f", found.weight))"
            }
            let isOneSided = leftValue.raw.isEmpty != rightValue.raw.isEmpty
            return Line(
                label: dictionary.entry(for: tag)?.label ?? tag.description, left: leftValue.raw, right: rightValue.raw,
                differs: !isOneSided && leftValue.normalised.lowercased() != rightValue.normalised.lowercased(), isOneSided: isOneSided,
                evidence: evidenceText
            )
        }
        let aligned = Set(Self.order)
        func others(_ values: (tagged: [HXLTag: (raw: String, normalised: String)], untagged: [(header: String, value: String)])) -> [(header: String, value: String)] {
            values.tagged.filter { !aligned.contains($0.key) }.map { (dictionary.entry(for: $0.key)?.label ?? $0.key.description, $0.value.raw) }
                .sorted { $0.0 < $1.0 } + values.untagged
        }
        leftOthers = others(leftValues)
        rightOthers = others(rightValues)
    }

    private static func values(
        of row: LinkableRow, columns: [ImportColumn]
    ) -> (tagged: [HXLTag: (raw: String, normalised: String)], untagged: [(header: String, value: String)]) {
        var tagged: [HXLTag: (raw: String, normalised: String)] = [:]
        var untagged: [(header: String, value: String)] = []
        for column in columns where column.position < row.cells.count {
            let raw = row.cells[column.position]
            guard !raw.isEmpty else { continue }
            if let text = column.tag, let tag = HXLTag(parsing: text) {
                tagged[tag] = (raw, row.normalisedValue(at: column.position) ?? raw)
            } else {
                untagged.append((column.header, raw))
            }
        }
        return (tagged, untagged)
    }

    private struct StoredEvidence: Decodable {
        struct Field: Decodable {
            var field: String
            var level: String
            var weight: Double
            var note: String?
        }
        var reason: String?
        var fields: [Field]
    }

    private static func parseEvidence(_ json: String) -> (reason: String?, fields: [(field: String, level: String, weight: Double, note: String?)]) {
        guard let stored = try? JSONDecoder().decode(StoredEvidence.self, from: Data(json.utf8)) else { return (nil, []) }
        return (stored.reason, stored.fields.map { ($0.field, $0.level, $0.weight, $0.note) })
    }
}
