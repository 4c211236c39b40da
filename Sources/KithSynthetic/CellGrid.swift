/// A square grid of cells over the borough (cell `row × columns + column`), and the clean-ups that keep areas drawn
/// on it in one piece.
struct CellGrid: Sendable {
    let columns: Int
    let rows: Int
    /// A cell's side, metres.
    let cellSize: Double
    /// The grid's south-west corner, metres east and north of the borough's centre.
    let west: Double
    let south: Double

    /// A grid of `columns × rows` cells whose south-west corner is `west` metres both east and north of the centre.
    init(columns: Int, rows: Int, cellSize: Double, west: Double) {
        self.columns = columns
        self.rows = rows
        self.cellSize = cellSize
        self.west = west
        south = west
    }

    var count: Int { columns * rows }

    /// The centre of a cell, metres east and north of the borough's centre.
    func centre(of cell: Int) -> (x: Double, y: Double) {
        (west + (Double(cell % columns) + 0.5) * cellSize, south + (Double(cell / columns) + 0.5) * cellSize)
    }

    /// The cells sharing a side with a cell, in a fixed order (south, east, north, west).
    func neighbours(of cell: Int) -> [Int] {
        let column = cell % columns
        let row = cell / columns
        var result: [Int] = []
        result.reserveCapacity(4)
        if row > 0 { result.append(cell - columns) }
        if column < columns - 1 { result.append(cell + 1) }
        if row < rows - 1 { result.append(cell + columns) }
        if column > 0 { result.append(cell - 1) }
        return result
    }

    /// The pieces (cells joined through shared sides) of each label, each piece's cells in the order found.
    func pieces(_ labels: [Int]) -> [[Int]] {
        var seen = Array(repeating: false, count: count)
        var pieces: [[Int]] = []
        for start in 0..<count where labels[start] >= 0 && !seen[start] {
            var piece = [start]
            seen[start] = true
            var next = 0
            while next < piece.count {
                for neighbour in neighbours(of: piece[next]) where !seen[neighbour] && labels[neighbour] == labels[start] {
                    seen[neighbour] = true
                    piece.append(neighbour)
                }
                next += 1
            }
            pieces.append(piece)
        }
        return pieces
    }

    /// Keeps only the largest piece of labelled cells (labels ≥ 0, taken together) and labels any unlabelled cells
    /// it encloses from `fill`, so that the borough is one piece with no holes.
    func keepLargestPieceAndFillGaps(_ labels: inout [Int], fill: [Int]) {
        let inside = labels.map { $0 >= 0 ? 0 : -1 }
        let largest = pieces(inside).filter { inside[$0[0]] == 0 }.max { $0.count < $1.count } ?? []
        var kept = Array(repeating: false, count: count)
        for cell in largest { kept[cell] = true }
        // Whatever the outside cannot reach from the grid's edge without crossing the borough is inside it.
        var outside = Array(repeating: false, count: count)
        var queue: [Int] = []
        for cell in 0..<count where !kept[cell] {
            let column = cell % columns
            let row = cell / columns
            if column == 0 || row == 0 || column == columns - 1 || row == rows - 1 {
                outside[cell] = true
                queue.append(cell)
            }
        }
        var next = 0
        while next < queue.count {
            for neighbour in neighbours(of: queue[next]) where !outside[neighbour] && !kept[neighbour] {
                outside[neighbour] = true
                queue.append(neighbour)
            }
            next += 1
        }
        for cell in 0..<count {
            if outside[cell] {
                labels[cell] = -1
            } else if labels[cell] < 0 || !kept[cell] {
                labels[cell] = fill[cell]
            }
        }
    }

    /// Makes each label one piece: every piece but a label's largest joins the label it shares most sides with
    /// (among those `mayJoin(from, to)` allows), until none is left or none can move.
    func makeContiguous(_ labels: inout [Int], mayJoin: (Int, Int) -> Bool) {
        for _ in 0..<100 {
            let all = pieces(labels)
            var largest: [Int: Int] = [:]
            for (index, piece) in all.enumerated() {
                let label = labels[piece[0]]
                if let current = largest[label], all[current].count >= piece.count { continue }
                largest[label] = index
            }
            var moved = false
            for (index, piece) in all.enumerated() where largest[labels[piece[0]]] != index {
                let label = labels[piece[0]]
                var shared: [Int: Int] = [:]
                for cell in piece {
                    for neighbour in neighbours(of: cell) where labels[neighbour] >= 0 && labels[neighbour] != label {
                        if mayJoin(label, labels[neighbour]) { shared[labels[neighbour], default: 0] += 1 }
                    }
                }
                guard let target = shared.max(by: { ($0.value, -$0.key) < ($1.value, -$1.key) })?.key else { continue }
                for cell in piece { labels[cell] = target }
                moved = true
            }
            if !moved { return }
        }
    }
}
