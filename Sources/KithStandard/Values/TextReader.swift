/// Reads free text: kept as written apart from surrounding spaces, and never judged.
public struct TextReader: ValueReader {
    public init() {}

    public func read(_ text: String, context: ReadingContext) -> ValueReading {
        ValueReading(normalised: Self.trimmed(text))
    }

    /// The text without surrounding spaces (the same string when there are none), or nil when nothing else is left.
    static func trimmed(_ text: String) -> String? {
        ByteText.withBytes(text) { all in
            let bytes = ByteText.trimmed(all)
            if bytes.isEmpty { return nil }
            return bytes.count == all.count ? text : ByteText.string(bytes)
        }
    }
}
