import KithSpreadsheet
import KithStandard
import KithStore

/// A row made ready for the store on the reading threads: its cells, and the normalised values of its tagged
/// cells that differ from them, each encoded as the JSON the store keeps. Both are UTF-8 bytes in one array (one
/// allocation per row), handed to SQLite as they are, so that the writing thread only writes.
struct PreparedRow: Sendable {
    var number: Int
    private var bytes: [UInt8] = []
    /// Where the cells end and the normalised values begin; nil when no column is tagged.
    private var normalisedStart: Int?

    init(_ row: SheetRow, normaliser: RowNormaliser) {
        number = row.number
        let changes = normaliser.isEmpty ? [] : normaliser.changes(row.cells)
        bytes.reserveCapacity(
            row.cells.reduce(2) { $0 + $1.utf8.count + 3 } + changes.reduce(2) { $0 + ($1.value?.utf8.count ?? 4) + 8 }
        )
        CellsCoding.append(row.cells, to: &bytes)
        guard !normaliser.isEmpty else { return }
        normalisedStart = bytes.count
        CellsCoding.append(changes: changes, to: &bytes)
    }

    var cells: ArraySlice<UInt8> { bytes[..<(normalisedStart ?? bytes.count)] }
    var normalised: ArraySlice<UInt8>? { normalisedStart.map { bytes[$0...] } }
}
