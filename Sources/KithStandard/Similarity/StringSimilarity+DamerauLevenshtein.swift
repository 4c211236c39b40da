extension StringSimilarity {
    /// Unrestricted Damerau–Levenshtein distance: the fewest insertions, deletions, substitutions and swaps of two
    /// adjacent scalars, each costing 1, with no restriction on editing a substring more than once (RapidFuzz
    /// `DamerauLevenshtein`, jellyfish `damerau_levenshtein_distance`). Counted over Unicode scalars, case-sensitively.
    ///
    /// Unlike ``optimalStringAlignment(_:_:)`` it is a true metric: `CA`→`ABC` is 2 (`CA`→`AC`→`ABC`) where OSA gives 3.
    /// `damerauLevenshtein("", "Smith")` is 5; equal strings give 0; the measure is symmetric.
    public static func damerauLevenshtein(_ a: String, _ b: String) -> Int {
        withElements(
            a, b,
            bytes: { a, b in
                let (a, b) = withoutCommonAffix(a, b)
                if a.isEmpty || b.isEmpty { return a.count + b.count }
                // Close pairs, the common case in linkage, need only the bit-parallel OSA: the two distances are 0 and
                // 1 together, and an OSA of 2 leaves the distance 2 (no more, as OSA ≥ it; not 1, which would make OSA 1).
                let (text, pattern) = a.count < b.count ? (b, a) : (a, b)
                if pattern.count <= 64 {
                    let restricted = withPatternMasks(pattern, text) { optimalStringAlignment(text, pattern.count, masks: $0) }
                    if restricted <= 2 { return restricted }
                }
                return damerauLevenshtein(a, b)
            },
            scalars: { a, b in
                let (a, b) = withoutCommonAffix(a, b)
                return damerauLevenshtein(a, b)
            }
        )
    }

    /// Zhao, Sahni and others' linear-space form of the Lowrance–Wagner algorithm (as RapidFuzz runs it), over rows of `b`.
    ///
    /// Where the textbook algorithm keeps, for each scalar, the last line of `a` it was seen on (a map over the
    /// alphabet), this keeps it per column of `b`: the last line whose scalar equalled that column's. It is the same
    /// number, needs no map, and so works unchanged for bytes and scalars.
    @inline(__always)
    static func damerauLevenshtein<Element: Equatable>(_ a: UnsafeBufferPointer<Element>, _ b: UnsafeBufferPointer<Element>) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        let size = b.count + 2
        let far = max(a.count, b.count) + 1
        // Four arrays of `size`: two rows (`current` and `previous`, swapped each line), `saved` (the row two lines up
        // at column j − 2, saved when a match was seen) and `lastLine` (per column, the last line of `a` equal to it).
        // Short strings keep them on the stack: up to 30 scalars in `b`, 1 KiB.
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: 4 * size) { memory in
            memory.initialize(repeating: far)
            // Each array starts one element in, so that index −1 exists.
            let base = memory.baseAddress! + 1
            var current = base
            var previous = base + size
            let saved = base + 2 * size
            let lastLine = base + 3 * size
            for column in 0...b.count { current[column] = column }
            for column in 1...b.count { lastLine[column] = -1 }

            for line in 1...a.count {
                swap(&current, &previous)
                var lastMatchColumn = -1
                var twoUpLeft = current[0]
                current[0] = line
                var left = line
                var twoUpBeforeMatch = far
                let scalar = a[line - 1]
                // Wrapping arithmetic: no value comes near overflow (all are at most `far` plus the two lengths).
                for column in 1...b.count {
                    let up = previous[column]
                    var best: Int
                    if scalar == b[column - 1] {
                        best = min(previous[column - 1], left &+ 1, up &+ 1)
                        lastMatchColumn = column
                        saved[column] = previous[column - 2]
                        twoUpBeforeMatch = twoUpLeft
                        lastLine[column] = line
                    } else {
                        best = min(previous[column - 1], left, up) &+ 1
                        // A transposition ending here: after a match in this line's previous column, or with the
                        // previous line matching this column.
                        let matchLine = lastLine[column]
                        if column &- lastMatchColumn == 1 {
                            best = min(best, saved[column] &+ (line &- matchLine))
                        } else if line &- matchLine == 1 {
                            best = min(best, twoUpBeforeMatch &+ (column &- lastMatchColumn))
                        }
                    }
                    twoUpLeft = current[column]
                    current[column] = best
                    left = best
                }
            }
            return current[b.count]
        }
    }
}
