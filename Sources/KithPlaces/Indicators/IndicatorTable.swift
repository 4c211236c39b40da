import Foundation

/// An indicator table as a council analyst or a partner sends it, read into indicators and their figures by area,
/// with every problem named by row and column.
///
/// Two layouts are read, told apart by their headers:
/// - **long**: one row per area and indicator, with columns for the area's code, the indicator, its value and
///   optionally its denominator (`area_code, indicator, value, denominator`), and optionally the indicator's
///   metadata on each row (`name, domain, source, date, unit, higher_is_more_need`);
/// - **wide**: one row per area, a column of area codes and one column per indicator (`area_code, area_name,
///   population, claimant_count, …`).
///
/// What each indicator is comes from a metadata table (`id, name, domain, source, date, unit, denominator,
/// higher_is_more_need`) or the long table's own columns. An indicator whose denominator is another indicator
/// (`population`, `households`) gets that indicator's value for the same area as its denominator.
public struct IndicatorTable: Sendable {
    /// A row as read from the file: its number as the spreadsheet shows it, and its cells.
    public struct Row: Sendable, Equatable {
        public var number: Int
        public var cells: [String]

        public init(number: Int, cells: [String]) {
            self.number = number
            self.cells = cells
        }
    }

    /// One problem, by row and column.
    public struct Finding: Sendable, Equatable, CustomStringConvertible {
        public enum Severity: String, Sendable { case error, warning }
        public var severity: Severity
        public var row: Int?
        /// The column letter, `C`.
        public var column: String?
        public var message: String

        public var description: String {
            var place: [String] = []
            if let row { place.append("row \(row)") }
            if let column { place.append("column \(column)") }
            return (place.isEmpty ? "" : place.joined(separator: ", ") + ": ") + message
        }
    }

    public enum Layout: String, Sendable { case long, wide }

    public var layout: Layout
    public var indicators: [Indicator]
    /// Each indicator's figures by area, keyed by indicator id.
    public var values: [String: [IndicatorValue]]
    public var findings: [Finding]

    /// Whether anything stops the table being stored.
    public var hasErrors: Bool { findings.contains { $0.severity == .error } }

