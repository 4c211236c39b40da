import Foundation

/// A folder under the system's temporary directory, removed when the value goes away.
public final class TemporaryFolder: Sendable {
    public let url: URL

    public init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("kith-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    /// Writes bytes to a file in the folder and returns its URL.
    public func file(_ name: String, bytes: [UInt8]) throws -> URL {
        let file = url.appendingPathComponent(name)
        try Data(bytes).write(to: file)
        return file
    }

    public func file(_ name: String, text: String) throws -> URL {
        try file(name, bytes: Array(text.utf8))
    }

    public func path(_ name: String) -> URL {
        url.appendingPathComponent(name)
    }
}
