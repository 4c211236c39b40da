import ArgumentParser
import Foundation
import KithIngest
import KithSpreadsheet
import KithStandard
import KithStore

/// `kith check FILE`: the Data Checker.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a partner's list before anyone relies on it: every tagged cell, and the table as a whole.",
        discussion: """
            Columns are tagged from the file's HXL hashtag row, then the mapping (--mapping, or the one saved for \
            --source), then Kith's suggestions. Each finding names the row (as Excel numbers it), the column letter, \
            the check and what to do. Exit status is 1 when there is any error, 0 otherwise.
            """
    )

    @Argument(help: "The file to check (.csv or .xlsx).")
    var file: String

    @Option(help: "For workbooks: the sheet to check (default: the first with data).")
    var sheet: String?

    @Option(help: "Use the mapping saved for this source in the store.")
    var source: String?

    @Option(help: "text, json or csv.")
    var format: CheckReportRenderer.Format = .text

    @OptionGroup var mappingOptions: MappingOptions
    @OptionGroup var referenceDate: ReferenceDateOption
    @OptionGroup var store: StoreOptions

    func run() throws {
        let report: CheckReport
        do {
            let reader = try TableReader(url: URL(fileURLWithPath: file))
            report = try DataChecker.check(
                reader, sheet: sheet, mapping: try mappingOptions.load(source: source, store: store), referenceDate: try referenceDate.date()
            )
        } catch let error as SpreadsheetError {
            try CommandFailure.exit(saying: error.description)
        }
        print(try CheckReportRenderer.render(report, as: format))
        if let source, FileManager.default.fileExists(atPath: store.db) {
            let previous = try ListSizeCheck.previousImport(ofSourceNamed: source, in: try store.open().imports)
            if let concern = ListSizeCheck(rows: report.rows, previous: previous)
                .concern(fileName: URL(fileURLWithPath: file).lastPathComponent, sourceName: source)
            {
                FileHandle.standardError.write(Data(("Warning: " + concern + " `kith import` will ask for --accept-smaller.\n").utf8))
            }
        } else if report.rows == 0 {
            FileHandle.standardError.write(Data("Warning: the list has a header but no rows under it.\n".utf8))
        }
        if report.hasErrors { throw ExitCode(1) }
    }
}

extension CheckReportRenderer.Format: ExpressibleByArgument {}
