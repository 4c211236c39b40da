import Testing

@testable import KithLinkage

/// The string table numbers distinct strings from 1, finds each again through its own index as it grows, and can be
/// rebuilt from its saved parts, index included, finding the same codes without building anything again.
struct StringTableTests {
    /// Enough strings to make the index grow several times, with near-alike and empty ones.
    static let strings: [String] = (0..<5_000).map { "ID-\($0)" } + ["", "é", "Smith", "SMITH", "smith ", "Zoë-Anne", "Łódź"]

    @Test func eachDistinctStringHasOneCodeFromOneUpAndIsFoundAgain() {
        var table = StringTable()
        var codes: [String: Int32] = [:]
        for string in Self.strings { codes[string] = table.code(for: string) }
        #expect(table.count == Self.strings.count)
        #expect(Set(codes.values) == Set((1...Int32(Self.strings.count)).map { $0 }))
        for string in Self.strings {
            #expect(table.code(for: string) == codes[string])  // counted a second time
            #expect(table.existingCode(for: string) == codes[string])
            #expect(table.string(codes[string]!) == string)
            #expect(table.counts[Int(codes[string]!)] == 2)
        }
        // Written another way that Swift holds equal (e and a combining accent): the same string, the same code.
        #expect(table.existingCode(for: "e\u{301}") == codes["é"])
        #expect(table.code(for: "Zoe\u{308}-Anne") == codes["Zoë-Anne"])
        #expect(table.existingCode(for: "ID-5000") == nil)
        #expect(table.slots.count >= 2 * table.counts.count)
    }

    @Test func aTableRebuiltFromItsSavedPartsFindsTheSameCodesAndGoesOnNumbering() throws {
        var table = StringTable()
        for string in Self.strings { _ = table.code(for: string, counting: false) }
        var copy = try #require(StringTable(bytes: table.bytes, offsets: table.offsets, counts: table.counts, slots: table.slots))
        for string in Self.strings { #expect(copy.existingCode(for: string) == table.existingCode(for: string)) }
        let next = copy.code(for: "a string new to both")
        #expect(next == Int32(Self.strings.count + 1))
        #expect(copy.existingCode(for: "a string new to both") == next)
        #expect(table.existingCode(for: "a string new to both") == nil)
    }

    @Test func savedPartsThatDoNotFitTogetherAreRefused() {
        var table = StringTable()
        for string in Self.strings.prefix(100) { _ = table.code(for: string) }
        #expect(StringTable(bytes: table.bytes, offsets: table.offsets, counts: table.counts, slots: table.slots) != nil)
        // Bytes cut short, an index too small, an index not a power of two, a code past the end.
        #expect(StringTable(bytes: Array(table.bytes.dropLast()), offsets: table.offsets, counts: table.counts, slots: table.slots) == nil)
        #expect(StringTable(bytes: table.bytes, offsets: table.offsets, counts: table.counts, slots: Array(table.slots.prefix(64))) == nil)
        #expect(StringTable(bytes: table.bytes, offsets: table.offsets, counts: table.counts, slots: table.slots + [0]) == nil)
        var pointingPastTheEnd = table.slots
        pointingPastTheEnd[pointingPastTheEnd.firstIndex(of: 0)!] = Int32(table.counts.count)
        #expect(StringTable(bytes: table.bytes, offsets: table.offsets, counts: table.counts, slots: pointingPastTheEnd) == nil)
    }
}
