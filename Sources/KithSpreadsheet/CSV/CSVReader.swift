import Foundation

/// Streams the records of a CSV file as rows of text, holding only one record in memory.
///
/// Follows RFC 4180 (quoted fields, doubled quotes, line breaks inside quotes) and is lenient the way
/// Excel is with what partners really send: LF, CRLF or lone CR line ends, stray quotes inside unquoted
/// fields, text after a closing quote. Rows keep every cell they have; a row longer or shorter than
/// the header is the table's business to report, never dropped here.
public struct CSVReader: Sendable {
    public let url: URL
    public let delimiter: UInt8
    public let encoding: TextEncoding
    public let limits: ReadLimits
    /// What to look for in each field, when the fingerprint found bytes that do not fit the encoding.
    let encodingCheck: EncodingFindings.Kind?

    public init(url: URL, delimiter: UInt8, encoding: TextEncoding, limits: ReadLimits = ReadLimits()) {
        self.url = url
        self.delimiter = delimiter
        self.encoding = encoding
        self.limits = limits
        encodingCheck = nil
    }

    /// Reads a file whose delimiter and encoding are sniffed from its fingerprint, and warns of bytes that do not fit
    /// the encoding: stray bytes in UTF-8, or characters written as UTF-8 in a file read as Windows-1252.
    public init(url: URL, fingerprint: FileFingerprint, limits: ReadLimits = ReadLimits()) {
        self.url = url
        delimiter = CSVDialect.sniffDelimiter(in: fingerprint.sample)
        encoding = fingerprint.encoding ?? .utf8
        self.limits = limits
        switch encoding {
        case .utf8, .utf8WithBOM: encodingCheck = fingerprint.invalidUTF8Sequences > 0 ? .invalidUTF8 : nil
        case .windows1252: encodingCheck = fingerprint.utf8MultibyteCharacters > 0 ? .utf8InWindows1252 : nil
        }
    }

    private enum State {
        case fieldStart
        case unquoted
        case quoted
        case quoteInQuoted
    }

    /// Calls `body` with each record in order, numbered from 1 as Excel would show them. Blank lines
    /// are passed on as rows with one empty cell, so that numbering stays true.
    /// - Returns: warnings about the file as a whole, such as a quote left open at its end or stray bytes
    ///   that are not UTF-8.
    @discardableResult
    public func forEachRow(_ body: (SheetRow) throws -> Void) throws -> [TableWarning] {
        let (warnings, encodingFindings) = try read(body)
        return (encodingFindings?.warning(columnNames: [], headerRowNumber: 0)).map { [$0] + warnings } ?? warnings
    }

    /// Reads as ``forEachRow(_:)`` does, handing back what was found about the encoding for the caller to word,
    /// once it knows the header.
    func read(_ body: (SheetRow) throws -> Void) throws -> (warnings: [TableWarning], encoding: EncodingFindings?) {
        let fileName = url.lastPathComponent
        guard let handle = try? FileHandle(forReadingFrom: url) else {
            throw SpreadsheetError(
                .cannotOpen, file: fileName, problem: "The file cannot be opened.",
                remedy: "Check the path and that you are allowed to read it."
            )
        }
        defer { try? handle.close() }
        let delimiter = self.delimiter
        var record = RecordBuilder(fileName: fileName, encoding: encoding, limits: limits)
        record.encodingFindings = encodingCheck.map(EncodingFindings.init(kind:))
        var state = State.fieldStart
        var skipLineFeed = false
        var isFirstChunk = true

        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            try chunk.withUnsafeBytes { raw in
                let bytes = raw.bindMemory(to: UInt8.self)
                var index = 0
                if isFirstChunk {
                    isFirstChunk = false
                    if encoding != .windows1252, bytes.starts(with: TextEncoding.byteOrderMark) { index = 3 }
                }
                let count = bytes.count
                while index < count {
                    let byte = bytes[index]
                    index += 1
                    if skipLineFeed {
                        skipLineFeed = false
                        if byte == 0x0A { continue }
                    }
                    switch state {
                    case .fieldStart, .unquoted:
                        if byte == delimiter {
                            try record.endField()
                            state = .fieldStart
                        } else if byte == 0x0A || byte == 0x0D {
                            try record.endRow(body)
                            state = .fieldStart
                            skipLineFeed = byte == 0x0D
                        } else if byte == 0x22, state == .fieldStart {
                            state = .quoted
                        } else {
                            state = .unquoted
                            // Copy the run of ordinary bytes in one go.
                            var end = index
                            while end < count {
                                let next = bytes[end]
                                if next == delimiter || next == 0x0A || next == 0x0D { break }
                                end += 1
                            }
                            try record.append(byte, UnsafeBufferPointer(rebasing: bytes[index..<end]))
                            index = end
                        }
                    case .quoted:
                        if byte == 0x22 {
                            state = .quoteInQuoted
                        } else {
                            var end = index
                            while end < count, bytes[end] != 0x22 { end += 1 }
                            try record.append(byte, UnsafeBufferPointer(rebasing: bytes[index..<end]))
                            index = end
                        }
                    case .quoteInQuoted:
                        if byte == 0x22 {
                            try record.append(0x22, UnsafeBufferPointer(rebasing: bytes[index..<index]))
                            state = .quoted
                        } else if byte == delimiter {
                            try record.endField()
                            state = .fieldStart
                        } else if byte == 0x0A || byte == 0x0D {
                            try record.endRow(body)
                            state = .fieldStart
                            skipLineFeed = byte == 0x0D
                        } else {
                            // Text after a closing quote: keep it, as Excel does.
                            try record.append(byte, UnsafeBufferPointer(rebasing: bytes[index..<index]))
                            state = .unquoted
                        }
                    }
                }
            }
        }
        var warnings: [TableWarning] = []
        if state == .quoted {
            warnings.append(
                TableWarning(
                    check: "file.unclosed-quote", row: record.rowNumber,
                    column: ColumnLetters.letters(forIndex: record.cells.count + record.fieldsPastLimit),
                    message:
                        "A quoted field is still open at the end of the file, so it took in everything after its opening quote. Check that the partner's file is complete."
                )
            )
        }
        if state != .fieldStart || record.hasContent {
            try record.endRow(body)
        }
        return (warnings, record.encodingFindings)
    }
}

