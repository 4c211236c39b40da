/// Joins records into persons along accepted links, with guards against chaining.
///
/// Links join records transitively, so one wrong link can chain two people together. A person may not hold two
/// different valid NHS numbers or UPNs, nor two records with dates of birth years apart that no one slip explains
/// unless the model links those two directly (a father and the son named after him are joined only through a
/// record with no date of birth), nor two records of one source that the model scores as different people, nor
/// two records a person has decided are not the same. A group that breaks a rule is rebuilt from its links,
/// strongest first, skipping any link that would join two records the rules keep apart: it is split at its
/// weakest links.
struct Clusterer {
    /// A link between two records, by index, with its weight; decided links carry an infinite weight.
    struct Link {
        var left: Int32
        var right: Int32
        var weight: Float
    }

    let records: EncodedRecords
    /// Whether the model scores two records as different people (checked for records of one source).
    let scoresAsDifferent: (Int, Int) -> Bool
    /// Whether the two records are linked on their own evidence: by the model, a shared NHS number or a decision.
    let linksDirectly: (Int, Int) -> Bool
    /// Pairs a person decided are not the same, as `left << 32 | right` with left < right.
    let keptApart: Set<UInt64>

    static func pairKey(_ a: Int, _ b: Int) -> UInt64 {
        UInt64(min(a, b)) << 32 | UInt64(max(a, b))
    }

    /// Rebuilds the groups that contain any of `touched` (all groups when nil) and returns the splits.
    /// `sets` holds the groups as joined so far and is updated in place.
    func enforceRules(on sets: inout UnionFind, links: [Link], touched: Set<Int>?) -> [ClusterSplit] {
        var members: [Int: [Int]] = [:]
        if let touched {
            members = Self.members(ofGroupsHolding: touched, in: &sets, count: records.count)
        } else {
            for record in 0..<records.count { members[sets.find(record), default: []].append(record) }
        }
        var conflicted: [(root: Int, members: [Int], reasons: [String])] = []
        for (root, group) in members where group.count > 1 {
            let reasons = brokenRules(group)
            if !reasons.isEmpty { conflicted.append((root, group, reasons)) }
        }
        guard !conflicted.isEmpty else { return [] }

        var membership: [Int: Int] = [:]
        for (index, group) in conflicted.enumerated() { for record in group.members { membership[record] = index } }
        var linksByGroup = [[Link]](repeating: [], count: conflicted.count)
        for link in links {
            if let group = membership[Int(link.left)], membership[Int(link.right)] == group { linksByGroup[group].append(link) }
        }
        var splits: [ClusterSplit] = []
        for (index, group) in conflicted.enumerated() {
            let persons = rebuild(group.members, links: linksByGroup[index], into: &sets)
            // Rebuilt whole: the records with unlike dates of birth were linked directly after all.
            guard persons > 1 else { continue }
            splits.append(
                ClusterSplit(reasons: group.reasons, recordKeys: group.members.map { records.keys[$0] }, persons: persons)
            )
        }
        return splits
    }

    /// The records of each group that holds a record of `touched`, by the group's root, each in index order.
    static func members(ofGroupsHolding touched: Set<Int>, in sets: inout UnionFind, count: Int) -> [Int: [Int]] {
        var isTouchedRoot = [Bool](repeating: false, count: count)
        for record in touched { isTouchedRoot[sets.find(record)] = true }
        var members: [Int: [Int]] = [:]
        for record in 0..<count {
            let root = sets.find(record)
            if isTouchedRoot[root] { members[root, default: []].append(record) }
        }
        return members
    }

    /// The rules a group of records breaks, in words.
    func brokenRules(_ group: [Int]) -> [String] {
        var reasons: [String] = []
        var nhs = Set<Int64>()
        var pupils = Set<Int32>()
        for record in group {
            if records.nhsNumber[record] != 0 { nhs.insert(records.nhsNumber[record]) }
            if records.pupilNumber[record] != 0 { pupils.insert(records.pupilNumber[record]) }
        }
        if nhs.count > 1 { reasons.append("two different NHS numbers") }
        if pupils.count > 1 { reasons.append("two different UPNs") }
        if hasBirthDatesYearsApart(group) { reasons.append("two dates of birth years apart") }
        if !keptApart.isEmpty {
            outer: for a in group.indices {
                for b in group.indices where b > a && keptApart.contains(Self.pairKey(group[a], group[b])) {
                    reasons.append("decided not the same person")
                    break outer
                }
            }
        }
        if hasDifferentRecordsOfOneSource(group) { reasons.append("two records of one list scored as different people") }
        return reasons
    }

