import Foundation
import ZIPFoundation

/// A workbook's zip opened with guards: a bounded number of entries, bounded expansion, no DTDs, and nothing a
/// damaged or hand-made zip could make Kith read differently from Excel.
///
/// The central directory is read and checked by ``ZipDirectory`` (each part once, stored or deflated, its own header
/// agreeing with the directory). Every part is inflated with ZIPFoundation's inflater from exactly its own bytes,
/// through a counting consumer, so a zip bomb is stopped by what it actually expands to, not by the sizes its headers
/// claim; and each part must then come to its stated size and checksum (CRC-32), or the file is refused as damaged.
final class XLSXPackage {
    let url: URL
    let limits: ReadLimits
    private let directory: ZipDirectory
    private var expandedBytes: Int64 = 0
    private var fileName: String { url.lastPathComponent }

    /// How much of a part's compressed bytes is read at a time.
    static let chunkSize = 256 * 1024

    init(url: URL, limits: ReadLimits) throws {
        self.url = url
        self.limits = limits
        directory = try ZipDirectory(url: url, limits: limits)
        guard directory.parts["[content_types].xml"] != nil else {
            throw SpreadsheetError(
                .brokenWorkbook, file: url.lastPathComponent, problem: "The file is a zip archive but not an Excel workbook.",
                remedy: "Import a .xlsx saved by Excel or LibreOffice, or a CSV file."
            )
        }
    }

    func contains(_ path: String) -> Bool {
        directory.parts[Self.normalise(path)] != nil
    }

    /// Reads a small part (workbook, relationships, styles) into memory; nil when the part is absent.
    func data(of path: String, maximumBytes: Int = 64 << 20) throws -> Data? {
        guard let part = directory.parts[Self.normalise(path)] else { return nil }
        var data = Data()
        try extract(part, maximumBytes: Int64(maximumBytes)) { data.append($0) }
        return data
    }

    /// Inflates a part into a file, for parts that may be large (sheets, shared strings).
    func extract(_ path: String, to destination: URL) throws -> Bool {
        guard let part = directory.parts[Self.normalise(path)] else { return false }
        guard FileManager.default.createFile(atPath: destination.path, contents: nil),
            let handle = try? FileHandle(forWritingTo: destination)
        else {
            throw SpreadsheetError(
                .cannotOpen, file: fileName, problem: "There is no room to unpack the workbook in the temporary folder.",
                remedy: "Free some disk space and try again."
            )
        }
        defer { try? handle.close() }
        try extract(part, maximumBytes: limits.maximumUncompressedBytes) { try handle.write(contentsOf: $0) }
        return true
    }

    /// Stands for "the part's compressed bytes ran out before its deflate stream ended".
    private struct PartEndedEarly: Error {}

