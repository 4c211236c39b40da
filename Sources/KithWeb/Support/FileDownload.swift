import Foundation
import Hummingbird
import KithStore
import NIOCore

/// A file made for one download: written by the library that makes it into a folder of its own, read back, sent as
/// an attachment and the folder removed, off the request's threads.
enum FileDownload {
    /// The response carrying the file `write` makes at the URL it is given; the type follows `name`'s extension.
    static func response(named name: String, write: @escaping @Sendable (URL) throws -> Void) async throws -> Response {
        attachment(named: name, data: try await offload { try made(named: name, by: write) })
    }

    /// The same, for a writer that awaits (one that prints through a browser, say).
    static func response(named name: String, writeAwaiting write: @Sendable (URL) async throws -> Void) async throws -> Response {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent(name)
        try await write(file)
        return attachment(named: name, data: try Data(contentsOf: file))
    }

    private static func made(named name: String, by write: (URL) throws -> Void) throws -> Data {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent(name)
        try write(file)
        return try Data(contentsOf: file)
    }

    private static func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kith-download-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    private static func attachment(named name: String, data: Data) -> Response {
        let type =
            switch (name as NSString).pathExtension.lowercased() {
            case "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            case "pdf": "application/pdf"
            case "html": "text/html; charset=utf-8"
            default: "text/csv; charset=utf-8"
            }
        return Response(
            status: .ok, headers: [.contentType: type, .contentDisposition: "attachment; filename=\"\(name)\""],
            body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
