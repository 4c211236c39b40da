/// The working memory the phonetic encoders share: the letters of a key and room for the codes made from it.
///
/// The encoders run on millions of names, so they read the key's UTF-8 bytes directly and write their codes into
/// scratch memory (on the stack for names of ordinary length): no `Character` handling, no regular expressions, no
/// arrays that grow.
struct PhoneticScratch {
    /// The key's letters, `A`–`Z` (`a`–`z` read as capitals, every other byte skipped), then ``padding`` spaces
    /// and zeros up to ``paddedCapacity``.
    let letters: UnsafeMutablePointer<UInt8>
    /// How many letters ``letters`` holds.
    let count: Int
    /// Room for a code of up to ``codeCapacity`` bytes.
    let first: UnsafeMutablePointer<UInt8>
    /// Room for a second code of up to ``codeCapacity`` bytes.
    let second: UnsafeMutablePointer<UInt8>
    /// The size of each code buffer: room for two code letters per key letter and a few more.
    let codeCapacity: Int

    /// The spaces after the letters, as the C++ Double Metaphone pads its copy of the word so that it can look past
    /// the end (`"IER "`, `"VAN "`).
    static let padding = 5

    /// Calls `body` with the letters of `key` and room for codes. `key` is meant to be a matching key
    /// (`NameNormaliser`): upper-case ASCII letters. Lower-case ASCII letters are read as capitals, as every reference
    /// implementation upper-cases first; anything else (digits, spaces, punctuation, any non-ASCII byte) is skipped.
    @inline(__always)
    static func with<Result>(_ key: String, _ body: (PhoneticScratch) -> Result) -> Result {
        if let result = key.utf8.withContiguousStorageIfAvailable({ with(bytes: $0, body) }) { return result }
        var copy = key
        return copy.withUTF8 { with(bytes: $0, body) }
    }

    @inline(__always)
    private static func with<Result>(bytes: UnsafeBufferPointer<UInt8>, _ body: (PhoneticScratch) -> Result) -> Result {
        let letterCapacity = bytes.count + padding + 3
        let codeCapacity = 2 * bytes.count + 8
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: letterCapacity + 2 * codeCapacity) { memory in
            let base = memory.baseAddress!
            var count = 0
            for byte in bytes where (byte | 0x20) &- 0x61 < 26 {
                base[count] = byte & 0xDF
                count += 1
            }
            for index in count..<(count + padding) { base[index] = 0x20 }
            for index in (count + padding)..<letterCapacity { base[index] = 0 }
            let scratch = PhoneticScratch(
                letters: base,
                count: count,
                first: base + letterCapacity,
                second: base + letterCapacity + codeCapacity,
                codeCapacity: codeCapacity
            )
            return body(scratch)
        }
    }

    /// The first `count` bytes of `code` as a string (ASCII).
    @inline(__always)
    static func string(_ code: UnsafeMutablePointer<UInt8>, count: Int) -> String {
        String(decoding: UnsafeBufferPointer(start: code, count: count), as: UTF8.self)
    }
}
