/// Hands out distinct whole numbers from a range at random, so identifiers never repeat, without slowing down
/// as the range fills: after a few random misses it probes forward from the last draw.
struct UniqueNumbers {
    let range: ClosedRange<Int>
    private var used: Set<Int> = []

    init(range: ClosedRange<Int>) {
        self.range = range
    }

    /// A number not handed out before, or nil when the range is used up.
    mutating func next(using random: inout RandomSource) -> Int? {
        guard used.count < range.count else { return nil }
        var candidate = random.int(in: range)
        for _ in 0..<16 {
            if used.insert(candidate).inserted { return candidate }
            candidate = random.int(in: range)
        }
        while !used.insert(candidate).inserted {
            candidate = candidate == range.upperBound ? range.lowerBound : candidate + 1
        }
        return candidate
    }
}
