import ArgumentParser
import Foundation
import KithIngest
import KithSpreadsheet
import KithStandard
import KithStore

#if canImport(Glibc)
    import Glibc
#endif

/// `kith-benchmark`: measures importing a large CSV and a large XLSX, end to end into SQLite, in release mode.
///
/// Each import runs in a child process of its own (this program, re-run with `import-one`), so that the
/// peak memory reported is the import's alone, read from the kernel with `wait4`.
@main
struct KithBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kith-benchmark",
        abstract: "Benchmark importing a 1,000,000-row CSV and a 200,000-row XLSX into SQLite, and the Data Checker on the CSV.",
        subcommands: [
            Run.self, ImportOne.self, CheckOne.self, Accuracy.self, LinkBenchmark.self, LinkFilesOne.self, LinkStoreOne.self,
            EncodeBenchmark.self, ScoreBenchmark.self, SearchBenchmark.self, SearchPrepareOne.self, PersonsBenchmark.self,
            ProfilesOne.self, OutreachRebuiltOne.self, HelpBenchmark.self, PlacesBenchmark.self,
        ],
        defaultSubcommand: Run.self
    )
}

/// Generates the benchmark files, imports each in a child process and prints rows per second and peak memory.
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "run", abstract: "Generate files and time their import.")

    @Option(help: "Rows in the CSV file (12 columns).")
    var csvRows: Int = 1_000_000

    @Option(help: "Rows in the XLSX file (12 columns).")
    var xlsxRows: Int = 200_000

    @Option(help: "Folder for the generated files and the store (removed afterwards unless --keep).")
    var dir: String = FileManager.default.temporaryDirectory.appendingPathComponent("kith-benchmark").path

    @Flag(help: "Keep the generated files and the store.")
    var keep = false

    func run() throws {
        let folder = try BenchmarkFolder.prepare(dir)
        defer { if !keep { try? FileManager.default.removeItem(at: folder) } }
        print("Kith import benchmark, \(ProcessInfo.processInfo.activeProcessorCount) cores, " + LinkBenchmark.loadAverage())
        let csv = folder.appendingPathComponent("residents.csv")
        let xlsx = folder.appendingPathComponent("residents.xlsx")
        var started = Date()
        try BenchmarkData.writeCSV(to: csv, rows: csvRows)
        print(
            String(
                format: "Generated %@ (%d rows, %.0f MiB) in %.1f s", csv.lastPathComponent, csvRows, Self.mebibytes(csv),
                Date().timeIntervalSince(started)))
        started = Date()
        try BenchmarkData.writeXLSX(to: xlsx, rows: xlsxRows)
        print(
            String(
                format: "Generated %@ (%d rows, %.0f MiB) in %.1f s", xlsx.lastPathComponent, xlsxRows, Self.mebibytes(xlsx),
                Date().timeIntervalSince(started)))
        let store = folder.appendingPathComponent("benchmark.sqlite").path
        print("")
        print("file              rows        seconds   rows/s      peak MiB   target")
        let csvResult = try measure(csv, store: store, rows: csvRows)
        report(csvResult, name: "CSV", targetRate: 250_000)
        let xlsxResult = try measure(xlsx, store: store, rows: xlsxRows)
        report(xlsxResult, name: "XLSX", targetRate: 50_000)
        let checkResult = try measure(csv, arguments: ["check-one", csv.path], rows: csvRows)
        report(checkResult, name: "Data Checker, CSV", targetRate: 200_000)

        print("")
        print("References, same CSV, same run:")
        let sqlite = try sqliteImport(csv, folder: folder)
        let frictionless = try frictionlessValidate(csv, folder: folder)
        print("")
        print("Ratios (Kith / reference):")
        if let sqlite {
            print(
                ReferenceTools.ratioLine(
                    "import CSV / sqlite3 .import, time", kith: csvResult.seconds, reference: sqlite, atMost: Self.importTimesSQLite,
                    targetText: "1.5"
                )
            )
        }
        if let frictionless {
            print(
                ReferenceTools.ratioLine(
                    "Data Checker / frictionless validate, time", kith: checkResult.seconds, reference: frictionless,
                    atMost: Self.checkShareOfFrictionless, targetText: "1/4"
                )
            )
        }
    }

    /// Importing the CSV at most this many times as long as `sqlite3`'s `.import` of it into a table of text.
    static let importTimesSQLite = 1.5
    /// The Data Checker at most this share of `frictionless validate` on the same CSV.
    static let checkShareOfFrictionless = 0.25

    /// `sqlite3 DB ".mode csv" ".import CSV t"` into a new store: the file read and stored as text, nothing else.
    private func sqliteImport(_ csv: URL, folder: URL) throws -> Double? {
        let sqlite: String
        switch ReferenceTools.sqlite3() {
        case .success(let found): sqlite = found
        case .failure(let missing):
            print(missing.line)
            return nil
        }
        let database = folder.appendingPathComponent("sqlite3-reference.sqlite").path
        try? FileManager.default.removeItem(atPath: database)
        let log = folder.appendingPathComponent("sqlite3.log").path
        let (seconds, peak) = try ChildProcess.measure(
            executable: sqlite, arguments: [database, ".mode csv", ".import \(csv.path) t"], output: log
        )
        let rate = Double(csvRows) / seconds
        print(
            "sqlite3 .import".padding(toLength: 17, withPad: " ", startingAt: 0)
                + String(format: " %-11d %-9.2f %-11.0f %-10.0f", csvRows, seconds, rate, peak))
        return seconds
    }

    /// `frictionless validate` of the CSV (every row against the schema it infers), from Benchmarks/reference/.venv.
    private func frictionlessValidate(_ csv: URL, folder: URL) throws -> Double? {
        let frictionless: String
        switch ReferenceTools.frictionless() {
        case .success(let found): frictionless = found
        case .failure(let missing):
            print(missing.line)
            return nil
        }
        let log = folder.appendingPathComponent("frictionless.json").path
        let started = Date()
        // It exits with 1 when it finds errors in the file: still a full validation.
        let (status, usage) = try ChildProcess.run(
            executable: frictionless, arguments: ["validate", "--trusted", "--json", csv.path], output: log
        )
        let seconds = Date().timeIntervalSince(started)
        guard status <= 1 else {
            print("reference failed: frictionless validate exited \(status); see \(log)")
            return nil
        }
        let rows = Self.frictionlessRows(log).map { String($0) } ?? "?"
        let rate = Double(csvRows) / seconds
        print(
            "frictionless".padding(toLength: 17, withPad: " ", startingAt: 0)
                + String(format: " %-11d %-9.2f %-11.0f %-10.0f validated %@ rows", csvRows, seconds, rate, Double(usage.ru_maxrss) / 1024, rows)
        )
        return seconds
    }

    /// The rows frictionless says it read, from its JSON report.
    private static func frictionlessRows(_ path: String) -> Int? {
        guard let data = FileManager.default.contents(atPath: path), let start = data.firstIndex(of: UInt8(ascii: "{")),
            let report = try? JSONSerialization.jsonObject(with: data[start...]) as? [String: Any],
            let tasks = report["tasks"] as? [[String: Any]], let stats = tasks.first?["stats"] as? [String: Any]
        else { return nil }
        return stats["rows"] as? Int
    }

    struct Measurement {
        var rows: Int
        var seconds: Double
        var peakMebibytes: Double
    }

    /// Imports a file as a source named after its format, so the XLSX is not refused for being smaller than the CSV.
    private func measure(_ file: URL, store: String, rows: Int) throws -> Measurement {
        try measure(
            file, arguments: ["import-one", file.path, "--db", store, "--source", "Benchmark " + file.pathExtension.uppercased()], rows: rows
        )
    }

    private func measure(_ file: URL, arguments: [String], rows: Int) throws -> Measurement {
        let started = Date()
        let (status, usage) = try ChildProcess.run(executable: ChildProcess.currentExecutable(), arguments: arguments)
        let seconds = Date().timeIntervalSince(started)
        guard status == 0 else { throw ValidationError("\(arguments[0]) of \(file.lastPathComponent) failed (exit \(status)).") }
        return Measurement(rows: rows, seconds: seconds, peakMebibytes: Double(usage.ru_maxrss) / 1024)
    }

    private func report(_ result: Measurement, name: String, targetRate: Double) {
        let rate = Double(result.rows) / result.seconds
        let verdict = rate >= targetRate && result.peakMebibytes < 500 ? "met" : "MISSED"
        print(
            name.padding(toLength: 17, withPad: " ", startingAt: 0)
                + String(
                    format: " %-11d %-9.2f %-11.0f %-10.0f ≥%.0f rows/s, <500 MiB: %@", result.rows, result.seconds, rate, result.peakMebibytes,
                    targetRate, verdict)
        )
    }

    private static func mebibytes(_ url: URL) -> Double {
        let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
        return Double(size) / 1_048_576
    }
}

