extension Array where Element: Equatable {
    /// Keeps the first of each run of equal elements: on a sorted array, each value once.
    mutating func removeAdjacentRepeats() {
        var kept = 0
        for index in indices where index == 0 || self[index] != self[kept - 1] {
            self[kept] = self[index]
            kept += 1
        }
        removeLast(count - kept)
    }
}
