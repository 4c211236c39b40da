/// The best `capacity` scored persons seen so far, kept in a heap with the worst of them on top, so that ranking
/// thousands of matches costs a comparison each rather than a sort of them all. Higher scores are better; on equal
/// scores the lower person ordinal (the lower person id) is.
struct TopResults {
    struct Entry {
        var score: Int
        var person: UInt32
    }

    let capacity: Int
    private var heap: [Entry] = []

    init(capacity: Int) {
        self.capacity = max(0, capacity)
        heap.reserveCapacity(min(self.capacity, 1_024))
    }

    /// Whether no later person (all have higher ordinals) with a score of at most `score` could be kept.
    func isClosed(toScoresUpTo score: Int) -> Bool {
        capacity == 0 || (heap.count == capacity && heap[0].score >= score)
    }

    /// Whether a person with this score would be kept.
    func accepts(score: Int, person: UInt32) -> Bool {
        heap.count < capacity || (capacity > 0 && Self.isWorse(heap[0], Entry(score: score, person: person)))
    }

    mutating func insert(score: Int, person: UInt32) {
        let entry = Entry(score: score, person: person)
        if heap.count < capacity {
            heap.append(entry)
            var child = heap.count - 1
            while child > 0 {
                let parent = (child - 1) / 2
                guard Self.isWorse(heap[child], heap[parent]) else { break }
                heap.swapAt(child, parent)
                child = parent
            }
        } else if capacity > 0, Self.isWorse(heap[0], entry) {
            heap[0] = entry
            var parent = 0
            while true {
                var worst = parent
                let left = 2 * parent + 1
                if left < heap.count, Self.isWorse(heap[left], heap[worst]) { worst = left }
                if left + 1 < heap.count, Self.isWorse(heap[left + 1], heap[worst]) { worst = left + 1 }
                guard worst != parent else { break }
                heap.swapAt(parent, worst)
                parent = worst
            }
        }
    }

    /// The entries kept, best first.
    func best() -> [Entry] {
        heap.sorted { Self.isWorse($1, $0) }
    }

    private static func isWorse(_ first: Entry, _ second: Entry) -> Bool {
        first.score != second.score ? first.score < second.score : first.person > second.person
    }
}
