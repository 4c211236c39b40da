import ArgumentParser
import Foundation
import KithOutreach
import KithIngest
import KithStore

/// `kith import FILE --source NAME`: stores a partner's list, every row verbatim, in one transaction.
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import a partner's list (CSV or XLSX) into the store.",
        discussion: """
            The whole file is stored in one transaction: if anything is wrong, nothing is stored and the message \
            says which file, sheet, row and column, and what to do. The same file (by SHA-256) is refused a second \
            time unless --force is given, and a list that is empty or less than half the size of the source's last \
            list (cut short, or filtered in Excel) unless --accept-smaller is given. Columns are tagged (the file's hashtag row, else --mapping, else the \
            mapping saved for the source, else Kith's suggestions) and the normalised values of tagged cells are \
            stored beside the raw ones; the tagging is saved as the source's mapping for its next list.
            """
    )

    @Argument(help: "The file to import (.csv or .xlsx).")
    var file: String

    @Option(help: "The partner list this file is a version of, e.g. \"NHS shielding list\".")
    var source: String

    @Option(help: "For workbooks: the sheet to read (default: the first with data).")
    var sheet: String?

    @Option(help: "Who is importing, for the record and the audit trail (default: your user name).")
    var by: String = ProcessInfo.processInfo.environment["USER"] ?? NSUserName()

    @Flag(help: "Import even if this exact file was imported before.")
    var force = false

    @Flag(help: "Import a list that is empty or less than half the size of the source's last list (refused otherwise).")
    var acceptSmaller = false

    @OptionGroup var mappingOptions: MappingOptions
    @OptionGroup var referenceDate: ReferenceDateOption
    @OptionGroup var store: StoreOptions

    func run() throws {
        let database = try store.open()
        let importer = Importer(repository: database.imports)
        do {
            let summary = try importer.run(
                ImportRequest(
                    file: URL(fileURLWithPath: file), sourceName: source, sheet: sheet, importedBy: by, through: .commandLine,
                    force: force, acceptSmaller: acceptSmaller, mapping: try mappingOptions.load(source: nil, store: nil),
                    referenceDate: try referenceDate.date()
                )
            )
            print(summary.text)
            try ProfileRefresh.run(database)
        } catch let error as ImportError {
            try CommandFailure.exit(saying: error.description)
        }
    }
}
