import Foundation
import KithSpreadsheet

/// Reads a whole file through Kith's readers, for assertions.
enum TableRows {
    static func csv(_ url: URL, limits: ReadLimits = ReadLimits()) throws -> [SheetRow] {
        let fingerprint = try FileFingerprint.inspect(url, limits: limits)
        var rows: [SheetRow] = []
        try CSVReader(url: url, fingerprint: fingerprint, limits: limits).forEachRow { rows.append($0) }
        return rows
    }

    static func xlsx(_ url: URL, sheet: String? = nil, limits: ReadLimits = ReadLimits()) throws -> [SheetRow] {
        let reader = try XLSXReader(url: url, limits: limits)
        let name = try reader.resolveSheet(named: sheet)
        var rows: [SheetRow] = []
        try reader.forEachRow(inSheet: name) { rows.append($0) }
        return rows
    }

    /// The layout and data rows of a table, through ``TableReader``.
    static func table(_ url: URL, sheet: String? = nil, limits: ReadLimits = ReadLimits()) throws -> (TableLayout, [SheetRow], TableStatistics) {
        let reader = try TableReader(url: url, limits: limits)
        var layout: TableLayout?
        var rows: [SheetRow] = []
        let statistics = try reader.read(sheet: sheet) {
            layout = $0
        } onRow: {
            rows.append($0)
        }
        return (layout!, rows, statistics)
    }
}
