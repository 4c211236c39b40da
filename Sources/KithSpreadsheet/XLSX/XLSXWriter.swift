import Foundation
import ZIPFoundation

/// Writes an Office Open XML workbook (.xlsx) that Excel, LibreOffice and openpyxl open.
///
/// Rows stream to a temporary file per sheet, so a sheet of a million rows costs little memory; the
/// workbook is zipped together by ``finish()``. Text is written as inline strings, dates as serial
/// numbers with a day-first date format, so that a reader sees real dates, not text.
///
/// ```swift
/// let writer = try XLSXWriter(url: url)
/// try writer.beginSheet(named: "Referrals")
/// try writer.appendRow(["First name", "Date of birth"], style: .bold)
/// try writer.appendRow([.text("Amara"), .date(CivilDate(year: 2011, month: 7, day: 5)!)])
/// try writer.finish()
/// ```
public final class XLSXWriter {
    /// How a row's cells look. Dates always get a date format as well.
    public enum RowStyle: Sendable {
        case plain
        case bold
    }

    /// How one cell looks, for rows whose cells differ: bold, on a light grey ground, or both.
    public struct CellStyle: OptionSet, Sendable, Hashable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }

        public static let bold = CellStyle(rawValue: 1)
        /// A light grey fill, to set a block of rows apart from the next.
        public static let shaded = CellStyle(rawValue: 2)
        /// Long text wrapped onto several lines within the column's width, aligned to the top.
        public static let wrapped = CellStyle(rawValue: 4)
    }

    /// The most characters Excel allows in a list validation's choices, commas included.
    public static let maximumListLength = 255

    /// Excel's own limits on a worksheet.
    public static let maximumRows = 1_048_576
    public static let maximumColumns = 16_384

    private struct Sheet {
        var name: String
        var file: URL
        var merges: [String]
        var columnWidths: [Double]
        var frozenRows: Int
        var autoFilter: String?
        var validations: [String] = []
    }

    /// The index of a cell format in ``styles``: a date format adds 1, bold 2, shaded 4, wrapped 8.
    private static func styleIndex(_ style: CellStyle, date: Bool) -> Int {
        (style.contains(.bold) ? 2 : 0) + (style.contains(.shaded) ? 4 : 0) + (style.contains(.wrapped) ? 8 : 0) + (date ? 1 : 0)
    }

    private let url: URL
    private let dateSystem: ExcelDateSystem
    private let timestamp: Date
    private let workingDirectory: URL
    private var sheets: [Sheet] = []
    private var output: ByteFileWriter?
    private var rowNumber = 0
    private var isFinished = false

    /// Starts a workbook that ``finish()`` will write to `url`, replacing any file there.
    /// - Parameter timestamp: the creation time recorded in the workbook and its zip entries; pass a fixed
    ///   time to get byte-identical files from identical content.
    public init(url: URL, dateSystem: ExcelDateSystem = .from1900, timestamp: Date = Date()) throws {
        self.url = url
        self.dateSystem = dateSystem
        self.timestamp = timestamp
        workingDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("kith-xlsx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: workingDirectory, withIntermediateDirectories: true)
    }

    deinit {
        try? output?.close()
        try? FileManager.default.removeItem(at: workingDirectory)
    }

    /// Opens a new sheet; rows appended after this go to it. The name is made valid for Excel if it is not.
    /// - Parameters:
    ///   - columnWidths: widths in characters for the first columns, or empty for Excel's default.
    ///   - frozenRows: rows kept in view at the top while scrolling, usually the header.
    public func beginSheet(named name: String, columnWidths: [Double] = [], frozenRows: Int = 0) throws {
        guard !isFinished else { throw SpreadsheetWriteError.finished }
        try closeCurrentSheet()
        let file = workingDirectory.appendingPathComponent("sheet\(sheets.count + 1).xml")
        sheets.append(
            Sheet(name: uniqueSheetName(name), file: file, merges: [], columnWidths: columnWidths, frozenRows: frozenRows)
        )
        let writer = try ByteFileWriter(creating: file)
        output = writer
        rowNumber = 0
        try writer.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n")
        try writer.write("<worksheet xmlns=\"\(Namespace.spreadsheet)\" xmlns:r=\"\(Namespace.relationships)\">")
        if frozenRows > 0 {
            let topLeft = "A\(frozenRows + 1)"
            try writer.write(
                "<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"\(frozenRows)\" topLeftCell=\"\(topLeft)\" "
                    + "activePane=\"bottomLeft\" state=\"frozen\"/></sheetView></sheetViews>"
            )
        }
        if !columnWidths.isEmpty {
            try writer.write("<cols>")
            for (index, width) in columnWidths.enumerated() {
                try writer.write("<col min=\"\(index + 1)\" max=\"\(index + 1)\" width=\"\(width)\" customWidth=\"1\"/>")
            }
            try writer.write("</cols>")
        }
        try writer.write("<sheetData>")
    }

    /// Appends one row to the open sheet. An empty array leaves a blank row.
    public func appendRow(_ cells: [CellValue], style: RowStyle = .plain) throws {
        try appendRow(cells) { _ in style == .bold ? .bold : [] }
    }

    /// Appends one row whose cells look different: `cellStyles[i]` for cell `i`, plain past its end.
    /// - Parameter height: the row's height in points (15 is one line), for wrapped text: spreadsheets do not all
    ///   grow a row to fit its text when they open a file.
    public func appendRow(_ cells: [CellValue], cellStyles: [CellStyle], height: Double? = nil) throws {
        try appendRow(cells, height: height) { $0 < cellStyles.count ? cellStyles[$0] : [] }
    }

    private func appendRow(_ cells: [CellValue], height: Double? = nil, styleOf: (Int) -> CellStyle) throws {
        guard let writer = output else { throw SpreadsheetWriteError.noSheetOpen }
        guard rowNumber < Self.maximumRows else { throw SpreadsheetWriteError.tooManyRows(limit: Self.maximumRows) }
        guard cells.count <= Self.maximumColumns else {
            throw SpreadsheetWriteError.tooManyColumns(limit: Self.maximumColumns)
        }
        rowNumber += 1
        guard cells.contains(where: { $0 != .empty }) else { return }
        let row = String(rowNumber)
        var xml = "<row r=\"\(row)\""
        if let height, height.isFinite, height > 0 { xml += " ht=\"\(Self.format(min(height, 409)))\" customHeight=\"1\"" }
        xml += ">"
        for (index, cell) in cells.enumerated() {
            let reference = ColumnLetters.letters(forIndex: index) + row
            let cellStyle = styleOf(index)
            let plainIndex = Self.styleIndex(cellStyle, date: false)
            let s = plainIndex == 0 ? "" : " s=\"\(plainIndex)\""
            switch cell {
            case .empty:
                // A shaded empty cell keeps its fill, so a block of rows has no holes.
                if cellStyle.contains(.shaded) { xml += "<c r=\"\(reference)\"\(s)/>" }
            case .text(let text):
                let preserve = text.first?.isWhitespace == true || text.last?.isWhitespace == true
                xml += "<c r=\"\(reference)\"\(s) t=\"inlineStr\"><is><t"
                xml += preserve ? " xml:space=\"preserve\">" : ">"
                xml += XMLEscaping.escape(text) + "</t></is></c>"
            case .number(let number):
                guard number.isFinite else { continue }
                xml += "<c r=\"\(reference)\"\(s)><v>\(Self.format(number))</v></c>"
            case .integer(let integer):
                xml += "<c r=\"\(reference)\"\(s)><v>\(integer)</v></c>"
            case .boolean(let value):
                xml += "<c r=\"\(reference)\"\(s) t=\"b\"><v>\(value ? 1 : 0)</v></c>"
            case .date(let date) where date < dateSystem.firstDate:
                // Excel cannot hold dates before its epoch as dates; write them as ISO text so they are not lost.
                xml += "<c r=\"\(reference)\"\(s) t=\"inlineStr\"><is><t>\(date)</t></is></c>"
            case .date(let date):
                xml += "<c r=\"\(reference)\" s=\"\(Self.styleIndex(cellStyle, date: true))\"><v>\(dateSystem.serial(for: date))</v></c>"
            }
        }
        xml += "</row>"
        try writer.write(xml)
    }

    /// Merges a range of the open sheet, such as a title across the table: `mergeCells("A1:F1")`.
    public func mergeCells(_ range: String) throws {
        guard !sheets.isEmpty, output != nil else { throw SpreadsheetWriteError.noSheetOpen }
        guard CellRange(parsing: range) != nil else { throw SpreadsheetWriteError.invalidMergeRange(range) }
        sheets[sheets.count - 1].merges.append(range)
    }

    /// Gives the open sheet's header row filter buttons over a range such as `A1:F1`.
    public func setAutoFilter(_ range: String) throws {
        guard !sheets.isEmpty, output != nil else { throw SpreadsheetWriteError.noSheetOpen }
        guard CellRange(parsing: range) != nil else { throw SpreadsheetWriteError.invalidMergeRange(range) }
        sheets[sheets.count - 1].autoFilter = range
    }

    /// Makes the cells of a range of the open sheet a drop-down of `choices` (an Excel data validation of type
    /// list), which Excel and LibreOffice both offer and enforce; a blank cell stays allowed.
    /// - Parameters:
    ///   - prompt: shown beside a chosen cell: a title (at most 32 characters) and a text (at most 255).
    ///   - error: shown when something else is typed in: a title and a text, as for `prompt`.
    public func addListValidation(
        _ range: String, choices: [String], prompt: (title: String, text: String)? = nil,
        error: (title: String, text: String)? = nil
    ) throws {
        guard !sheets.isEmpty, output != nil else { throw SpreadsheetWriteError.noSheetOpen }
        guard range.split(separator: " ").allSatisfy({ CellRange(parsing: String($0)) != nil }) else {
            throw SpreadsheetWriteError.invalidMergeRange(range)
        }
        let list = choices.joined(separator: ",")
        guard !choices.isEmpty, !choices.contains(where: { $0.contains(",") || $0.contains("\"") }),
            list.count <= Self.maximumListLength
        else { throw SpreadsheetWriteError.invalidChoices(choices) }
        var xml = "<dataValidation type=\"list\" allowBlank=\"1\" showInputMessage=\"1\" showErrorMessage=\"1\""
        if let error {
            xml += " errorTitle=\"\(XMLEscaping.escape(String(error.title.prefix(32))))\""
            xml += " error=\"\(XMLEscaping.escape(String(error.text.prefix(255))))\""
        }
        if let prompt {
            xml += " promptTitle=\"\(XMLEscaping.escape(String(prompt.title.prefix(32))))\""
            xml += " prompt=\"\(XMLEscaping.escape(String(prompt.text.prefix(255))))\""
        }
        xml += " sqref=\"\(range)\"><formula1>\(XMLEscaping.escape("\"" + list + "\""))</formula1></dataValidation>"
        sheets[sheets.count - 1].validations.append(xml)
    }

    /// Writes the workbook to its URL. The writer cannot be used afterwards.
    public func finish() throws {
        guard !isFinished else { throw SpreadsheetWriteError.finished }
        if sheets.isEmpty {
            try beginSheet(named: "Sheet1")
        }
        try closeCurrentSheet()
        isFinished = true
        if FileManager.default.fileExists(atPath: url.path) {
            try FileManager.default.removeItem(at: url)
        }
        let archive = try Archive(url: url, accessMode: .create)
        try add("[Content_Types].xml", contentTypes(), to: archive)
        try add("_rels/.rels", packageRelationships, to: archive)
        try add("docProps/app.xml", applicationProperties, to: archive)
        try add("docProps/core.xml", coreProperties(), to: archive)
        try add("xl/workbook.xml", workbook(), to: archive)
        try add("xl/_rels/workbook.xml.rels", workbookRelationships(), to: archive)
        try add("xl/styles.xml", styles, to: archive)
        for (index, sheet) in sheets.enumerated() {
            let handle = try FileHandle(forReadingFrom: sheet.file)
            defer { try? handle.close() }
            let size = try handle.seekToEnd()
            try handle.seek(toOffset: 0)
            try archive.addEntry(
                with: "xl/worksheets/sheet\(index + 1).xml", type: .file, uncompressedSize: Int64(size),
                modificationDate: timestamp, compressionMethod: .deflate
            ) { _, chunkSize in
                try handle.read(upToCount: chunkSize) ?? Data()
            }
        }
    }

    // MARK: - Parts

    private func closeCurrentSheet() throws {
        guard let writer = output, let sheet = sheets.last else { return }
        try writer.write("</sheetData>")
        // The order SpreadsheetML requires: autoFilter, mergeCells, dataValidations, pageMargins.
        if let range = sheet.autoFilter {
            try writer.write("<autoFilter ref=\"\(range)\"/>")
        }
        if !sheet.merges.isEmpty {
            try writer.write("<mergeCells count=\"\(sheet.merges.count)\">")
            for range in sheet.merges {
                try writer.write("<mergeCell ref=\"\(range)\"/>")
            }
            try writer.write("</mergeCells>")
        }
        if !sheet.validations.isEmpty {
            try writer.write("<dataValidations count=\"\(sheet.validations.count)\">")
            for validation in sheet.validations { try writer.write(validation) }
            try writer.write("</dataValidations>")
        }
        try writer.write(
            "<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/></worksheet>"
        )
        try writer.close()
        output = nil
    }

    private func uniqueSheetName(_ name: String) -> String {
        let forbidden: Set<Character> = ["[", "]", ":", "*", "?", "/", "\\"]
        var cleaned = String(name.filter { !forbidden.contains($0) }.prefix(31)).trimmingCharacters(in: .init(charactersIn: "'"))
        if cleaned.isEmpty { cleaned = "Sheet\(sheets.count + 1)" }
        var candidate = cleaned
        var suffix = 2
        while sheets.contains(where: { $0.name.lowercased() == candidate.lowercased() }) {
            candidate = String(cleaned.prefix(28)) + " (\(suffix))"
            suffix += 1
        }
        return candidate
    }

    private func add(_ path: String, _ text: String, to archive: Archive) throws {
        let data = Data(text.utf8)
        try archive.addEntry(
            with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: timestamp,
            compressionMethod: .deflate
        ) { position, size in
            data.subdata(in: Int(position)..<Int(position) + size)
        }
    }

    private func contentTypes() -> String {
        var xml = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
            <Default Extension="xml" ContentType="application/xml"/>\
            <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
            <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
            <Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>\
            <Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>
            """
        for index in sheets.indices {
            xml += "<Override PartName=\"/xl/worksheets/sheet\(index + 1).xml\" "
            xml += "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }
        return xml + "</Types>"
    }

    private let packageRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
        <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>\
        <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>\
        </Relationships>
        """

    private let applicationProperties = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Kith</Application></Properties>
        """

    private func coreProperties() -> String {
        let formatter = ISO8601DateFormatter()
        let now = formatter.string(from: timestamp)
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
            xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" \
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>Kith</dc:creator>\
            <dcterms:created xsi:type="dcterms:W3CDTF">\(now)</dcterms:created>\
            <dcterms:modified xsi:type="dcterms:W3CDTF">\(now)</dcterms:modified></cp:coreProperties>
            """
    }

    private func workbook() -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        xml += "<workbook xmlns=\"\(Namespace.spreadsheet)\" xmlns:r=\"\(Namespace.relationships)\">"
        xml += dateSystem == .from1904 ? "<workbookPr date1904=\"1\"/>" : "<workbookPr/>"
        xml += "<bookViews><workbookView/></bookViews><sheets>"
        for (index, sheet) in sheets.enumerated() {
            xml += "<sheet name=\"\(XMLEscaping.escape(sheet.name))\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>"
        }
        return xml + "</sheets></workbook>"
    }

    private func workbookRelationships() -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        xml += "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        for index in sheets.indices {
            xml += "<Relationship Id=\"rId\(index + 1)\" "
            xml += "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" "
            xml += "Target=\"worksheets/sheet\(index + 1).xml\"/>"
        }
        xml += "<Relationship Id=\"rId\(sheets.count + 1)\" "
        xml += "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
        return xml + "</Relationships>"
    }

    /// Sixteen cell formats, numbered as ``styleIndex(_:date:)`` numbers them: plain, date, bold, bold date, the same
    /// four on a light grey fill, then all eight wrapped.
    private let styles: String = {
        var formats: [String] = []
        for index in 0..<16 {
            let date = index & 1 != 0, bold = index & 2 != 0, shaded = index & 4 != 0, wrapped = index & 8 != 0
            var xf = "<xf numFmtId=\"\(date ? 164 : 0)\" fontId=\"\(bold ? 1 : 0)\" fillId=\"\(shaded ? 2 : 0)\" borderId=\"0\" xfId=\"0\""
            if date { xf += " applyNumberFormat=\"1\"" }
            if bold { xf += " applyFont=\"1\"" }
            if shaded { xf += " applyFill=\"1\"" }
            xf += wrapped ? " applyAlignment=\"1\"><alignment vertical=\"top\" wrapText=\"1\"/></xf>" : "/>"
            formats.append(xf)
        }
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
            <numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>\
            <fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>\
            <font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>\
            <fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>\
            <fill><patternFill patternType="solid"><fgColor rgb="FFEDEDED"/><bgColor indexed="64"/></patternFill></fill></fills>\
            <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
            <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
            <cellXfs count="\(formats.count)">\(formats.joined())</cellXfs>\
            <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>\
            </styleSheet>
            """
    }()

    /// A number as Excel writes it: integers without a decimal point, others in the shortest form that reads back exactly.
    static func format(_ number: Double) -> String {
        if number == number.rounded(), abs(number) < 1e15 {
            return String(Int64(number))
        }
        return "\(number)"
    }
}

/// The XML namespaces of SpreadsheetML.
enum Namespace {
    static let spreadsheet = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
}
