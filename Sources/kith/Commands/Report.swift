import ArgumentParser
import Foundation
import KithAtlas
import KithPlaces
import KithSpreadsheet
import KithStore
import KithWeb

/// `kith report weekly`: the weekly strategic report as HTML, PDF or XLSX.
struct Report: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Write reports.", subcommands: [Weekly.self])

    struct Weekly: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The weekly strategic report: headlines and changes, band movements, welfare checks, low engagement zones, capacity gaps.",
            discussion: """
                --out FILE.html writes one HTML file with everything in it; FILE.pdf prints it with headless chromium; FILE.xlsx \
                writes every table. The partners' edition (the default) suppresses counts of residents from 1 to 4, for a \
                report that leaves the case teams; --edition case-teams keeps them. The export is recorded in the audit trail.
                """
        )

        @Option(help: "The week's last day, yyyy-mm-dd (default: today).") var asOf: String?
        @Option(help: "The file to write: .html, .pdf or .xlsx.") var out: String
        @Option(help: "partners (counts under 5 suppressed) or case-teams.") var edition = "partners"
        @Option(help: "The level of area for low engagement zones.") var level = "neighbourhood"
        @Option(help: "The index method, a YAML file (equal weights by default).") var method: String?
        @Option(help: "Who is writing it, for the record.") var by = ProcessInfo.processInfo.environment["USER"] ?? "kith"
        @OptionGroup var store: StoreOptions

        func run() async throws {
            guard let day = asOf.map({ CivilDate(iso: $0) }) ?? CivilDate.ukToday else { throw ValidationError("Give --as-of as yyyy-mm-dd.") }
            guard let chosen = WeeklyReport.Edition(rawValue: edition) else { throw ValidationError("--edition is partners or case-teams.") }
            let url = URL(fileURLWithPath: out)
            guard WeeklyReportDocument.Format(rawValue: url.pathExtension.lowercased()) != nil else {
                throw ValidationError("--out must end in .html, .pdf or .xlsx.")
            }
            let database = try store.open()
            let started = Date()
            let report = try WeeklyReport.make(
                Atlas(database: database), asOf: day, edition: chosen, level: AreaLevel(level), method: try Places.method(method))
            do {
                try await WeeklyReportDocument(report: report).write(to: url, database: database, by: by, via: .commandLine)
            } catch let error as ReportError {
                try CommandFailure.exit(saying: error.description)
            }
            print(
                String(
                    format: "Wrote the weekly report to %@ (week to %@, %@ edition) in %.1f s.", out, day.description, chosen.rawValue,
                    Date().timeIntervalSince(started)))
        }
    }
}
