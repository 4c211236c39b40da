import ArgumentParser
import Foundation
import KithLinkage
import KithOutreach
import KithPersons
import KithSpreadsheet
import KithStandard

/// `kith link`: finds the same resident within and across lists, in the store or straight from files.
struct Link: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Find the same resident within and across lists: in the store, or straight from files with --out.",
        discussion: """
            Without files, links every row imported into the store (--db): persons with stable ids, links with their \
            evidence, and a review queue of uncertain pairs. Run it again after an import and only the new rows are \
            linked; persons keep their ids.

            With files (CSV or XLSX, any headers) and --out DIR, works without a store and writes DIR/persons.csv \
            (source, row, id, person_id for every input row), DIR/pairs.csv (every pair scoring at least \
            --min-probability, with each field's evidence) and DIR/review.csv (the uncertain pairs side by side). \
            Columns are tagged with the data standard; place any it cannot with --map (a mapping from `kith tag \
            --save-mapping`). A workbook with lists on several tabs gives one list per tab, named after the tab.

            With --format xlsx, writes instead one workbook, DIR/kith-link.xlsx: a Summary, the uncertain pairs on a \
            Review sheet with a Same / Not the same drop-down for each, and every row with its person on a Persons \
            sheet. Fill in the drop-downs, save, and run again with --decisions DIR/kith-link.xlsx: the decisions \
            are applied and carried into the new workbook.
            """
    )

    @Argument(help: "Partner lists to link without a store (.csv or .xlsx). Leave out to link the store.")
    var files: [String] = []

    @Option(help: "With files: the folder to write persons.csv, pairs.csv and review.csv into.")
    var out: String?

    @Option(help: "With files: the header of a column holding each row's own id, used in the output instead of source:row.")
    var idColumn: String?

    @Option(help: "With files: a column mapping (YAML) placing headers the standard does not recognise.")
    var map: String?

    @Option(help: "With files: the lowest match probability written to pairs.csv.")
    var minProbability: Double = 0.01

    @Option(help: "With files: read only this sheet of each workbook, as one list named after the file.")
    var sheet: String?

    @Option(help: "With files: csv (persons.csv, pairs.csv, review.csv), xlsx (kith-link.xlsx, to review in Excel) or both.")
    var format: LinkOutputFormat = .csv

    @Option(help: "With files: a kith-link.xlsx whose Decision column a reviewer filled in; its decisions are applied.")
    var decisions: String?

    @Option(help: "Link pairs at or above this match probability (default 0.9).")
    var linkThreshold: Double?

    @Option(help: "Send pairs at or above this probability, and below the link threshold, to review (default 0.5).")
    var reviewThreshold: Double?

    @Flag(help: "Link the store from scratch instead of only new rows (persons keep their ids).")
    var full = false

    @Option(help: "Without files: who is linking the store, for the audit trail.")
    var by = ProcessInfo.processInfo.environment["USER"] ?? "kith"

    @OptionGroup var referenceDate: ReferenceDateOption
    @OptionGroup var store: StoreOptions

    func validate() throws {
        if !files.isEmpty, out == nil { throw ValidationError("Give --out DIR for the output files when linking files.") }
        if files.isEmpty, out != nil { throw ValidationError("--out is for linking files: name the files to link.") }
        if files.isEmpty, sheet != nil || decisions != nil || format != .csv {
            throw ValidationError("--sheet, --format and --decisions are for linking files: name the files to link and --out DIR.")
        }
        for threshold in [linkThreshold, reviewThreshold, minProbability].compactMap({ $0 }) where !(0...1).contains(threshold) {
            throw ValidationError("Thresholds and --min-probability are probabilities between 0 and 1.")
        }
    }

    func run() throws {
        var options = LinkageOptions()
        if linkThreshold != nil || reviewThreshold != nil {
            options.thresholds = LinkageThresholds(
                link: linkThreshold ?? LinkageThresholds.standard.link, review: reviewThreshold ?? LinkageThresholds.standard.review
            )
        }
        let progress = ProgressLine()
        options.progress = { stage, fraction in progress.show(stage, fraction) }
        if files.isEmpty {
            try linkStore(options: options, progress: progress)
        } else {
            try linkFiles(options: options, progress: progress)
        }
    }

    private func linkFiles(options: LinkageOptions, progress: ProgressLine) throws {
        var options = options
        options.minimumProbability = minProbability
        var mapping: ColumnMapping?
        if let map {
            do {
                mapping = try ColumnMapping.load(from: URL(fileURLWithPath: map))
            } catch let error as MappingError {
                try CommandFailure.exit(saying: error.description)
            }
        }
        let loader = ListFileLoader(mapping: mapping, referenceDate: try referenceDate.date(), idColumn: idColumn)
        var linkage = FileLinkage(loader: loader, options: options)
        linkage.sheet = sheet
        linkage.format = format
        let summary: FileLinkage.Summary
        do {
            if let decisions { linkage.decisions = try ReviewedDecisions.read(from: URL(fileURLWithPath: decisions)) }
            summary = try linkage.run(files: files.map { URL(fileURLWithPath: $0) }, into: URL(fileURLWithPath: out!))
        } catch let error as SpreadsheetError {
            try fail(error.description, progress)
        } catch let error as LinkableListError {
            try fail(error.description, progress)
        } catch let error as ReviewDecisionError {
            try fail(error.description, progress)
        } catch let error as FileLinkageError {
            try fail(error.description, progress)
        }
        progress.clear()
        for list in summary.lists {
            let place = list.fileName + (list.sheet.map { ", sheet \"\($0)\"" } ?? "")
            print("\(place): \(list.records.count) rows as \(list.source)")
            if !list.unplacedHeaders.isEmpty {
                print(
                    "  not used for linking (no tag): \(list.unplacedHeaders.joined(separator: ", ")); place them with --map if they identify people")
            }
        }
        for skipped in summary.skippedSheets {
            print("\(skipped.fileName), sheet \"\(skipped.sheet)\": not read: \(skipped.reason).")
        }
        if let outcome = summary.decisions {
            print("Decisions from \(outcome.file): " + outcome.lines.joined(separator: " "))
        }
        print(LinkSummaryText.render(summary.report))
        let paths = summary.files.map(\.path).joined(separator: ", ")
        if format == .xlsx {
            print("Wrote \(paths): \(summary.reviewWritten) pairs to review on its Review sheet.")
        } else {
            print("Wrote \(paths): \(summary.pairsWritten) pairs, \(summary.reviewWritten) for review.")
        }
    }

    private func fail(_ message: String, _ progress: ProgressLine) throws -> Never {
        progress.clear()
        try CommandFailure.exit(saying: message)
    }

    private func linkStore(options: LinkageOptions, progress: ProgressLine) throws {
        let database = try store.open()
        let index = PersonIndex(
            database: database, referenceDate: try referenceDate.date(), snapshotFile: PersonIndex.snapshotFile(forStoreAt: store.db)
        )
        let report = try index.link(by: by, options: options, full: full)
        progress.clear()
        guard report.records > 0 else {
            print("Nothing to link in \(store.db): import partner lists first with `kith import FILE --source NAME`.")
            return
        }
        print(LinkSummaryText.render(report))
        if report.reviewPairs > 0 { print("List the pairs waiting for review with `kith review`.") }
        try ProfileRefresh.run(database)
    }
}

extension LinkOutputFormat: ExpressibleByArgument {}

/// A line on standard error that shows how far a long run has got, rewritten in place; silent when standard error
/// is not a terminal.
final class ProgressLine: @unchecked Sendable {
    private let lock = NSLock()
    private let enabled = isatty(2) == 1
    private var shown = false

    func show(_ stage: String, _ fraction: Double) {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        FileHandle.standardError.write(Data(String(format: "\r\u{1B}[K%3.0f%%  %@", fraction * 100, stage).utf8))
        shown = true
    }

    func clear() {
        lock.lock()
        defer { lock.unlock() }
        if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        shown = false
    }
}
