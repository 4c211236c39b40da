import Testing

@testable import KithSynthetic

/// Tracing a set of grid cells into rings: outer rings counter-clockwise, holes clockwise, straight runs one side.
struct CellOutlineTests {
    typealias Corner = CellOutline.Corner

    /// The cells of a grid drawn as text, top row first: `#` in the set.
    static func cells(_ rows: [String]) -> (outline: CellOutline, cells: [Int]) {
        let columns = rows[0].count
        var cells: [Int] = []
        for (offset, row) in rows.reversed().enumerated() {
            for (column, character) in row.enumerated() where character == "#" { cells.append(offset * columns + column) }
        }
        return (CellOutline(columns: columns, rows: rows.count), cells)
    }

    static func polygons(_ rows: [String]) -> [CellOutline.Polygon] {
        let grid = cells(rows)
        let set = Set(grid.cells)
        return grid.outline.polygons(of: grid.cells) { set.contains($0) }
    }

    @Test func aRectangleIsFourCorners() {
        let polygons = Self.polygons([
            "....",
            ".##.",
            ".##.",
            "....",
        ])
        #expect(polygons.count == 1)
        #expect(polygons[0].outer == [Corner(i: 1, j: 1), Corner(i: 3, j: 1), Corner(i: 3, j: 3), Corner(i: 1, j: 3), Corner(i: 1, j: 1)])
        #expect(polygons[0].holes.isEmpty)
    }

    @Test func aRingOfCellsHasAClockwiseHole() {
        let polygons = Self.polygons([
            "###",
            "#.#",
            "###",
        ])
        #expect(polygons.count == 1)
        #expect(CellOutline.twiceArea(polygons[0].outer) == 18)
        #expect(polygons[0].holes.count == 1)
        #expect(CellOutline.twiceArea(polygons[0].holes[0]) == -2)
    }

    @Test func cellsTouchingAtACornerAreOneRingAndABayClosedAtACornerIsAHole() {
        // The gap in the ring's top right corner touches the hole only at a corner, so the hole stays a hole.
        let polygons = Self.polygons([
            "##.",
            "#.#",
            "###",
        ])
        #expect(polygons.count == 1)
        #expect(polygons[0].holes.count == 1)
        #expect(CellOutline.twiceArea(polygons[0].outer) + polygons[0].holes.reduce(0) { $0 + CellOutline.twiceArea($1) } == 14)
        for ring in [polygons[0].outer] + polygons[0].holes {
            // No corner twice within a ring (the first is repeated only to close it).
            let corners = ring.dropLast().map { $0.j * 10 + $0.i }
            #expect(Set(corners).count == corners.count)
        }
    }
}
