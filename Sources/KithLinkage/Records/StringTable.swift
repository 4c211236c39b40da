import Foundation
import KithSpreadsheet

#if canImport(Glibc)
    import Glibc
#endif

/// Distinct strings numbered from 1 (0 means "none"), with their UTF-8 bytes kept contiguously, so that records hold
/// small integer codes: equal values compare as equal codes, and the few comparisons that need the text read it
/// without allocating.
///
/// Strings are found by an open-addressing table of codes over a stable hash of their bytes. It is plain memory,
/// saved with the table and read back as it was: a dictionary of 600,000 identifiers took a third of a second to
/// build again at the start of every incremental run.
public struct StringTable: Sendable {
    /// Bytes of every string, one after another; string `c` occupies `offsets[c]..<offsets[c + 1]`.
    public private(set) var bytes: [UInt8] = []
    public private(set) var offsets: [Int32] = [0, 0]
    /// How many records hold each string, for term frequencies.
    public private(set) var counts: [Int32] = [0]
    /// Codes by hash, probed linearly; 0 marks an empty slot. Its size is a power of two at least twice the number
    /// of strings.
    public private(set) var slots: [Int32] = [Int32](repeating: 0, count: 16)

    public init() {}

    /// A table from its saved parts; nil when they do not fit together (a damaged or foreign file).
    init?(bytes: [UInt8], offsets: [Int32], counts: [Int32], slots: [Int32]) {
        guard offsets.count == counts.count + 1, offsets.last.map({ Int($0) == bytes.count }) ?? false,
            slots.count >= 2 * counts.count, slots.count.nonzeroBitCount == 1,
            slots.allSatisfy({ $0 >= 0 && Int($0) < counts.count })
        else { return nil }
        self.bytes = bytes
        self.offsets = offsets
        self.counts = counts
        self.slots = slots
    }

    /// Number of distinct strings.
    public var count: Int { counts.count - 1 }

    /// The code of a string, adding it if new; counted once more when `counting` is true.
    public mutating func code(for string: String, counting: Bool = true) -> Int32 {
        var string = Self.canonical(string)
        return string.withUTF8 { code(forBytes: $0, counting: counting) }
    }

    /// The code of a string already in the table.
    public func existingCode(for string: String) -> Int32? {
        var string = Self.canonical(string)
        return string.withUTF8 { text in
            let slot = slot(of: text)
            return slots[slot] == 0 ? nil : slots[slot]
        }
    }

    /// The string in one form of the many Unicode allows (NFC), so that strings Swift holds equal (`é` written as
    /// one character or as `e` and an accent) have the same bytes, and so the same code.
    @inline(__always)
    static func canonical(_ string: String) -> String {
        string.utf8.allSatisfy { $0 < 0x80 } ? string : string.precomposedStringWithCanonicalMapping
    }

    private mutating func code(forBytes text: UnsafeBufferPointer<UInt8>, counting: Bool) -> Int32 {
        let slot = slot(of: text)
        let found = slots[slot]
        if found != 0 {
            if counting { counts[Int(found)] += 1 }
            return found
        }
        let code = Int32(counts.count)
        bytes.append(contentsOf: text)
        offsets.append(Int32(bytes.count))
        counts.append(counting ? 1 : 0)
        slots[slot] = code
        if counts.count * 2 > slots.count { rehash(capacity: slots.count * 2) }
        return code
    }

    /// The slot holding the string, or the empty slot where it would go.
    @inline(__always)
    private func slot(of text: UnsafeBufferPointer<UInt8>) -> Int {
        let mask = slots.count - 1
        var slot = Self.startingSlot(of: text, mask: mask)
        return bytes.withUnsafeBufferPointer { all in
            slots.withUnsafeBufferPointer { slots in
                while true {
                    let code = Int(slots[slot])
                    if code == 0 { return slot }
                    let start = Int(offsets[code]), end = Int(offsets[code + 1])
                    if end - start == text.count, text.count == 0 || memcmp(all.baseAddress! + start, text.baseAddress!, text.count) == 0 {
                        return slot
                    }
                    slot = (slot + 1) & mask
                }
            }
        }
    }

    @inline(__always)
    private static func startingSlot(of text: UnsafeBufferPointer<UInt8>, mask: Int) -> Int {
        // FNV-1a's low bits are weak for short strings: fold the high bits in.
        let hash = StableHash.fnv1a(text)
        return Int(truncatingIfNeeded: hash ^ (hash >> 29) ^ (hash >> 47)) & mask
    }

    private mutating func rehash(capacity: Int) {
        var slots = [Int32](repeating: 0, count: capacity)
        let mask = capacity - 1
        bytes.withUnsafeBufferPointer { all in
            for code in 1..<counts.count {
                let start = Int(offsets[code]), end = Int(offsets[code + 1])
                var slot = Self.startingSlot(of: UnsafeBufferPointer(rebasing: all[start..<end]), mask: mask)
                while slots[slot] != 0 { slot = (slot + 1) & mask }
                slots[slot] = Int32(code)
            }
        }
        self.slots = slots
    }

    public func string(_ code: Int32) -> String {
        let range = Int(offsets[Int(code)])..<Int(offsets[Int(code) + 1])
        return String(decoding: bytes[range], as: UTF8.self)
    }

    /// Calls `body` with the bytes of two strings.
    @inline(__always)
    public func withBytes<Result>(
        _ first: Int32, _ second: Int32, _ body: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>) -> Result
    ) -> Result {
        bytes.withUnsafeBufferPointer { all in
            let a = UnsafeBufferPointer(rebasing: all[Int(offsets[Int(first)])..<Int(offsets[Int(first) + 1])])
            let b = UnsafeBufferPointer(rebasing: all[Int(offsets[Int(second)])..<Int(offsets[Int(second) + 1])])
            return body(a, b)
        }
    }

    /// The number of bytes of a string.
    public func length(_ code: Int32) -> Int { Int(offsets[Int(code) + 1] - offsets[Int(code)]) }

    /// The first byte of a string, 0 for the empty string or none.
    public func firstByte(_ code: Int32) -> UInt8 {
        code == 0 || length(code) == 0 ? 0 : bytes[Int(offsets[Int(code)])]
    }
}
