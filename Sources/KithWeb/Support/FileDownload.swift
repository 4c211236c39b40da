import Foundation
import Hummingbird
import KithStore
import NIOCore

/// A file made for one download: written by the library that makes it into a folder of its own, read back, sent as
/// an attachment and the folder removed, all off the request's threads.
enum FileDownload {
    /// The response carrying the file `write` makes at the URL it is given; `name` ends `.csv` or `.xlsx`.
    static func response(named name: String, write: @escaping @Sendable (URL) throws -> Void) async throws -> Response {
        let data = try await offload {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kith-download-" + UUID().uuidString)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let file = folder.appendingPathComponent(name)
            try write(file)
            return try Data(contentsOf: file)
        }
        let type =
            name.hasSuffix(".xlsx")
            ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            : name.hasSuffix(".pdf") ? "application/pdf" : "text/csv; charset=utf-8"
        return Response(
            status: .ok, headers: [.contentType: type, .contentDisposition: "attachment; filename=\"\(name)\""],
            body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
