import Foundation
import KithSpreadsheet

/// The tags of every column of a list, decided from the file's hashtag row, a mapping, and Kith's suggestions,
/// in that order of precedence.
public struct TableTagging: Sendable, Equatable {
    public var columns: [ColumnTagging]
    /// Kith's suggestions, including those too unsure to apply, for showing to a person.
    public var suggestions: [ColumnSuggestion]
    /// Tags the list must have, from the mapping.
    public var requiredTags: [HXLTag]

    /// Tags decided already, column by column: a layout Kith writes itself (the helpline's own list).
    public init(columns: [ColumnTagging]) {
        self.columns = columns
        suggestions = []
        requiredTags = []
    }

    /// Decides the tags.
    /// - Parameters:
    ///   - rows: the first data rows, for suggestions from values.
    ///   - mapping: a saved or given mapping; its columns are matched by header.
    public init(
        columnNames: [String], hashtagRow: SheetRow?, rows: [SheetRow], mapping: ColumnMapping?, tagger: Tagger
    ) {
        suggestions = tagger.suggest(columnNames: columnNames, hashtagRow: hashtagRow, rows: rows)
        requiredTags = (mapping?.required ?? []).compactMap { HXLTag(parsing: $0) }
        columns = suggestions.map { suggestion in
            let fromRow = suggestion.isFromHashtagRow
            if !fromRow, let mapped = mapping?.column(forHeader: suggestion.header) {
                let tag = mapped.tag.flatMap { HXLTag(parsing: $0) }
                return ColumnTagging(
                    position: suggestion.position, letter: suggestion.letter, header: suggestion.header, tag: tag,
                    entry: tag.flatMap(tagger.dictionary.entry(for:)), dateOrder: mapped.dateOrder ?? suggestion.dateOrder ?? .dayFirst,
                    origin: tag == nil ? .none : .mapping, confidence: 1
                )
            }
            let applied = suggestion.tag != nil && suggestion.confidence >= ColumnSuggestion.applyThreshold
            return ColumnTagging(
                position: suggestion.position, letter: suggestion.letter, header: suggestion.header,
                tag: applied ? suggestion.tag : nil, entry: applied ? suggestion.entry : nil,
                dateOrder: suggestion.dateOrder ?? .dayFirst, origin: applied ? (fromRow ? .hashtagRow : .suggestion) : .none,
                confidence: applied ? suggestion.confidence : 0
            )
        }
    }

    /// The tagging as a mapping to save for the source.
    public func mapping(forSource source: String?) -> ColumnMapping {
        ColumnMapping(
            source: source,
            columns: columns.map { column in
                let isDate = column.entry?.type == .date || column.entry?.type == .dateOfBirth
                return ColumnMapping.Column(header: column.header, tag: column.tag?.description, dateOrder: isDate ? column.dateOrder : nil)
            },
            required: requiredTags.isEmpty ? nil : requiredTags.map(\.description)
        )
    }
}