    private func extract(_ part: ZipDirectory.Part, maximumBytes: Int64, consumer: (Data) throws -> Void) throws {
        let path = part.path
        // The sizes a zip declares are checked first, so that an honest bomb is refused without inflating a byte;
        // the counts below catch one whose headers lie.
        let declared = Int64(clamping: part.uncompressedSize)
        let compressed = max(Int64(clamping: part.compressedSize), 1)
        if declared > maximumBytes || declared > limits.maximumUncompressedBytes - expandedBytes
            || (declared > 1 << 20 && declared / compressed > limits.maximumCompressionRatio)
        {
            throw SpreadsheetError(
                .zipBomb, file: fileName,
                problem: "The part \(path) would expand to \(declared >> 20) MiB from \(part.compressedSize >> 10) KiB (a \"zip bomb\").",
                remedy: "Do not open it; ask the partner where it came from."
            )
        }
        var written: Int64 = 0
        var checksum: UInt32 = 0
        var checkedProlog = false
        func take(_ chunk: Data) throws {
            written += Int64(chunk.count)
            expandedBytes += Int64(chunk.count)
            if written > declared || written > maximumBytes || expandedBytes > limits.maximumUncompressedBytes
                || (written > 1 << 20 && written / compressed > limits.maximumCompressionRatio)
            {
                throw SpreadsheetError(
                    .zipBomb, file: fileName,
                    problem:
                        "The part \(path) expands far beyond \(written > declared ? "the size its zip header states" : "its compressed size") (a \"zip bomb\"); reading stopped at \(written >> 20) MiB.",
                    remedy: "Do not open it; ask the partner where it came from."
                )
            }
            if !checkedProlog {
                checkedProlog = true
                try Self.refuseDocumentTypeDeclarations(in: chunk, path: path, fileName: fileName)
            }
            checksum = chunk.crc32(checksum: checksum)
            try consumer(chunk)
        }
        do {
            let input = try FileHandle(forReadingFrom: url)
            defer { try? input.close() }
            try input.seek(toOffset: part.dataOffset)
            var remaining = part.compressedSize
            // Hands the inflater the part's own bytes and never more: ZIPFoundation's reads run on into the next part
            // and spin at the end of the file when a stream never ends.
            func read(_ requested: Int) throws -> Data {
                guard requested > 0 else { return Data() }
                guard remaining > 0 else { throw PartEndedEarly() }
                let count = Int(min(UInt64(requested), remaining))
                guard var chunk = try input.read(upToCount: count), chunk.count == count else { throw PartEndedEarly() }
                remaining -= UInt64(count)
                // zlib on Linux is told every chunk is as long as asked for; the padding is never reached by a stream that ends.
                if chunk.count < requested { chunk.append(Data(count: requested - chunk.count)) }
                return chunk
            }
            if part.method == ZipDirectory.stored {
                while remaining > 0 { try take(try read(Int(min(UInt64(Self.chunkSize), remaining)))) }
            } else {
                _ = try Data.decompress(
                    size: Int64(clamping: part.compressedSize), bufferSize: Self.chunkSize, skipCRC32: true,
                    provider: { _, requested in try read(requested) }, consumer: take
                )
            }
        } catch let error as SpreadsheetError {
            throw error
        } catch is PartEndedEarly {
            throw ZipDirectory.damaged(fileName, "the part \(path) ends before its compressed data does")
        } catch {
            throw ZipDirectory.damaged(fileName, "the part \(path) cannot be unpacked (its compressed data is damaged)")
        }
        guard written == declared else {
            throw ZipDirectory.damaged(fileName, "the part \(path) is shorter than its zip header states")
        }
        guard checksum == part.crc32 else {
            throw ZipDirectory.damaged(fileName, "the part \(path) does not match its checksum (CRC-32), so its contents are damaged")
        }
    }

    /// Workbook parts never carry a DTD; one that does is trying entity expansion ("billion laughs") or external entities.
    private static func refuseDocumentTypeDeclarations(in chunk: Data, path: String, fileName: String) throws {
        let prolog = chunk.prefix(64 * 1024)
        for marker in ["<!DOCTYPE", "<!ENTITY"] where prolog.range(of: Data(marker.utf8)) != nil {
            throw SpreadsheetError(
                .unsafeXML, file: fileName,
                problem: "The part \(path) declares a DTD or entities, which no real workbook does (a sign of an XML entity-expansion attack).",
                remedy: "Do not open it; ask the partner where it came from."
            )
        }
    }

    /// Zip paths compared without a leading slash and case-insensitively, as Excel does.
    static func normalise(_ path: String) -> String {
        var path = path
        while path.hasPrefix("/") { path.removeFirst() }
        return path.lowercased()
    }

    /// Resolves a relationship target against the folder of the part that names it.
    static func resolve(_ target: String, relativeTo folder: String) -> String {
        if target.hasPrefix("/") { return String(target.dropFirst()) }
        var parts = folder.split(separator: "/").map(String.init)
        for piece in target.split(separator: "/") {
            if piece == ".." {
                if !parts.isEmpty { parts.removeLast() }
            } else if piece != "." {
                parts.append(String(piece))
            }
        }
        return parts.joined(separator: "/")
    }
}
