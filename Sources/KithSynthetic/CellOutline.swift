/// The outline of a set of grid cells as polygons: every cell side with no cell of the set across it, chained into
/// rings, with the corners where nothing turns dropped.
///
/// Sides are walked with the set on the left, so outer rings run counter-clockwise and holes clockwise, as RFC 7946
/// asks of GeoJSON. Where two cells of the set touch only at a corner the walk turns right, through the corner,
/// so that a ring never touches itself: a bay closed off at a corner becomes a hole touching the outer ring at one
/// point, which simple-features rules allow. Two sets that share cell sides share those exact sides in their
/// outlines, so neighbouring areas meet with no gap or overlap, and the outline of a union of sets is made of
/// their outlines' sides.
struct CellOutline {
    /// A corner of the grid: column `i` and row `j` of the lines between cells (0…columns, 0…rows).
    struct Corner: Equatable, Sendable {
        var i: Int
        var j: Int
    }

    /// One polygon: an outer ring and its holes, each closed (its first corner repeated at the end).
    struct Polygon: Sendable {
        var outer: [Corner]
        var holes: [[Corner]]
    }

    let columns: Int
    let rows: Int

    /// The outline of the cells (indices `row × columns + column`) for which `contains` is true.
    func polygons(of cells: [Int], contains: (Int) -> Bool) -> [Polygon] {
        // Boundary sides by the corner they start from, as directions: 0 east, 1 north, 2 west, 3 south.
        var outgoing: [Int: [Int]] = [:]
        func add(_ i: Int, _ j: Int, _ direction: Int) { outgoing[key(i, j), default: []].append(direction) }
        for cell in cells {
            let i = cell % columns
            let j = cell / columns
            if j == 0 || !contains(cell - columns) { add(i, j, 0) }
            if i == columns - 1 || !contains(cell + 1) { add(i + 1, j, 1) }
            if j == rows - 1 || !contains(cell + columns) { add(i + 1, j + 1, 2) }
            if i == 0 || !contains(cell - 1) { add(i, j + 1, 3) }
        }
        var used: Set<Int> = []
        var outers: [[Corner]] = []
        var holes: [(ring: [Corner], inside: (x: Double, y: Double))] = []
        for start in outgoing.keys.sorted() {
            for direction in outgoing[start]!.sorted() where !used.contains(start * 4 + direction) {
                let ring = walk(from: start, direction: direction, outgoing: outgoing, used: &used)
                if Self.twiceArea(ring.corners) > 0 {
                    outers.append(ring.corners)
                } else {
                    holes.append((ring.corners, ring.firstCellCentre))
                }
            }
        }
        var polygons = outers.map { Polygon(outer: $0, holes: []) }
        for hole in holes {
            // The hole belongs to the smallest outer ring around a cell of the set that borders it.
            var best: Int?
            for (index, polygon) in polygons.enumerated() where Self.ring(polygon.outer, contains: hole.inside) {
                if best == nil || Self.twiceArea(polygon.outer) < Self.twiceArea(polygons[best!].outer) { best = index }
            }
            if let best { polygons[best].holes.append(hole.ring) }
        }
        return polygons
    }

    private func key(_ i: Int, _ j: Int) -> Int { j * (columns + 1) + i }

    /// Follows boundary sides from one until it comes back to it, turning right where there is a choice.
    private func walk(
        from start: Int, direction startDirection: Int, outgoing: [Int: [Int]], used: inout Set<Int>
    ) -> (corners: [Corner], firstCellCentre: (x: Double, y: Double)) {
        let steps = [(1, 0), (0, 1), (-1, 0), (0, -1)]
        var corners: [Corner] = []
        var vertex = start
        var direction = startDirection
        var previous = -1
        repeat {
            used.insert(vertex * 4 + direction)
            // A corner where the ring turns; straight runs are one side.
            if direction != previous { corners.append(Corner(i: vertex % (columns + 1), j: vertex / (columns + 1))) }
            let i = vertex % (columns + 1) + steps[direction].0
            let j = vertex / (columns + 1) + steps[direction].1
            vertex = key(i, j)
            previous = direction
            let choices = outgoing[vertex] ?? []
            // Right, straight on, then left.
            direction = [(direction + 3) % 4, direction, (direction + 1) % 4].first { choices.contains($0) }!
        } while vertex != start || direction != startDirection
        // The start is a corner unless the ring arrives there going the same way it left.
        if previous == startDirection, corners.count > 1 { corners.removeFirst() }
        corners.append(corners[0])
        // The set lies on the left of the first side: the centre of the cell there.
        let offsets = [(0.5, 0.5), (-0.5, 0.5), (-0.5, -0.5), (0.5, -0.5)]
        let first = (x: Double(start % (columns + 1)), y: Double(start / (columns + 1)))
        return (corners, (first.x + offsets[startDirection].0, first.y + offsets[startDirection].1))
    }

    /// Twice the signed area of a closed ring: positive when it runs counter-clockwise.
    static func twiceArea(_ ring: [Corner]) -> Int {
        var sum = 0
        for index in 0..<(ring.count - 1) {
            sum += ring[index].i * ring[index + 1].j - ring[index + 1].i * ring[index].j
        }
        return sum
    }

    /// Whether a point (in grid units) lies inside a closed ring, by ray casting.
    static func ring(_ ring: [Corner], contains point: (x: Double, y: Double)) -> Bool {
        var inside = false
        for index in 0..<(ring.count - 1) {
            let a = (x: Double(ring[index].i), y: Double(ring[index].j))
            let b = (x: Double(ring[index + 1].i), y: Double(ring[index + 1].j))
            if (a.y > point.y) != (b.y > point.y), point.x < (b.x - a.x) * (point.y - a.y) / (b.y - a.y) + a.x { inside.toggle() }
        }
        return inside
    }
}
