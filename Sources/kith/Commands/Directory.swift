import ArgumentParser
import Foundation
import KithDirectory
import KithIngest
import KithStore

/// `kith directory`: the services and capacity directory (Open Referral UK 3.0): import, template, export, list.
struct Directory: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import, export and list the services and capacity directory (Open Referral UK 3.0).",
        subcommands: [ImportFeed.self, Postcodes.self, Template.self, Export.self, List.self]
    )

    /// `kith directory import FILE|FOLDER`: stores the good services of a feed or a filled-in template.
    struct ImportFeed: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Import services from ORUK 3.0 JSON or a filled-in directory template (XLSX or CSV).",
            discussion: """
                Reads a /services page (or a folder of .json pages), a single nested service or a list of services, \
                or the template from `kith directory template`. Good services are stored in one transaction, each by \
                its id: importing a feed again updates its services in place, never adding them twice. Each refused \
                service is listed with its id, field and reason; warned services are imported. Exit status 1 when no \
                service could be imported, 2 when the file cannot be read at all.
                """
        )

        @Argument(help: "An ORUK JSON file or folder, or a filled-in template (.xlsx or .csv).")
        var file: String

        @Option(help: "Who is importing, for the record and the audit trail (default: your user name).")
        var by: String = ProcessInfo.processInfo.environment["USER"] ?? NSUserName()

        @Flag(help: "List every warning, not only the first ten.")
        var warnings = false

        @OptionGroup var store: StoreOptions

        func run() throws {
            let database = try store.open()
            let summary: DirectoryImportSummary
            do {
                summary = try DirectoryImporter(database: database).run(file: URL(fileURLWithPath: file), importedBy: by)
            } catch let error as DirectoryReadError {
                try CommandFailure.exit(saying: error.description + " Nothing was imported.")
            }
            print(summary.text(warningsShown: warnings ? Int.max : 10))
            if summary.stored == 0 {
                FileHandle.standardError.write(Data("Error: no service in \(summary.file) could be imported.\n".utf8))
                throw ExitCode(1)
            }
        }
    }

    /// `kith directory postcodes FILE.csv`: where postcodes are, for search by distance.
    struct Postcodes: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Store postcode centroids (CSV: postcode,latitude,longitude) for the directory's search by distance.",
            discussion: """
                Reads a CSV file whose header names postcode, latitude and longitude (other columns are ignored), such \
                as the postcode-centroids.csv that `kith generate` writes beside the directory, or a national postcode \
                file cut to those columns. A postcode stored again is replaced. Lines without a readable postcode and \
                coordinates are listed and left out. Exit status 2 when the file cannot be read.
                """
        )

        @Argument(help: "The CSV file of postcode centroids.")
        var file: String

        @OptionGroup var store: StoreOptions

        func run() throws {
            let summary: PostcodeCentroidImporter.Summary
            do {
                summary = try PostcodeCentroidImporter(database: try store.open()).run(file: URL(fileURLWithPath: file))
            } catch let error as PostcodeCentroidsError {
                try CommandFailure.exit(saying: error.description + " Nothing was stored.")
            }
            print(summary.text)
        }
    }

    /// `kith directory template --out F.xlsx`: the workbook a partner fills in.
    struct Template: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the directory template a partner fills in (XLSX: one sheet per table, headers tagged).",
            discussion: "Blank, or with --filled holding every stored service for partners to correct (an export, audited)."
        )

        @Option(help: "The workbook to write (.xlsx).")
        var out: String

        @Flag(help: "Fill it with the stored services.")
        var filled = false

        @Option(help: "Who is exporting, for the audit trail (with --filled).")
        var by: String = ProcessInfo.processInfo.environment["USER"] ?? NSUserName()

        @OptionGroup var store: StoreOptions

        func run() throws {
            let url = URL(fileURLWithPath: out)
            if filled {
                let count = try DirectoryExporter(database: try store.open()).export(.xlsx, to: url, by: by)
                print("Wrote the directory template with \(count) services to \(out).")
            } else {
                try DirectoryTemplateWriter.write(services: [], to: url)
                print("Wrote a blank directory template to \(out): fill in a row per item, keep the sheet names and the tag row.")
            }
        }
    }

    /// `kith directory export --format oruk|xlsx --out PATH`: the stored directory, to a file.
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the stored directory to a file: ORUK 3.0 JSON or the filled-in template.",
            discussion: """
                oruk: one JSON file, a single ORUK /services page (page 1 of 1) holding every stored service fully \
                nested, exactly as imported; `kith directory import` reads it back. xlsx: the template, filled in. \
                Every export is recorded in the audit trail.
                """
        )

        @Option(help: "oruk or xlsx.")
        var format: DirectoryExporter.Format = .oruk

        @Option(help: "The file to write.")
        var out: String

        @Option(help: "Who is exporting, for the audit trail (default: your user name).")
        var by: String = ProcessInfo.processInfo.environment["USER"] ?? NSUserName()

        @OptionGroup var store: StoreOptions

        func run() throws {
            let count = try DirectoryExporter(database: try store.open()).export(format, to: URL(fileURLWithPath: out), by: by)
            print("Wrote \(count) services to \(out) (\(format == .oruk ? "ORUK 3.0 JSON, one /services page" : "directory template")).")
        }
    }

    /// `kith directory list`: a short table of the stored services.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the stored services: name, organisation, status, accepting referrals, last confirmed."
        )

        @OptionGroup var store: StoreOptions

        func run() throws {
            let listing = try store.open().directory.listing()
            guard !listing.isEmpty else {
                print("The directory is empty: import services with `kith directory import FILE`.")
                return
            }
            print(
                "Service".padding(40) + " " + "Organisation".padding(36) + " " + "Status".padding(18) + " " + "Referrals".padding(12)
                    + " Last confirmed")
            for line in listing {
                let service = line.service
                print(
                    service.name.padding(40) + " " + line.organizationName.padding(36) + " "
                        + service.status.padding(18) + " " + (service.acceptingReferrals ?? "not said").padding(12) + " "
                        + Self.lastConfirmed(service))
            }
            print("\(listing.count) services.")
        }

        /// The later of the day the profile was checked and the day its capacity was said, or "never".
        static func lastConfirmed(_ service: DirectoryServiceRecord) -> String {
            [service.assuredDate, service.capacityUpdatedAt.map { String($0.prefix(10)) }].compactMap { $0 }.max() ?? "never"
        }
    }
}

extension DirectoryExporter.Format: ExpressibleByArgument {}
