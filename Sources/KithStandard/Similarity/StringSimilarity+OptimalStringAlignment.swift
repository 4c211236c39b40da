extension StringSimilarity {
    /// Optimal string alignment distance, the *restricted* Damerau–Levenshtein distance: Levenshtein with the swap of two
    /// adjacent scalars also costing 1, on condition that no substring is edited more than once (RapidFuzz `OSA`;
    /// jellyfish has no OSA). Counted over Unicode scalars, case-sensitively.
    ///
    /// It is not a metric: `CA`→`ABC` is 3 here (no edit may touch the swapped `AC`), where the unrestricted
    /// ``damerauLevenshtein(_:_:)`` gives 2. `levenshtein("", "Smith")` and `optimalStringAlignment("", "Smith")` are both 5;
    /// equal strings give 0; the measure is symmetric.
    public static func optimalStringAlignment(_ a: String, _ b: String) -> Int {
        withElements(
            a, b,
            bytes: { a, b in
                let (a, b) = withoutCommonAffix(a, b)
                let (text, pattern) = a.count < b.count ? (b, a) : (a, b)
                if pattern.isEmpty { return text.count }
                if pattern.count <= 64 {
                    return withPatternMasks(pattern, text) { optimalStringAlignment(text, pattern.count, masks: $0) }
                }
                return optimalStringAlignment(text, pattern)
            },
            scalars: { a, b in
                let (a, b) = withoutCommonAffix(a, b)
                return a.count < b.count ? optimalStringAlignment(b, a) : optimalStringAlignment(a, b)
            }
        )
    }

    /// Optimal string alignment by dynamic programming over three rows of the shorter string, `b`.
    static func optimalStringAlignment<Element: Equatable>(_ a: UnsafeBufferPointer<Element>, _ b: UnsafeBufferPointer<Element>) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        let width = b.count + 1
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: 3 * width) { rows in
            // Rows `before` (two lines up), `previous` and `current`, rotated by their offsets.
            for column in 0..<width {
                rows.initializeElement(at: column, to: 0)
                rows.initializeElement(at: width + column, to: column)
                rows.initializeElement(at: 2 * width + column, to: 0)
            }
            var before = 0
            var previous = width
            var current = 2 * width
            for line in 1...a.count {
                rows[current] = line
                let scalar = a[line - 1]
                for column in 1...b.count {
                    let other = b[column - 1]
                    var best = min(
                        rows[previous + column] + 1, rows[current + column - 1] + 1,
                        rows[previous + column - 1] + (scalar == other ? 0 : 1)
                    )
                    if line > 1, column > 1, scalar == b[column - 2], a[line - 2] == other {
                        best = min(best, rows[before + column - 2] + 1)
                    }
                    rows[current + column] = best
                }
                (before, previous, current) = (previous, current, before)
            }
            return rows[previous + b.count]
        }
    }

    /// Optimal string alignment of a `text` of bytes below 128 and a pattern of at most 64 bytes, given as its length
    /// and the bit set of each byte's positions in it: Hyyrö's bit-parallel algorithm with transpositions (2003), as
    /// RapidFuzz runs it.
    @inline(__always)
    static func optimalStringAlignment(
        _ text: UnsafeBufferPointer<UInt8>, _ patternLength: Int, masks: UnsafeMutableBufferPointer<UInt64>
    ) -> Int {
        var positive = UInt64.max
        var negative: UInt64 = 0
        var diagonal: UInt64 = 0
        var previousMatch: UInt64 = 0
        var distance = patternLength
        let last = UInt64(patternLength - 1)
        for byte in text {
            let match = masks[Int(byte)]
            let transposition = (((~diagonal) & match) &<< 1) & previousMatch
            diagonal = (((match & positive) &+ positive) ^ positive) | match | negative | transposition
            var horizontalPositive = negative | ~(diagonal | positive)
            var horizontalNegative = diagonal & positive
            // The last row's change, without branches (they would be mispredicted half the time).
            distance += Int(truncatingIfNeeded: (horizontalPositive &>> last) & 1)
            distance -= Int(truncatingIfNeeded: (horizontalNegative &>> last) & 1)
            horizontalPositive = (horizontalPositive &<< 1) | 1
            horizontalNegative = horizontalNegative &<< 1
            positive = horizontalNegative | ~(diagonal | horizontalPositive)
            negative = horizontalPositive & diagonal
            previousMatch = match
        }
        return distance
    }
}
