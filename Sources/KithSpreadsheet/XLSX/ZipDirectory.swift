import Foundation

/// A workbook zip's central directory, read on its own and checked against every entry's local header, for what
/// ZIPFoundation leaves unchecked.
///
/// Excel writes each part once, stored or deflated, with the same name, method and checksum in the central directory
/// and in the entry's own (local) header. A zip that breaks any of that was damaged or built by hand, and different
/// programs read it differently: with a part listed twice ZIPFoundation's lookup and Excel may take different copies;
/// a method ZIPFoundation does not know is only found when that part is read; a local header that disagrees with the
/// directory means one of them lies. So all of these refuse the file before any part is read, and the checksums and
/// sizes kept here are checked again as each part is inflated (see ``XLSXPackage``).
struct ZipDirectory {
    /// What the central directory says about one part.
    struct Part: Equatable {
        var path: String
        var method: UInt16
        var crc32: UInt32
        var compressedSize: UInt64
        var uncompressedSize: UInt64
        /// Where the part's (compressed) bytes start in the file.
        var dataOffset: UInt64
    }

    /// The parts by ``XLSXPackage/normalise(_:)``'d path.
    private(set) var parts: [String: Part] = [:]

    static let stored: UInt16 = 0
    static let deflated: UInt16 = 8
    /// Largest central directory read: a real workbook's is a few kilobytes.
    static let maximumDirectoryBytes = 64 << 20

    private static let endSignature: UInt32 = 0x0605_4B50
    private static let zip64EndSignature: UInt32 = 0x0606_4B50
    private static let zip64LocatorSignature: UInt32 = 0x0706_4B50
    private static let centralSignature: UInt32 = 0x0201_4B50
    private static let localSignature: UInt32 = 0x0403_4B50

