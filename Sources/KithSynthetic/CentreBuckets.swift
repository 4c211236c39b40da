/// Centres sorted into square buckets of about one region's width, so that finding a cell's nearest centre looks
/// only at the centres around it (a borough of millions has thousands of small areas in each hub).
struct CentreBuckets {
    var size: Double

    struct Lookup {
        var size: Double
        var buckets: [Int64: [Int]]

        /// The nearest centre within three buckets each way, or of all centres when none is that near.
        func nearest(to point: (x: Double, y: Double), centres: [(x: Double, y: Double)]) -> Int {
            let column = Int64((point.x / size).rounded(.down))
            let row = Int64((point.y / size).rounded(.down))
            var best = -1
            var bestDistance = Double.infinity
            func consider(_ label: Int) {
                let centre = centres[label]
                let distance = (point.x - centre.x) * (point.x - centre.x) + (point.y - centre.y) * (point.y - centre.y)
                if distance < bestDistance || (distance == bestDistance && label < best) {
                    best = label
                    bestDistance = distance
                }
            }
            for dy in -3...3 {
                for dx in -3...3 {
                    for label in buckets[(row + Int64(dy)) << 32 &+ (column + Int64(dx))] ?? [] { consider(label) }
                }
            }
            if best < 0 { for label in centres.indices { consider(label) } }
            return best
        }
    }

    func index(_ centres: [(x: Double, y: Double)]) -> Lookup {
        var buckets: [Int64: [Int]] = [:]
        for (label, centre) in centres.enumerated() {
            let column = Int64((centre.x / size).rounded(.down))
            let row = Int64((centre.y / size).rounded(.down))
            buckets[row << 32 &+ column, default: []].append(label)
        }
        return Lookup(size: size, buckets: buckets)
    }
}
