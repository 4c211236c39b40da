/// One number or word of a written date, with the punctuation that came before it.
struct DateToken {
    /// The punctuation between the previous token and this one: 0 for none, a space, or the one punctuation byte
    /// (`/`, `-`, `.`, `,`, `:`, `+`) with any spaces around it; `several` when there was more than one.
    var separator: UInt8
    /// For a number: its value (large values are capped) and how many digits it was written with; zero for words.
    var value: Int
    var digits: Int
    /// For a word: what it means; nil for numbers.
    var word: DateWord?

    static let several: UInt8 = 0xFF

    var isNumber: Bool { word == nil }

    /// A number written with a digit count in `digits`.
    @inline(__always)
    func isNumber(digits range: ClosedRange<Int>) -> Bool {
        word == nil && range.contains(digits)
    }
}