    /// Reads and checks the directory of the zip at `url`; throws a ``SpreadsheetError`` naming the file and the part.
    init(url: URL, limits: ReadLimits) throws {
        let fileName = url.lastPathComponent
        guard let handle = try? FileHandle(forReadingFrom: url) else {
            throw SpreadsheetError(
                .cannotOpen, file: fileName, problem: "The file cannot be opened.", remedy: "Check the path and that you are allowed to read it."
            )
        }
        defer { try? handle.close() }
        func damaged(_ detail: String) -> SpreadsheetError {
            Self.damaged(fileName, detail)
        }
        func read(_ count: Int, at offset: UInt64) throws -> [UInt8] {
            do {
                try handle.seek(toOffset: offset)
                let data = try handle.read(upToCount: count) ?? Data()
                guard data.count == count else { throw damaged("its zip ends early") }
                return [UInt8](data)
            } catch let error as SpreadsheetError {
                throw error
            } catch {
                throw damaged("its zip cannot be read (\(error.localizedDescription))")
            }
        }

        // The end-of-directory record: 22 bytes and a comment of up to 65,535 at the end of the file.
        let size: UInt64
        do { size = try handle.seekToEnd() } catch { throw damaged("its zip cannot be read") }
        let tailLength = Int(min(size, 22 + 65_535 + 20))
        let tail = try read(tailLength, at: size - UInt64(tailLength))
        var endIndex: Int?
        var index = tailLength - 22
        while index >= 0 {
            if Self.uint32(tail, index) == Self.endSignature, index + 22 + Int(Self.uint16(tail, index + 20)) <= tailLength {
                endIndex = index
                break
            }
            index -= 1
        }
        guard let endIndex else { throw damaged("its zip has no central directory") }
        var entryCount = UInt64(Self.uint16(tail, endIndex + 10))
        var directorySize = UInt64(Self.uint32(tail, endIndex + 12))
        var directoryOffset = UInt64(Self.uint32(tail, endIndex + 16))
        if entryCount == 0xFFFF || directorySize == 0xFFFF_FFFF || directoryOffset == 0xFFFF_FFFF {
            // ZIP64: a locator just before the record points at the 64-bit end record.
            guard endIndex >= 20, Self.uint32(tail, endIndex - 20) == Self.zip64LocatorSignature else {
                throw damaged("its zip's ZIP64 directory is missing")
            }
            let recordOffset = Self.uint64(tail, endIndex - 20 + 8)
            guard recordOffset < size, size - recordOffset >= 56 else { throw damaged("its zip's ZIP64 directory is out of place") }
            let record = try read(56, at: recordOffset)
            guard Self.uint32(record, 0) == Self.zip64EndSignature else { throw damaged("its zip's ZIP64 directory is damaged") }
            entryCount = Self.uint64(record, 32)
            directorySize = Self.uint64(record, 40)
            directoryOffset = Self.uint64(record, 48)
        }
        guard entryCount <= UInt64(limits.maximumZipEntries) else {
            throw SpreadsheetError(
                .zipBomb, file: fileName,
                problem: "The workbook's zip holds more than \(limits.maximumZipEntries) entries, far more than any real workbook.",
                remedy: "Do not open it; ask the partner where it came from."
            )
        }
        guard directorySize <= UInt64(Self.maximumDirectoryBytes), directoryOffset <= size, directorySize <= size - directoryOffset else {
            throw damaged("its zip's central directory is out of place")
        }
        let directory = try read(Int(directorySize), at: directoryOffset)

        var position = 0
        var parts: [String: Part] = [:]
        for _ in 0..<entryCount {
            guard position + 46 <= directory.count, Self.uint32(directory, position) == Self.centralSignature else {
                throw damaged("its zip's central directory is damaged")
            }
            let flags = Self.uint16(directory, position + 8)
            let method = Self.uint16(directory, position + 10)
            let crc32 = Self.uint32(directory, position + 16)
            var compressedSize = UInt64(Self.uint32(directory, position + 20))
            var uncompressedSize = UInt64(Self.uint32(directory, position + 24))
            let nameLength = Int(Self.uint16(directory, position + 28))
            let extraLength = Int(Self.uint16(directory, position + 30))
            let commentLength = Int(Self.uint16(directory, position + 32))
            var localOffset = UInt64(Self.uint32(directory, position + 42))
            let nameStart = position + 46
            let extraStart = nameStart + nameLength
            let next = extraStart + extraLength + commentLength
            guard next <= directory.count else { throw damaged("its zip's central directory is damaged") }
            let nameBytes = Array(directory[nameStart..<extraStart])
            let path = String(decoding: nameBytes, as: UTF8.self)
            // ZIP64 sizes and offset, for those fields that hold 0xFFFFFFFF, in this order.
            if compressedSize == 0xFFFF_FFFF || uncompressedSize == 0xFFFF_FFFF || localOffset == 0xFFFF_FFFF {
                guard let extra = Self.zip64Extra(directory[extraStart..<(extraStart + extraLength)]) else {
                    throw damaged("the part \(path) lacks its ZIP64 sizes")
                }
                var field = extra.startIndex
                func next64() throws -> UInt64 {
                    guard field + 8 <= extra.endIndex else { throw damaged("the part \(path) lacks its ZIP64 sizes") }
                    defer { field += 8 }
                    return Self.uint64(directory, field)
                }
                if uncompressedSize == 0xFFFF_FFFF { uncompressedSize = try next64() }
                if compressedSize == 0xFFFF_FFFF { compressedSize = try next64() }
                if localOffset == 0xFFFF_FFFF { localOffset = try next64() }
            }
            let key = XLSXPackage.normalise(path)
            guard parts[key] == nil else {
                throw damaged(
                    "its zip holds the part \(path) twice, and programs differ over which copy they read, so what Kith reads may not be what Excel shows"
                )
            }
            guard flags & 1 == 0 else { throw damaged("the part \(path) is encrypted inside the zip, which Excel never does") }
            guard method == Self.stored || method == Self.deflated else {
                throw damaged("the part \(path) is compressed with zip method \(method); Excel only stores or deflates parts")
            }

            // The entry's own header must agree with the directory.
            guard localOffset <= size, size - localOffset >= 30 else { throw damaged("the part \(path) is missing from the zip") }
            let local = try read(30, at: localOffset)
            guard Self.uint32(local, 0) == Self.localSignature else { throw damaged("the part \(path) is missing from the zip") }
            let localFlags = Self.uint16(local, 6)
            guard Self.uint16(local, 8) == method else {
                throw damaged("the part \(path) names a different compression method in its own header than in the zip's directory")
            }
            let localNameLength = Int(Self.uint16(local, 26))
            guard localNameLength == nameLength, size - localOffset - 30 >= UInt64(nameLength),
                try read(nameLength, at: localOffset + 30) == nameBytes
            else { throw damaged("the part \(path) has a different name in its own header than in the zip's directory") }
            if localFlags & 0x08 == 0 {
                // Sizes and checksum are in the local header itself (not after the data); they must match.
                guard Self.uint32(local, 14) == crc32 else {
                    throw damaged("the part \(path) has a different checksum (CRC-32) in its own header than in the zip's directory")
                }
                let localCompressed = Self.uint32(local, 18)
                let localUncompressed = Self.uint32(local, 22)
                guard (localCompressed == 0xFFFF_FFFF || UInt64(localCompressed) == compressedSize),
                    localUncompressed == 0xFFFF_FFFF || UInt64(localUncompressed) == uncompressedSize
                else {
                    throw damaged("the part \(path) has different sizes in its own header than in the zip's directory")
                }
            }
            let dataOffset = localOffset + 30 + UInt64(nameLength) + UInt64(Self.uint16(local, 28))
            guard dataOffset <= size, compressedSize <= size - dataOffset else {
                throw damaged("the part \(path) runs past the end of the zip")
            }
            if method == Self.stored, compressedSize != uncompressedSize {
                throw damaged("the part \(path) is stored uncompressed but its two sizes differ")
            }
            parts[key] = Part(
                path: path, method: method, crc32: crc32, compressedSize: compressedSize, uncompressedSize: uncompressedSize,
                dataOffset: dataOffset
            )
            position = next
        }
        self.parts = parts
    }

