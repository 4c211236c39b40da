import Foundation
import KithSpreadsheet

/// Suggests a tag for each column of a partner's list, from its header and from its values.
///
/// An HXL hashtag row under the header is taken as it is. Otherwise the header is matched against the
/// dictionary's synonyms (exactly, then without words like "Caller" or "Client", then fuzzily), and the
/// values are tried as NHS numbers, pupil numbers, emails, postcodes, phone numbers and dates. Values
/// that clearly contradict a header win over it.
public struct Tagger: Sendable {
    public let dictionary: DataDictionary
    private let sniffer: ValueSniffer
    private let synonyms: [String: DictionaryEntry]
    /// The synonyms in a fixed order (the dictionary's), each with its length in Unicode scalars, for fuzzy matching.
    private let synonymList: [(text: String, length: Int, entry: DictionaryEntry)]
    /// Least Jaro-Winkler similarity for a fuzzy header match.
    static let fuzzyThreshold = 0.92
    /// How many non-empty values of a column are tried against each kind.
    static let sampleSize = 200

    public init(dictionary: DataDictionary = .standard, referenceDate: CivilDate) {
        self.dictionary = dictionary
        sniffer = ValueSniffer(dictionary: dictionary, referenceDate: referenceDate)
        var synonyms: [String: DictionaryEntry] = [:]
        var synonymList: [(text: String, length: Int, entry: DictionaryEntry)] = []
        for entry in dictionary.entries {
            for text in entry.synonyms + [entry.label] {
                let key = HeaderText.normalise(text)
                if synonyms[key] == nil {
                    synonyms[key] = entry
                    synonymList.append((key, key.unicodeScalars.count, entry))
                }
            }
        }
        self.synonyms = synonyms
        self.synonymList = synonymList
    }

    /// One suggestion per column, in order.
    /// - Parameters:
    ///   - rows: the first data rows of the table (a few thousand are plenty).
    public func suggest(columnNames: [String], hashtagRow: SheetRow?, rows: [SheetRow]) -> [ColumnSuggestion] {
        // Each distinct header is matched once: wide lists repeat headers ("", "Notes", "Column").
        var headerMatches: [String: (DictionaryEntry, Double, String)?] = [:]
        return columnNames.indices.map { position in
            let header = columnNames[position]
            let letter = ColumnLetters.letters(forIndex: position)
            var values: [String] = []
            var evidence = (dayFirst: 0, monthFirst: 0)
            for row in rows where position < row.cells.count {
                let value = row.cells[position].trimmingCharacters(in: .whitespaces)
                if value.isEmpty { continue }
                if values.count < Self.sampleSize { values.append(value) }
                switch DateReader.orderEvidence(value) {
                case .dayFirst: evidence.dayFirst += 1
                case .monthFirst: evidence.monthFirst += 1
                case nil: break
                }
            }
            let order: DateOrder = evidence.monthFirst > evidence.dayFirst ? .monthFirst : .dayFirst
            let headerMatch: (DictionaryEntry, Double, String)?
            if let known = headerMatches[header] {
                headerMatch = known
            } else {
                headerMatch = matchHeader(header)
                headerMatches[header] = .some(headerMatch)
            }
            var suggestion = suggest(
                header: header, headerMatch: headerMatch, hashtag: hashtagRow?.cells[safe: position], values: values, order: order
            )
            suggestion.position = position
            suggestion.letter = letter
            if let kind = suggestion.entry?.type, kind == .date || kind == .dateOfBirth {
                suggestion.dateOrder = order
            }
            return suggestion
        }
    }

