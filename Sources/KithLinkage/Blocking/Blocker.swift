import KithSpreadsheet

/// Finds the candidate pairs under several blocking rules joined with OR and compares each pair once.
///
/// Each rule sorts the records by their key; records with equal keys form a block, and every pair in a block is
/// a candidate unless an earlier rule already produced it (both records share an earlier rule's uncapped key),
/// so no set of pairs is ever held. Blocks larger than ``maximumBlockSize`` are skipped and reported: a block of
/// 5,000 records would add 12.5 million pairs, nearly all of them different people sharing a common value.
/// Pairs are compared on every core.
struct Blocker {
    var rules: [BlockingRule] = BlockingRule.allCases
    var maximumBlockSize = 500

    /// Candidate pairs with their comparison levels, left index below right.
    struct Candidates {
        var left: [UInt32] = []
        var right: [UInt32] = []
        var levels: [PackedLevels] = []

        var count: Int { left.count }

        mutating func append(contentsOf other: Candidates) {
            left.append(contentsOf: other.left)
            right.append(contentsOf: other.right)
            levels.append(contentsOf: other.levels)
        }
    }

    /// Every rule's keys for every record: `keys[rule][record]`, 0 where the record has no key.
    func keys(_ records: EncodedRecords) -> [[UInt64]] {
        let rules = rules
        return ParallelWork.map(count: rules.count) { ruleIndex in
            let rule = rules[ruleIndex]
            var keys = [UInt64](repeating: 0, count: records.count)
            for record in 0..<records.count { keys[record] = rule.key(records, record) }
            return keys
        }
    }

    /// Finds and compares the candidate pairs. With `newFrom` above 0, only pairs with at least one record at or
    /// after that index are produced: the pairs an incremental run needs.
    func candidates(
        _ records: EncodedRecords, keys: [[UInt64]], comparator: RecordComparator, newFrom: Int = 0
    ) -> (Candidates, BlockingReport) {
        var report = BlockingReport()
        report.maximumBlockSize = maximumBlockSize
        var all = Candidates()
        var cappedKeys: [Set<UInt64>] = []
        for (ruleIndex, rule) in rules.enumerated() {
            let ruleKeys = keys[ruleIndex]
            let entries = blockEntries(ruleKeys, newFrom: newFrom)
            var blocks: [Range<Int>] = []
            var capped = Set<UInt64>()
            var figures = BlockingReport.RuleFigures(
                rule: rule.description, blocks: 0, newPairs: 0, cappedBlocks: 0, cappedRecords: 0, largestBlock: 0
            )
            var start = 0
            while start < entries.count {
                var end = start + 1
                while end < entries.count, entries[end].key == entries[start].key { end += 1 }
                let size = end - start
                if size > 1 {
                    figures.blocks += 1
                    figures.largestBlock = max(figures.largestBlock, size)
                    if size > maximumBlockSize {
                        figures.cappedBlocks += 1
                        figures.cappedRecords += size
                        capped.insert(entries[start].key)
                    } else {
                        blocks.append(start..<end)
                    }
                }
                start = end
            }
            cappedKeys.append(capped)
            let found = comparePairs(
                in: blocks, entries: entries, ruleIndex: ruleIndex, keys: keys, cappedKeys: cappedKeys,
                comparator: comparator, newFrom: newFrom
            )
            figures.newPairs = found.count
            all.append(contentsOf: found)
            report.rules.append(figures)
        }
        report.candidatePairs = all.count
        return (all, report)
    }

    /// The records with a key, sorted by key then index; with `newFrom`, only blocks holding a new record.
    private func blockEntries(_ keys: [UInt64], newFrom: Int) -> [(key: UInt64, index: UInt32)] {
        var entries: [(key: UInt64, index: UInt32)] = []
        if newFrom > 0 {
            var wanted = Set<UInt64>()
            for index in newFrom..<keys.count where keys[index] != 0 { wanted.insert(keys[index]) }
            guard !wanted.isEmpty else { return [] }
            for (index, key) in keys.enumerated() where key != 0 && wanted.contains(key) {
                entries.append((key, UInt32(index)))
            }
        } else {
            entries.reserveCapacity(keys.count)
            for (index, key) in keys.enumerated() where key != 0 { entries.append((key, UInt32(index))) }
        }
        entries.sort { $0.key != $1.key ? $0.key < $1.key : $0.index < $1.index }
        return entries
    }

    /// Compares the pairs of the blocks on every core, leaving out pairs an earlier rule produced.
    private func comparePairs(
        in blocks: [Range<Int>], entries: [(key: UInt64, index: UInt32)], ruleIndex: Int, keys: [[UInt64]],
        cappedKeys: [Set<UInt64>], comparator: RecordComparator, newFrom: Int
    ) -> Candidates {
        guard !blocks.isEmpty else { return Candidates() }
        // Slices of blocks holding roughly equal numbers of pairs, several per core so that none waits long.
        let totalPairs = blocks.reduce(0) { $0 + $1.count * ($1.count - 1) / 2 }
        let sliceCount = max(1, min(blocks.count, ParallelWork.coreCount * 8))
        let pairsPerSlice = max(1, totalPairs / sliceCount + 1)
        var slices: [Range<Int>] = []
        var sliceStart = 0
        var pairsInSlice = 0
        for (index, block) in blocks.enumerated() {
            pairsInSlice += block.count * (block.count - 1) / 2
            if pairsInSlice >= pairsPerSlice {
                slices.append(sliceStart..<(index + 1))
                sliceStart = index + 1
                pairsInSlice = 0
            }
        }
        if sliceStart < blocks.count { slices.append(sliceStart..<blocks.count) }
        let sliceRanges = slices

        let parts = ParallelWork.map(count: sliceRanges.count) { sliceIndex in
            var found = Candidates()
            for block in blocks[sliceRanges[sliceIndex]] {
                for a in block {
                    let i = Int(entries[a].index)
                    for b in (a + 1)..<block.upperBound {
                        let j = Int(entries[b].index)
                        if j < newFrom { continue }
                        if Self.producedEarlier(i, j, before: ruleIndex, keys: keys, cappedKeys: cappedKeys) { continue }
                        found.left.append(UInt32(i))
                        found.right.append(UInt32(j))
                        found.levels.append(comparator.compare(i, j))
                    }
                }
            }
            return found
        }
        var all = Candidates()
        all.left.reserveCapacity(parts.reduce(0) { $0 + $1.count })
        for part in parts { all.append(contentsOf: part) }
        return all
    }

    /// Whether an earlier rule put both records in one compared block.
    @inline(__always)
    static func producedEarlier(_ i: Int, _ j: Int, before ruleIndex: Int, keys: [[UInt64]], cappedKeys: [Set<UInt64>]) -> Bool {
        for earlier in 0..<ruleIndex {
            let key = keys[earlier][i]
            if key != 0, key == keys[earlier][j], !cappedKeys[earlier].contains(key) { return true }
        }
        return false
    }
}
