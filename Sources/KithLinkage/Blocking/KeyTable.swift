import KithSpreadsheet

/// Every blocking rule's key of each record, a record's keys side by side, so that asking whether an earlier rule
/// already paired two records reads two short runs of memory rather than one scattered load per rule.
struct KeyTable: Sendable {
    let ruleCount: Int
    /// `keys[row * ruleCount + rule]`, 0 where the record has no key under the rule.
    private let keys: [UInt64]
    /// Each record's row, for a table of some records only; nil when the row is the record's index.
    private let rowOfRecord: [Int32]?

    /// The keys of the records listed in `rows`, taken from each rule's entries (the records sharing a key with a
    /// new record) rather than worked out again: a listed record with no entry under a rule shares no key there with
    /// any new record, which is all an incremental run asks, and gets 0.
    init(ruleCount: Int, rows: [Int32], recordCount: Int, entries: [Blocker.Entries]) {
        var rowOfRecord = [Int32](repeating: -1, count: recordCount)
        for (row, record) in rows.enumerated() { rowOfRecord[Int(record)] = Int32(row) }
        var keys = [UInt64](repeating: 0, count: rows.count * ruleCount)
        for (rule, ruleEntries) in entries.enumerated() {
            for entry in ruleEntries {
                let row = rowOfRecord[Int(entry.index)]
                if row >= 0 { keys[Int(row) * ruleCount + rule] = entry.key }
            }
        }
        self.ruleCount = ruleCount
        self.keys = keys
        self.rowOfRecord = rowOfRecord
    }

    /// The keys of every record, worked out on every core.
    init(rules: [BlockingRule], records: EncodedRecords) {
        let ruleCount = rules.count
        let count = records.count
        let slices = max(1, min(ParallelWork.coreCount * 4, count / 50_000 + 1))
        let parts = ParallelWork.map(count: slices) { slice in
            let range = (count * slice / slices)..<(count * (slice + 1) / slices)
            var keys = [UInt64](repeating: 0, count: range.count * ruleCount)
            var position = 0
            for record in range {
                for rule in rules {
                    keys[position] = rule.key(records, record)
                    position += 1
                }
            }
            return keys
        }
        self.ruleCount = ruleCount
        keys = parts.count == 1 ? parts[0] : Array(parts.joined())
        rowOfRecord = nil
    }

    /// A record's key under a rule; the record must be in the table.
    func key(rule: Int, record: Int) -> UInt64 {
        keys[row(of: record) * ruleCount + rule]
    }

    /// Calls `body` with the keys of two records, indexed by rule.
    @inline(__always)
    func withKeys<Result>(
        of first: Int, _ second: Int, _ body: (UnsafeBufferPointer<UInt64>, UnsafeBufferPointer<UInt64>) -> Result
    ) -> Result {
        let a = row(of: first) * ruleCount, b = row(of: second) * ruleCount
        return keys.withUnsafeBufferPointer { all in
            body(UnsafeBufferPointer(rebasing: all[a..<(a + ruleCount)]), UnsafeBufferPointer(rebasing: all[b..<(b + ruleCount)]))
        }
    }

    /// The records with a key under a rule, sorted by key then index; from a table of every record only.
    func entries(ofRule rule: Int) -> Blocker.Entries {
        precondition(rowOfRecord == nil, "entries are read from a table of every record")
        let count = ruleCount == 0 ? 0 : keys.count / ruleCount
        var entries: Blocker.Entries = []
        entries.reserveCapacity(count)
        for record in 0..<count {
            let key = keys[record * ruleCount + rule]
            if key != 0 { entries.append((key, UInt32(record))) }
        }
        entries.sort { $0.key != $1.key ? $0.key < $1.key : $0.index < $1.index }
        return entries
    }

    @inline(__always)
    private func row(of record: Int) -> Int {
        if let rowOfRecord { Int(rowOfRecord[record]) } else { record }
    }
}
