import ArgumentParser
import Foundation
import KithOutreach
import KithVulnerability

/// `kith outreach`: the prioritised contact list, as CSV or XLSX, whole or one file per school or area.
struct Outreach: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the prioritised contact list: Purple first, then the least recently contacted, then the highest score.",
        discussion: """
            Uses the latest `kith score` snapshot with each person's current last contact. People a list says have \
            died or must not be contacted, and people recorded as moved away, are left out. Every file is marked \
            OFFICIAL-SENSITIVE, made safe from spreadsheet formulas, and recorded in the audit trail.
            """
    )

    @Option(help: "Only people in this neighbourhood, ward or postcode district (HY1).")
    var area: String?

    @Option(help: "Only pupils of this school: its URN or part of its name.")
    var school: String?

    @Option(help: "Only these bands, comma-separated: purple,red.")
    var band: String?

    @Option(help: "Only this cohort: child, adult or older-adult.")
    var cohort: String?

    @Option(help: "At most this many people (in each file when splitting).")
    var limit: Int?

    @Option(help: "The order: priority (highest band, then least recent contact), least-recent-contact or score.")
    var sort: String = OutreachSort.priority.rawValue

    @Option(name: .customLong("split-by"), help: "Write one file per school or area into the --out folder.")
    var splitBy: String?

    @Option(help: "The format of files written into a folder: csv or xlsx.")
    var format: String = "csv"

    @Option(help: "A .csv or .xlsx file, or a folder (needed with --split-by).")
    var out: String

    @Option(help: "Who is exporting, for the audit trail and the file's marking.")
    var by = ProcessInfo.processInfo.environment["USER"] ?? "kith"

    @OptionGroup var store: StoreOptions
    @OptionGroup var referenceDate: ReferenceDateOption

    func validate() throws {
        if let splitBy, OutreachExport.Split(rawValue: splitBy) == nil { throw ValidationError("--split-by is school or area.") }
        if OutreachExport.Format(rawValue: format) == nil { throw ValidationError("--format is csv or xlsx.") }
        _ = try bands()
        _ = try chosenCohort()
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1.") }
    }

    func run() throws {
        let database = try store.open()
        let date = try referenceDate.date()
        let split = splitBy.flatMap(OutreachExport.Split.init(rawValue:))
        // With a split, the limit applies per file, so the whole list is read first.
        guard let order = OutreachSort(rawValue: sort) else {
            throw ValidationError("--sort must be one of: \(OutreachSort.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        var filter = OutreachFilter(
            area: area, school: school, bands: try bands(), cohort: try chosenCohort(), limit: split == nil ? limit : nil, sort: order)
        var list = try OutreachList.make(database: database, filter: filter, referenceDate: date)
        if let split, let limit {
            let kept = OutreachExport.group(list.entries, by: split).flatMap { $0.entries.prefix(limit) }
            list.entries = kept.sorted { order.isBefore($0.sortKey, $1.sortKey) }
            filter.limit = limit
        }
        let export = OutreachExport(database: database, exportedBy: by, referenceDate: date)
        let files = try export.write(
            list, to: URL(fileURLWithPath: out), split: split, folderFormat: OutreachExport.Format(rawValue: format) ?? .csv, filter: filter
        )
        print(OutreachText.preview(list))
        print("")
        for file in files {
            print("Wrote \(file.personCount) people to \(file.url.path)" + (file.group.map { " (\($0))" } ?? ""))
        }
        print("The files are OFFICIAL-SENSITIVE; the export is in the audit trail. Record outcomes with `kith contact ID --outcome reached`.")
    }

    private func bands() throws -> [Band] {
        guard let band else { return [] }
        return try band.split(separator: ",").map { name in
            guard let band = Band(rawValue: name.trimmingCharacters(in: .whitespaces).lowercased()) else {
                throw ValidationError("--band takes purple, red, amber or green, comma-separated; \"\(name)\" is none of them.")
            }
            return band
        }
    }

    private func chosenCohort() throws -> Cohort? {
        guard let cohort else { return nil }
        guard let chosen = Cohort(rawValue: cohort.lowercased().replacingOccurrences(of: "-", with: " ")) else {
            throw ValidationError("--cohort is child, adult or older-adult.")
        }
        return chosen
    }
}
