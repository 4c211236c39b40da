import KithSpreadsheet

/// The invented map of Kithmoor: a roughly round borough about 8.5 km across around 53.55° N, 2.1° W, laid on a grid
/// of small square cells (about 125 m for the default borough), every cell in one hub area and one small area.
///
/// - The borough is the cells within 4.3 km of the centre once moved by a smooth random ``WarpField``, so that its
///   edge wanders; any cut-off pieces are dropped and any enclosed gaps filled.
/// - Hub areas are the Voronoi regions of the seven hub centres on the ring ``hubCentres`` (3 km out), measured
///   after the same warp, so that their borders wander too.
/// - Each hub area is divided among its own small areas by Lloyd's k-means on its cells, weighted by an invented
///   density of homes (highest in the town centre and each hub's own centre) so that each area holds about the same
///   number of homes: dense, central areas come out small and outlying ones large. Pieces cut off from
///   an area join the neighbour they share most sides with, so every area is one piece.
/// - The areas of a hub are matched to its regions by need: the densest regions get the neediest areas (with some
///   noise), so that need clusters as it does in a real town.
///
/// A postcode's centroid is a point inside one of its small area's cells, chosen by hashing the postcode, so it
/// always lies inside its area's outline. Everything comes from the stream "boundaries", so the map moves nothing else.
struct BoroughMap: Sendable {
    static let centreLatitude = 53.55
    static let centreLongitude = -2.1
    static let metresPerDegreeLatitude = 111_320.0
    /// 111,320 m × cos 53.55°, written out so that no maths library is needed.
    static let metresPerDegreeLongitude = 66_135.0
    /// The borough's radius before its edge is warped, metres.
    static let radius = 4_300.0

    /// The hub centres, metres east and north of the borough's centre: a ring about 3 km out (0.027° of latitude and
    /// 0.045° of longitude, from a table of unit steps rather than a maths library).
    static let hubCentres: [(x: Double, y: Double)] = {
        let ring: [(north: Double, east: Double)] = [
            (1, 0), (0.62, 0.78), (-0.22, 0.97), (-0.9, 0.43), (-0.9, -0.43), (-0.22, -0.97), (0.62, -0.78),
        ]
        return ring.map { step in (step.east * 0.045 * metresPerDegreeLongitude, step.north * 0.027 * metresPerDegreeLatitude) }
    }()

    /// The cells, their size and where they lie.
    let grid: CellGrid
    /// Each cell's small area, or -1 outside the borough.
    let areaOfCell: [Int]
    /// Each small area's cells, in grid order.
    let cellsOfArea: [[Int]]
    /// Each small area's hub area.
    let hubOfArea: [Int]
    /// The small area of each postcode the borough's addresses use.
    let postcodeAreas: [String: Int]
    /// Each hub area's first small area, for a postcode no address gave out.
    private let firstAreaOfHub: [Int]

    /// The map of a borough already built.
    init(borough: Borough) {
        self.init(
            hubs: borough.neighbourhoods.count, areas: borough.smallAreas, postcodeAreas: borough.postcodeAreas, seed: borough.configuration.seed)
    }

