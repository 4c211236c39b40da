import ArgumentParser
import Foundation
import KithLinkage
import KithPersons
import KithSpreadsheet
import KithStore

/// `kith-benchmark link`: links a million records from four lists end to end, from files and through the store,
/// then links this week's list of 10,000 onto them incrementally, printing seconds and peak memory of each.
struct LinkBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "link",
        abstract: "Link 1,000,000 records from four lists end to end, then 10,000 more incrementally; print seconds and memory."
    )

    @Option(help: "Records across the four lists.")
    var records = 1_000_000

    @Option(help: "Records in this week's list, linked incrementally.")
    var newRecords = 10_000

    @Option(help: "Folder for the generated files and the store (removed afterwards unless --keep).")
    var dir: String = FileManager.default.temporaryDirectory.appendingPathComponent("kith-link-benchmark").path

    @Flag(help: "Keep the generated files and the store.")
    var keep = false

    func run() throws {
        let folder = try BenchmarkFolder.prepare(dir)
        defer { if !keep { try? FileManager.default.removeItem(at: folder) } }
        print("Kith linkage benchmark, \(ProcessInfo.processInfo.activeProcessorCount) cores")
        var started = Date()
        var data = LinkBenchmarkData(records: records)
        let (lists, weekly) = try data.write(to: folder, newRecords: newRecords)
        print(String(format: "Generated four lists, %d records, and a weekly list of %d, in %.1f s", records, newRecords, Date().timeIntervalSince(started)))
        print("")
        print("step                                          records     seconds   peak MiB   target")
        let out = folder.appendingPathComponent("out")
        let files = try measure(["link-files-one"] + lists.map(\.path) + ["--out", out.path])
        show("kith link FILES --out (read→write)", records, files, target: "< 40 s, < 1536 MiB", met: files.seconds < 40 && files.peak < 1536)
        let persons = try Data(contentsOf: out.appendingPathComponent("persons.csv")).reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) } - 1
        print("  persons.csv has \(persons) rows")

        let store = folder.appendingPathComponent("link.sqlite").path
        started = Date()
        for (index, list) in lists.enumerated() {
            _ = try measure(["import-one", list.path, "--db", store, "--source", "List \(index + 1)"])
        }
        print(String(format: "  (imported the four lists into the store in %.1f s)", Date().timeIntervalSince(started)))
        let full = try measure(["link-store-one", "--db", store])
        show("kith link --db, first run", records, full, target: "", met: true)
        // This week's new calls, a source of their own: as a later list of "List 4" it would be refused for being
        // far smaller than that source's last list.
        _ = try measure(["import-one", weekly.path, "--db", store, "--source", "This week"])
        let incremental = try measure(["link-store-one", "--db", store])
        show("kith link --db, +\(newRecords) incrementally", newRecords, incremental, target: "< 3 s", met: incremental.seconds < 3)
    }

    struct Measurement {
        var seconds: Double
        var peak: Double
    }

    private func measure(_ arguments: [String]) throws -> Measurement {
        let started = Date()
        let (status, usage) = try ChildProcess.run(executable: ChildProcess.currentExecutable(), arguments: arguments)
        guard status == 0 else { throw ValidationError("\(arguments[0]) failed (exit \(status)).") }
        return Measurement(seconds: Date().timeIntervalSince(started), peak: Double(usage.ru_maxrss) / 1024)
    }

    private func show(_ name: String, _ count: Int, _ result: Measurement, target: String, met: Bool) {
        print(
            name.padding(toLength: 45, withPad: " ", startingAt: 0)
                + String(format: " %-11d %-9.2f %-10.0f %@%@", count, result.seconds, result.peak, target, target.isEmpty ? "" : (met ? ": met" : ": MISSED"))
        )
    }
}

/// Links files as `kith link FILES --out DIR` does; run as a child so its memory is measured alone.
struct LinkFilesOne: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "link-files-one", abstract: "Link files (used by link).")

    @Argument var files: [String]
    @Option var out: String

    func run() throws {
        let loader = ListFileLoader(referenceDate: CivilDate(year: 2026, month: 11, day: 16)!)
        let summary = try FileLinkage(loader: loader).run(files: files.map { URL(fileURLWithPath: $0) }, into: URL(fileURLWithPath: out))
        FileHandle.standardError.write(Data((LinkSummaryText.render(summary.report) + "\n").utf8))
    }
}

/// Links the store as `kith link --db` does; run as a child so its memory is measured alone.
struct LinkStoreOne: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "link-store-one", abstract: "Link the store (used by link).")

    @Option var db: String

    func run() throws {
        let index = PersonIndex(
            database: try KithDatabase.open(path: db), referenceDate: CivilDate(year: 2026, month: 11, day: 16)!,
            snapshotFile: PersonIndex.snapshotFile(forStoreAt: db)
        )
        let report = try index.link()
        FileHandle.standardError.write(Data((LinkSummaryText.render(report) + "\n").utf8))
    }
}
