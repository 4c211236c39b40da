import Foundation
import KithLinkage
import KithPersons
import KithSpreadsheet
import KithStandard
import KithStore

/// Two rows of an uncertain pair laid side by side for a reviewer: their tagged values aligned by tag, the ones
/// that differ marked, with the linkage's evidence for each field and the columns no tag aligns.
///
/// A row with one full-name column and no given or family name column has its full name split as linkage splits it
/// (``PersonName/init(fullName:)``), so that `GILL, Savita` sits on the given and family name lines beside the other
/// row's `Savita` and `Gill`. Names differ only when their matching keys do (case and accents aside); dates are
/// shown as the date read (`4 August 1980`) with what was written beside it, and differ only when the dates do.
struct ReviewPair {
    struct Line {
        var label: String
        /// The left row's value as shown, with how it was read after it: `4 August 1980 (written 4/8/80)`,
        /// `Savita (from the full name “GILL, Savita”)`.
        var left: String
        var right: String
        /// Both lists give the detail, and they disagree.
        var differs: Bool
        /// Only one list gives it.
        var isOneSided: Bool
        var evidence: String
    }

    /// One row's value for a tag: as written, as read by the data standard (nil when it could not be read), as
    /// shown, and how it was read.
    struct Cell {
        var raw: String
        var normalised: String?
        var shown: String
        var note: String = ""

        /// What the review page shows: `4 August 1980 (written 4/8/80)`.
        var text: String { note.isEmpty ? shown : "\(shown) (\(note))" }
    }

    var left: LinkableRow
    var right: LinkableRow
    var pair: RecordPair
    var lines: [Line]
    var leftOthers: [(header: String, value: String)]
    var rightOthers: [(header: String, value: String)]
    /// Why a rule decided the pair, when one did.
    var reason: String?
    /// What each field said, as linkage stored it.
    var evidence: [FieldEvidence]

    init(left: LinkableRow, right: LinkableRow, pair: RecordPair, columns: [Int64: [ImportColumn]], dictionary: DataDictionary) {
        self.left = left
        self.right = right
        self.pair = pair
        let evidence = PairEvidence(json: pair.evidence) ?? PairEvidence(reason: nil, fields: [])
        self.reason = evidence.reason
        self.evidence = evidence.fields
        var leftValues = Self.values(of: left, columns: columns[left.importId] ?? [])
        var rightValues = Self.values(of: right, columns: columns[right.importId] ?? [])
        Self.splitFullName(&leftValues.tagged)
        Self.splitFullName(&rightValues.tagged)
        let tags = Set(leftValues.tagged.keys).union(rightValues.tagged.keys)
        let ordered = TagMeaning.reviewOrder.filter(tags.contains)
        var explained: Set<String> = []
        lines = ordered.map { tag in
            let leftCell = leftValues.tagged[tag]
            let rightCell = rightValues.tagged[tag]
            var evidenceText = ""
            if let detail = tag.meaning.review?.evidence, let found = evidence.field(comparing: detail),
                !explained.contains(found.field)
            {
                explained.insert(found.field)
                evidenceText = "\(found.level), \(String(format: "%+.1f", found.weight))"
            }
            let isOneSided = (leftCell == nil) != (rightCell == nil)
            var differs = false
            if let leftCell, let rightCell { differs = !Self.same(leftCell, rightCell, tag: tag) }
            return Line(
                label: dictionary.entry(for: tag)?.label ?? tag.description, left: leftCell?.text ?? "", right: rightCell?.text ?? "",
                differs: differs, isOneSided: isOneSided, evidence: evidenceText
            )
        }
        let aligned = Set(TagMeaning.reviewOrder)
        func others(_ values: (tagged: [HXLTag: Cell], untagged: [(header: String, value: String)])) -> [(header: String, value: String)] {
            values.tagged.filter { !aligned.contains($0.key) }.map { (dictionary.entry(for: $0.key)?.label ?? $0.key.description, $0.value.raw) }
                .sorted { $0.0 < $1.0 } + values.untagged
        }
        leftOthers = others(leftValues)
        rightOthers = others(rightValues)
    }

    private static func values(
        of row: LinkableRow, columns: [ImportColumn]
    ) -> (tagged: [HXLTag: Cell], untagged: [(header: String, value: String)]) {
        var tagged: [HXLTag: Cell] = [:]
        var untagged: [(header: String, value: String)] = []
        for column in columns where column.position < row.cells.count {
            let raw = row.cells[column.position]
            guard !raw.isEmpty else { continue }
            if let text = column.tag, let tag = HXLTag(parsing: text) {
                tagged[tag] = cell(raw: raw, normalised: row.normalisedValue(at: column.position), tag: tag)
            } else {
                untagged.append((column.header, raw))
            }
        }
        return (tagged, untagged)
    }

    /// A cell as a reviewer reads it: a date as the date the standard's date reader read at import, with what was
    /// written beside it; anything else as written.
    private static func cell(raw: String, normalised: String?, tag: HXLTag) -> Cell {
        guard tag.hashtag == "date" else { return Cell(raw: raw, normalised: normalised, shown: raw) }
        guard let date = normalised.flatMap(CivilDate.init(iso:)) else {
            return Cell(raw: raw, normalised: nil, shown: raw, note: "not read as a date")
        }
        let shown = longDate(date)
        return Cell(raw: raw, normalised: normalised, shown: shown, note: raw == shown ? "" : "written \(raw)")
    }

    /// `4 August 1980`.
    static func longDate(_ date: CivilDate) -> String {
        let months = [
            "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
        ]
        return "\(date.day) \(months[date.month - 1]) \(date.year)"
    }

    /// Puts a row's full name on its given, middle and family name lines, split as linkage splits it, when the row
    /// has no given or family name column of its own.
    private static func splitFullName(_ tagged: inout [HXLTag: Cell]) {
        let given = PersonDetail.givenName.tag
        let family = PersonDetail.familyName.tag
        guard tagged[given] == nil, tagged[family] == nil, let full = tagged[PersonDetail.fullName.tag],
            let name = PersonName(fullName: full.normalised ?? full.raw)?.tidied()
        else { return }
        tagged[PersonDetail.fullName.tag] = nil
        var note = "from the full name “\(full.raw)”"
        for (tag, part) in [(given, name.givenName), (PersonDetail.middleNames.tag, name.middleNames), (family, name.familyName)] {
            guard let part, tagged[tag] == nil else { continue }
            tagged[tag] = Cell(raw: part, normalised: part, shown: part, note: note)
            note = ""
        }
    }

    /// Whether two rows' values for a tag say the same: names by their matching keys, dates by the date read, anything
    /// else by its normal form ignoring case.
    private static func same(_ left: Cell, _ right: Cell, tag: HXLTag) -> Bool {
        if tag.hashtag == "x_person" && tag.has("name") {
            return NameNormaliser.normalise(left.normalised ?? left.raw).key == NameNormaliser.normalise(right.normalised ?? right.raw).key
        }
        return (left.normalised ?? left.raw).lowercased() == (right.normalised ?? right.raw).lowercased()
    }
}
