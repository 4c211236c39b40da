import Foundation
import KithDirectory
import KithStore

/// Stores postcode centroids from a CSV file of `postcode,latitude,longitude` (what `kith generate` writes beside
/// the directory, or a national file cut to those columns), so that the directory can measure distances from a
/// postcode. Reference data about places, not people: nothing is audited.
public struct PostcodeCentroidImporter: Sendable {
    public let repository: any DirectoryRepository

    public init(repository: any DirectoryRepository) {
        self.repository = repository
    }

    public init(database: any Store) {
        self.init(repository: database.directory)
    }

    /// What one load stored and refused.
    public struct Summary: Sendable, Equatable {
        public var stored: Int
        /// The lines that could not be read (from 1, the header being line 1).
        public var refusedLines: [Int]

        public var text: String {
            var text = "Stored \(stored) postcode centroid\(stored == 1 ? "" : "s")."
            if !refusedLines.isEmpty {
                let shown = refusedLines.prefix(10).map(String.init).joined(separator: ", ")
                text += " Refused \(refusedLines.count) line\(refusedLines.count == 1 ? "" : "s") without a postcode and coordinates: \(shown)"
                text += refusedLines.count > 10 ? ", …" : "."
            }
            return text
        }
    }

    /// Reads the file and stores every centroid it can read, in one transaction. Throws when the file cannot be
    /// read or has no postcode, latitude and longitude columns (nothing is stored).
    public func run(file: URL) throws -> Summary {
        let centroids = try PostcodeCentroids.read(csv: try String(contentsOf: file, encoding: .utf8))
        let records = centroids.points.sorted { $0.key < $1.key }.map {
            PostcodeCentroidRecord(postcode: $0.key, latitude: $0.value.latitude, longitude: $0.value.longitude)
        }
        let stored = records.isEmpty ? 0 : try repository.storePostcodeCentroids(records)
        return Summary(stored: stored, refusedLines: centroids.refusedLines)
    }
}
