import KithSpreadsheet
import KithStandard
import KithStore

/// A row made ready for the store on the reading thread: its cells, and the normalised values of its tagged
/// cells that differ from them, each encoded as the JSON the store keeps, so that the writing thread only writes.
struct PreparedRow: Sendable {
    var number: Int
    var cells: String
    /// Nil when no column is tagged.
    var normalised: String?

    init(_ row: SheetRow, normaliser: RowNormaliser) {
        number = row.number
        var buffer: [UInt8] = []
        buffer.reserveCapacity(256)
        CellsCoding.append(row.cells, to: &buffer)
        cells = String(decoding: buffer, as: UTF8.self)
        guard !normaliser.isEmpty else { return }
        buffer.removeAll(keepingCapacity: true)
        CellsCoding.append(changes: normaliser.changes(row.cells), to: &buffer)
        normalised = String(decoding: buffer, as: UTF8.self)
    }
}
