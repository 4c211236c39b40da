/// Reads a partner's own record identifiers: kept as written apart from surrounding spaces, and never judged.
public struct IdentifierReader: ValueReader {
    public init() {}

    public func read(_ text: String, context: ReadingContext) -> ValueReading {
        ValueReading(normalised: TextReader.trimmed(text))
    }
}
