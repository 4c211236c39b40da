/// Jaro-Winkler similarity of two strings, from 0 (nothing alike) to 1 (equal), by their Unicode scalars.
///
/// Prefix scale 0.1, common prefix capped at 4, the boost applied only above a Jaro of 0.7: the conventions
/// of jellyfish and RapidFuzz (shared/reference/uk-data.md §4).
enum JaroWinkler {
    static func similarity(_ a: String, _ b: String) -> Double {
        let left = Array(a.unicodeScalars)
        let right = Array(b.unicodeScalars)
        if left.isEmpty && right.isEmpty { return 1 }
        if left.isEmpty || right.isEmpty { return 0 }
        let window = max(0, max(left.count, right.count) / 2 - 1)
        var leftMatched = [Bool](repeating: false, count: left.count)
        var rightMatched = [Bool](repeating: false, count: right.count)
        var matches = 0
        for index in left.indices {
            let start = max(0, index - window)
            let end = min(right.count - 1, index + window)
            guard start <= end else { continue }
            for other in start...end where !rightMatched[other] && left[index] == right[other] {
                leftMatched[index] = true
                rightMatched[other] = true
                matches += 1
                break
            }
        }
        guard matches > 0 else { return 0 }
        var transpositions = 0
        var other = 0
        for index in left.indices where leftMatched[index] {
            while !rightMatched[other] { other += 1 }
            if left[index] != right[other] { transpositions += 1 }
            other += 1
        }
        let m = Double(matches)
        let jaro = (m / Double(left.count) + m / Double(right.count) + (m - Double(transpositions / 2)) / m) / 3
        guard jaro > 0.7 else { return jaro }
        var prefix = 0
        while prefix < min(4, left.count, right.count), left[prefix] == right[prefix] { prefix += 1 }
        return jaro + Double(prefix) * 0.1 * (1 - jaro)
    }
}
