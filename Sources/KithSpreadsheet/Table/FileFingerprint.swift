import Crypto
import Foundation

/// What one pass over a file's bytes tells before any of it is parsed: its SHA-256, its size,
/// its kind, and for text whether it is valid UTF-8.
///
/// The hash identifies the file in the store (the same file imported twice is refused); the
/// UTF-8 check over the whole file decides the encoding, since a single Windows-1252 "é" may sit
/// on the last line. A file of well-formed UTF-8 with a few stray bytes in it (fewer than its
/// well-formed accented characters) is still UTF-8: read as Windows-1252 every "María" in it would
/// become "MarÃ­a". Its stray bytes read as U+FFFD, and the CSV reader says where they are.
public struct FileFingerprint: Sendable, Equatable {
    public var sha256: String
    public var byteCount: Int64
    public var format: SpreadsheetFormat
    /// For text files: the encoding the bytes are in.
    public var encoding: TextEncoding?
    /// The first bytes of the file (up to 64 KiB), for sniffing delimiters.
    public var sample: [UInt8]
    /// For text files: well-formed UTF-8 characters of more than one byte (é, €).
    public var utf8MultibyteCharacters = 0
    /// For text files: places where the bytes are not UTF-8 (a Windows-1252 "é" is one).
    public var invalidUTF8Sequences = 0

    static let sampleSize = 64 * 1024

    /// Reads the whole file once. Throws a ``SpreadsheetError`` for files Kith can tell it cannot read:
    /// empty, encrypted, legacy .xls, UTF-16, binary.
    public static func inspect(_ url: URL, limits: ReadLimits = ReadLimits()) throws -> FileFingerprint {
        let name = url.lastPathComponent
        guard let handle = try? FileHandle(forReadingFrom: url) else {
            throw SpreadsheetError(
                .cannotOpen, file: name, problem: "The file cannot be opened.",
                remedy: "Check the path and that you are allowed to read it."
            )
        }
        defer { try? handle.close() }
        var hasher = SHA256()
        var validator = UTF8Validator()
        var sample: [UInt8] = []
        var byteCount: Int64 = 0
        var controlBytes = 0
        var isCompoundFile = false
        var hasEncryptedPackage = false
        var overlap: [UInt8] = []
        while true {
            let chunk: Data
            do {
                guard let data = try handle.read(upToCount: 1 << 20), !data.isEmpty else { break }
                chunk = data
            } catch {
                throw SpreadsheetError(
                    .cannotOpen, file: name, problem: "The file cannot be read (\(error.localizedDescription)).",
                    remedy: "Check the file is not a folder and is fully copied."
                )
            }
            byteCount += Int64(chunk.count)
            guard byteCount <= limits.maximumFileBytes else {
                throw SpreadsheetError(
                    .tooLarge, file: name, problem: "The file is larger than \(limits.maximumFileBytes >> 20) MiB.",
                    remedy: "Split it into smaller files."
                )
            }
            hasher.update(data: chunk)
            chunk.withUnsafeBytes { raw in
                let bytes = raw.bindMemory(to: UInt8.self)
                if sample.count < sampleSize {
                    let take = min(sampleSize - sample.count, bytes.count)
                    sample.append(contentsOf: bytes[0..<take])
                    controlBytes += bytes[0..<take].reduce(0) { $0 + (Self.isBinaryControl($1) ? 1 : 0) }
                }
                validator.consume(bytes)
                if sample.starts(with: compoundFileSignature) {
                    // An encrypted .xlsx is a compound file with an "EncryptedPackage" stream; its directory may sit anywhere.
                    isCompoundFile = true
                    if !hasEncryptedPackage {
                        let window = overlap + bytes
                        hasEncryptedPackage = containsUTF16(window, "EncryptedPackage") || containsUTF16(window, "EncryptionInfo")
                        overlap = Array(bytes.suffix(64))
                    }
                }
            }
        }
        guard byteCount > 0 else {
            throw SpreadsheetError(
                .emptyFile, file: name, problem: "The file is empty (0 bytes).",
                remedy: "Ask the partner to send the list again."
            )
        }
        let digest = hasher.finalize().map { String($0, radix: 16).leftPadded(to: 2) }.joined()
        if isCompoundFile {
            throw hasEncryptedPackage
                ? SpreadsheetError(
                    .passwordProtected, file: name, problem: "The workbook is password-protected (encrypted).",
                    remedy: "Open it in Excel, remove the password (File > Info > Protect Workbook > Encrypt with Password), save and import again."
                )
                : SpreadsheetError(
                    .legacyWorkbook, file: name, problem: "This is an old-style Excel 97–2003 workbook (.xls).",
                    remedy: "Open it in Excel and save it as an Excel Workbook (.xlsx) or CSV UTF-8, then import that."
                )
        }
        let format = try detectFormat(sample: sample, fileName: name, controlBytes: controlBytes)
        var encoding: TextEncoding?
        if format == .csv {
            encoding = Self.encoding(
                hasByteOrderMark: sample.starts(with: TextEncoding.byteOrderMark), multibyteCharacters: validator.multibyteCharacters,
                invalidSequences: validator.invalidSequencesAtEnd
            )
        }
        var fingerprint = FileFingerprint(sha256: digest, byteCount: byteCount, format: format, encoding: encoding, sample: sample)
        if format == .csv {
            fingerprint.utf8MultibyteCharacters = validator.multibyteCharacters
            fingerprint.invalidUTF8Sequences = validator.invalidSequencesAtEnd
        }
        return fingerprint
    }