    init(hubs: Int, areas: [SmallArea], postcodeAreas: [String: Int], seed: UInt64) {
        var random = RandomSource(seed: seed, stream: "boundaries")
        let radius = Self.radius
        // About 36 cells to a small area, and never fewer than 3,600: cells of about 125 m for 50,000 residents.
        let targetCells = max(3_600, 36 * areas.count)
        let discArea = 3.141_592_653_589_793 * radius * radius
        let cellSize = max(1, (discArea / Double(targetCells)).squareRoot().rounded(.down))
        // A margin beyond the warped edge, so that the outside is one piece around the borough.
        let half = radius * 1.2
        let columns = Int((2 * half / cellSize).rounded(.up))
        let grid = CellGrid(columns: columns, rows: columns, cellSize: cellSize, west: -Double(columns) * cellSize / 2)
        self.grid = grid
        hubOfArea = areas.map(\.neighbourhood)
        self.postcodeAreas = postcodeAreas
        firstAreaOfHub = (0..<hubs).map { hub in areas.firstIndex { $0.neighbourhood == hub } ?? 0 }

        // Strong enough to bend a border by several cells; pieces a fold cuts off are mended below.
        let coarse = WarpField(extent: half, spacing: 2_600, amplitude: 700, random: &random)
        let fine = WarpField(extent: half, spacing: 900, amplitude: 220, random: &random)
        // A gentler one for the small areas' borders.
        let local = WarpField(extent: half, spacing: 700, amplitude: 140, random: &random)
        let cellCount = grid.count
        var hubOfCell = Array(repeating: -1, count: cellCount)
        var nearestHub = Array(repeating: 0, count: cellCount)
        for cell in 0..<cellCount {
            let point = grid.centre(of: cell)
            let a = coarse.offset(x: point.x, y: point.y)
            let b = fine.offset(x: point.x, y: point.y)
            let x = point.x + a.east + b.east
            let y = point.y + a.north + b.north
            var best = 0
            var bestDistance = Double.infinity
            for hub in 0..<hubs {
                let centre = Self.hubCentres[hub % Self.hubCentres.count]
                let distance = (x - centre.x) * (x - centre.x) + (y - centre.y) * (y - centre.y)
                if distance < bestDistance {
                    best = hub
                    bestDistance = distance
                }
            }
            nearestHub[cell] = best
            if x * x + y * y <= radius * radius { hubOfCell[cell] = best }
        }
        grid.keepLargestPieceAndFillGaps(&hubOfCell, fill: nearestHub)
        grid.makeContiguous(&hubOfCell) { _, _ in true }

        // Each hub area divided among its own small areas.
        var areaOfCell = Array(repeating: -1, count: cellCount)
        for hub in 0..<hubs {
            let cells = (0..<cellCount).filter { hubOfCell[$0] == hub }
            let areasOfHub = areas.indices.filter { areas[$0].neighbourhood == hub }
            guard !cells.isEmpty, !areasOfHub.isEmpty else { continue }
            let centres = cells.map { grid.centre(of: $0) }
            let density = centres.map { Self.density(x: $0.x, y: $0.y, hub: hub) }
            let positions = centres.map { centre in
                let offset = local.offset(x: centre.x, y: centre.y)
                return (x: centre.x + offset.east, y: centre.y + offset.north)
            }
            let labels = Self.divide(positions: positions, density: density, into: areasOfHub.count, cellSize: cellSize, random: &random)
            // The densest regions (by their mean density, with noise) go to the neediest areas.
            var urbanity = Array(repeating: 0.0, count: areasOfHub.count)
            var counts = Array(repeating: 0, count: areasOfHub.count)
            for (index, label) in labels.enumerated() {
                urbanity[label] += density[index]
                counts[label] += 1
            }
            for region in urbanity.indices {
                urbanity[region] = urbanity[region] / Double(max(1, counts[region])) * (1 + random.normal(deviation: 0.25))
            }
            let regionsByUrbanity = urbanity.indices.sorted { (urbanity[$0], $0) > (urbanity[$1], $1) }
            let areasByNeed = areasOfHub.sorted { (areas[$0].need, $0) > (areas[$1].need, $1) }
            var areaOfRegion = Array(repeating: 0, count: areasOfHub.count)
            for (region, area) in zip(regionsByUrbanity, areasByNeed) { areaOfRegion[region] = area }
            for (index, cell) in cells.enumerated() { areaOfCell[cell] = areaOfRegion[labels[index]] }
        }
        let hubOfEachArea = hubOfArea
        grid.makeContiguous(&areaOfCell) { from, to in hubOfEachArea[from] == hubOfEachArea[to] }
        var cellsOfArea = Array(repeating: [Int](), count: areas.count)
        for cell in 0..<cellCount where areaOfCell[cell] >= 0 { cellsOfArea[areaOfCell[cell]].append(cell) }
        self.areaOfCell = areaOfCell
        self.cellsOfArea = cellsOfArea
    }

    /// Homes per cell, relatively: highest in the town centre and around each hub's own centre, thinning outwards.
    static func density(x: Double, y: Double, hub: Int) -> Double {
        let town = (x * x + y * y) / (1_500 * 1_500)
        let centre = hubCentres[hub % hubCentres.count]
        let local = ((x - centre.x) * (x - centre.x) + (y - centre.y) * (y - centre.y)) / (1_000 * 1_000)
        return 0.35 + 3 / (1 + town) + 1.6 / (1 + local)
    }

    // MARK: - Points

    /// A grid corner as longitude and latitude in millionths of a degree, as written.
    func microdegrees(_ corner: CellOutline.Corner) -> (longitude: Int, latitude: Int) {
        Self.microdegrees(x: grid.west + Double(corner.i) * grid.cellSize, y: grid.south + Double(corner.j) * grid.cellSize)
    }

    /// A point as longitude and latitude in millionths of a degree.
    static func microdegrees(x: Double, y: Double) -> (longitude: Int, latitude: Int) {
        let longitude = centreLongitude + x / metresPerDegreeLongitude
        let latitude = centreLatitude + y / metresPerDegreeLatitude
        return (Int((longitude * 1e6).rounded()), Int((latitude * 1e6).rounded()))
    }

