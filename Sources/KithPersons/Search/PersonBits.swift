/// A set of person ordinals as one bit each: cheap to fill from long posting lists, to test, and to read back in
/// order.
struct PersonBits {
    private var words: [UInt64]

    init(personCount: Int) {
        words = [UInt64](repeating: 0, count: personCount / 64 + 1)
    }

    mutating func insert(_ person: UInt32) {
        words[Int(person >> 6)] |= 1 << UInt64(person & 63)
    }

    mutating func insert(contentsOf persons: ArraySlice<UInt32>) {
        for person in persons { insert(person) }
    }

    func contains(_ person: UInt32) -> Bool {
        words[Int(person >> 6)] & 1 << UInt64(person & 63) != 0
    }

    /// The persons in the set, ascending.
    func persons(reservingCapacity capacity: Int = 0) -> [UInt32] {
        var persons: [UInt32] = []
        persons.reserveCapacity(capacity)
        for (index, var word) in words.enumerated() {
            while word != 0 {
                persons.append(UInt32(index << 6 + word.trailingZeroBitCount))
                word &= word - 1
            }
        }
        return persons
    }
}
