import Foundation
import ZIPFoundation

/// Builds .xlsx files from hand-written XML parts, to test what Kith's own writer never produces:
/// shared strings, rich text, formulas, errors, odd prefixes and hostile content.
enum WorkbookFixture {
    static let contentTypes = """
        <?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
        <Default Extension="xml" ContentType="application/xml"/></Types>
        """
    static let rootRelationships = """
        <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
        </Relationships>
        """

    /// A workbook with the given sheets (name → sheet XML), optional shared strings and styles parts.
    static func make(
        at url: URL, sheets: [(name: String, xml: String)], sharedStrings: String? = nil, styles: String? = nil,
        date1904: Bool = false, extraParts: [String: Data] = [:], hidden: Set<String> = [], chartsheets: Set<String> = []
    ) throws {
        var parts: [String: Data] = [
            "[Content_Types].xml": Data(contentTypes.utf8),
            "_rels/.rels": Data(rootRelationships.utf8),
        ]
        var workbook = """
            <?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
            xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
            """
        workbook += date1904 ? "<workbookPr date1904=\"true\"/>" : "<workbookPr/>"
        workbook += "<sheets>"
        var relationships = """
            <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
            """
        for (index, sheet) in sheets.enumerated() {
            let state = hidden.contains(sheet.name) ? " state=\"hidden\"" : ""
            workbook += "<sheet name=\"\(sheet.name)\" sheetId=\"\(index + 1)\"\(state) r:id=\"rId\(index + 1)\"/>"
            let type = chartsheets.contains(sheet.name) ? "chartsheet" : "worksheet"
            relationships +=
                "<Relationship Id=\"rId\(index + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/\(type)\" Target=\"worksheets/sheet\(index + 1).xml\"/>"
            parts["xl/worksheets/sheet\(index + 1).xml"] = Data(sheet.xml.utf8)
        }
        workbook += "</sheets></workbook>"
        if let sharedStrings {
            relationships +=
                "<Relationship Id=\"rId100\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>"
            parts["xl/sharedStrings.xml"] = Data(sharedStrings.utf8)
        }
        if let styles {
            relationships +=
                "<Relationship Id=\"rId101\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
            parts["xl/styles.xml"] = Data(styles.utf8)
        }
        relationships += "</Relationships>"
        parts["xl/workbook.xml"] = Data(workbook.utf8)
        parts["xl/_rels/workbook.xml.rels"] = Data(relationships.utf8)
        parts.merge(extraParts) { $1 }
        try zip(parts, to: url)
    }

    static func zip(_ parts: [String: Data], to url: URL) throws {
        try? FileManager.default.removeItem(at: url)
        let archive = try Archive(url: url, accessMode: .create)
        for (path, data) in parts.sorted(by: { $0.key < $1.key }) {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) {
                position, size in data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
    }

    /// Rewrites the zip's headers so that every large entry claims to expand to no more than its compressed size,
    /// as a hostile file would to slip past checks of declared sizes.
    static func understateSizes(of url: URL) throws {
        var bytes = [UInt8](try Data(contentsOf: url))
        func read32(_ offset: Int) -> UInt32 {
            UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16 | UInt32(bytes[offset + 3]) << 24
        }
        func write32(_ value: UInt32, _ offset: Int) {
            for index in 0..<4 { bytes[offset + index] = UInt8(truncatingIfNeeded: value >> (8 * UInt32(index))) }
        }
        var offset = 0
        while offset + 46 <= bytes.count {
            switch read32(offset) {
            case 0x0403_4B50 where read32(offset + 22) > 1 << 20:
                write32(read32(offset + 18), offset + 22)
            case 0x0201_4B50 where read32(offset + 24) > 1 << 20:
                write32(read32(offset + 20), offset + 24)
            default:
                break
            }
            offset += 1
        }
        try Data(bytes).write(to: url)
    }

    /// A worksheet part around the given `<row>` elements, with optional `<mergeCells>` after them.
    static func worksheet(_ rows: String, merges: [String] = [], prefix: String = "") -> String {
        let p = prefix.isEmpty ? "" : prefix + ":"
        let namespace = prefix.isEmpty ? "xmlns" : "xmlns:\(prefix)"
        var xml =
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><\(p)worksheet \(namespace)=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><\(p)sheetData>\(rows)</\(p)sheetData>"
        if !merges.isEmpty {
            xml += "<\(p)mergeCells count=\"\(merges.count)\">" + merges.map { "<\(p)mergeCell ref=\"\($0)\"/>" }.joined() + "</\(p)mergeCells>"
        }
        return xml + "</\(p)worksheet>"
    }

    /// Styles with cell formats: 0 General, 1 built-in 14 (date), 2 custom dd/mm/yyyy hh:mm, 3 custom "0.00", 4 built-in 20 (h:mm).
    static let styles = """
        <?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
        <numFmts count="2"><numFmt numFmtId="165" formatCode="dd/mm/yyyy\\ hh:mm"/><numFmt numFmtId="166" formatCode="0.00"/></numFmts>\
        <cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs>\
        <cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="165"/><xf numFmtId="166"/><xf numFmtId="20"/></cellXfs>\
        </styleSheet>
        """
}
