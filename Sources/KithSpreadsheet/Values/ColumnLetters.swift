/// Spreadsheet column letters, as a partner sees them in Excel: A … Z, AA … XFD.
public enum ColumnLetters {
    /// The letters of the column at a zero-based index: 0 → "A", 26 → "AA".
    public static func letters(forIndex index: Int) -> String {
        precondition(index >= 0, "column index must not be negative")
        var number = index + 1
        var scalars: [Unicode.Scalar] = []
        while number > 0 {
            let remainder = (number - 1) % 26
            scalars.append(Unicode.Scalar(UInt8(65 + remainder)))
            number = (number - 1) / 26
        }
        return String(String.UnicodeScalarView(scalars.reversed()))
    }

    /// The zero-based index of a column from its letters ("A" → 0), or nil if they are not letters A–Z.
    public static func index(forLetters letters: some StringProtocol) -> Int? {
        var number = 0
        for byte in letters.utf8 {
            let upper = byte & ~0x20
            guard upper >= 65, upper <= 90 else { return nil }
            number = number * 26 + Int(upper - 64)
            guard number <= 1 << 20 else { return nil }
        }
        return number == 0 ? nil : number - 1
    }
}
