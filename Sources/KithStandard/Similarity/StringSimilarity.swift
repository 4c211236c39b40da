/// String similarity and edit distance measures for comparing names, shared by the column tagger and record linkage.
///
/// Every measure works over **Unicode scalars** (code points), case-sensitively, exactly as RapidFuzz does: `"Zoe\u{308}"`
/// (NFD, 4 scalars) and `"Zo\u{EB}"` (NFC, 3 scalars) are 2 edits apart although Swift's `==` calls them equal. Normalise
/// first — compare matching keys (`NameNormaliser`), or at least NFC-normalised text — when that is not what you want
/// (shared/reference/uk-data.md §4, "Unicode trap").
///
/// | measure | result | convention |
/// |---|---|---|
/// | ``jaro(_:_:)`` | 0…1 | match window `max(|a|, |b|) / 2 − 1` |
/// | ``jaroWinkler(_:_:)`` | 0…1 | prefix scale 0.1, common prefix capped at 4, boost only when Jaro > 0.7 |
/// | ``levenshtein(_:_:)`` | edits | insert, delete, substitute, each costing 1 |
/// | ``optimalStringAlignment(_:_:)`` | edits | Levenshtein plus adjacent transposition; no substring edited twice |
/// | ``damerauLevenshtein(_:_:)`` | edits | unrestricted Damerau–Levenshtein (a true metric) |
///
/// Results agree with jellyfish 1.3.0 and RapidFuzz 3.14.6 on every row of shared/reference/name-vectors.csv. Where the
/// two libraries differ — Jaro of two empty strings, 0 in jellyfish and 1 in RapidFuzz — Kith follows RapidFuzz: equal
/// strings are always similarity 1.
///
/// Linkage calls these tens of millions of times, so they are built for short strings: no heap allocation (working memory
/// comes from `withUnsafeTemporaryAllocation`, on the stack for names), and bit-parallel algorithms where the shorter
/// string has at most 64 scalars (Jaro, Levenshtein, OSA). When both strings are ASCII they work on the UTF-8 bytes in
/// place. Otherwise the pair is first coded as bytes, one per scalar, each distinct non-ASCII scalar getting a byte value
/// below 128 that neither string uses — the measures only ask whether two scalars are equal, so the results are the same —
/// and only a pair with more distinct scalars than that (long text in a large script) is measured on 32-bit scalar values.
public enum StringSimilarity {}