    /// Whether two records' dates of birth are more than five years apart, differing in more than one slip, and
    /// nothing else links the two directly: a father and his namesake son, or two siblings, at one home with one
    /// phone. Lists do hold a person under two unlike dates of birth; then the rest of the two records says so.
    func bornYearsApart(_ a: Int, _ b: Int) -> Bool {
        RecordComparator(records: records).birthLevel(a, b) >= Self.yearsApartLevel && !linksDirectly(a, b)
    }

    static let yearsApartLevel: UInt8 = 5

    private func hasBirthDatesYearsApart(_ group: [Int]) -> Bool {
        var births: [Int] = []
        for record in group where records.birth[record] != 0 {
            if !births.contains(where: { records.birth[$0] == records.birth[record] }) { births.append(record) }
            if births.count > 40 { break }
        }
        for a in births.indices {
            for b in births.indices where b > a && bornYearsApart(births[a], births[b]) { return true }
        }
        return false
    }

    private func hasDifferentRecordsOfOneSource(_ group: [Int]) -> Bool {
        var bySource: [UInt16: [Int]] = [:]
        for record in group { bySource[records.source[record], default: []].append(record) }
        for (_, sameSource) in bySource where sameSource.count > 1 {
            // Large groups from one list (a frequent caller) are checked against their first few records.
            let limit = min(sameSource.count, 40)
            for a in 0..<limit {
                for b in (a + 1)..<sameSource.count where b < limit || a == 0 {
                    if scoresAsDifferent(sameSource[a], sameSource[b]) { return true }
                }
            }
        }
        return false
    }

    /// Rebuilds one group from its links, strongest first, refusing links that would break a rule.
    /// - Returns: the number of persons the group became.
    private func rebuild(_ group: [Int], links: [Link], into sets: inout UnionFind) -> Int {
        // Detach the group's records, then rejoin them.
        for record in group { sets.detach(record) }
        var state: [Int: GroupState] = [:]
        for record in group {
            state[record] = GroupState(
                members: [record], nhs: records.nhsNumber[record], pupil: records.pupilNumber[record]
            )
        }
        let ordered = links.sorted { $0.weight > $1.weight }
        for link in ordered {
            let rootA = sets.find(Int(link.left)), rootB = sets.find(Int(link.right))
            guard rootA != rootB, let a = state[rootA], let b = state[rootB] else { continue }
            guard a.nhs == 0 || b.nhs == 0 || a.nhs == b.nhs else { continue }
            guard a.pupil == 0 || b.pupil == 0 || a.pupil == b.pupil else { continue }
            guard !keepsApart(a.members, b.members) else { continue }
            sets.union(rootA, rootB)
            let root = sets.find(rootA)
            state[rootA] = nil
            state[rootB] = nil
            state[root] = GroupState(
                members: a.members + b.members, nhs: a.nhs != 0 ? a.nhs : b.nhs, pupil: a.pupil != 0 ? a.pupil : b.pupil
            )
        }
        return state.count
    }

    private struct GroupState {
        var members: [Int]
        var nhs: Int64
        var pupil: Int32
    }

    /// Whether joining two groups would join records a decision keeps apart, two dates of birth years apart, or two
    /// records of one source the model scores as different.
    private func keepsApart(_ a: [Int], _ b: [Int]) -> Bool {
        for x in a.prefix(60) {
            for y in b.prefix(60) {
                if !keptApart.isEmpty, keptApart.contains(Self.pairKey(x, y)) { return true }
                if records.birth[x] != 0, records.birth[y] != 0, bornYearsApart(x, y) { return true }
                if records.source[x] == records.source[y], scoresAsDifferent(x, y) { return true }
            }
        }
        return false
    }
}

extension UnionFind {
    /// Makes an element a set of its own again. Only for elements whose whole set is being detached, so that no
    /// other element is left pointing through it.
    mutating func detach(_ element: Int) {
        setParent(element, to: element)
    }
}