/// The record being read: its cells so far, the field being read, and its row number.
private struct RecordBuilder {
    let fileName: String
    let encoding: TextEncoding
    let limits: ReadLimits
    var field: [UInt8] = []
    var cells: [String] = []
    var rowNumber = 1
    /// Fields of the current row beyond ``ReadLimits/maximumColumns``, counted but not kept.
    var fieldsPastLimit = 0
    /// The columns of the current row to its last value, once that is past the limit; 0 otherwise.
    var columnsInWideRow = 0
    /// Bytes that do not fit the encoding, when the fingerprint found some.
    var encodingFindings: EncodingFindings?

    init(fileName: String, encoding: TextEncoding, limits: ReadLimits) {
        self.fileName = fileName
        self.encoding = encoding
        self.limits = limits
        field.reserveCapacity(256)
    }

    var hasContent: Bool { !cells.isEmpty || !field.isEmpty }

    mutating func append(_ byte: UInt8, _ run: UnsafeBufferPointer<UInt8>) throws {
        field.append(byte)
        if !run.isEmpty { field.append(contentsOf: run) }
        guard field.count <= limits.maximumCellBytes else {
            throw SpreadsheetError(
                .cellTooLong, file: fileName, row: rowNumber, column: ColumnLetters.letters(forIndex: cells.count + fieldsPastLimit),
                problem:
                    "A field runs on for more than \(limits.maximumCellBytes >> 10) KiB, usually because a quote (\") opens a field and never closes.",
                remedy: "Open the file in a text editor, find the unmatched quote near this row and fix or remove it."
            )
        }
    }

    mutating func endField() throws {
        guard cells.count < limits.maximumColumns else {
            // Past the limit fields are only counted, to the row's last value, and the row is refused at its end;
            // a run of empty trailing fields (a trailing delimiter, columns Excel once formatted) does not count.
            fieldsPastLimit += 1
            if !field.isEmpty { columnsInWideRow = limits.maximumColumns + fieldsPastLimit }
            field.removeAll(keepingCapacity: true)
            return
        }
        if var findings = encodingFindings {
            let (row, column) = (rowNumber, cells.count)
            field.withUnsafeBufferPointer { findings.examine($0, row: row, column: column) }
            encodingFindings = findings
        }
        cells.append(
            field.withUnsafeBufferPointer { buffer in
                switch encoding {
                case .utf8, .utf8WithBOM: String(decoding: buffer, as: UTF8.self)
                case .windows1252: Windows1252.decode(buffer)
                }
            }
        )
        field.removeAll(keepingCapacity: true)
    }

    mutating func endRow(_ body: (SheetRow) throws -> Void) throws {
        try endField()
        if columnsInWideRow > 0 {
            throw SpreadsheetError.tooManyColumns(columnsInWideRow, file: fileName, sheet: nil, row: rowNumber, limits: limits)
        }
        fieldsPastLimit = 0
        guard rowNumber <= limits.maximumRows else {
            throw SpreadsheetError(
                .tooLarge, file: fileName, row: rowNumber, problem: "The file has more than \(limits.maximumRows) rows.",
                remedy: "Split it into smaller files."
            )
        }
        try body(SheetRow(number: rowNumber, cells: cells))
        cells.removeAll(keepingCapacity: true)
        rowNumber += 1
    }
}
