/// FNV-1a over bytes: a hash that is the same on every run and machine, unlike Swift's `Hasher`, which is seeded
/// afresh in each process. For ids and fingerprints written down, seeds, and hash tables saved to disk.
public enum StableHash {
    public static let offsetBasis: UInt64 = 0xCBF2_9CE4_8422_2325
    public static let prime: UInt64 = 0x0000_0100_0000_01B3

    /// The hash of a string's UTF-8 bytes.
    public static func fnv1a(_ text: String) -> UInt64 {
        fnv1a(text.utf8)
    }

    /// The hash of bytes.
    @inline(__always)
    public static func fnv1a(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var hash = offsetBasis
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* prime
        }
        return hash
    }
}
