/// Disjoint sets of record indices, joined by links: the persons that accepted links make.
struct UnionFind {
    private(set) var parent: [Int32]
    private var rank: [UInt8]

    init(count: Int) {
        parent = (0..<Int32(count)).map { $0 }
        rank = [UInt8](repeating: 0, count: count)
    }

    mutating func grow(to count: Int) {
        while parent.count < count {
            parent.append(Int32(parent.count))
            rank.append(0)
        }
    }

    mutating func find(_ element: Int) -> Int {
        var root = element
        while Int(parent[root]) != root { root = Int(parent[root]) }
        var current = element
        while Int(parent[current]) != root {
            let next = Int(parent[current])
            parent[current] = Int32(root)
            current = next
        }
        return root
    }

    /// Joins the sets of two elements; returns false when they were already one.
    @discardableResult
    mutating func union(_ a: Int, _ b: Int) -> Bool {
        var rootA = find(a)
        var rootB = find(b)
        guard rootA != rootB else { return false }
        if rank[rootA] < rank[rootB] { swap(&rootA, &rootB) }
        parent[rootB] = Int32(rootA)
        if rank[rootA] == rank[rootB] { rank[rootA] += 1 }
        return true
    }

    /// Points an element straight at `newParent`, for rebuilding sets.
    mutating func setParent(_ element: Int, to newParent: Int) {
        parent[element] = Int32(newParent)
        if element == newParent { rank[element] = 0 }
    }
}
