/// Draws indices in proportion to their weights, many times over: a running total searched by halves, one uniform
/// draw each.
struct WeightedPicker: Sendable {
    private var cumulative: [Double] = []
    private var total = 0.0

    init(_ weights: [Double]) {
        cumulative.reserveCapacity(weights.count)
        for weight in weights {
            total += weight
            cumulative.append(total)
        }
    }

    /// An index, with probability proportional to its weight.
    func pick(_ random: inout RandomSource) -> Int {
        let target = random.unit() * total
        var low = 0
        var high = cumulative.count - 1
        while low < high {
            let middle = (low + high) / 2
            if cumulative[middle] < target { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
