import ArgumentParser
import Foundation
import KithLinkage
import KithPersons
import KithSpreadsheet
import KithStore

#if canImport(Glibc)
    import Glibc
#endif

/// `kith-benchmark link`: links a million records from four lists end to end, from files and through the store,
/// then links this week's list of 10,000 onto them incrementally, printing seconds, peak memory and each stage of
/// each; and, on the same records in the same run, Splink's household model, so that the targets are ratios.
struct LinkBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "link",
        abstract: "Link 1,000,000 records from four lists end to end, then 10,000 more incrementally; time Splink on the same records."
    )

    @Option(help: "Records across the four lists.")
    var records = 1_000_000

    @Option(help: "Records in this week's list, linked incrementally.")
    var newRecords = 10_000

    @Option(help: "Folder for the generated files and the store (removed afterwards unless --keep).")
    var dir: String = FileManager.default.temporaryDirectory.appendingPathComponent("kith-link-benchmark").path

    @Flag(help: "Keep the generated files and the store.")
    var keep = false

    @Flag(help: "Do not run Splink (it takes minutes and about 5 GiB at a million records).")
    var noReference = false

    /// `kith link FILES --out` at most this share of Splink's time, and under this many MiB, on the same records.
    static let filesShareOfSplink = 0.2
    static let memoryLimit = 1536.0
    /// An incremental run of this week's list at most this share of a full store run.
    static let incrementalShareOfFull = 0.05

    func run() throws {
        let folder = try BenchmarkFolder.prepare(dir)
        defer { if !keep { try? FileManager.default.removeItem(at: folder) } }
        print("Kith linkage benchmark, \(ProcessInfo.processInfo.activeProcessorCount) cores, " + Self.loadAverage())
        var started = Date()
        var data = LinkBenchmarkData(records: records)
        let stacked = folder.appendingPathComponent("stacked.csv")
        let (lists, weekly) = try data.write(to: folder, newRecords: newRecords, stacked: stacked)
        print(
            String(
                format: "Generated four lists, %d records (and stacked.csv for Splink), and a weekly list of %d, in %.1f s", records,
                newRecords, Date().timeIntervalSince(started)
            )
        )
        print("")
        print("step                                          records     seconds   peak MiB   target")
        let out = folder.appendingPathComponent("out")
        let files = try measure(["link-files-one"] + lists.map(\.path) + ["--out", out.path], folder: folder)
        show("kith link FILES --out (read→write)", records, files, target: "< \(Int(Self.memoryLimit)) MiB", met: files.peak < Self.memoryLimit)
        let persons = try Data(contentsOf: out.appendingPathComponent("persons.csv")).reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) } - 1
        print("  persons.csv has \(persons) rows")

        let store = folder.appendingPathComponent("link.sqlite").path
        started = Date()
        for (index, list) in lists.enumerated() {
            _ = try measure(["import-one", list.path, "--db", store, "--source", "List \(index + 1)"], folder: nil)
        }
        print(String(format: "  (imported the four lists into the store in %.1f s)", Date().timeIntervalSince(started)))
        let full = try measure(["link-store-one", "--db", store], folder: folder)
        show("kith link --db, first run", records, full, target: "< \(Int(Self.memoryLimit)) MiB", met: full.peak < Self.memoryLimit)
        // This week's new calls, a source of their own: as a later list of "List 4" it would be refused for being
        // far smaller than that source's last list.
        _ = try measure(["import-one", weekly.path, "--db", store, "--source", "This week"], folder: nil)
        let incremental = try measure(["link-store-one", "--db", store], folder: folder)
        show("kith link --db, +\(newRecords) incrementally", newRecords, incremental, target: "", met: true)

        print("")
        print("References, same input, same run:")
        let splink = noReference ? nil : try runSplink(stacked: stacked, folder: folder)
        print("")
        print("Ratios (Kith / reference):")
        if let splink {
            print(
                ReferenceTools.ratioLine(
                    "kith link FILES / Splink household, time", kith: files.seconds, reference: splink.seconds,
                    atMost: Self.filesShareOfSplink, targetText: "1/5"
                )
            )
            print(
                "kith link FILES / Splink household, memory".padding(toLength: 45, withPad: " ", startingAt: 0)
                    + String(format: " %.2f  (%.0f MiB against %.0f MiB)", files.peak / splink.peak, files.peak, splink.peak)
            )
        } else {
            print("kith link FILES / Splink household            not measured (reference skipped)")
        }
        print(
            ReferenceTools.ratioLine(
                "incremental +\(newRecords) / full store run, time", kith: incremental.seconds, reference: full.seconds,
                atMost: Self.incrementalShareOfFull, targetText: "1/20"
            )
        )
    }

    struct Measurement {
        var seconds: Double
        var peak: Double
        var stages: StageReport?
    }

    /// Runs this program with `arguments` as a child; with a `folder`, the child writes its stages there to be shown.
    private func measure(_ arguments: [String], folder: URL?) throws -> Measurement {
        let reportFile = folder?.appendingPathComponent("stages-\(arguments[0]).json")
        if let reportFile { try? FileManager.default.removeItem(at: reportFile) }
        let (seconds, peak) = try ChildProcess.measure(
            executable: ChildProcess.currentExecutable(), arguments: arguments + (reportFile.map { ["--report", $0.path] } ?? [])
        )
        let stages = try reportFile.map { try JSONDecoder().decode(StageReport.self, from: Data(contentsOf: $0)) }
        return Measurement(seconds: seconds, peak: peak, stages: stages)
    }

    private func show(_ name: String, _ count: Int, _ result: Measurement, target: String, met: Bool) {
        print(
            name.padding(toLength: 45, withPad: " ", startingAt: 0)
                + String(
                    format: " %-11d %-9.2f %-10.0f %@%@", count, result.seconds, result.peak, target,
                    target.isEmpty ? "" : (met ? ": met" : ": MISSED"))
        )
        for stage in result.stages?.stages ?? [] {
            print(
                "    " + stage.stage.padding(toLength: 41, withPad: " ", startingAt: 0)
                    + String(format: " %11@ %-9.2f %@", "", stage.seconds, stage.peakMebibytes.map { String(format: "%-10.0f", $0) } ?? "")
            )
        }
    }

    /// Splink's household model on the same records, stacked, as a child whose peak memory the kernel reports.
    private func runSplink(stacked: URL, folder: URL) throws -> (seconds: Double, peak: Double)? {
        let splink: (python: String, script: String)
        switch ReferenceTools.splink() {
        case .success(let found): splink = found
        case .failure(let missing):
            print(missing.line)
            return nil
        }
        let output = folder.appendingPathComponent("splink")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        let log = output.appendingPathComponent("splink.log").path
        let (seconds, peak) = try ChildProcess.measure(
            executable: splink.python, arguments: [splink.script, "--data", stacked.path, "--model", "household", "--no-eval"],
            output: log, environment: ["BENCH_OUT": output.path]
        )
        print(
            "splink_peer.py --model household".padding(toLength: 45, withPad: " ", startingAt: 0)
                + String(format: " %-11d %-9.2f %-10.0f (log: %@)", records, seconds, peak, log)
        )
        return (seconds, peak)
    }

    static func loadAverage() -> String {
        let text = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? ""
        return "load average " + text.split(separator: " ").prefix(3).joined(separator: " ")
    }
}

