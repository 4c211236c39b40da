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

    /// Every rule's keys for every record, worked out on every core.
    func keys(_ records: EncodedRecords) -> KeyTable {
        KeyTable(rules: rules, records: records)
    }

    /// Finds and compares the candidate pairs. With `newFrom` above 0, only pairs with at least one record at or
    /// after that index are produced: the pairs an incremental run needs, found without keeping every rule's key of
    /// every old record (a weekly list of 10,000 shares blocks with a few tens of thousands of the million records
    /// already linked).
    func candidates(_ records: EncodedRecords, comparator: RecordComparator, newFrom: Int = 0) -> (Candidates, BlockingReport) {
        if newFrom > 0 {
            let rules = rules
            let blocksOfRules = ParallelWork.map(count: rules.count) { ruleIndex in
                blocks(Self.entriesSharingAKey(withRecordsFrom: newFrom, rule: rules[ruleIndex], records: records))
            }
            // Keys of the records in a block that is compared, the only ones asked for.
            var listed = [Bool](repeating: false, count: records.count)
            var rows: [Int32] = []
            for found in blocksOfRules {
                for block in found.compared {
                    for entry in found.entries[block] where !listed[Int(entry.index)] {
                        listed[Int(entry.index)] = true
                        rows.append(Int32(entry.index))
                    }
                }
            }
            let keys = KeyTable(ruleCount: rules.count, rows: rows, recordCount: records.count, entries: blocksOfRules.map(\.entries))
            return candidates(blocks: { blocksOfRules[$0] }, keys: keys, comparator: comparator, newFrom: newFrom)
        }
        // One rule's sorted records at a time: all of them at once would hold 16 bytes a record for every rule.
        let keys = keys(records)
        return candidates(blocks: { blocks(keys.entries(ofRule: $0)) }, keys: keys, comparator: comparator, newFrom: 0)
    }

    /// One rule's records with a key, sorted by key then index.
    typealias Entries = [(key: UInt64, index: UInt32)]

    /// One rule's records cut into blocks of one key.
    struct RuleBlocks {
        var entries: Entries
        /// Blocks of two records or more, and no larger than the cap.
        var compared: [Range<Int>] = []
        /// Keys of blocks too large to compare.
        var capped = Set<UInt64>()
        var blockCount = 0
        var cappedRecords = 0
        var largestBlock = 0
    }

    /// Cuts sorted entries into blocks, setting aside those over the cap.
    private func blocks(_ entries: Entries) -> RuleBlocks {
        var found = RuleBlocks(entries: entries)
        var start = 0
        while start < entries.count {
            var end = start + 1
            while end < entries.count, entries[end].key == entries[start].key { end += 1 }
            let size = end - start
            if size > 1 {
                found.blockCount += 1
                found.largestBlock = max(found.largestBlock, size)
                if size > maximumBlockSize {
                    found.cappedRecords += size
                    found.capped.insert(entries[start].key)
                } else {
                    found.compared.append(start..<end)
                }
            }
            start = end
        }
        return found
    }

    private func candidates(
        blocks blocksOfRule: (Int) -> RuleBlocks, keys: KeyTable, comparator: RecordComparator, newFrom: Int
    ) -> (Candidates, BlockingReport) {
        var report = BlockingReport()
        report.maximumBlockSize = maximumBlockSize
        var all = Candidates()
        var cappedKeys: [Set<UInt64>] = []
        for (ruleIndex, rule) in rules.enumerated() {
            let blocks = blocksOfRule(ruleIndex)
            cappedKeys.append(blocks.capped)
            let found = comparePairs(
                in: blocks.compared, entries: blocks.entries, ruleIndex: ruleIndex, keys: keys, cappedKeys: cappedKeys,
                comparator: comparator, newFrom: newFrom
            )
            report.rules.append(
                BlockingReport.RuleFigures(
                    rule: rule.description, blocks: blocks.blockCount, newPairs: found.count, cappedBlocks: blocks.capped.count,
                    cappedRecords: blocks.cappedRecords, largestBlock: blocks.largestBlock
                )
            )
            all.append(contentsOf: found)
        }
        report.candidatePairs = all.count
        return (all, report)
    }

    /// The records, old and new, whose key under `rule` some record from `newFrom` on also has, sorted by key then
    /// index. Keys are hashes, so a bitmap of the new records' keys turns away nearly every old record with one load
    /// before the exact table is asked; the records found, already in index order, are then placed by their key's
    /// rank among the new keys rather than sorted.
    private static func entriesSharingAKey(withRecordsFrom newFrom: Int, rule: BlockingRule, records: EncodedRecords) -> Entries {
        var newKeys: [UInt64] = []
        for index in newFrom..<records.count {
            let key = rule.key(records, index)
            if key != 0 { newKeys.append(key) }
        }
        guard !newKeys.isEmpty else { return [] }
        newKeys.sort()
        var rankOfKey: [UInt64: Int32] = [:]
        rankOfKey.reserveCapacity(newKeys.count)
        var distinctKeys: [UInt64] = []
        for key in newKeys where rankOfKey[key] == nil {
            rankOfKey[key] = Int32(distinctKeys.count)
            distinctKeys.append(key)
        }
        var bitCount = 1 << 12
        while bitCount < distinctKeys.count * 32 { bitCount <<= 1 }
        let mask = UInt64(bitCount - 1)
        var bitmap = [UInt64](repeating: 0, count: bitCount / 64)
        for key in distinctKeys { bitmap[Int((key & mask) >> 6)] |= 1 << (key & 63) }

        var found: [(rank: Int32, index: UInt32)] = []
        var perRank = [Int](repeating: 0, count: distinctKeys.count + 1)
        for index in 0..<records.count {
            let key = rule.key(records, index)
            guard key != 0, bitmap[Int((key & mask) >> 6)] & (1 << (key & 63)) != 0, let rank = rankOfKey[key] else { continue }
            found.append((rank, UInt32(index)))
            perRank[Int(rank) + 1] += 1
        }
        for rank in 1..<perRank.count { perRank[rank] += perRank[rank - 1] }
        var entries = Entries(repeating: (0, 0), count: found.count)
        for (rank, index) in found {
            entries[perRank[Int(rank)]] = (distinctKeys[Int(rank)], index)
            perRank[Int(rank)] += 1
        }
        return entries
    }

    /// Compares the pairs of the blocks on every core, leaving out pairs an earlier rule produced.
    private func comparePairs(
        in blocks: [Range<Int>], entries: Entries, ruleIndex: Int, keys: KeyTable,
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
                // A block's records are in index order, so its new records come last: pairs of two old records,
                // compared in an earlier run, are not visited at all.
                var firstNew = newFrom == 0 ? block.lowerBound : block.upperBound
                while firstNew > block.lowerBound, Int(entries[firstNew - 1].index) >= newFrom { firstNew -= 1 }
                for a in block {
                    let i = Int(entries[a].index)
                    for b in max(a + 1, firstNew)..<block.upperBound {
                        let j = Int(entries[b].index)
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
    static func producedEarlier(_ i: Int, _ j: Int, before ruleIndex: Int, keys: KeyTable, cappedKeys: [Set<UInt64>]) -> Bool {
        keys.withKeys(of: i, j) { first, second in
            for earlier in 0..<ruleIndex {
                let key = first[earlier]
                if key != 0, key == second[earlier], !cappedKeys[earlier].contains(key) { return true }
            }
            return false
        }
    }
}