    /// The small area a postcode lies in: the one its addresses were given in or, for a postcode no address was
    /// given (a site's made-up postcode in a tiny borough), the first small area of its district's hub area.
    func area(ofPostcode postcode: String) -> Int {
        if let area = postcodeAreas[postcode] { return area }
        // `HY3 …` is hub 3's district, and so are its overflows `HY13`, `HY23`….
        let district = Int(postcode.split(separator: " ").first?.dropFirst(PlaceNames.postcodeArea.count) ?? "") ?? 1
        return firstAreaOfHub[((max(1, district) - 1) % 10) % max(1, firstAreaOfHub.count)]
    }

    /// A postcode's centroid in millionths of a degree: a point well inside one of its small area's cells (never
    /// within a tenth of a cell of its sides), picked by hashing the postcode, so it is always the same.
    func centroidMicrodegrees(of postcode: String) -> (longitude: Int, latitude: Int) {
        let cells = cellsOfArea[area(ofPostcode: postcode)]
        var mixer = SplitMix64(seed: StableHash.fnv1a(postcode))
        let hash = mixer.next()
        let cell = cells[Int(hash % UInt64(cells.count))]
        let across = 0.1 + 0.8 * Double((hash >> 24) & 0xFFFF) / 65_535
        let up = 0.1 + 0.8 * Double((hash >> 40) & 0xFFFF) / 65_535
        let x = grid.west + (Double(cell % grid.columns) + across) * grid.cellSize
        let y = grid.south + (Double(cell / grid.columns) + up) * grid.cellSize
        return Self.microdegrees(x: x, y: y)
    }

    /// A postcode's centroid, as the services directory keeps it: the same point `places/postcodes.csv` gives.
    func centroid(of postcode: String) -> DirectoryGenerator.PostcodeCentroid {
        let point = centroidMicrodegrees(of: postcode)
        return DirectoryGenerator.PostcodeCentroid(latitude: Double(point.latitude) / 1e6, longitude: Double(point.longitude) / 1e6)
    }

    // MARK: - Dividing a hub area

    /// Labels `0..<count` for cells, by Lloyd's k-means weighted by the square of density. In two dimensions k-means
    /// places centres in proportion to the square root of the weight, so each region's area goes as one over density
    /// and every region holds about the same number of homes. Every label gets at least one cell.
    static func divide(
        positions: [(x: Double, y: Double)], density: [Double], into count: Int, cellSize: Double, random: inout RandomSource
    ) -> [Int] {
        let n = positions.count
        guard count > 1 else { return Array(repeating: 0, count: n) }
        func distance(_ a: (x: Double, y: Double), _ b: (x: Double, y: Double)) -> Double {
            (a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y)
        }
        let weight = density.map { $0 * $0 }
        // k-means++ seeding.
        var centres = [positions[random.weightedIndex(weight)]]
        var nearest = positions.map { distance($0, centres[0]) }
        while centres.count < count {
            let next = random.weightedIndex(zip(nearest, weight).map { $0 * $1 + 1e-9 })
            centres.append(positions[next])
            for index in 0..<n { nearest[index] = min(nearest[index], distance(positions[index], positions[next])) }
        }
        var labels = Array(repeating: 0, count: n)
        // About one region's width, so that a cell's nearest centre is always within a few buckets.
        let buckets = CentreBuckets(size: (Double(n) * cellSize * cellSize / Double(count)).squareRoot())
        for round in 0..<30 {
            let lookup = buckets.index(centres)
            for index in 0..<n { labels[index] = lookup.nearest(to: positions[index], centres: centres) }
            guard round < 29 else { break }
            var mass = Array(repeating: 0.0, count: count)
            var sumX = Array(repeating: 0.0, count: count)
            var sumY = Array(repeating: 0.0, count: count)
            for index in 0..<n {
                let label = labels[index]
                mass[label] += weight[index]
                sumX[label] += weight[index] * positions[index].x
                sumY[label] += weight[index] * positions[index].y
            }
            for label in 0..<count where mass[label] > 0 { centres[label] = (sumX[label] / mass[label], sumY[label] / mass[label]) }
        }
        // Any label left empty takes a cell from the largest region: the one farthest from that region's centre.
        var sizes = Array(repeating: 0, count: count)
        for label in labels { sizes[label] += 1 }
        for label in 0..<count where sizes[label] == 0 {
            let largest = sizes.indices.max { (sizes[$0], -$0) < (sizes[$1], -$1) }!
            let candidates = (0..<n).filter { labels[$0] == largest }
            let far = candidates.max { (distance(positions[$0], centres[largest]), -$0) < (distance(positions[$1], centres[largest]), -$1) }!
            labels[far] = label
            sizes[largest] -= 1
            sizes[label] = 1
        }
        return labels
    }
}