    /// Reads a table.
    /// - Parameters:
    ///   - header: the column names.
    ///   - metadata: the metadata table's header and rows, when there is one (a second sheet or file).
    ///   - knownIndicators: indicators already stored, whose metadata a table may leave out.
    ///   - knownDenominators: stored figures of indicators other tables' denominators name, by id then area.
    ///   - knownAreas: the codes of the areas loaded; a code not among them is reported (when not empty).
    public init(
        header: [String], rows: [Row], metadata: (header: [String], rows: [Row])? = nil, knownIndicators: [Indicator] = [],
        knownDenominators: [String: [String: Double]] = [:], knownAreas: Set<String> = []
    ) {
        var findings: [Finding] = []
        let columns = header.map { Self.key($0) }
        func column(_ names: [String]) -> Int? { columns.firstIndex { names.contains($0) } }
        let areaColumn = column(Self.areaNames) ?? columns.firstIndex { $0.hasSuffix("cd") }
        let indicatorColumn = column(["indicator", "indicator_id", "indicatorid", "measure", "indicator_code"])
        let valueColumn = column(["value", "count", "numerator", "figure"])
        var metadataByID: [String: Indicator] = Dictionary(knownIndicators.map { ($0.id, $0) }, uniquingKeysWith: { $1 })
        if let metadata {
            let (read, problems) = Self.metadata(header: metadata.header, rows: metadata.rows)
            findings += problems
            for indicator in read { metadataByID[indicator.id] = indicator }
        }
        var values: [String: [IndicatorValue]] = [:]
        var order: [String] = []
        guard let areaColumn else {
            self.layout = indicatorColumn == nil ? .wide : .long
            self.indicators = []
            self.values = [:]
            self.findings =
                findings + [
                    Finding(
                        severity: .error, row: nil, column: nil,
                        message: "No column of area codes: name one area_code (or LSOA21CD, ward_code…) and give each area's code in it.")
                ]
            return
        }
        var seenPairs: [String: Int] = [:]
        func note(_ severity: Finding.Severity, _ row: Int, _ column: Int?, _ message: String) {
            findings.append(Finding(severity: severity, row: row, column: column.map(Self.letter), message: message))
        }
        func checkArea(_ code: String, row: Row) -> Bool {
            if code.isEmpty {
                note(.error, row.number, areaColumn, "No area code. Give the area's code, or delete the row.")
                return false
            }
            if !knownAreas.isEmpty, !knownAreas.contains(code) {
                note(.warning, row.number, areaColumn, "Area \(code) is not among the areas loaded; its figures are kept but not mapped.")
            }
            return true
        }

        if let indicatorColumn, let valueColumn {
            layout = .long
            let denominatorColumn = column(["denominator", "base", "population_base"])
            var inline = Self.inlineMetadataColumns(columns)
            // In a long table the denominator column holds figures; what they count is named by `denominator_id`.
            if inline.denominator == denominatorColumn { inline.denominator = column(["denominator_id", "per"]) }
            for row in rows {
                let code = Self.cell(row, areaColumn)
                guard checkArea(code, row: row) else { continue }
                let id = Self.identifier(Self.cell(row, indicatorColumn))
                guard !id.isEmpty else {
                    note(.error, row.number, indicatorColumn, "No indicator. Say which indicator the value is for.")
                    continue
                }
                if let earlier = seenPairs[id + "\u{1}" + code] {
                    note(.error, row.number, areaColumn, "Area \(code) has a second value for \(id) (the first is on row \(earlier)). Keep one.")
                    continue
                }
                seenPairs[id + "\u{1}" + code] = row.number
                if metadataByID[id] == nil, let indicator = Self.inlineIndicator(id: id, row: row, columns: inline) {
                    metadataByID[id] = indicator
                }
                let value = Self.number(Self.cell(row, valueColumn), row: row, column: valueColumn, note: note)
                let denominator = denominatorColumn.flatMap { Self.number(Self.cell(row, $0), row: row, column: $0, note: note) }
                if values[id] == nil { order.append(id) }
                values[id, default: []].append(IndicatorValue(area: code, value: value, denominator: denominator))
            }
        } else {
            layout = .wide
            let skipped = Set([areaColumn] + (column(["area_name", "areaname", "name", "area"]).map { [$0] } ?? []))
            let indicatorColumns = columns.indices.filter { !skipped.contains($0) && !columns[$0].hasSuffix("nm") && !columns[$0].isEmpty }
            var seenAreas: [String: Int] = [:]
            for row in rows {
                let code = Self.cell(row, areaColumn)
                guard checkArea(code, row: row) else { continue }
                if let earlier = seenAreas[code] {
                    note(.error, row.number, areaColumn, "Area \(code) appears twice (first on row \(earlier)). Keep one row an area.")
                    continue
                }
                seenAreas[code] = row.number
                for index in indicatorColumns {
                    let id = Self.identifier(header[index])
                    let value = Self.number(Self.cell(row, index), row: row, column: index, note: note)
                    if values[id] == nil { order.append(id) }
                    values[id, default: []].append(IndicatorValue(area: code, value: value))
                }
            }
        }

        // Each indicator must be known; denominators named by id are filled from the same area's figure.
        var indicators: [Indicator] = []
        let ownValues = values.mapValues { Dictionary($0.compactMap { v in v.value.map { (v.area, $0) } }, uniquingKeysWith: { a, _ in a }) }
        for id in order {
            guard let indicator = metadataByID[id] else {
                findings.append(
                    Finding(
                        severity: .error, row: nil, column: nil,
                        message:
                            "Indicator \(id) has no metadata. Add a row for it to the metadata table (id, name, domain, source, date, unit, denominator, higher_is_more_need)."
                    ))
                continue
            }
            indicators.append(indicator)
            guard let denominator = indicator.denominator.map(Self.identifier), let base = ownValues[denominator] ?? knownDenominators[denominator]
            else {
                if let denominator = indicator.denominator, metadataByID[Self.identifier(denominator)] != nil,
                    values[id]?.contains(where: { $0.denominator == nil }) == true
                {
                    findings.append(
                        Finding(
                            severity: .warning, row: nil, column: nil,
                            message: "Indicator \(id) is per \(denominator), which has no figures yet: load \(denominator) first, then this table."))
                }
                continue
            }
            values[id] = values[id]!.map { value in
                var value = value
                if value.denominator == nil { value.denominator = base[value.area] }
                if let count = value.value, let of = value.denominator, count > of * 1.000001, indicator.unit != "rate" {
                    findings.append(
                        Finding(
                            severity: .warning, row: nil, column: nil,
                            message: "Area \(value.area): \(id) is \(Self.plain(count)), more than its \(denominator) (\(Self.plain(of)))."))
                }
                return value
            }
        }
        self.indicators = indicators
        self.values = values.filter { id, _ in indicators.contains { $0.id == id } }
        self.findings = findings
    }

