import Foundation
import ZIPFoundation

/// A workbook's zip opened with guards: a bounded number of entries, bounded expansion, no DTDs.
///
/// Every part is inflated through a counting consumer, so a zip bomb is stopped by what it actually
/// expands to, not by the sizes its headers claim.
final class XLSXPackage {
    let url: URL
    let limits: ReadLimits
    private let archive: Archive
    private var entriesByPath: [String: Entry] = [:]
    private var expandedBytes: Int64 = 0
    private var fileName: String { url.lastPathComponent }

    init(url: URL, limits: ReadLimits) throws {
        self.url = url
        self.limits = limits
        let name = url.lastPathComponent
        do {
            archive = try Archive(url: url, accessMode: .read)
        } catch {
            throw SpreadsheetError(
                .brokenWorkbook, file: name, problem: "The workbook is damaged or incomplete (its zip cannot be read).",
                remedy: "Open it in Excel; if it opens, save it again as .xlsx and import that, otherwise ask the partner to resend it."
            )
        }
        var count = 0
        for entry in archive {
            count += 1
            guard count <= limits.maximumZipEntries else {
                throw SpreadsheetError(
                    .zipBomb, file: name,
                    problem: "The workbook's zip holds more than \(limits.maximumZipEntries) entries, far more than any real workbook.",
                    remedy: "Do not open it; ask the partner where it came from."
                )
            }
            entriesByPath[Self.normalise(entry.path)] = entry
        }
        guard entriesByPath["[content_types].xml"] != nil else {
            throw SpreadsheetError(
                .brokenWorkbook, file: name, problem: "The file is a zip archive but not an Excel workbook.",
                remedy: "Import a .xlsx saved by Excel or LibreOffice, or a CSV file."
            )
        }
    }

    func contains(_ path: String) -> Bool {
        entriesByPath[Self.normalise(path)] != nil
    }

    /// Reads a small part (workbook, relationships, styles) into memory; nil when the part is absent.
    func data(of path: String, maximumBytes: Int = 64 << 20) throws -> Data? {
        guard let entry = entriesByPath[Self.normalise(path)] else { return nil }
        var data = Data()
        try extract(entry, path: path, maximumBytes: Int64(maximumBytes)) { data.append($0) }
        return data
    }

    /// Inflates a part into a file, for parts that may be large (sheets, shared strings).
    func extract(_ path: String, to destination: URL) throws -> Bool {
        guard let entry = entriesByPath[Self.normalise(path)] else { return false }
        guard FileManager.default.createFile(atPath: destination.path, contents: nil),
            let handle = try? FileHandle(forWritingTo: destination)
        else {
            throw SpreadsheetError(
                .cannotOpen, file: fileName, problem: "There is no room to unpack the workbook in the temporary folder.",
                remedy: "Free some disk space and try again."
            )
        }
        defer { try? handle.close() }
        try extract(entry, path: path, maximumBytes: limits.maximumUncompressedBytes) { try handle.write(contentsOf: $0) }
        return true
    }

    private func extract(_ entry: Entry, path: String, maximumBytes: Int64, consumer: (Data) throws -> Void) throws {
        // The sizes a zip declares are checked first, so that an honest bomb is refused without inflating a byte;
        // the counts below catch one whose headers lie.
        let declared = Int64(clamping: entry.uncompressedSize)
        if declared > maximumBytes || declared > limits.maximumUncompressedBytes - expandedBytes
            || (declared > 1 << 20 && declared / max(Int64(clamping: entry.compressedSize), 1) > limits.maximumCompressionRatio)
        {
            throw SpreadsheetError(
                .zipBomb, file: fileName,
                problem: "The part \(path) would expand to \(declared >> 20) MiB from \(entry.compressedSize >> 10) KiB (a \"zip bomb\").",
                remedy: "Do not open it; ask the partner where it came from."
            )
        }
        var written: Int64 = 0
        var checkedProlog = false
        let compressed = max(Int64(entry.compressedSize), 1)
        do {
            _ = try archive.extract(entry, bufferSize: 256 * 1024, skipCRC32: false) { chunk in
                written += Int64(chunk.count)
                expandedBytes += Int64(chunk.count)
                if written > maximumBytes || expandedBytes > limits.maximumUncompressedBytes
                    || (written > 1 << 20 && written / compressed > limits.maximumCompressionRatio)
                {
                    throw SpreadsheetError(
                        .zipBomb, file: fileName,
                        problem: "The part \(path) expands far beyond its compressed size (a \"zip bomb\"); reading stopped at \(written >> 20) MiB.",
                        remedy: "Do not open it; ask the partner where it came from."
                    )
                }
                if !checkedProlog {
                    checkedProlog = true
                    try Self.refuseDocumentTypeDeclarations(in: chunk, path: path, fileName: fileName)
                }
                try consumer(chunk)
            }
        } catch let error as SpreadsheetError {
            throw error
        } catch {
            throw SpreadsheetError(
                .brokenWorkbook, file: fileName, problem: "The part \(path) of the workbook is damaged (\(error)).",
                remedy: "Open it in Excel; if it opens, save it again as .xlsx and import that, otherwise ask the partner to resend it."
            )
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
