import KithSpreadsheet

extension TableReader {
    /// Reads the header and the first ``TaggedSample/rowCount`` data rows only, and tags the list from them: what
    /// `kith tag` and the web's tags page show. Nil when the table has no data rows.
    public func readTaggedSample(sheet: String?, mapping: ColumnMapping?, tagger: Tagger) throws -> TaggedSample? {
        var sample: TaggedSample?
        do {
            try read(sheet: sheet, lookahead: TaggedSample.rowCount) { layout, rows in
                sample = TaggedSample(layout: layout, rows: rows, mapping: mapping, tagger: tagger)
                throw StopReading()
            } onRow: { _ in
            }
        } catch is StopReading {}
        return sample
    }

    /// Reads the whole table on background threads, as
    /// ``readInBackground(sheet:lookahead:prepare:transform:onStart:onItems:)`` does, tagging it first from its
    /// first rows: `prepare` gets the ``TaggedSample``, before any row is transformed. Those first rows are read once,
    /// kept while they are tagged, then passed on with the rest.
    @discardableResult
    public func readInBackground<Prepared: Sendable, Item: Sendable>(
        sheet: String?, mapping: ColumnMapping?, tagger: Tagger,
        prepare: @escaping @Sendable (TaggedSample) throws -> Prepared,
        transform: @escaping @Sendable (Prepared, SheetRow) -> Item,
        onStart: (TableLayout, Prepared) throws -> Void,
        onItems: ([Item]) throws -> Void
    ) throws -> TableStatistics {
        try readInBackground(
            sheet: sheet, lookahead: TaggedSample.rowCount,
            prepare: { layout, rows in try prepare(TaggedSample(layout: layout, rows: rows, mapping: mapping, tagger: tagger)) },
            transform: transform, onStart: onStart, onItems: onItems
        )
    }
}

/// Ends a read once the first rows are in.
private struct StopReading: Error {}
