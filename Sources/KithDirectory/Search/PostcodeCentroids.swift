import Foundation
import KithSpreadsheet
import KithStandard

/// Where postcodes are: each postcode's centroid, read from a CSV file of `postcode,latitude,longitude` (the file
/// `kith generate` writes beside the directory, or a national file cut to those three columns), for the directory's
/// search by distance.
public struct PostcodeCentroids: Sendable, Equatable {
    /// By postcode in normal form (`E1 6AN`).
    public var points: [String: GeoPoint]
    /// The lines that could not be read, by line number (from 1, the header being line 1).
    public var refusedLines: [Int]

    public init(points: [String: GeoPoint] = [:], refusedLines: [Int] = []) {
        self.points = points
        self.refusedLines = refusedLines
    }

    /// Reads the CSV text: a header naming `postcode`, `latitude` and `longitude` (in any order, other columns
    /// ignored), then a line a postcode. A line whose postcode or coordinates cannot be read is refused.
    public static func read(csv text: String) throws -> PostcodeCentroids {
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map { Self.cells(String($0)) }
        guard let header = lines.first?.map({ $0.lowercased() }),
            let postcode = header.firstIndex(of: "postcode"), let latitude = header.firstIndex(of: "latitude"),
            let longitude = header.firstIndex(of: "longitude")
        else { throw PostcodeCentroidsError.missingColumns }
        lines.removeFirst()
        var centroids = PostcodeCentroids()
        for (offset, cells) in lines.enumerated() {
            if cells.allSatisfy(\.isEmpty) { continue }
            let needed = max(postcode, latitude, longitude)
            guard cells.count > needed, let code = Self.normalised(cells[postcode]), let lat = Double(cells[latitude]),
                let lon = Double(cells[longitude]), (-90...90).contains(lat), (-180...180).contains(lon)
            else {
                centroids.refusedLines.append(offset + 2)
                continue
            }
            centroids.points[code] = GeoPoint(latitude: lat, longitude: lon)
        }
        return centroids
    }

    /// A postcode in normal form (`sw1a1aa` → `SW1A 1AA`), or nil when the standard's reader cannot read it as one.
    public static func normalised(_ text: String) -> String? {
        let reading = PostcodeReader().read(text, context: context)
        return reading.problems.contains { $0.severity == .error } ? nil : reading.normalised
    }

    /// Postcodes are read the same on any date.
    private static let context = ReadingContext(referenceDate: CivilDate(year: 2000, month: 1, day: 1)!, collectsFacts: false)

    /// A CSV line's cells, trimmed, quotes taken off.
    static func cells(_ line: String) -> [String] {
        line.split(separator: ",", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        }
    }
}

/// A centroid file that cannot be read at all.
public enum PostcodeCentroidsError: Error, Equatable, CustomStringConvertible {
    case missingColumns

    public var description: String {
        "The file needs a header naming the columns postcode, latitude and longitude."
    }
}
