import Foundation
import KithOutreach
import KithStore

/// Brings the kept person profiles up to date after a command changed what they are made from (an import, a link
/// run), so that the next contact list, score or person page need not, and says how many it rebuilt.
enum ProfileRefresh {
    static func run(_ database: KithDatabase) throws {
        let started = Date()
        let rebuilt = try ProfileTable(database: database).refresh()
        guard rebuilt > 0 else { return }
        print(String(format: "Brought %@ kept profiles up to date in %.1f s.", rebuilt.formatted(), Date().timeIntervalSince(started)))
    }
}
