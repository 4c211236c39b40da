import Foundation
import KithAccess
import KithAtlas
import KithPlaces
import KithSpreadsheet
import KithStore

/// The weekly strategic report as a document: the page at `/reports/weekly`, and the files `kith report weekly`
/// and the page's links write — standalone HTML (the site's stylesheet inside it), PDF (that HTML printed by headless
/// chromium, a real renderer) and XLSX (every table). Writing a file is an export, audited.
public struct WeeklyReportDocument: Sendable {
    public let report: WeeklyReport

    public init(report: WeeklyReport) {
        self.report = report
    }

    /// The formats a report is written in, by the file's extension.
    public enum Format: String, Sendable, CaseIterable {
        case html, pdf, xlsx
    }

    /// Writes the report to `url` (`.html`, `.pdf` or `.xlsx`) and audits the export.
    public func write(to url: URL, database: any Store, by actor: String, via door: AuditTrail.Door) async throws {
        guard let format = Format(rawValue: url.pathExtension.lowercased()) else { throw ReportError.unknownFormat(url.lastPathComponent) }
        switch format {
        case .xlsx:
            try FigureTable.write(report.file, to: url, sheet: "Weekly report")
        case .html:
            try Data(try await html().utf8).write(to: url, options: .atomic)
        case .pdf:
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kith-report-" + UUID().uuidString)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let page = folder.appendingPathComponent("report.html")
            try Data(try await html().utf8).write(to: page)
            try ReportPrinter.printPDF(of: page, to: url)
        }
        try AuditTrail(database: database).record(
            .exportReport, by: actor, subject: url.lastPathComponent,
            detail: "weekly report to \(report.asOf), \(report.edition.rawValue) edition, \(format.rawValue), through \(door.rawValue)")
    }

    /// The standalone HTML document.
    public func html() async throws -> String {
        let renderer = try await PageRenderer()
        var model = WeeklyReportPage(report)
        model.css = try Self.stylesheet()
        return renderer.document("report-weekly-file", model: model)
    }

    static func stylesheet() throws -> String {
        guard let url = Bundle.module.resourceURL?.appendingPathComponent("Assets/kith.css") else { return "" }
        return try String(contentsOf: url, encoding: .utf8)
    }
}

/// Why a report could not be written.
public enum ReportError: Error, Equatable, CustomStringConvertible {
    case unknownFormat(String)
    case printerMissing
    case printingFailed(String)

    public var description: String {
        switch self {
        case .unknownFormat(let name): "\(name): write the report to a file ending .html, .pdf or .xlsx."
        case .printerMissing: "Printing to PDF needs chromium (apt-get install chromium), which is not installed."
        case .printingFailed(let why): "Chromium could not print the report to PDF: \(why)"
        }
    }
}

/// Prints an HTML file to PDF with headless chromium: the browser's own layout and print engine, so that what the
/// page shows is what the PDF shows.
enum ReportPrinter {
    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]

    static func printPDF(of page: URL, to output: URL) throws {
        guard let browser = chromium.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else { throw ReportError.printerMissing }
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("kith-chromium-" + UUID().uuidString)
        defer { try? FileManager.default.removeItem(at: profile) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: browser)
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-pdf-header-footer", "--user-data-dir=" + profile.path,
            "--print-to-pdf=" + output.path, page.absoluteString,
        ]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let said = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0, FileManager.default.fileExists(atPath: output.path) else {
            throw ReportError.printingFailed(String(decoding: said.suffix(500), as: UTF8.self))
        }
    }
}

/// What the report's templates show.
struct WeeklyReportPage {
    struct Headline {
        var label: String
        var thisWeek: String
        var lastWeek: String
        var change: String
    }

    struct Table {
        var caption: String
        var header: [String]
        var rows: [[DashboardPage.Cell]]
    }

    var title: String
    var asOf: String
    var weekFrom: String
    var edition: String
    var madeAt: String
    var headlines: [Headline]
    var moves: Table?
    var hubs: Table?
    var hubChart: String?
    var zones: Table?
    var zoneMap: String?
    var zoneNote: String?
    var gaps: [WeeklyReport.CapacityGap]
    var css = ""
    var links: [PlaceOption] = []

    init(_ report: WeeklyReport) {
        title = "Weekly strategic report, week to \(report.asOf)"
        asOf = report.asOf.description
        weekFrom = report.asOf.adding(days: -6).description
        edition =
            report.suppressed
            ? "For partners and leaders: counts of residents from 1 to 4 are shown as <5." : "For the council's case teams: OFFICIAL-SENSITIVE."
        madeAt = report.madeAt
        headlines = report.headlines.map { Headline(label: $0.label, thisWeek: $0.thisWeek, lastWeek: $0.lastWeek, change: $0.change) }
        func table(_ caption: String, _ rows: [[String]], header: [String]) -> Table {
            Table(caption: caption, header: header, rows: rows.dropFirst().map { $0.map { DashboardPage.Cell(value: $0) } })
        }
        moves =
            report.week.activity.previousRunId == nil
            ? nil
            : table(
                "Movements between bands since the last score run (rows: band then; columns: band now)", report.week.moveRows,
                header: ["Band then", "Purple", "Red", "Amber", "Green", "Not identified"])
        hubs =
            report.week.areas.isEmpty
            ? nil
            : table(
                "Residents by band in each area", report.week.areaRows.map { Array($0.dropFirst()) },
                header: ["Area", "Purple", "Red", "Amber", "Green"])
        hubChart = report.hubChart
        let zoneRows = report.zoneRows
        zones =
            zoneRows.count > 1
            ? table(
                "Low engagement zones: high need, significantly fewer calls than need predicts (8 weeks)", zoneRows.map { Array($0.dropFirst()) },
                header: ["Area", "Need rank", "Calls and requests", "Expected", "Over expected", "Main languages"]) : nil
        zoneMap = report.zoneMap
        zoneNote =
            report.overlayProblem
            ?? (zoneRows.count > 1
                ? (report.zoneMap == nil && !report.areas.isEmpty
                    ? "The borough's \(report.areas.count) areas are too many to map on a page: the zones are on the map at /places (Helpline calls against need)."
                    : nil)
                : "No area had significantly fewer calls than its need predicts.")
        gaps = report.capacityGaps
    }
}