/// The stages of one run with their seconds and the process's peak memory when each ended, as a child writes them.
struct StageReport: Codable {
    struct Stage: Codable {
        var stage: String
        var seconds: Double
        var peakMebibytes: Double?
    }

    var stages: [Stage]

    /// The report's stages, each with the peak memory seen when it ended (the last with the peak at the end).
    init(_ report: LinkageReport, peaks: StagePeaks) {
        let seen = peaks.seen
        stages = report.stageSeconds.enumerated().map { index, stage in
            Stage(
                stage: stage.stage, seconds: stage.seconds,
                peakMebibytes: index == report.stageSeconds.count - 1 ? StagePeaks.now() : seen[stage.stage]
            )
        }
    }

    func write(to path: String?) throws {
        guard let path else { return }
        try JSONEncoder().encode(self).write(to: URL(fileURLWithPath: path))
    }
}

/// The process's peak memory as each stage of a run ends, noted from the run's progress calls.
final class StagePeaks: @unchecked Sendable {
    private let lock = NSLock()
    private var peaks: [String: Double] = [:]

    func note(_ stage: String) {
        let peak = Self.now()
        lock.lock()
        peaks[stage] = peak
        lock.unlock()
    }

    var seen: [String: Double] {
        lock.lock()
        defer { lock.unlock() }
        return peaks
    }

