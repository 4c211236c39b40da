/// Person ids merged into others by linkage, to find the id a person is known by now.
struct PersonMerges {
    /// Each merged id with the id it went into (one step).
    let into: [String: String]

    /// The id `personID` is known by now, following merges; itself when it was never merged.
    func current(_ personID: String) -> String {
        var id = personID
        var steps = 0
        // A chain is as long as the merges that made it; the cap only guards against a damaged store.
        while let next = into[id], steps < 1_000 {
            id = next
            steps += 1
        }
        return id
    }
}