    private func suggest(
        header: String, headerMatch: (DictionaryEntry, Double, String)?, hashtag: String?, values: [String], order: DateOrder
    ) -> ColumnSuggestion {
        func make(_ entry: DictionaryEntry?, _ confidence: Double, _ reason: String) -> ColumnSuggestion {
            ColumnSuggestion(
                position: 0, letter: "", header: header, tag: entry?.hxlTag, entry: entry, confidence: confidence, reason: reason
            )
        }
        if let hashtag, let tag = HXLTag(parsing: hashtag) {
            var suggestion = make(dictionary.entry(for: tag), 1, "the file's HXL hashtag row")
            suggestion.tag = tag
            suggestion.isFromHashtagRow = true
            return suggestion
        }
        let fits = sniffer.fits(values, order: order).sorted { $0.share > $1.share }
        let bestFit = fits.first
        if let (entry, confidence, reason) = headerMatch {
            guard let bestFit, ValueSniffer.checkable.contains(entry.type) else { return make(entry, confidence, reason) }
            let ownShare = fits.first { $0.entry.type == entry.type || Self.bothDates(entry.type, $0.entry.type) }?.share ?? 0
            if bestFit.share >= 0.8 && ownShare < 0.5 && bestFit.share - ownShare >= 0.3 {
                return make(
                    bestFit.entry, 0.7,
                    "\(Self.percent(bestFit.share)) of values are \(bestFit.entry.label.lowercased()), though the header says \(entry.label.lowercased())"
                )
            }
            if ownShare >= 0.8 {
                return make(entry, min(1, confidence + 0.04), reason + "; \(Self.percent(ownShare)) of values fit")
            }
            return make(entry, confidence, reason)
        }
        if let bestFit, bestFit.share >= 0.8 {
            // Dates alone cannot say whose date they are; a generic date is the honest suggestion.
            if bestFit.entry.type == .dateOfBirth || bestFit.entry.type == .date {
                let generic =
                    dictionary.entries.first { $0.type == .date && $0.hxlTag == HXLTag(hashtag: "date") }
                    ?? dictionary.entries.first { $0.type == .date }
                return make(generic ?? bestFit.entry, 0.5 * bestFit.share, "\(Self.percent(bestFit.share)) of values are dates")
            }
            return make(bestFit.entry, 0.85 * bestFit.share, "\(Self.percent(bestFit.share)) of values are \(bestFit.entry.label.lowercased())s")
        }
        return make(nil, 0, values.isEmpty ? "the column is empty" : "no match for the header or the values")
    }

    /// The entry a header names, how sure, and why.
    func matchHeader(_ header: String) -> (DictionaryEntry, Double, String)? {
        let text = HeaderText.normalise(header)
        guard !text.isEmpty else { return nil }
        if let entry = synonyms[text] {
            return (entry, 0.95, "header matches \(entry.label)")
        }
        let shorter = HeaderText.withoutOwnerWords(text)
        if shorter != text, let entry = synonyms[shorter] {
            return (entry, 0.85, "header, without \"\(text.dropLast(shorter.count).trimmingCharacters(in: .whitespaces))\", matches \(entry.label)")
        }
        var best: (entry: DictionaryEntry, similarity: Double, synonym: String)?
        let textLength = text.unicodeScalars.count
        let shorterLength = shorter == text ? 0 : shorter.unicodeScalars.count
        for synonym in synonymList {
            // Only a synonym of about the same length can be close enough, so most are passed over without measuring.
            var similarity = 0.0
            if Self.mayBeClose(textLength, synonym.length) {
                similarity = StringSimilarity.jaroWinkler(text, synonym.text)
            }
            if shorterLength > 0, Self.mayBeClose(shorterLength, synonym.length) {
                similarity = max(similarity, StringSimilarity.jaroWinkler(shorter, synonym.text))
            }
            if similarity > (best?.similarity ?? 0) { best = (synonym.entry, similarity, synonym.text) }
        }
        if let best, best.similarity >= Self.fuzzyThreshold {
            return (
                best.entry, 0.5 + (best.similarity - Self.fuzzyThreshold) * 4, "header is close to \"\(best.synonym)\" (\(best.entry.label))"
            )
        }
        return nil
    }

    /// Whether strings of these lengths (in scalars) can reach ``fuzzyThreshold``. With `m` matches out of lengths
    /// `a ≤ b`, Jaro is at most `(m/a + m/b + 1) / 3 ≤ (2 + a/b) / 3`, and Jaro-Winkler at most `0.6 × Jaro + 0.4`
    /// (a common prefix of 4 at scale 0.1): reaching 0.92 needs Jaro ≥ 0.8667 and so `a/b ≥ 0.6`. A margin keeps
    /// rounding from ever passing over a match.
    static func mayBeClose(_ a: Int, _ b: Int) -> Bool {
        guard a > 0, b > 0 else { return a == b }
        return 100 * min(a, b) >= 59 * max(a, b)
    }

    private static func bothDates(_ a: ValueKind, _ b: ValueKind) -> Bool {
        [ValueKind.date, .dateOfBirth].contains(a) && [ValueKind.date, .dateOfBirth].contains(b)
    }

    static func percent(_ share: Double) -> String {
        "\(Int((share * 100).rounded()))%"
    }
}

extension Array {
    subscript(safe index: Int) -> Element? {
        indices.contains(index) ? self[index] : nil
    }
}
