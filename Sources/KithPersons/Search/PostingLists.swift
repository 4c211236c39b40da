/// Lists of numbers kept one after another in one array, as search engines keep posting lists: the list of key `k`
/// is `values[offsets[k]..<offsets[k + 1]]`. Two arrays in all, however many lists, so a million small lists cost
/// no more than their numbers.
struct PostingLists<Value: FixedWidthInteger & Sendable>: Sendable {
    private(set) var offsets: [UInt32]
    private(set) var values: [Value]

    /// Lists for keys `0..<keyCount` from the pairs `pairs` gives when called (it is called twice, and must give
    /// the same pairs both times). Within a list, values keep the order they were given in.
    init(keyCount: Int, pairs: ((_ key: Int, _ value: Value) -> Void) -> Void) {
        var offsets = [UInt32](repeating: 0, count: keyCount + 1)
        pairs { key, _ in offsets[key + 1] += 1 }
        for key in 0..<keyCount { offsets[key + 1] += offsets[key] }
        var next = offsets
        var values = [Value](repeating: 0, count: Int(offsets[keyCount]))
        pairs { key, value in
            values[Int(next[key])] = value
            next[key] += 1
        }
        self.offsets = offsets
        self.values = values
    }

    private init(offsets: [UInt32], values: [Value]) {
        self.offsets = offsets
        self.values = values
    }

    var keyCount: Int { offsets.count - 1 }

    subscript(key: Int) -> ArraySlice<Value> {
        values[Int(offsets[key])..<Int(offsets[key + 1])]
    }

    func count(of key: Int) -> Int {
        Int(offsets[key + 1] - offsets[key])
    }

    /// The values of the keys `keys`, which are next to one another, as one slice (not sorted, perhaps repeating).
    func values(ofKeys keys: Range<Int>) -> ArraySlice<Value> {
        values[Int(offsets[keys.lowerBound])..<Int(offsets[keys.upperBound])]
    }

    /// The same lists, each sorted with its repeats removed.
    func sortedWithoutRepeats() -> PostingLists {
        var offsets = [UInt32](repeating: 0, count: self.offsets.count)
        var values: [Value] = []
        values.reserveCapacity(self.values.count)
        var list: [Value] = []
        for key in 0..<keyCount {
            list.removeAll(keepingCapacity: true)
            list.append(contentsOf: self[key])
            list.sort()
            list.removeAdjacentRepeats()
            values.append(contentsOf: list)
            offsets[key + 1] = UInt32(values.count)
        }
        return PostingLists(offsets: offsets, values: values)
    }

    /// The value found most often in each list (the smallest of those found equally often), or `none` for an empty
    /// list.
    func mostCommonValues(none: Value) -> [Value] {
        var result = [Value](repeating: none, count: keyCount)
        var list: [Value] = []
        for key in 0..<keyCount where count(of: key) > 0 {
            guard count(of: key) > 1 else {
                result[key] = values[Int(offsets[key])]
                continue
            }
            list.removeAll(keepingCapacity: true)
            list.append(contentsOf: self[key])
            list.sort()
            var best = list[0]
            var bestRun = 0
            var start = 0
            for index in 1...list.count where index == list.count || list[index] != list[start] {
                if index - start > bestRun {
                    best = list[start]
                    bestRun = index - start
                }
                start = index
            }
            result[key] = best
        }
        return result
    }
}
