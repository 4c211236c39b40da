import Foundation

/// Streams a worksheet part's rows as text, resolving shared strings, booleans, errors and dates.
///
/// A byte-level scanner for the small, regular vocabulary of `<sheetData>`, written because Foundation's
/// `XMLParser` measured 40,000 rows/s on 12-column sheets, below the 50,000 Kith needs: its callbacks build
/// a dictionary and strings for every cell. The scanner reads the part in 1 MiB chunks, decodes the five
/// predefined entities and character references, skips comments and processing instructions, reads CDATA,
/// and ignores namespace prefixes (`x:row`). It never expands other entities: a DTD is refused before a
/// part is parsed (see ``XLSXPackage``), so there are none to expand.
///
/// Cells are placed by their `r` reference, so gaps in a sparse row become empty cells; trailing empty
/// cells are dropped. Formulas are read as the value Excel cached when it last calculated.
struct WorksheetScanner {
    let sharedStrings: [String]
    let formats: CellFormats
    let dateSystem: ExcelDateSystem
    let limits: ReadLimits
    let fileName: String
    let sheetName: String

    private struct Position {
        var row = 0
        var column = -1
    }

    func scan(_ url: URL, onRow: (SheetRow) throws -> Void) throws {
        guard let handle = try? FileHandle(forReadingFrom: url) else {
            throw SpreadsheetError(
                .cannotOpen, file: fileName, sheet: sheetName, problem: "The sheet could not be unpacked.",
                remedy: "Free some disk space in the temporary folder and try again."
            )
        }
        defer { try? handle.close() }
        var input = ChunkedInput(handle: handle)
        var position = Position()
        var cells: [String] = []
        var cellType = CellType.number
        var cellStyle = 0
        var text: [UInt8] = []
        var collecting = false
        var inInlineString = false
        var phoneticDepth = 0
        var hasValue = false
        var sawRoot = false
        var inRow = false
        var columnsInWideRow = 0

        func failure(_ reason: SpreadsheetError.Reason, _ problem: String, _ remedy: String) -> SpreadsheetError {
            SpreadsheetError(
                reason, file: fileName, sheet: sheetName, row: position.row > 0 ? position.row : nil,
                column: position.column >= 0 ? ColumnLetters.letters(forIndex: position.column) : nil,
                problem: problem, remedy: remedy
            )
        }
        func scanning<T>(_ step: () throws -> T) throws -> T {
            do {
                return try step()
            } catch ChunkedInput.ScanError.unexpectedEnd {
                throw damaged("it ends in the middle of a tag")
            } catch ChunkedInput.ScanError.tagTooLong {
                throw damaged("a tag runs on for more than a mebibyte")
            }
        }
        func damaged(_ detail: String) -> SpreadsheetError {
            failure(
                .brokenWorkbook, "The sheet's XML is damaged (\(detail)).",
                "Open it in Excel, save it again as .xlsx and import that, or ask the partner to resend it."
            )
        }

        while true {
            // Text up to the next tag.
            let textStart = text.count
            guard try scanning({ try input.copyText(into: &text, keep: collecting) }) else { break }
            if collecting {
                guard text.count <= limits.maximumCellBytes else {
                    throw failure(
                        .cellTooLong, "A cell holds more than \(limits.maximumCellBytes >> 10) KiB of text.",
                        "Check the cell; Excel itself holds at most 32,767 characters.")
                }
                guard XMLEntities.decode(&text, from: textStart) else { throw damaged("an unknown entity in a cell's text") }
            }
            let tag = try scanning { try input.readTag() }
            switch tag.kind {
            case .comment, .processingInstruction:
                continue
            case .declaration:
                throw failure(
                    .unsafeXML, "The sheet declares a DTD, which no real workbook does.", "Do not open it; ask the partner where it came from.")
            case .characterData(let bytes):
                if collecting { text.append(contentsOf: bytes) }
                continue
            case .start, .end, .empty:
                break
            }
            let element = tag.element
            if !sawRoot {
                guard tag.kind == .start || tag.kind == .empty else { throw damaged("a closing tag before any element") }
                guard element == .worksheet else {
                    let found = String(decoding: tag.localName ?? [], as: UTF8.self)
                    throw failure(
                        .notAWorksheet, "The sheet is a \(found == "chartsheet" ? "chart" : "\"\(found)\"") sheet, not a worksheet with cells.",
                        "Choose a sheet with a table (--sheet NAME)."
                    )
                }
                sawRoot = true
                continue
            }
            switch tag.kind {
            case .start, .empty:
                let isEmpty = tag.kind == .empty
                if element == .row {
                    let reference = tag.shortAttribute(UInt8(ascii: "r"))
                    if let reference, let number = Self.integer(reference), number > position.row {
                        position.row = number
                    } else if let reference, reference.count > Self.longestInteger, reference.allSatisfy({ $0 >= 48 && $0 <= 57 }) {
                        // A row number too long to read is far past any row Excel has.
                        throw failure(
                            .tooLarge,
                            "A row is numbered \(String(decoding: reference, as: UTF8.self)), beyond the \(limits.maximumRows) rows Kith reads.",
                            "Open it in Excel, save it again as .xlsx and import that, or ask the partner to resend it."
                        )
                    } else {
                        position.row += 1
                    }
                    guard position.row <= limits.maximumRows else {
                        throw failure(.tooLarge, "The sheet has more than \(limits.maximumRows) rows.", "Split it into smaller files.")
                    }
                    cells.removeAll(keepingCapacity: true)
                    position.column = -1
                    inRow = !isEmpty
                } else if element == .cell {
                    if let reference = tag.shortAttribute(UInt8(ascii: "r")), let column = Self.column(of: reference) {
                        guard column <= Self.lastExcelColumn else {
                            position.column = -1  // no column Excel has, so none is named
                            throw damaged(
                                "the cell reference \"\(String(decoding: reference.prefix(40), as: UTF8.self))\" is past column XFD, the last Excel has"
                            )
                        }
                        position.column = column
                    } else {
                        position.column += 1
                    }
                    cellType = CellType(tag.shortAttribute(UInt8(ascii: "t")))
                    cellStyle = tag.shortAttribute(UInt8(ascii: "s")).flatMap(Self.integer) ?? 0
                    hasValue = false
                    text.removeAll(keepingCapacity: true)
                } else if element == .value, !isEmpty {
                    text.removeAll(keepingCapacity: true)
                    collecting = true
                } else if element == .inlineString, !isEmpty {
                    inInlineString = true
                    text.removeAll(keepingCapacity: true)
                } else if element == .text, inInlineString, phoneticDepth == 0, !isEmpty {
                    collecting = true
                } else if element == .phonetic, !isEmpty {
                    phoneticDepth += 1
                } else if element == .sheetData, isEmpty {
                    return
                }
            case .end:
                if element == .value {
                    collecting = false
                    hasValue = true
                } else if element == .text {
                    collecting = false
                } else if element == .inlineString {
                    inInlineString = false
                    hasValue = true
                } else if element == .phonetic {
                    phoneticDepth -= 1
                } else if element == .cell {
                    guard hasValue, position.column >= 0 else { continue }
                    let value = try resolve(cellType, style: cellStyle, text: text, failure: failure)
                    hasValue = false
                    if value.isEmpty { continue }
                    guard position.column < limits.maximumColumns else {
                        // Counted to the row's last value, then refused at its end; empty formatted cells out to the right do not count.
                        columnsInWideRow = max(columnsInWideRow, position.column + 1)
                        continue
                    }
                    if cells.count <= position.column {
                        cells.append(contentsOf: repeatElement("", count: position.column + 1 - cells.count))
                    }
                    cells[position.column] = value
                } else if element == .row {
                    inRow = false
                    if columnsInWideRow > 0 {
                        throw SpreadsheetError.tooManyColumns(
                            columnsInWideRow, file: fileName, sheet: sheetName, row: position.row, limits: limits
                        )
                    }
                    if !cells.isEmpty { try onRow(SheetRow(number: position.row, cells: cells)) }
                } else if element == .sheetData {
                    // Nothing after the cells matters for reading.
                    return
                }
            default:
                break
            }
        }
        guard sawRoot else {
            throw SpreadsheetError(
                .notAWorksheet, file: fileName, sheet: sheetName, problem: "The sheet holds no worksheet.",
                remedy: "Choose a sheet with a table (--sheet NAME)."
            )
        }
        throw damaged(inRow ? "it ends in the middle of a row" : "it ends before its cells are closed")
    }

    private enum CellType {
        case number, shared, inline, formulaString, boolean, error, isoDate

        init(_ attribute: ArraySlice<UInt8>?) {
            guard let attribute, let first = attribute.first else {
                self = .number
                return
            }
            switch (first, attribute.count) {
            case (UInt8(ascii: "s"), 1): self = .shared
            case (UInt8(ascii: "i"), _): self = .inline
            case (UInt8(ascii: "s"), _): self = .formulaString
            case (UInt8(ascii: "b"), _): self = .boolean
            case (UInt8(ascii: "e"), _): self = .error
            case (UInt8(ascii: "d"), _): self = .isoDate
            default: self = .number
            }
        }
    }

    private func resolve(
        _ type: CellType, style: Int, text: [UInt8],
        failure: (SpreadsheetError.Reason, String, String) -> SpreadsheetError
    ) throws -> String {
        switch type {
        case .shared:
            var index = 0
            var digits = 0
            for byte in text where byte != 0x20 {
                guard byte >= 48, byte <= 57, digits < 10 else { index = -1; break }
                index = index * 10 + Int(byte - 48)
                digits += 1
            }
            guard digits > 0, index >= 0, index < sharedStrings.count else {
                throw failure(
                    .brokenWorkbook, "The cell points at shared string \(String(decoding: text, as: UTF8.self)), which the workbook does not have.",
                    "Open it in Excel, save it again and import that."
                )
            }
            return sharedStrings[index]
        case .inline, .formulaString:
            return ExcelText.unescape(String(decoding: text, as: UTF8.self))
        case .boolean:
            return text == [0x31] || String(decoding: text, as: UTF8.self).lowercased() == "true" ? "TRUE" : "FALSE"
        case .error:
            return String(decoding: text, as: UTF8.self)
        case .isoDate:
            let value = String(decoding: text, as: UTF8.self)
            return value.hasSuffix("T00:00:00") ? String(value.dropLast(9)) : value
        case .number:
            if text.isEmpty { return "" }
            let kind = formats.kind(ofStyle: style)
            // Plain integers, the commonest numbers, need no parsing.
            if kind == .number, text.count <= 15,
                text.allSatisfy({ $0 >= 48 && $0 <= 57 })
                    || (text.first == 45 && text.count > 1 && text.dropFirst().allSatisfy { $0 >= 48 && $0 <= 57 })
            {
                return String(decoding: text, as: UTF8.self)
            }
            return NumberText.format(String(decoding: text, as: UTF8.self), as: kind, dateSystem: dateSystem)
        }
    }

    /// The zero-based index of column XFD, the last an Excel sheet has.
    static let lastExcelColumn = 16_383
    /// The most digits ``integer(_:)`` reads: more could overflow, and no row or style index has them.
    static let longestInteger = 12

    /// A non-negative decimal integer from ASCII digits, or nil (also for more than ``longestInteger`` digits).
    static func integer(_ digits: ArraySlice<UInt8>) -> Int? {
        guard !digits.isEmpty, digits.count <= longestInteger else { return nil }
        var value = 0
        for byte in digits {
            guard byte >= 48, byte <= 57 else { return nil }
            value = value * 10 + Int(byte - 48)
        }
        return value
    }

    /// The zero-based column of a cell reference such as `AB12` or `$AB$12`; nil when it does not start with letters.
    /// A column past ``lastExcelColumn`` (`XFE`, `AAAA`, any number of letters) comes back as one past it, never overflowing.
    static func column(of reference: ArraySlice<UInt8>) -> Int? {
        var column = 0
        var letters = 0
        for byte in reference where byte != UInt8(ascii: "$") {
            let upper = byte & ~0x20
            guard upper >= 65, upper <= 90 else { break }
            column = min(column * 26 + Int(upper - 64), lastExcelColumn + 2)
            letters += 1
        }
        return letters > 0 ? column - 1 : nil
    }
}
