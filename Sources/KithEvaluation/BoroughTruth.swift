import Foundation
import KithSpreadsheet

/// The true person of every list row of a generated borough (`truth/records.csv`), to score a linkage against.
/// Only generated boroughs have one; real lists never do.
public struct BoroughTruth: Sendable {
    /// True person ids by `file:row_number` (file as in `lists/`, e.g. `nhs-shielding-list.csv:2`).
    public var personByRow: [String: String]
    public var householdByRow: [String: String]

    public init(directory: URL) throws {
        let reader = try TableReader(url: directory.appendingPathComponent("truth/records.csv"))
        var people: [String: String] = [:]
        var households: [String: String] = [:]
        var columns: [String: Int] = [:]
        try reader.read(sheet: nil) { layout in
            for (index, name) in layout.columnNames.enumerated() { columns[name] = index }
        } onRow: { row in
            guard let file = columns["file"], let number = columns["row_number"], let person = columns["person_id"],
                let household = columns["household_id"], row.cells.count > max(file, number, person, household)
            else { return }
            let name = URL(fileURLWithPath: row.cells[file]).lastPathComponent
            let key = name + ":" + row.cells[number]
            people[key] = row.cells[person]
            households[key] = row.cells[household]
        }
        personByRow = people
        householdByRow = households
    }

    /// The key a list row has here.
    public static func key(fileName: String, rowNumber: Int) -> String {
        fileName + ":" + String(rowNumber)
    }
}
