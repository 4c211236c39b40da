/// Gives the persons of a run their ids, keeping every id people have already seen.
///
/// A person whose records held an id last run keeps it; when records of several old persons are joined, the
/// person takes the id most of its records had (the oldest on a tie) and the others are reported as merged into
/// it; when an old person is split, the larger part keeps the id. Only persons with no earlier records get new ids.
public struct PersonNumbering {
    /// Ids look like `KP-0000042`.
    public static func identifier(_ number: Int32) -> String {
        let digits = String(number)
        return "KP-" + String(repeating: "0", count: max(0, 7 - digits.count)) + digits
    }

    /// The number of an id such as `KP-0000042`; nil for any other text.
    public static func number(_ identifier: String) -> Int32? {
        guard identifier.hasPrefix("KP-") else { return nil }
        return Int32(identifier.dropFirst(3))
    }

    /// How many distinct persons the numbers name, counted in a bitmap over the numbers (a set of a million
    /// numbers took a tenth of a second).
    static func distinctCount(_ numbers: [Int32]) -> Int {
        guard let highest = numbers.max(), highest >= 0 else { return Set(numbers).count }
        var seen = [UInt64](repeating: 0, count: Int(highest) / 64 + 1)
        var count = 0
        for number in numbers {
            guard number >= 0 else { return Set(numbers).count }
            let word = Int(number) >> 6, bit = UInt64(1) << UInt64(number & 63)
            if seen[word] & bit == 0 {
                seen[word] |= bit
                count += 1
            }
        }
        return count
    }

    /// Numbers the given groups of records. `previous[record]` is the record's number last run (0 for none).
    /// - Returns: each group's number, and the old numbers merged into others.
    static func number(
        groups: [[Int]], previous: [Int32], next: inout Int32
    ) -> (numbers: [Int32], merges: [(from: Int32, into: Int32)]) {
        var claims: [(group: Int, number: Int32, count: Int)] = []
        for (index, group) in groups.enumerated() {
            var tally: [Int32: Int] = [:]
            for record in group where record < previous.count && previous[record] != 0 { tally[previous[record], default: 0] += 1 }
            for (number, count) in tally { claims.append((index, number, count)) }
        }
        claims.sort { $0.count != $1.count ? $0.count > $1.count : $0.number < $1.number }
        var numbers = [Int32](repeating: 0, count: groups.count)
        var taken = Set<Int32>()
        for claim in claims where numbers[claim.group] == 0 && !taken.contains(claim.number) {
            numbers[claim.group] = claim.number
            taken.insert(claim.number)
        }
        let unnumbered = groups.indices.filter { numbers[$0] == 0 }.sorted { (groups[$0].min() ?? 0) < (groups[$1].min() ?? 0) }
        for index in unnumbered {
            numbers[index] = next
            next += 1
        }
        var merges: [(from: Int32, into: Int32)] = []
        var mergedAlready = Set<Int32>()
        for claim in claims where !taken.contains(claim.number) && !mergedAlready.contains(claim.number) {
            merges.append((claim.number, numbers[claim.group]))
            mergedAlready.insert(claim.number)
        }
        return (numbers, merges)
    }
}