extension StringSimilarity {
    /// Calls `bytes` with the two strings as bytes, one per Unicode scalar, all below 128: the strings' own UTF-8 when
    /// both are ASCII, else a coding of the pair in which each non-ASCII scalar gets a byte value that neither string
    /// uses. The measures only compare scalars for equality, and a coding that keeps equal scalars equal and different
    /// ones different leaves every result unchanged. Only when the pair holds more distinct scalars than there are byte
    /// values below 128 is `scalars` called instead, with the scalars' values.
    @inline(__always)
    static func withElements<Result>(
        _ a: String, _ b: String,
        bytes: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>) -> Result,
        scalars: (UnsafeBufferPointer<UInt32>, UnsafeBufferPointer<UInt32>) -> Result
    ) -> Result {
        withUTF8(a, b) { left, right in
            if isASCII(left) && isASCII(right) { return bytes(left, right) }
            if let coded = withByteCoding(left, right, bytes) { return coded }
            return withScalarValues(left) { left in withScalarValues(right) { right in scalars(left, right) } }
        }
    }

    /// The two strings' UTF-8, in place (the standard library copies small strings to the stack).
    @inline(__always)
    static func withUTF8<Result>(
        _ a: String, _ b: String, _ body: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>) -> Result
    ) -> Result {
        let inPlace: Result?? = a.utf8.withContiguousStorageIfAvailable { left in
            b.utf8.withContiguousStorageIfAvailable { right in body(left, right) }
        }
        if let inPlace, let result = inPlace { return result }
        // Not native UTF-8 (a bridged string): a contiguous copy.
        var a = a
        var b = b
        return a.withUTF8 { left in b.withUTF8 { right in body(left, right) } }
    }

    @inline(__always)
    static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var union: UInt8 = 0
        for byte in bytes { union |= byte }
        return union < 0x80
    }

    /// The value of the Unicode scalar starting at `index` of valid UTF-8 (as every Swift string is); moves `index` on.
    @inline(__always)
    static func scalarValue(_ utf8: UnsafeBufferPointer<UInt8>, at index: inout Int) -> UInt32 {
        let lead = UInt32(utf8[index])
        if lead < 0x80 {
            index += 1
            return lead
        }
        if lead < 0xE0 {
            defer { index += 2 }
            return (lead & 0x1F) << 6 | UInt32(utf8[index + 1] & 0x3F)
        }
        if lead < 0xF0 {
            defer { index += 3 }
            return (lead & 0x0F) << 12 | UInt32(utf8[index + 1] & 0x3F) << 6 | UInt32(utf8[index + 2] & 0x3F)
        }
        defer { index += 4 }
        return (lead & 0x07) << 18 | UInt32(utf8[index + 1] & 0x3F) << 12 | UInt32(utf8[index + 2] & 0x3F) << 6
            | UInt32(utf8[index + 3] & 0x3F)
    }

    /// The scalars' values in a temporary buffer (on the stack when short).
    @inline(__always)
    static func withScalarValues<Result>(
        _ utf8: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt32>) -> Result
    ) -> Result {
        // Never more scalars than UTF-8 bytes.
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: max(1, utf8.count)) { buffer in
            var count = 0
            var index = 0
            while index < utf8.count {
                buffer.initializeElement(at: count, to: scalarValue(utf8, at: &index))
                count += 1
            }
            return body(UnsafeBufferPointer(rebasing: buffer[..<count]))
        }
    }

    /// `body` with the pair coded as bytes below 128: ASCII as itself, each distinct non-ASCII scalar as a byte value
    /// that neither string uses; nil when there are not enough such values.
    @inline(__always)
    static func withByteCoding<Result>(
        _ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>,
        _ body: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>) -> Result
    ) -> Result? {
        // The ASCII values either string uses, as a 128-bit set: the free ones code the other scalars.
        var coding = ByteCoding()
        coding.markASCII(a)
        coding.markASCII(b)
        // Codes of a then b; never more scalars than UTF-8 bytes.
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: a.count + b.count) { codes -> Result? in
            withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 128) { seen -> Result? in
                var count = 0
                guard coding.append(a, to: codes, count: &count, seen: seen) else { return nil }
                let countA = count
                guard coding.append(b, to: codes, count: &count, seen: seen) else { return nil }
                return body(
                    UnsafeBufferPointer(rebasing: codes[..<countA]), UnsafeBufferPointer(rebasing: codes[countA..<count])
                )
            }
        }
    }

    /// The state of coding a pair of strings as bytes below 128.
    struct ByteCoding {
        /// The byte values taken, by ASCII in either string or as a code.
        var usedLow: UInt64 = 0
        var usedHigh: UInt64 = 0
        /// How many non-ASCII scalars have a code; `seen` holds them as value << 8 | code (values have 21 bits).
        var seenCount = 0

        @inline(__always)
        mutating func markASCII(_ utf8: UnsafeBufferPointer<UInt8>) {
            for byte in utf8 where byte < 0x80 {
                if byte < 64 { usedLow |= 1 &<< UInt64(byte) } else { usedHigh |= 1 &<< UInt64(byte &- 64) }
            }
        }

        /// Appends the codes of `utf8`'s scalars to `codes`; false when the free byte values run out.
        @inline(__always)
        mutating func append(
            _ utf8: UnsafeBufferPointer<UInt8>, to codes: UnsafeMutableBufferPointer<UInt8>, count: inout Int,
            seen: UnsafeMutableBufferPointer<UInt32>
        ) -> Bool {
            var index = 0
            while index < utf8.count {
                let value = StringSimilarity.scalarValue(utf8, at: &index)
                var code = value
                if value >= 0x80 {
                    var known = 0
                    while known < seenCount, seen[known] &>> 8 != value { known += 1 }
                    if known < seenCount {
                        code = seen[known] & 0xFF
                    } else {
                        if usedLow != .max {
                            code = UInt32((~usedLow).trailingZeroBitCount)
                            usedLow |= 1 &<< UInt64(code)
                        } else if usedHigh != .max {
                            code = UInt32((~usedHigh).trailingZeroBitCount)
                            usedHigh |= 1 &<< UInt64(code)
                            code += 64
                        } else {
                            return false
                        }
                        seen.initializeElement(at: seenCount, to: value << 8 | code)
                        seenCount += 1
                    }
                }
                codes.initializeElement(at: count, to: UInt8(truncatingIfNeeded: code))
                count += 1
            }
            return true
        }
    }

    /// Both buffers without their common prefix and suffix, which change no edit distance.
    @inline(__always)
    static func withoutCommonAffix<Element: Equatable>(
        _ a: UnsafeBufferPointer<Element>, _ b: UnsafeBufferPointer<Element>
    ) -> (UnsafeBufferPointer<Element>, UnsafeBufferPointer<Element>) {
        var start = 0
        let shorter = min(a.count, b.count)
        while start < shorter, a[start] == b[start] { start += 1 }
        var endA = a.count
        var endB = b.count
        while endA > start, endB > start, a[endA - 1] == b[endB - 1] {
            endA -= 1
            endB -= 1
        }
        return (UnsafeBufferPointer(rebasing: a[start..<endA]), UnsafeBufferPointer(rebasing: b[start..<endB]))
    }

    /// Calls `body` with a table that gives, for each byte of `pattern`, the bit set of its positions in `pattern`
    /// (bit `i` for position `i`), valid for every byte in `pattern` or `text`. All bytes are below 128; `pattern` has at most
    /// 64 bytes.
    ///
    /// Only the entries the two strings use are written, so the call costs O(|pattern| + |text|), not a 1 KiB zeroing.
    /// The table is 1 KiB, the most `withUnsafeTemporaryAllocation` puts on the stack without asking the system how
    /// much stack is left.
    @inline(__always)
    static func withPatternMasks<Result>(
        _ pattern: UnsafeBufferPointer<UInt8>, _ text: UnsafeBufferPointer<UInt8>,
        _ body: (UnsafeMutableBufferPointer<UInt64>) -> Result
    ) -> Result {
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 128) { masks in
            for byte in text { masks.initializeElement(at: Int(byte), to: 0) }
            for byte in pattern { masks.initializeElement(at: Int(byte), to: 0) }
            var bit: UInt64 = 1
            for byte in pattern {
                masks[Int(byte)] |= bit
                bit &<<= 1
            }
            return body(masks)
        }
    }
}
