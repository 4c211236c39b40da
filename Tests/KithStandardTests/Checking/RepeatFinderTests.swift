import KithSpreadsheet
import Testing

@testable import KithStandard

/// The repeat finder, which searches its partitions only at the end, names the same repeats and first places as a
/// search in order with a dictionary would, in order, whether the hashes differ in their high bits (which choose a
/// partition) or only in their low bits (all in one partition).
struct RepeatFinderTests {
    @Test(arguments: [0, 100_000])
    func findsTheRepeatsASearchInOrderWould(expected: Int) {
        var finder = RepeatFinder(expected: expected)
        var reference: [Int: Int] = [:]
        var repeats: [(place: Int, first: Int)] = []
        var random = SplitMix64(seed: 11)
        var hashes: [Int] = [1, -1, Int.min, Int.max]
        hashes += (0..<2_000).map { $0 << 50 }
        hashes += (0..<2_000).map { $0 }
        hashes += (0..<50_000).map { _ in Int(truncatingIfNeeded: random.next()) }
        hashes += hashes.shuffled(using: &random).prefix(20_000)
        // Places need only increase: skip some, as blank rows do.
        var place = 2
        for hash in hashes {
            let key = hash == 0 ? 1 : hash  // as its tables keep it (see FirstRowsTests)
            if let first = reference[key] { repeats.append((place, first)) } else { reference[key] = place }
            finder.note(hash, at: place)
            place += hash % 7 == 0 ? 2 : 1
        }
        let found = finder.repeats()
        #expect(found.count == repeats.count)
        let firstDifference = zip(found, repeats).first { $0.place != $1.place || $0.first != $1.first }
        #expect(firstDifference == nil, "found \(String(describing: firstDifference?.0)), expected \(String(describing: firstDifference?.1))")
    }

    @Test func findsNothingWithoutRepeats() {
        var finder = RepeatFinder()
        for place in 0..<1_000 { finder.note(Int(truncatingIfNeeded: UInt64(place) &* 0x9E37_79B9_7F4A_7C15), at: place) }
        #expect(finder.repeats().isEmpty)
    }
}
