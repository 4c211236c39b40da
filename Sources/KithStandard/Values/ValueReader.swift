/// Reads one cell as a value of a kind: normalises it and says what is wrong with it.
///
/// Readers run once per cell of every tagged column, so they work on the text's UTF-8 bytes and never
/// use regular expressions or date formatters.
public protocol ValueReader: Sendable {
    /// Reads a cell that is not empty. The text is as the partner wrote it, spaces included.
    func read(_ text: String, context: ReadingContext) -> ValueReading
}
