/// A smooth random displacement of the plane: random offsets on a coarse square lattice, blended smoothly between
/// lattice points. Moving each point by it before asking which centre is nearest bends straight borders into
/// believable wandering ones, without any maths library (so maps are the same on every platform).
struct WarpField: Sendable {
    /// Metres between lattice points: the length of a border's wanderings.
    private let spacing: Double
    /// The lattice's south-west corner, metres from the borough's centre (the same east and north).
    private let origin: Double
    private let size: Int
    private var east: [Double]
    private var north: [Double]

    /// A field covering `-extent…extent` metres each way, moving points by up to `amplitude` metres.
    init(extent: Double, spacing: Double, amplitude: Double, random: inout RandomSource) {
        self.spacing = spacing
        origin = -extent - spacing
        size = Int((2 * extent / spacing).rounded(.up)) + 3
        east = []
        north = []
        for _ in 0..<(size * size) {
            east.append((2 * random.unit() - 1) * amplitude)
            north.append((2 * random.unit() - 1) * amplitude)
        }
    }

    /// The displacement at a point, metres east and north.
    func offset(x: Double, y: Double) -> (east: Double, north: Double) {
        let fx = clamp((x - origin) / spacing, 0, Double(size) - 1.001)
        let fy = clamp((y - origin) / spacing, 0, Double(size) - 1.001)
        let column = Int(fx)
        let row = Int(fy)
        let s = smooth(fx - Double(column))
        let t = smooth(fy - Double(row))
        func blend(_ values: [Double]) -> Double {
            let southWest = values[row * size + column]
            let southEast = values[row * size + column + 1]
            let northWest = values[(row + 1) * size + column]
            let northEast = values[(row + 1) * size + column + 1]
            let south = southWest + (southEast - southWest) * s
            let northEdge = northWest + (northEast - northWest) * s
            return south + (northEdge - south) * t
        }
        return (blend(east), blend(north))
    }

    /// Smoothstep, so that the field has no creases along lattice lines.
    private func smooth(_ t: Double) -> Double { t * t * (3 - 2 * t) }
}
