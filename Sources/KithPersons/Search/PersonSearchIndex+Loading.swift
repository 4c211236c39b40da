import KithLinkage
import KithStandard
import KithStore

extension PersonSearchIndex {
    /// Builds the index from every linked row of the store, read one at a time. Each row's details are picked from
    /// its tagged columns and normal forms exactly as linkage picks them (``PersonRecordBuilder``); rows imported
    /// since the last link run belong to no person yet and are left out.
    public static func load(from database: any Store) throws -> PersonSearchIndex {
        let repository = database.linkage
        let linkRunID = try repository.latestRunID()
        var builders: [Int64: PersonRecordBuilder] = [:]
        for (importID, columns) in try repository.linkableColumns() {
            var tags = [HXLTag?](repeating: nil, count: (columns.map(\.position).max() ?? -1) + 1)
            for column in columns { tags[column.position] = column.tag.flatMap { HXLTag(parsing: $0) } }
            builders[importID] = PersonRecordBuilder(tags: tags)
        }
        let (personIDs, rows) = try linkedRows(repository)
        var builder = PersonSearchIndexBuilder(personIDs: personIDs)
        var next = 0
        try repository.forEachLinkableRow(after: 0) { row in
            while next < rows.count, rows[next].row < row.rowId { next += 1 }
            guard next < rows.count, rows[next].row == row.rowId, let recordBuilder = builders[row.importId] else { return }
            let record = recordBuilder.record(key: "", source: row.sourceName, cells: row.cells) { row.normalised[$0] }
            builder.add(record, person: rows[next].person)
        }
        return builder.build(linkRunID: linkRunID)
    }

    /// The linked persons' ids in the order of their numbers (`KP-0000042`), and every linked row, by id, with the
    /// ordinal of its person.
    private static func linkedRows(_ repository: any LinkageRepository) throws -> ([String], [(row: Int64, person: UInt32)]) {
        let assignments = try repository.personAssignments()
        var numbered: [(number: Int32, id: String)] = Set(assignments.values).map { (PersonNumbering.number($0) ?? .max, $0) }
        numbered.sort { $0.number != $1.number ? $0.number < $1.number : $0.id < $1.id }
        let personIDs = numbered.map(\.id)
        numbered = []
        var ordinals: [String: UInt32] = [:]
        ordinals.reserveCapacity(personIDs.count)
        for (ordinal, id) in personIDs.enumerated() { ordinals[id] = UInt32(ordinal) }
        var rows = assignments.map { (row: $0.key, person: ordinals[$0.value] ?? 0) }
        rows.sort { $0.row < $1.row }
        return (personIDs, rows)
    }
}
