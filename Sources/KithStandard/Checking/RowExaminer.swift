import KithSpreadsheet

/// The part of checking a row that needs no memory of other rows: each cell's spacing, shape and letter case, its
/// reading by its tag's reader, and the row's hash. It keeps no state, so the reading threads examine rows while
/// the ``DataChecker`` adds them up in order.
struct RowExaminer: Sendable {
    private struct Column: Sendable {
        let reader: (any ValueReader)?
        let context: ReadingContext
        let isName: Bool
        let isDate: Bool
        let isIdentifier: Bool
    }

    private let columns: [Column]

    init(tagging: TableTagging, context: ReadingContext) {
        columns = tagging.columns.map { column in
            var columnContext = context
            columnContext.dateOrder = column.dateOrder
            let kind = column.entry?.type
            // Only the date-order summary uses facts; building them for every other cell would be wasted.
            columnContext.collectsFacts = Self.isDate(kind)
            return Column(
                reader: column.entry.map(ValueReaders.reader(for:)), context: columnContext, isName: kind == .name,
                isDate: columnContext.collectsFacts, isIdentifier: Self.isIdentifier(kind)
            )
        }
    }

    /// Whether a column's values are dates, whose day/month order the checker sums up.
    static func isDate(_ kind: ValueKind?) -> Bool {
        kind == .date || kind == .dateOfBirth
    }

    /// Whether a column holds identifiers, whose repeats the checker reports.
    static func isIdentifier(_ kind: ValueKind?) -> Bool {
        kind == .identifier || kind == .nhsNumber || kind == .uniquePupilNumber
    }

    func examine(_ row: SheetRow) -> ExaminedRow {
        var hasher = Hasher()
        var cells: [ExaminedCell?] = []
        cells.reserveCapacity(min(row.cells.count, columns.count))
        for (position, cell) in row.cells.enumerated() where position < columns.count {
            cells.append(examine(cell, column: columns[position], hasher: &hasher))
        }
        let isWiderThanHeader = row.cells.count > columns.count && row.cells[columns.count...].contains { !$0.isEmpty }
        return ExaminedRow(
            number: row.number, cellCount: row.cells.count, hasValuesPastHeader: isWiderThanHeader, cells: cells, hash: hasher.finalize()
        )
    }

    /// Examines one cell, adding its bytes to the row's hash: a repeated row is one whose cells repeat byte for byte,
    /// and hashing bytes spares `String`'s hashing, which normalises each cell first.
    private func examine(_ cell: String, column: Column, hasher: inout Hasher) -> ExaminedCell? {
        // One pass over the bytes for spacing, shape and case: at a million rows, each pass costs a second.
        let scanned = ByteText.withBytes(cell) { bytes in
            hasher.combine(bytes.count)
            hasher.combine(bytes: UnsafeRawBufferPointer(bytes))
            return Self.scan(bytes)
        }
        guard let (isUntidy, shape, letterCase) = scanned else { return nil }
        let reading = column.reader?.read(cell, context: column.context)
        let problems = reading?.problems ?? []
        return ExaminedCell(
            text: isUntidy || !problems.isEmpty || column.isIdentifier ? cell : nil, isUntidy: isUntidy, shape: shape,
            letterCase: column.isName ? letterCase : nil, problems: problems,
            dateReading: column.isDate ? reading : nil,
            identifierHash: column.isIdentifier ? reading?.normalised?.hashValue : nil
        )
    }

    /// Whether a cell has spaces at its ends, doubled inside, or non-breaking; whether it is a number, a date or
    /// text, for the mixed-types check; and whether its letters are all capitals, all lower case or mixed (nil with
    /// fewer than two; ASCII letters decide: "ZOË" is in capitals and "Zoë" is not, without Unicode tables per cell).
    /// Nil when the cell is blank.
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> (Bool, ExaminedCell.Shape, ExaminedCell.LetterCase?)? {
        var sawContent = false
        var untidy = false
        var previous: UInt8 = 0x20
        var previousIsLeading = true
        var digits = 0
        var separators = 0
        var dots = 0
        var upper = 0
        var lower = 0
        var other = 0
        for byte in bytes {
            switch byte {
            case 0x20, 0x09:
                if previousIsLeading || previous == 0x20 || previous == 0x09 { untidy = true }
            default:
                sawContent = true
                previousIsLeading = false
                switch byte {
                case 0x30...0x39: digits += 1
                case 0x2E:
                    separators += 1
                    dots += 1
                case 0x2F, 0x2D: separators += 1
                case 0x41...0x5A: upper += 1
                case 0x61...0x7A: lower += 1
                case 0x2C: break
                case 0xA0 where previous == 0xC2:
                    untidy = true
                    other += 1
                default: other += 1
                }
            }
            previous = byte
        }
        guard sawContent else { return nil }
        if previous == 0x20 || previous == 0x09 { untidy = true }
        let shape: ExaminedCell.Shape =
            if digits > 0 && upper + lower == 0 && other == 0 {
                separators >= 2 && dots != separators ? .date : .number
            } else {
                .text
            }
        let letterCase: ExaminedCell.LetterCase? =
            if upper + lower < 2 { nil } else if lower == 0 { .capitals } else if upper == 0 { .lower } else { .mixed }
        return (untidy, shape, letterCase)
    }
}

/// A row as the ``RowExaminer`` found it: one entry per cell under a header, nil for a blank cell. It keeps no
/// text but that of cells with a finding, so the row itself is freed on the thread that examined it.
struct ExaminedRow: Sendable {
    let number: Int
    /// Cells in the row, under a header or not.
    let cellCount: Int
    /// Whether a cell past the last header holds a value.
    let hasValuesPastHeader: Bool
    let cells: [ExaminedCell?]
    let hash: Int
}

/// What one cell that is not blank showed.
struct ExaminedCell: Sendable {
    enum Shape: Sendable { case number, date, text }
    enum LetterCase: Sendable { case capitals, lower, mixed }

    /// The cell as written, kept only when the checker may quote it in a finding (ids for repeats).
    let text: String?
    let isUntidy: Bool
    let shape: Shape
    /// Only for name columns.
    let letterCase: LetterCase?
    /// What the tag's reader found wrong or doubtful; empty in an untagged column.
    let problems: [ValueProblem]
    /// The whole reading, only for date columns (for their day/month order).
    let dateReading: ValueReading?
    /// The hash of the normalised value, only for identifier columns (to find repeats): the checker keeps hashes,
    /// not a million ids' text.
    let identifierHash: Int?
}
