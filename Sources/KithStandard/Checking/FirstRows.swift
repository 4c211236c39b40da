/// The first row of each hash, for finding repeated rows and identifiers (in one ``RepeatFinder`` partition at a
/// time): one open-addressing table of hash and row side by side, asked and filled in one probe.
///
/// A `[Int: Int]` did the same with two probes (a lookup, then an insert) and a SipHash of a key that is already a
/// hash.
struct FirstRows {
    private struct Slot {
        /// The hash, with 0 kept to mean an empty slot.
        var key: UInt64
        var row: Int
    }

    private var slots: [Slot]
    private var shift: UInt64
    private(set) var count = 0

    /// Room for `expected` hashes before the table grows.
    init(expected: Int = 0) {
        let bits = Self.bits(for: expected)
        slots = Array(repeating: Slot(key: 0, row: 0), count: 1 << bits)
        shift = UInt64(64 - bits)
    }

    /// The first row noted with `hash`, or nil after noting `row` as its first.
    mutating func firstRow(of hash: Int, orNote row: Int) -> Int? {
        if (count + 1) * 4 > slots.count * 3 { grow() }
        let key = Self.key(hash)
        let mask = slots.count - 1
        var index = position(of: key)
        let first: Int? = slots.withUnsafeMutableBufferPointer { slots in
            while true {
                let found = slots[index].key
                if found == key { return slots[index].row }
                if found == 0 {
                    slots[index] = Slot(key: key, row: row)
                    return nil
                }
                index = (index + 1) & mask
            }
        }
        if first == nil { count += 1 }
        return first
    }

    /// Hash 0 is noted as 1, as if the two collided: a 64-bit hash collides as seldom as that anyway.
    @inline(__always)
    private static func key(_ hash: Int) -> UInt64 {
        hash == 0 ? 1 : UInt64(bitPattern: Int64(hash))
    }

    /// Fibonacci hashing: the key's top bits after a multiply, so keys that differ only in low bits still spread.
    @inline(__always)
    private func position(of key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: Slot(key: 0, row: 0), count: old.count * 2)
        shift -= 1
        let mask = slots.count - 1
        for slot in old where slot.key != 0 {
            var index = position(of: slot.key)
            while slots[index].key != 0 { index = (index + 1) & mask }
            slots[index] = slot
        }
    }

    /// Slots for `expected` hashes at most three quarters full (as a `Dictionary`'s, so no more memory), at least 16.
    private static func bits(for expected: Int) -> Int {
        var bits = 4
        while (1 << bits) * 3 < expected * 4 { bits += 1 }
        return bits
    }
}
