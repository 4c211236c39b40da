/// Finds the hashes that repeat in a stream, each repeat with the first place its hash was seen, after the stream
/// ends: for the Data Checker's repeated rows and identifiers.
///
/// Asking a table of a million hashes "seen before?" for each row waits for memory on almost every question: the
/// table is far larger than the caches, and those waits were a sixth of the checker's time at a million rows, all of
/// it on the one thread that adds rows up in order. Here each hash is only appended, by its top bits, to one of 256
/// partitions, which is a write to one of 256 places the cache already holds. At the end each partition, a few
/// thousand hashes, is searched on its own in a table that fits the cache. Within a partition hashes stay in the
/// order they came, so the first place of each hash is the same as a search in order would find.
struct RepeatFinder {
    private struct Entry {
        var hash: Int
        var place: Int
    }

    private static let partitionBits = 8
    private var partitions: [[Entry]]

    /// Room for about `expected` hashes before a partition grows.
    init(expected: Int = 0) {
        let each = expected > 0 ? expected / (1 << Self.partitionBits) + expected / (1 << (Self.partitionBits + 3)) + 16 : 0
        partitions = (0..<(1 << Self.partitionBits)).map { _ in
            var entries: [Entry] = []
            entries.reserveCapacity(each)
            return entries
        }
    }

    /// Notes the next hash in the stream at `place` (a row number, or a count), which must be past every place
    /// noted before.
    @inline(__always)
    mutating func note(_ hash: Int, at place: Int) {
        let partition = Int(truncatingIfNeeded: UInt64(bitPattern: Int64(hash)) >> UInt64(64 - Self.partitionBits))
        partitions[partition].append(Entry(hash: hash, place: place))
    }

    /// Every place whose hash was seen at an earlier place, with the first such place, in the stream's order.
    func repeats() -> [(place: Int, first: Int)] {
        var found: [(place: Int, first: Int)] = []
        for partition in partitions where partition.count > 1 {
            var firstPlaces = FirstRows(expected: partition.count)
            for entry in partition {
                if let first = firstPlaces.firstRow(of: entry.hash, orNote: entry.place) {
                    found.append((entry.place, first))
                }
            }
        }
        found.sort { $0.place < $1.place }
        return found
    }
}