    /// This process's peak memory so far, in MiB.
    static func now() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024
    }
}

/// Links files as `kith link FILES --out DIR` does; run as a child so its memory is measured alone.
struct LinkFilesOne: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "link-files-one", abstract: "Link files (used by link).")

    @Argument var files: [String]
    @Option var out: String
    @Option(help: "A file to write the stages' seconds and memory into, as JSON.") var report: String?

    func run() throws {
        let loader = ListFileLoader(referenceDate: CivilDate(year: 2026, month: 11, day: 16)!)
        let peaks = StagePeaks()
        var options = LinkageOptions()
        options.progress = { stage, _ in peaks.note(stage) }
        let summary = try FileLinkage(loader: loader, options: options).run(
            files: files.map { URL(fileURLWithPath: $0) }, into: URL(fileURLWithPath: out)
        )
        try StageReport(summary.report, peaks: peaks).write(to: report)
        FileHandle.standardError.write(Data((LinkSummaryText.render(summary.report) + "\n").utf8))
    }
}

/// Links the store as `kith link --db` does; run as a child so its memory is measured alone.
struct LinkStoreOne: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "link-store-one", abstract: "Link the store (used by link).")

    @Option var db: String
    @Option(help: "A file to write the stages' seconds and memory into, as JSON.") var report: String?

    func run() throws {
        let index = PersonIndex(
            database: try KithDatabase.open(path: db), referenceDate: CivilDate(year: 2026, month: 11, day: 16)!,
            snapshotFile: PersonIndex.snapshotFile(forStoreAt: db)
        )
        let peaks = StagePeaks()
        var options = LinkageOptions()
        options.progress = { stage, _ in peaks.note(stage) }
        let linkReport = try index.link(by: "benchmark", options: options)
        try StageReport(linkReport, peaks: peaks).write(to: report)
        FileHandle.standardError.write(Data((LinkSummaryText.render(linkReport) + "\n").utf8))
    }
}

/// Encodes the records of lists one at a time and in batches on every core, alternately, and prints the seconds of
/// each: the encode stage alone, both ways, in one process.
struct EncodeBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "encode", abstract: "Time encoding the records of lists one at a time and on every core."
    )

    @Argument(help: "Lists to read (CSV or XLSX).") var files: [String]
    @Option(help: "Times to encode each way.") var rounds = 2

    func run() throws {
        let loader = ListFileLoader(referenceDate: CivilDate(year: 2026, month: 11, day: 16)!)
        var records: [PersonRecord] = []
        for file in files {
            let url = URL(fileURLWithPath: file)
            records += try loader.load(url, source: url.lastPathComponent).records
        }
        print("\(records.count) records, " + LinkBenchmark.loadAverage())
        func timed(_ body: () -> Int) -> (wall: Double, cpu: Double, count: Int) {
            let cpu = Self.cpuSeconds()
            let started = DispatchTime.now().uptimeNanoseconds
            let count = body()
            return (Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9, Self.cpuSeconds() - cpu, count)
        }
        for round in 1...rounds {
            let serial = timed {
                var encoded = EncodedRecords()
                encoded.appendOnOneThread(contentsOf: records)
                return encoded.count
            }
            let parallel = timed {
                var encoded = EncodedRecords()
                encoded.append(contentsOf: records)
                return encoded.count
            }
            print(
                String(
                    format: "round %d: one at a time %.2f s (%.2f s of CPU), on every core %.2f s (%.2f s of CPU); %d and %d records", round,
                    serial.wall, serial.cpu, parallel.wall, parallel.cpu, serial.count, parallel.count
                )
            )
        }
    }

    /// This process's user and system CPU seconds so far, on every thread.
    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }
}
