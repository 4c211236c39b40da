import Foundation
import KithSpreadsheet
import KithStore
import KithVulnerability

/// Writes contact lists as CSV or XLSX: one file, or one per school or area for weekly lists.
///
/// Every file is marked OFFICIAL-SENSITIVE in its first row, every cell is made safe from formula injection,
/// and every file written is recorded in the audit trail with who, when and how many people.
public struct OutreachExport: Sendable {
    /// How a list is split into files.
    public enum Split: String, Sendable, CaseIterable {
        case school
        case area
    }

    /// The file format, from the file name or chosen for a folder.
    public enum Format: String, Sendable, CaseIterable {
        case csv
        case xlsx
    }

    /// One file written.
    public struct WrittenFile: Sendable {
        public var url: URL
        public var group: String?
        public var personCount: Int
    }

    public static let marking = "OFFICIAL-SENSITIVE"
    public static let columns = [
        "person_id", "given_name", "family_name", "age", "cohort", "address", "postcode", "phone", "how_to_reach", "area", "school",
        "band", "score", "reasons", "services", "last_contact", "last_contact_by", "suggested_action", "household_id",
    ]

    public let database: any Store
    public let exportedBy: String
    public let referenceDate: CivilDate
    /// Columns left out of the file, for readers who may not see them (a VCS partner does not get the reasons).
    public let withheld: Set<String>

    public init(database: any Store, exportedBy: String, referenceDate: CivilDate, withholding withheld: Set<String> = []) {
        self.database = database
        self.exportedBy = exportedBy
        self.referenceDate = referenceDate
        self.withheld = withheld
    }

    private static let columnWidths: [Double] = [12, 14, 16, 6, 11, 34, 10, 15, 40, 12, 30, 8, 7, 60, 40, 12, 22, 60, 15]

    /// The columns written, in order.
    public var writtenColumns: [String] { Self.columns.filter { !withheld.contains($0) } }

    /// Writes `list` to `output`: a `.csv` or `.xlsx` file, or a folder (in `folderFormat`), which `split`
    /// needs.
    public func write(
        _ list: OutreachList, to output: URL, split: Split?, folderFormat: Format = .csv, filter: OutreachFilter
    ) throws -> [WrittenFile] {
        let fileFormat = Format(rawValue: output.pathExtension.lowercased())
        var isFolder: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: output.path, isDirectory: &isFolder)
        if split != nil || isFolder.boolValue || (fileFormat == nil && output.pathExtension.isEmpty) {
            if split != nil && fileFormat != nil { throw OutreachError.outputNeedsFolder(output.path) }
            if !exists { try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true) }
            let groups = split.map { Self.group(list.entries, by: $0) } ?? [("contact-list", nil, list.entries)]
            return try groups.map { name, group, entries in
                let url = output.appendingPathComponent(Self.fileName(name) + "." + folderFormat.rawValue)
                return try writeFile(entries, to: url, format: folderFormat, group: group, filter: filter, run: list.run)
            }
        }
        guard let fileFormat else { throw OutreachError.unsupportedFormat(output.path) }
        return [try writeFile(list.entries, to: output, format: fileFormat, group: nil, filter: filter, run: list.run)]
    }

    private func writeFile(
        _ entries: [OutreachEntry], to url: URL, format: Format, group: String?, filter: OutreachFilter, run: ScoreRun
    ) throws -> WrittenFile {
        let title = "Kith contact list" + (group.map { " for \($0)" } ?? "") + " (\(filter.description))"
        let marking =
            "\(Self.marking): personal data about vulnerable residents. \(title), scored \(run.referenceDate) with \(run.matrixName) \(run.matrixVersion), exported \(CivilDate.today) by \(exportedBy). Share only with those who need it; delete when done."
        let kept = Self.columns.indices.filter { !withheld.contains(Self.columns[$0]) }
        let rows = entries.map { entry in
            let fields = row(entry)
            return kept.map { fields[$0] }
        }
        let integerColumns = Set(["age", "score"].compactMap { writtenColumns.firstIndex(of: $0) })
        let dateColumn = writtenColumns.firstIndex(of: "last_contact")
        switch format {
        case .csv:
            let writer = try CSVWriter(url: url, delimiter: ",", encoding: .utf8WithBOM)
            try writer.appendRow([FormulaGuard.neutralise(marking)])
            try writer.appendRow(writtenColumns)
            for fields in rows { try writer.appendRow(fields.map(FormulaGuard.neutralise)) }
            try writer.finish()
        case .xlsx:
            let writer = try XLSXWriter(url: url)
            try writer.beginSheet(
                named: "Contact list", columnWidths: kept.map { Self.columnWidths[$0] }, frozenRows: 2
            )
            try writer.appendRow([.text(FormulaGuard.neutralise(marking))], style: .bold)
            try writer.appendRow(writtenColumns.map { CellValue.text($0) }, style: .bold)
            for fields in rows {
                try writer.appendRow(
                    fields.enumerated().map { index, field in
                        if field.isEmpty { return .empty }
                        if integerColumns.contains(index), let number = Int(field) { return .integer(number) }
                        if index == dateColumn, let date = CivilDate(iso: field) { return .date(date) }
                        return .text(FormulaGuard.neutralise(field))
                    }
                )
            }
            try writer.finish()
        }
        try AuditTrail(database: database).record(
            .exportOutreach, by: exportedBy, subject: url.lastPathComponent, personIDs: entries.map(\.profile.personID),
            detail: filter.description + (group.map { "; file for \($0)" } ?? "") + "; score run \(run.id ?? 0)"
        )
        return WrittenFile(url: url, group: group, personCount: entries.count)
    }

    private func row(_ entry: OutreachEntry) -> [String] {
        let profile = entry.profile
        return [
            profile.personID, profile.givenName, profile.familyName, profile.age.map(String.init) ?? "", entry.cohort.label,
            profile.address ?? "", profile.postcode ?? "", profile.phone ?? "", profile.reachNote ?? "",
            profile.area.map { profile.areaFromSchool ? $0 + " (their school's)" : $0 } ?? "", profile.school ?? "",
            entry.band.label, String(entry.score), entry.reasonText, profile.servicesText, profile.lastContact?.description ?? "",
            profile.lastContactSource ?? "", entry.action, profile.householdID ?? "",
        ]
    }

    /// Entries grouped by school or area, each group in list order; people without one go to a last group.
    public static func group(_ entries: [OutreachEntry], by split: Split) -> [(name: String, group: String?, entries: [OutreachEntry])] {
        var order: [String] = []
        var groups: [String: [OutreachEntry]] = [:]
        for entry in entries {
            let key: String
            switch split {
            case .school: key = entry.profile.school ?? ""
            case .area: key = entry.profile.area ?? ""
            }
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(entry)
        }
        return order.sorted { ($0.isEmpty ? 1 : 0, $0) < ($1.isEmpty ? 1 : 0, $1) }.map { key in
            let missing = split == .school ? "no-school" : "no-area"
            return (key.isEmpty ? missing : key, key.isEmpty ? nil : key, groups[key] ?? [])
        }
    }

    /// `Foundry Lane Community Primary School` → `foundry-lane-community-primary-school`.
    static func fileName(_ name: String) -> String {
        let words = name.lowercased().split { !($0.isLetter || $0.isNumber) }
        let joined = words.joined(separator: "-")
        return joined.isEmpty ? "list" : String(joined.prefix(80))
    }
}
