import KithSpreadsheet
import Testing

@testable import KithStandard

/// The checker's table of first rows answers as a dictionary from hash to first row would, through growth, with hashes
/// that share their low or high bits, and with the hash 0 that marks an empty slot inside the table.
struct FirstRowsTests {
    @Test(arguments: [0, 10, 100_000])
    func answersAsADictionaryWould(expected: Int) {
        var table = FirstRows(expected: expected)
        var reference: [Int: Int] = [:]
        var random = SplitMix64(seed: 7)
        var hashes: [Int] = [0, 1, -1, Int.min, Int.max]
        // Keys equal in their low bits, then in their high bits, then repeats of earlier keys.
        hashes += (0..<2_000).map { $0 << 40 }
        hashes += (0..<2_000).map { $0 }
        hashes += (0..<50_000).map { _ in Int(truncatingIfNeeded: random.next()) }
        hashes += hashes.shuffled(using: &random).prefix(20_000)
        for (row, hash) in hashes.enumerated() {
            let key = hash == 0 ? 1 : hash  // as the table keeps it (below)
            let expectedFirst = reference[key]
            if expectedFirst == nil { reference[key] = row }
            #expect(table.firstRow(of: hash, orNote: row) == expectedFirst, "hash \(hash) at row \(row)")
        }
        #expect(table.count == reference.count)
    }

    @Test func seesTheHashZeroAsARepeatOfOne() {
        // 0 marks an empty slot, so it is kept as 1: the two collide, as two 64-bit hashes seldom would.
        var table = FirstRows()
        #expect(table.firstRow(of: 0, orNote: 2) == nil)
        #expect(table.firstRow(of: 0, orNote: 3) == 2)
        #expect(table.firstRow(of: 1, orNote: 4) == 2)
    }
}