/// Imports one file the way `kith import` does; run as a child so its memory is measured alone.
struct ImportOne: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "import-one", abstract: "Import one file (used by run).")

    @Argument var file: String
    @Option var db: String
    @Option var source = "Benchmark"

    func run() throws {
        let database = try KithDatabase.open(path: db)
        try Importer(repository: database.imports).run(
            ImportRequest(file: URL(fileURLWithPath: file), sourceName: source, importedBy: "benchmark", force: true)
        )
    }
}

/// Runs the Data Checker over one file; run as a child so its memory is measured alone.
struct CheckOne: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "check-one", abstract: "Check one file (used by run).")

    @Argument var file: String

    func run() throws {
        let report = try DataChecker.check(
            TableReader(url: URL(fileURLWithPath: file)), sheet: nil, mapping: nil, referenceDate: CivilDate(year: 2026, month: 11, day: 16)!
        )
        FileHandle.standardError.write(
            Data("checked \(report.rows) rows: \(report.summary.errors) errors, \(report.summary.warnings) warnings\n".utf8))
    }
}

/// The benchmarks' working folder, emptied before a run; and the warning that debug figures mean nothing.
enum BenchmarkFolder {
    static func prepare(_ path: String) throws -> URL {
        let folder = URL(fileURLWithPath: path)
        try? FileManager.default.removeItem(at: folder)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        #if DEBUG
            print("Warning: this is a debug build; figures mean nothing. Run: swift run -c release kith-benchmark")
        #endif
        return folder
    }
}
