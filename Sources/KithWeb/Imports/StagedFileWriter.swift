import Foundation
import NIOCore
import KithStore

/// Writes an arriving upload to disk in blocks, off the concurrency pool, and refuses it once it passes the size
/// limit: an upload is never held whole in memory.
final class StagedFileWriter {
    /// The upload passed the size limit; what arrived is deleted.
    struct TooLarge: Error {}

    let url: URL
    let limit: Int
    private(set) var byteCount: Int64 = 0
    private var pending = ByteBuffer()
    private let handle: FileHandle
    /// Bytes gathered before they are written.
    static let blockSize = 1 << 20

    init(url: URL, limit: Int) throws {
        guard FileManager.default.createFile(atPath: url.path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
            throw CocoaError(.fileWriteUnknown)
        }
        self.url = url
        self.limit = limit
        self.handle = try FileHandle(forWritingTo: url)
    }

    deinit {
        try? handle.close()
    }

    /// Adds bytes; throws ``TooLarge`` once more than `limit` have arrived.
    func append(_ buffer: inout ByteBuffer) throws {
        byteCount += Int64(buffer.readableBytes)
        guard byteCount <= limit else { throw TooLarge() }
        pending.writeBuffer(&buffer)
    }

    /// Writes the gathered bytes once there is a block of them.
    func writeIfFull() async throws {
        if pending.readableBytes >= Self.blockSize { try await write() }
    }

    /// Writes what is left and closes the file.
    func finish() async throws {
        try await write()
        try handle.close()
    }

    private func write() async throws {
        guard pending.readableBytes > 0 else { return }
        let data = Data(pending.readableBytesView)
        pending.clear()
        let handle = handle
        try await offload { try handle.write(contentsOf: data) }
    }
}
