import Foundation
import ZIPFoundation

/// Zip files assembled and damaged byte by byte, for what no zip library will write: a part listed twice, a wrong
/// checksum, a method Excel never uses, a deflate stream that never ends.
enum ZipBytes {
    /// One entry as it goes into the file: its name, method and data exactly as given, and the checksum and
    /// uncompressed size its headers claim.
    struct Entry {
        var name: String
        var method: UInt16
        var data: [UInt8]
        var crc32: UInt32
        var uncompressedSize: UInt32

        /// A stored (uncompressed) entry with its true checksum.
        static func stored(_ name: String, _ text: String) -> Entry {
            let bytes = Array(text.utf8)
            return Entry(name: name, method: 0, data: bytes, crc32: Data(bytes).crc32(checksum: 0), uncompressedSize: UInt32(bytes.count))
        }
    }

    /// The bytes of a zip holding `entries` in order, with local headers, a central directory and its end record.
    static func make(_ entries: [Entry]) -> [UInt8] {
        var bytes: [UInt8] = []
        var directory: [UInt8] = []
        for entry in entries {
            let offset = UInt32(bytes.count)
            let name = Array(entry.name.utf8)
            bytes += le32(0x0403_4B50) + le16(20) + le16(0) + le16(entry.method) + le16(0) + le16(0x21)
            bytes += le32(entry.crc32) + le32(UInt32(entry.data.count)) + le32(entry.uncompressedSize)
            bytes += le16(UInt16(name.count)) + le16(0) + name + entry.data
            directory += le32(0x0201_4B50) + le16(20) + le16(20) + le16(0) + le16(entry.method) + le16(0) + le16(0x21)
            directory += le32(entry.crc32) + le32(UInt32(entry.data.count)) + le32(entry.uncompressedSize)
            directory += le16(UInt16(name.count)) + le16(0) + le16(0) + le16(0) + le16(0) + le32(0) + le32(offset) + name
        }
        let directoryOffset = UInt32(bytes.count)
        bytes += directory
        bytes += le32(0x0605_4B50) + le16(0) + le16(0) + le16(UInt16(entries.count)) + le16(UInt16(entries.count))
        bytes += le32(UInt32(directory.count)) + le32(directoryOffset) + le16(0)
        return bytes
    }

    /// The stored parts of a one-sheet workbook around `sheet`, in the order Excel writes them.
    static func workbookEntries(sheet: String) -> [Entry] {
        [
            .stored("[Content_Types].xml", WorkbookFixture.contentTypes),
            .stored("_rels/.rels", WorkbookFixture.rootRelationships),
            .stored(
                "xl/workbook.xml",
                """
                <?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
                xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>\
                <sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>
                """
            ),
            .stored(
                "xl/_rels/workbook.xml.rels",
                """
                <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" \
                Target="worksheets/sheet1.xml"/></Relationships>
                """
            ),
            .stored("xl/worksheets/sheet1.xml", sheet),
        ]
    }

    /// The offsets of the local header and the central directory record of the part named `name`.
    static func headers(of name: String, in bytes: [UInt8]) -> (local: Int, central: Int)? {
        let target = Array(name.utf8)
        var local: Int?
        var central: Int?
        var offset = 0
        while offset + 46 <= bytes.count {
            switch read32(bytes, offset) {
            case 0x0403_4B50
            where Int(read16(bytes, offset + 26)) == target.count && offset + 30 + target.count <= bytes.count
                && Array(bytes[(offset + 30)..<(offset + 30 + target.count)]) == target:
                local = offset
            case 0x0201_4B50
            where Int(read16(bytes, offset + 28)) == target.count && offset + 46 + target.count <= bytes.count
                && Array(bytes[(offset + 46)..<(offset + 46 + target.count)]) == target:
                central = offset
            default:
                break
            }
            offset += 1
        }
        guard let local, let central else { return nil }
        return (local, central)
    }

    /// Rewrites a zip file in place.
    static func patch(_ url: URL, _ change: (inout [UInt8]) throws -> Void) throws {
        var bytes = [UInt8](try Data(contentsOf: url))
        try change(&bytes)
        try Data(bytes).write(to: url)
    }

    static func read16(_ bytes: [UInt8], _ offset: Int) -> UInt16 {
        UInt16(bytes[offset]) | UInt16(bytes[offset + 1]) << 8
    }

    static func read32(_ bytes: [UInt8], _ offset: Int) -> UInt32 {
        UInt32(read16(bytes, offset)) | UInt32(read16(bytes, offset + 2)) << 16
    }

    static func write16(_ value: UInt16, _ bytes: inout [UInt8], _ offset: Int) {
        bytes[offset] = UInt8(truncatingIfNeeded: value)
        bytes[offset + 1] = UInt8(truncatingIfNeeded: value >> 8)
    }

    static func write32(_ value: UInt32, _ bytes: inout [UInt8], _ offset: Int) {
        write16(UInt16(truncatingIfNeeded: value), &bytes, offset)
        write16(UInt16(truncatingIfNeeded: value >> 16), &bytes, offset + 2)
    }

    private static func le16(_ value: UInt16) -> [UInt8] {
        [UInt8(truncatingIfNeeded: value), UInt8(truncatingIfNeeded: value >> 8)]
    }

    private static func le32(_ value: UInt32) -> [UInt8] {
        le16(UInt16(truncatingIfNeeded: value)) + le16(UInt16(truncatingIfNeeded: value >> 16))
    }
}
