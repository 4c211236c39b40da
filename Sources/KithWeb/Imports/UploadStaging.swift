import Foundation
import KithAccess
import KithStandard
import KithStore

/// The folder where uploaded lists wait to be imported, one folder per upload named by its random id, holding the
/// file and its ``StagedUpload`` record. Only the account that uploaded a list finds it; uploads are deleted once
/// imported, cancelled, or a day old.
struct UploadStaging: Sendable {
    let folder: URL

    /// How long an upload may wait before the next upload deletes it.
    static let lifetime: TimeInterval = 24 * 60 * 60
    private static let recordName = "upload.json"
    private static let reportName = "check.json"
    /// Where a file is written while it arrives, before its name is known to be safe.
    static let incomingName = "incoming"
    /// Left beside an upload while Kith reads it, naming the server process that reads it (see ``whileReading``).
    private static let readingName = "reading"
    /// This server process, as it names itself in reading marks: random, so a restarted server is another one.
    private static let thisProcess = SecretToken.make()

    /// The upload's file stopped the server that was reading it: it is not read again.
    struct ReadingStoppedTheServer: Error {}

    /// Runs `body`, which reads the upload's file, with a mark beside the file naming this server process. Should the
    /// file take the server down, the mark outlives it, and the restarted server refuses the upload instead of
    /// reading it again on the next view (and falling again, for every user).
    func whileReading<T: Sendable>(_ upload: StagedUpload, _ body: () async throws -> T) async throws -> T {
        let mark = folder(of: upload.id).appendingPathComponent(Self.readingName)
        if let reader = try? String(contentsOf: mark, encoding: .utf8), reader != Self.thisProcess {
            throw ReadingStoppedTheServer()
        }
        try Data(Self.thisProcess.utf8).write(to: mark, options: .atomic)
        defer { try? FileManager.default.removeItem(at: mark) }
        return try await body()
    }

    /// A new, empty folder for an upload, readable by Kith's own user only.
    func makeFolder(for id: String) throws -> URL {
        let manager = FileManager.default
        try manager.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let uploadFolder = folder.appendingPathComponent(id, isDirectory: true)
        try manager.createDirectory(at: uploadFolder, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        return uploadFolder
    }

    func folder(of id: String) -> URL {
        folder.appendingPathComponent(id, isDirectory: true)
    }

    func file(of upload: StagedUpload) -> URL {
        folder(of: upload.id).appendingPathComponent(upload.fileName)
    }

    /// Saves the upload's record; a Data Checker report made with its earlier choices no longer applies.
    func save(_ upload: StagedUpload) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(upload).write(to: folder(of: upload.id).appendingPathComponent(Self.recordName), options: .atomic)
        try? FileManager.default.removeItem(at: folder(of: upload.id).appendingPathComponent(Self.reportName))
    }

    /// The upload, if it is still waiting and `account` uploaded it; anyone else is told there is no such upload.
    func upload(_ id: String, uploadedBy account: String) throws -> StagedUpload {
        guard Self.isWellFormed(id), let upload = record(in: folder(of: id)), upload.uploadedBy == account else { throw WebError.notFound }
        return upload
    }

    /// The uploads `account` has left waiting, newest first.
    func uploads(by account: String) -> [StagedUpload] {
        let folders = (try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? []
        return folders.compactMap(record(in:)).filter { $0.uploadedBy == account }.sorted { $0.uploadedAt > $1.uploadedAt }
    }

    func delete(_ id: String) {
        guard Self.isWellFormed(id) else { return }
        try? FileManager.default.removeItem(at: folder(of: id))
    }

    /// Deletes uploads older than ``lifetime``, and folders of uploads that never finished arriving.
    func deleteExpired(now: Date = Date()) {
        let manager = FileManager.default
        let keys: [URLResourceKey] = [.contentModificationDateKey]
        let folders = (try? manager.contentsOfDirectory(at: folder, includingPropertiesForKeys: keys)) ?? []
        for uploadFolder in folders where Self.isWellFormed(uploadFolder.lastPathComponent) {
            let uploaded = record(in: uploadFolder).flatMap { Timestamp.date($0.uploadedAt) }
            let touched = try? uploadFolder.resourceValues(forKeys: Set(keys)).contentModificationDate
            guard let since = uploaded ?? touched, now.timeIntervalSince(since) > Self.lifetime else { continue }
            try? manager.removeItem(at: uploadFolder)
        }
    }

    /// The Data Checker's report on the upload with its current choices, if it has been made.
    func report(of upload: StagedUpload) -> CheckReport? {
        guard let data = try? Data(contentsOf: folder(of: upload.id).appendingPathComponent(Self.reportName)) else { return nil }
        return try? JSONDecoder().decode(CheckReport.self, from: data)
    }

    func saveReport(_ report: CheckReport, of upload: StagedUpload) throws {
        try JSONEncoder().encode(report).write(to: folder(of: upload.id).appendingPathComponent(Self.reportName), options: .atomic)
    }

    private func record(in uploadFolder: URL) -> StagedUpload? {
        guard let data = try? Data(contentsOf: uploadFolder.appendingPathComponent(Self.recordName)) else { return nil }
        return try? JSONDecoder().decode(StagedUpload.self, from: data)
    }

    /// Whether an id could be one ``SecretToken`` made: URL-safe base64, so never a path.
    static func isWellFormed(_ id: String) -> Bool {
        let allowed = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)
        return id.utf8.count == 43 && id.utf8.allSatisfy(allowed.contains)
    }

    /// The last part of an uploaded file's name, without folders, control characters or a leading dot; nil when
    /// nothing is left.
    static func safeFileName(_ name: String) -> String? {
        let last = name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        var cleaned = String(last.unicodeScalars.filter { !$0.properties.generalCategory.isControl })
        cleaned = cleaned.trimmingCharacters(in: .whitespaces)
        while cleaned.hasPrefix(".") { cleaned.removeFirst() }
        guard !cleaned.isEmpty, ![Self.recordName, Self.reportName, Self.incomingName, Self.readingName].contains(cleaned) else { return nil }
        guard cleaned.count > 200 else { return cleaned }
        let fileExtension = URL(fileURLWithPath: cleaned).pathExtension
        return String(cleaned.prefix(190)) + (fileExtension.isEmpty ? "" : "." + fileExtension.prefix(8))
    }
}

extension Unicode.GeneralCategory {
    fileprivate var isControl: Bool {
        self == .control || self == .format || self == .lineSeparator || self == .paragraphSeparator
    }
}
