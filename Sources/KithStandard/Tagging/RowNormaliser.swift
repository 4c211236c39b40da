import Foundation
/// Normalises the tagged cells of rows: each cell read by its column's reader, untagged cells left out.
public struct RowNormaliser: Sendable {
    private let readers: [(position: Int, reader: any ValueReader, context: ReadingContext)]

    public init(tagging: TableTagging, context: ReadingContext) {
        readers = tagging.columns.compactMap { column in
            guard let entry = column.entry else { return nil }
            var columnContext = context
            columnContext.dateOrder = column.dateOrder
            columnContext.collectsFacts = false
            return (column.position, ValueReaders.reader(for: entry), columnContext)
        }
    }

    /// Whether any column is normalised at all.
    public var isEmpty: Bool { readers.isEmpty }

    /// The normalised values of a row's tagged cells where they differ from the cells as written: nil for a cell
    /// that cannot be read as its tag's kind. Blank cells and cells already in normal form are left out.
    public func changes(_ cells: [String]) -> [(position: Int, value: String?)] {
        var changes: [(position: Int, value: String?)] = []
        for (position, reader, context) in readers where position < cells.count {
            let cell = cells[position]
            if cell.utf8.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            let value = reader.read(cell, context: context).normalised
            if value != cell { changes.append((position, value)) }
        }
        return changes
    }
}