    /// The error for a zip that is damaged or was not written by Excel, naming what is wrong and what to do.
    static func damaged(_ fileName: String, _ detail: String) -> SpreadsheetError {
        SpreadsheetError(
            .brokenWorkbook, file: fileName, problem: "The workbook is damaged or was not saved by Excel: \(detail).",
            remedy: "Open it in Excel and save it again as .xlsx, then import that; if Excel cannot open it, ask the partner to resend it."
        )
    }

    /// The data of the ZIP64 extended-information field (id 1) among an entry's extra fields.
    private static func zip64Extra(_ extra: ArraySlice<UInt8>) -> Range<Int>? {
        var position = extra.startIndex
        while position + 4 <= extra.endIndex {
            let id = UInt16(extra[position]) | UInt16(extra[position + 1]) << 8
            let length = Int(UInt16(extra[position + 2]) | UInt16(extra[position + 3]) << 8)
            let start = position + 4
            guard start + length <= extra.endIndex else { return nil }
            if id == 1 { return start..<(start + length) }
            position = start + length
        }
        return nil
    }

    private static func uint16(_ bytes: [UInt8], _ offset: Int) -> UInt16 {
        UInt16(bytes[offset]) | UInt16(bytes[offset + 1]) << 8
    }

    private static func uint32(_ bytes: [UInt8], _ offset: Int) -> UInt32 {
        UInt32(uint16(bytes, offset)) | UInt32(uint16(bytes, offset + 2)) << 16
    }

    private static func uint64(_ bytes: [UInt8], _ offset: Int) -> UInt64 {
        UInt64(uint32(bytes, offset)) | UInt64(uint32(bytes, offset + 4)) << 32
    }
}
