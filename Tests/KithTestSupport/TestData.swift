import Foundation

/// Files in the repository's `Tests/Data` folder (name vectors, FEBRL lists; see its README), found from this file's
/// own path so that a clone of Kith alone runs every test.
public enum TestData {
    public struct Missing: Error, CustomStringConvertible {
        public var description: String
    }

    /// The `Tests/Data` folder.
    public static let folder: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // KithTestSupport
        .deletingLastPathComponent()  // Tests
        .appendingPathComponent("Data", isDirectory: true)

    /// The URL of `Tests/Data/<relative>`; throws naming the file when it is missing.
    public static func url(_ relative: String) throws -> URL {
        let url = folder.appendingPathComponent(relative)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw Missing(description: "\(url.path) is missing: it is part of the repository (Tests/Data)")
        }
        return url
    }
}
