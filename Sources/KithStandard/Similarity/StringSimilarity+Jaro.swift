extension StringSimilarity {
    /// Jaro similarity of two strings, from 0 (nothing in common) to 1 (equal), over their Unicode scalars.
    ///
    /// A scalar of `a` matches an equal, not yet matched scalar of `b` at most `max(|a|, |b|) / 2 − 1` positions away
    /// (integer division, never below 0), taking the first in `b`; with `m` matches and `t` matched scalars out of
    /// order, Jaro is `(m / |a| + m / |b| + (m − ⌊t / 2⌋) / m) / 3`, computed in that order so that results are
    /// bit-for-bit those of jellyfish and RapidFuzz (row 38 of the name vectors, `DAFYDD`/`DAVID`, sits on 0.7).
    ///
    /// Empty strings: two empty strings are equal and give **1** (RapidFuzz; jellyfish gives 0); one empty string and one
    /// non-empty give 0. The measure is symmetric and case-sensitive.
    public static func jaro(_ a: String, _ b: String) -> Double {
        withElements(a, b, bytes: { jaroOfBytes($0, $1) }, scalars: { jaro($0, $1) })
    }

    /// Jaro-Winkler similarity, from 0 to 1: Jaro raised for a common prefix, as jellyfish and RapidFuzz compute it.
    ///
    /// With `p` the length of the common prefix, capped at **4**, and Jaro `j`, the result is `j + p × 0.1 × (1 − j)`
    /// when `j > 0.7` (strictly), else `j` unchanged: `LEIGH`/`LEE` (Jaro 0.688889) and `LI`/`LEE` (0.611111) get no
    /// boost; `ABCDEFGHIJ`/`ABCDEFGHIX` is 0.96, not more. jellyfish's `long_tolerance` adjustment is not applied.
    ///
    /// Empty strings as for ``jaro(_:_:)``: two empty strings give 1, one empty string 0.
    public static func jaroWinkler(_ a: String, _ b: String) -> Double {
        withElements(
            a, b, bytes: { winklerBoost(jaroOfBytes($0, $1), $0, $1) }, scalars: { winklerBoost(jaro($0, $1), $0, $1) }
        )
    }

    /// The longest common prefix taken into account by Jaro-Winkler.
    static let winklerPrefixCap = 4
    /// Jaro-Winkler's prefix scale.
    static let winklerPrefixScale = 0.1
    /// Jaro-Winkler raises only similarities above this.
    static let winklerThreshold = 0.7

    /// Jaro-Winkler from Jaro and the two strings.
    @inline(__always)
    static func winklerBoost<Element: Equatable>(
        _ similarity: Double, _ a: UnsafeBufferPointer<Element>, _ b: UnsafeBufferPointer<Element>
    ) -> Double {
        guard similarity > winklerThreshold else { return similarity }
        let limit = min(winklerPrefixCap, a.count, b.count)
        var prefix = 0
        while prefix < limit, a[prefix] == b[prefix] { prefix += 1 }
        return similarity + Double(prefix) * winklerPrefixScale * (1 - similarity)
    }

    @inline(__always)
    static func jaro<Element: Equatable>(_ a: UnsafeBufferPointer<Element>, _ b: UnsafeBufferPointer<Element>) -> Double {
        if a.isEmpty && b.isEmpty { return 1 }
        if a.isEmpty || b.isEmpty { return 0 }
        let (matches, transpositions) = jaroMatches(a, b, window: max(0, max(a.count, b.count) / 2 - 1))
        return jaro(matches: matches, transpositions: transpositions, a.count, b.count)
    }

    /// Jaro from the matches, the matched scalars out of order and the two lengths, in jellyfish's and RapidFuzz's order
    /// of operations.
    @inline(__always)
    static func jaro(matches: Int, transpositions: Int, _ countA: Int, _ countB: Int) -> Double {
        guard matches > 0 else { return 0 }
        let m = Double(matches)
        return (m / Double(countA) + m / Double(countB) + (m - Double(transpositions / 2)) / m) / 3
    }

    /// Jaro of two strings of bytes below 128: bit-parallel, as RapidFuzz does it, when both have at most 64 bytes.
    @inline(__always)
    static func jaroOfBytes(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Double {
        guard !a.isEmpty, !b.isEmpty, a.count <= 64, b.count <= 64 else { return jaro(a, b) }
        let window = max(0, max(a.count, b.count) / 2 - 1)
        let (matches, transpositions) = withPatternMasks(b, a) { masks -> (Int, Int) in
            // For each byte of `a`, the first unmatched equal byte of `b` in its window is the lowest bit of
            // (positions of the byte in b) ∧ ¬(matched positions of b) ∧ (the window).
            // No branch on whether a byte matched: it would be mispredicted often.
            var matchedA: UInt64 = 0
            var matchedB: UInt64 = 0
            let lastOfB = b.count - 1
            for index in 0..<min(a.count, lastOfB + window + 1) {
                let low = max(0, index - window)
                let high = min(lastOfB, index + window)
                let inWindow = (UInt64.max &>> UInt64(63 - high)) & (UInt64.max &<< UInt64(low))
                let candidates = masks[Int(a[index])] & ~matchedB & inWindow
                let first = candidates & (0 &- candidates)
                matchedB |= first
                matchedA |= UInt64(truncatingIfNeeded: (first | (0 &- first)) &>> 63) &<< UInt64(index)
            }
            return (matchedA.nonzeroBitCount, countTranspositions(a, b, matchedA, matchedB))
        }
        return jaro(matches: matches, transpositions: transpositions, a.count, b.count)
    }

    /// Matched scalars out of order, from the matched positions of each string as bits of one word.
    @inline(__always)
    static func countTranspositions<Element: Equatable>(
        _ a: UnsafeBufferPointer<Element>, _ b: UnsafeBufferPointer<Element>, _ matchedA: UInt64, _ matchedB: UInt64
    ) -> Int {
        var matchedA = matchedA
        var matchedB = matchedB
        var transpositions = 0
        while matchedA != 0 {
            transpositions += a[matchedA.trailingZeroBitCount] != b[matchedB.trailingZeroBitCount] ? 1 : 0
            matchedA &= matchedA &- 1
            matchedB &= matchedB &- 1
        }
        return transpositions
    }

    /// Matches and out-of-order matches for strings of any length, with flags in a temporary buffer.
    static func jaroMatches<Element: Equatable>(
        _ a: UnsafeBufferPointer<Element>, _ b: UnsafeBufferPointer<Element>, window: Int
    ) -> (matches: Int, transpositions: Int) {
        withUnsafeTemporaryAllocation(of: Bool.self, capacity: a.count + b.count) { flags in
            flags.initialize(repeating: false)
            var matches = 0
            for index in 0..<a.count {
                var other = max(0, index - window)
                let end = min(b.count - 1, index + window)
                while other <= end {
                    if !flags[a.count + other] && b[other] == a[index] {
                        flags[index] = true
                        flags[a.count + other] = true
                        matches += 1
                        break
                    }
                    other += 1
                }
            }
            var transpositions = 0
            var other = 0
            for index in 0..<a.count where flags[index] {
                while !flags[a.count + other] { other += 1 }
                if a[index] != b[other] { transpositions += 1 }
                other += 1
            }
            return (matches, transpositions)
        }
    }
}

extension StringSimilarity {
    /// Jaro-Winkler of two ASCII byte strings, for hot loops that keep names as bytes (the linkage engine's
    /// matching keys are A–Z only). The same result as ``jaroWinkler(_:_:)`` on the same text.
    public static func jaroWinkler(asciiBytes a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Double {
        winklerBoost(jaroOfBytes(a, b), a, b)
    }

    /// Levenshtein distance of two byte strings, for hot loops that keep values as bytes.
    public static func levenshtein(bytes a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Int {
        levenshtein(a, b)
    }
}
