/// Kith's suggestion of what one column means: a dictionary entry, how sure it is, and why.
public struct ColumnSuggestion: Sendable, Equatable {
    /// Zero-based position of the column.
    public var position: Int
    /// The column letter in the partner's spreadsheet.
    public var letter: String
    public var header: String
    /// The suggested tag, or nil when Kith has none.
    public var tag: HXLTag?
    /// The dictionary's entry for the tag; nil for a tag the dictionary does not know (from a partner's own hashtag row).
    public var entry: DictionaryEntry?
    /// From 0 to 1: how sure the suggestion is.
    public var confidence: Double
    /// Why, in a few words: "header is a synonym of Given name", "96% of values are valid NHS numbers".
    public var reason: String
    /// How the column writes numeric dates, when its values show it.
    public var dateOrder: DateOrder?
    /// Whether the tag was read from the file's own HXL hashtag row rather than suggested.
    public var isFromHashtagRow = false

    public init(
        position: Int, letter: String, header: String, tag: HXLTag?, entry: DictionaryEntry?, confidence: Double,
        reason: String, dateOrder: DateOrder? = nil
    ) {
        self.position = position
        self.letter = letter
        self.header = header
        self.tag = tag
        self.entry = entry
        self.confidence = confidence
        self.reason = reason
        self.dateOrder = dateOrder
    }

    /// Suggestions at or above this confidence are applied without asking.
    public static let applyThreshold = 0.6
}