    /// Reads a metadata table: `id, name, domain, source, date, unit, denominator, higher_is_more_need`.
    static func metadata(header: [String], rows: [Row]) -> ([Indicator], [Finding]) {
        let columns = header.map { key($0) }
        func column(_ names: [String]) -> Int? { columns.firstIndex { names.contains($0) } }
        guard let idColumn = column(["id", "indicator", "indicator_id", "code"]) else {
            return ([], [Finding(severity: .error, row: nil, column: nil, message: "The metadata table has no id column naming each indicator.")])
        }
        let inline = inlineMetadataColumns(columns)
        var indicators: [Indicator] = []
        var findings: [Finding] = []
        for row in rows {
            let id = identifier(cell(row, idColumn))
            guard !id.isEmpty else { continue }
            guard let indicator = inlineIndicator(id: id, row: row, columns: inline) else {
                findings.append(
                    Finding(
                        severity: .error, row: row.number, column: inline.domain.map(letter),
                        message: "Indicator \(id) has no domain. Say which domain of need it belongs to (Income, Health…)."))
                continue
            }
            if let text = inline.higher.map({ cell(row, $0) }), !text.isEmpty, flag(text) == nil {
                findings.append(
                    Finding(
                        severity: .error, row: row.number, column: inline.higher.map(letter),
                        message: "“\(text)” is not yes or no. Say whether a higher value means more need."))
            }
            indicators.append(indicator)
        }
        return (indicators, findings)
    }

    private struct InlineColumns {
        var name: Int?
        var domain: Int?
        var source: Int?
        var date: Int?
        var unit: Int?
        var denominator: Int?
        var higher: Int?
    }

    private static func inlineMetadataColumns(_ columns: [String]) -> InlineColumns {
        func column(_ names: [String]) -> Int? { columns.firstIndex { names.contains($0) } }
        return InlineColumns(
            name: column(["name", "indicator_name", "title"]), domain: column(["domain", "theme"]), source: column(["source", "publisher"]),
            date: column(["date", "period", "time_period"]), unit: column(["unit", "units"]),
            denominator: column(["denominator", "per", "denominator_id"]),
            higher: column(["higher_is_more_need", "higher_is_worse", "higher_means_more_need", "polarity"]))
    }

    private static func inlineIndicator(id: String, row: Row, columns: InlineColumns) -> Indicator? {
        func text(_ column: Int?) -> String? {
            guard let column else { return nil }
            let value = cell(row, column)
            return value.isEmpty ? nil : value
        }
        guard let domain = text(columns.domain) else { return nil }
        let higher = text(columns.higher).flatMap(flag) ?? (domain.lowercased() != "population")
        return Indicator(
            id: id, name: text(columns.name) ?? id, domain: domain, source: text(columns.source), date: text(columns.date),
            unit: text(columns.unit), denominator: text(columns.denominator).map(identifier), higherIsMoreNeed: higher)
    }

    /// `yes`, `true`, `1`, `higher is worse` → true; `no`, `false`, `0`, `lower is worse` → false.
    static func flag(_ text: String) -> Bool? {
        switch text.trimmingCharacters(in: .whitespaces).lowercased() {
        case "yes", "y", "true", "1", "higher is worse", "high is bad", "+": true
        case "no", "n", "false", "0", "lower is worse", "high is good", "-": false
        default: nil
        }
    }

    static let areaNames = [
        "area_code", "areacode", "area", "code", "geography_code", "geographycode", "lsoa_code", "lsoa21cd", "lsoa11cd", "ward_code",
        "neighbourhood_code", "neighbourhood", "area_id",
    ]

    /// A header as compared: lower case, spaces and dashes as underscores.
    static func key(_ header: String) -> String {
        header.trimmingCharacters(in: .whitespacesAndNewlines).lowercased().map { $0 == " " || $0 == "-" ? "_" : $0 }.reduce(into: "") {
            $0.append($1)
        }
    }

    /// An indicator id as stored: the header's key.
    static func identifier(_ text: String) -> String { key(text) }

    private static func cell(_ row: Row, _ column: Int) -> String {
        column < row.cells.count ? row.cells[column].trimmingCharacters(in: .whitespacesAndNewlines) : ""
    }

    /// A figure: `1,234`, `12.5%` (as 12.5), `£3`; blank and the statistical suppression marks (`c`, `x`, `*`, `..`,
    /// `-`) are missing values, not errors.
    private static func number(_ text: String, row: Row, column: Int, note: (Finding.Severity, Int, Int?, String) -> Void) -> Double? {
        if text.isEmpty || ["c", "x", "*", "..", "-", "n/a", "na", ":", "[c]", "[x]", "[low]"].contains(text.lowercased()) { return nil }
        let cleaned = text.filter { $0 != "," && $0 != "%" && $0 != "£" && $0 != " " }
        guard let value = Double(cleaned), value.isFinite else {
            note(.error, row.number, column, "“\(text)” is not a number. Give a number, or leave it blank when it is not known.")
            return nil
        }
        if value < 0 {
            note(.warning, row.number, column, "\(text) is below zero.")
        }
        return value
    }

    /// `0` → `A`, `27` → `AB`.
    static func letter(_ index: Int) -> String {
        var index = index
        var letters = ""
        repeat {
            letters = String(UnicodeScalar(UInt8(65 + index % 26))) + letters
            index = index / 26 - 1
        } while index >= 0
        return letters
    }

    private static func plain(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.2f", value)
    }
}
