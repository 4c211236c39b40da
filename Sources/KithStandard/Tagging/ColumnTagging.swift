/// The tag a column carries in one reading of a list, and where it came from.
public struct ColumnTagging: Sendable, Equatable {
    /// Where a column's tag came from, strongest first.
    public enum Origin: String, Sendable, Equatable {
        /// The file's own HXL hashtag row.
        case hashtagRow = "hashtag row"
        /// A saved mapping for the source, or one given with --mapping.
        case mapping
        /// Kith's suggestion, sure enough to apply.
        case suggestion
        /// Left untagged.
        case none
    }

    public var position: Int
    public var letter: String
    public var header: String
    public var tag: HXLTag?
    public var entry: DictionaryEntry?
    public var dateOrder: DateOrder
    public var origin: Origin
    /// How sure the tag is: 1 for hashtag rows and mappings.
    public var confidence: Double

    public init(
        position: Int, letter: String, header: String, tag: HXLTag?, entry: DictionaryEntry?, dateOrder: DateOrder,
        origin: Origin, confidence: Double
    ) {
        self.position = position
        self.letter = letter
        self.header = header
        self.tag = tag
        self.entry = entry
        self.dateOrder = dateOrder
        self.origin = origin
        self.confidence = confidence
    }
}
