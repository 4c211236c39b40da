import Foundation

/// A list of values handed to SQLite as one JSON argument, for `IN (SELECT value FROM json_each(?))`: one statement
/// whatever the list's length, with no limit on bound parameters.
enum SQLList {
    static func json(_ values: [String]) -> String {
        let data = (try? JSONEncoder().encode(values)) ?? Data("[]".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
