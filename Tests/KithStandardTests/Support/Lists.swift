import Foundation
import KithSpreadsheet
import KithTestSupport

@testable import KithStandard

/// Builds small partner lists on disk and runs the Data Checker on them, as of 16 November 2026.
enum Lists {
    static let asOf = CivilDate(year: 2026, month: 11, day: 16)!

    static func csv(_ rows: [[String]], in folder: TemporaryFolder, name: String = "list.csv") throws -> URL {
        let url = folder.path(name)
        let writer = try CSVWriter(url: url)
        for row in rows { try writer.appendRow(row) }
        try writer.finish()
        return url
    }

    static func check(_ url: URL, mapping: ColumnMapping? = nil) throws -> CheckReport {
        try DataChecker.check(TableReader(url: url), sheet: nil, mapping: mapping, referenceDate: asOf)
    }

    static func suggestions(_ url: URL) throws -> [ColumnSuggestion] {
        try TableReader(url: url).readTaggedSample(sheet: nil, mapping: nil, tagger: Tagger(referenceDate: asOf))?.tagging.suggestions ?? []
    }
}

extension CheckReport {
    /// The findings of one check, as (row, column) pairs.
    func places(of check: String) -> [(row: Int?, column: String?)] {
        findings.filter { $0.check == check }.map { ($0.row, $0.column) }
    }

    func rows(of check: String) -> [Int] {
        findings.filter { $0.check == check }.compactMap(\.row)
    }
}
