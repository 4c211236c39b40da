extension StringSimilarity {
    /// Levenshtein distance: the fewest single-scalar insertions, deletions and substitutions, each costing 1, that turn
    /// `a` into `b`, counted over Unicode scalars (RapidFuzz `Levenshtein.distance`, jellyfish `levenshtein_distance`).
    ///
    /// `levenshtein("", "Smith")` is 5, equal strings give 0, and the measure is symmetric. Case counts:
    /// `MacDonald`/`Macdonald` is 1.
    public static func levenshtein(_ a: String, _ b: String) -> Int {
        withElements(
            a, b,
            bytes: { a, b in
                let (a, b) = withoutCommonAffix(a, b)
                let (text, pattern) = a.count < b.count ? (b, a) : (a, b)
                if pattern.isEmpty { return text.count }
                if pattern.count <= 64 { return withPatternMasks(pattern, text) { levenshtein(text, pattern.count, masks: $0) } }
                return levenshtein(text, pattern)
            },
            scalars: { a, b in
                let (a, b) = withoutCommonAffix(a, b)
                return a.count < b.count ? levenshtein(b, a) : levenshtein(a, b)
            }
        )
    }

    /// Levenshtein distance by dynamic programming over one row of the shorter string, `b`.
    static func levenshtein<Element: Equatable>(_ a: UnsafeBufferPointer<Element>, _ b: UnsafeBufferPointer<Element>) -> Int {
        if b.isEmpty { return a.count }
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: b.count + 1) { row in
            for column in 0...b.count { row.initializeElement(at: column, to: column) }
            for line in 0..<a.count {
                var diagonal = row[0]
                row[0] = line + 1
                let scalar = a[line]
                for column in 1...b.count {
                    let above = row[column]
                    row[column] = min(above + 1, row[column - 1] + 1, diagonal + (b[column - 1] == scalar ? 0 : 1))
                    diagonal = above
                }
            }
            return row[b.count]
        }
    }

    /// Levenshtein distance of a `text` of bytes below 128 from a pattern of at most 64 bytes, given as the pattern's
    /// length and the bit set of each byte's positions in it: Hyyrö's bit-parallel form of Myers' algorithm (2003),
    /// which keeps the vertical differences of one column of the table in two words.
    @inline(__always)
    static func levenshtein(_ text: UnsafeBufferPointer<UInt8>, _ patternLength: Int, masks: UnsafeMutableBufferPointer<UInt64>) -> Int {
        var positive = UInt64.max
        var negative: UInt64 = 0
        var distance = patternLength
        let last = UInt64(patternLength - 1)
        for byte in text {
            let match = masks[Int(byte)]
            let x = match | negative
            let diagonal = (((x & positive) &+ positive) ^ positive) | x
            var horizontalPositive = negative | ~(diagonal | positive)
            var horizontalNegative = diagonal & positive
            // The last row's change, without branches (they would be mispredicted half the time).
            distance += Int(truncatingIfNeeded: (horizontalPositive &>> last) & 1)
            distance -= Int(truncatingIfNeeded: (horizontalNegative &>> last) & 1)
            horizontalPositive = (horizontalPositive &<< 1) | 1
            horizontalNegative = horizontalNegative &<< 1
            positive = horizontalNegative | ~(diagonal | horizontalPositive)
            negative = horizontalPositive & diagonal
        }
        return distance
    }
}
