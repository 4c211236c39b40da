/// Picks the value most rows agree on, ties going to the latest row: how a profile settles a detail lists give
/// differently (an old address on one list, a nickname on another).
struct ValueTally {
    private var counts: [String: (count: Int, latest: Int64)] = [:]

    mutating func add(_ value: String?, row: Int64) {
        guard let value, !value.isEmpty else { return }
        let current = counts[value] ?? (0, row)
        counts[value] = (current.count + 1, max(current.latest, row))
    }

    var best: String? {
        counts.max { ($0.value.count, $0.value.latest) < ($1.value.count, $1.value.latest) }?.key
    }
}