    /// UTF-8 with a byte-order mark; UTF-8 when the bytes are, or when its well-formed characters outnumber the stray
    /// bytes; otherwise Windows-1252, as Excel's plain "CSV" on a UK PC writes, where every accented letter is one byte
    /// that is not UTF-8.
    static func encoding(hasByteOrderMark: Bool, multibyteCharacters: Int, invalidSequences: Int) -> TextEncoding {
        if hasByteOrderMark { return .utf8WithBOM }
        return invalidSequences < max(1, multibyteCharacters) ? .utf8 : .windows1252
    }

    private static let compoundFileSignature: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]

    private static func isBinaryControl(_ byte: UInt8) -> Bool {
        byte < 0x09 || (byte > 0x0D && byte < 0x20 && byte != 0x1A)
    }

    private static func detectFormat(sample: [UInt8], fileName: String, controlBytes: Int) throws -> SpreadsheetFormat {
        if sample.starts(with: [0x50, 0x4B, 0x03, 0x04]) || sample.starts(with: [0x50, 0x4B, 0x05, 0x06]) {
            return .xlsx
        }
        if sample.starts(with: [0xFF, 0xFE]) || sample.starts(with: [0xFE, 0xFF]) {
            throw SpreadsheetError(
                .unsupportedEncoding, file: fileName, problem: "The file is UTF-16 text (Excel's \"Unicode Text\").",
                remedy: "Save it from Excel as \"CSV UTF-8 (Comma delimited)\" and import that."
            )
        }
        if fileName.lowercased().hasSuffix(".xlsx") || fileName.lowercased().hasSuffix(".xlsm") {
            throw SpreadsheetError(
                .brokenWorkbook, file: fileName, problem: "The file is named .xlsx but is not an Excel workbook.",
                remedy: "Open it in Excel to check it, save it again as .xlsx and import that."
            )
        }
        if sample.contains(0) || controlBytes * 100 > sample.count {
            throw SpreadsheetError(
                .notASpreadsheet, file: fileName, problem: "The file is not text or a workbook (it holds binary data).",
                remedy: "Import a CSV or an Excel .xlsx file."
            )
        }
        return .csv
    }

    private static func containsUTF16(_ bytes: [UInt8], _ text: String) -> Bool {
        var needle: [UInt8] = []
        for byte in text.utf8 {
            needle.append(byte)
            needle.append(0)
        }
        guard bytes.count >= needle.count else { return false }
        for start in 0...(bytes.count - needle.count) where bytes[start] == needle[0] {
            if bytes[start..<(start + needle.count)].elementsEqual(needle) { return true }
        }
        return false
    }
}
