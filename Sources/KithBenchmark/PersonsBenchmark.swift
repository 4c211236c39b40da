import ArgumentParser
import Foundation
import KithOutreach
import KithSpreadsheet
import KithStore

#if canImport(Glibc)
    import Glibc
#endif

/// `kith-benchmark persons`: persons at scale downstream of linkage. On the linked store `search` makes (about
/// 1,000,000 rows; made once and kept), each in a child process with its peak memory: builds every kept profile
/// from scratch (what a store from before profiles were kept does on first use), runs `kith score`, and writes the
/// first 100 of an area's contact list with `kith outreach`; then, for reference on the same store, the same
/// contact list made the old way (every profile rebuilt from every row) and the store's own query in `sqlite3`.
struct PersonsBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "persons",
        abstract: "Time kith score and kith outreach on a linked store of about 1,000,000 generated rows, against the old way."
    )

    @Option(help: "Stored rows wanted (the store `search --rows N` makes and keeps).")
    var rows = 1_000_000

    @Option(help: "A linked store to use instead.")
    var db: String?

    @Option(help: "The area of the contact list.")
    var area = "HY1"

    @Option(help: "The day to score and list as of.")
    var asOf = "2026-11-16"

    @Flag(help: "Skip the reference: the contact list made by rebuilding every profile (takes minutes at 1M rows).")
    var skipReference = false

    func run() throws {
        let load = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").first.map(String.init) ?? "?"
        print("Kith persons benchmark, \(ProcessInfo.processInfo.activeProcessorCount) cores, load average \(load)")
        let store = try db ?? SearchBenchmark.parse(["--rows", String(rows)]).prepareStore()
        let database = try KithDatabase.open(path: store)
        print("Store \(store): \(try database.imports.rowCount().formatted()) rows")
        let kith = URL(fileURLWithPath: ChildProcess.currentExecutable()).deletingLastPathComponent().appendingPathComponent("kith").path
        guard FileManager.default.isExecutableFile(atPath: kith) else {
            throw ValidationError("Build kith beside kith-benchmark first: swift build -c release --product kith --product kith-benchmark")
        }
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("kith-persons-benchmark-\(getpid()).csv").path
        defer { try? FileManager.default.removeItem(atPath: out) }
        fflush(nil)

        print("")
        print("step                                                      seconds   peak MiB   target")
        let build = try measure(ChildProcess.currentExecutable(), ["profiles-one", "--db", store])
        report("build every kept profile from scratch (once per store)", build, target: nil)
        let score = try measure(kith, ["score", "--db", store, "--as-of", asOf, "--by", "benchmark"])
        report("kith score", score, target: 60)
        let outreach = try measure(
            kith, ["outreach", "--db", store, "--as-of", asOf, "--area", area, "--limit", "100", "--out", out, "--by", "benchmark"])
        report("kith outreach --area \(area) --limit 100", outreach, target: 2)
        let sql = try measure("/usr/bin/sqlite3", [store, Self.referenceQuery(area: area)])
        report("reference: the list's query alone in sqlite3", sql, target: nil)
        print(String(format: "  kith outreach takes %.1f times the sqlite3 query alone", outreach.seconds / max(sql.seconds, 0.001)))
        if !skipReference {
            let rebuilt = try measure(ChildProcess.currentExecutable(), ["outreach-rebuilt-one", "--db", store, "--as-of", asOf, "--area", area])
            report("reference: the same list, every profile rebuilt", rebuilt, target: nil)
            print(String(format: "  the old way takes %.0f times as long as kith outreach now", rebuilt.seconds / max(outreach.seconds, 0.001)))
        }
        print("")
        print("Figures on a shared 2-core machine vary with what else runs; the load average above says how busy it was.")
    }

    /// The contact list's own query, as the store runs it: the area's scored people in order, the first 100 (counted,
    /// so that the ids are not printed).
    static func referenceQuery(area: String) -> String {
        """
        SELECT COUNT(*) FROM (SELECT personScore.personId FROM personProfile CROSS JOIN personScore
            ON personScore.runId = (SELECT MAX(id) FROM scoreRun) AND personScore.personId = personProfile.personId
        WHERE personProfile.onLatestList = 1 AND personProfile.area = '\(area.replacingOccurrences(of: "'", with: "''"))' COLLATE NOCASE
            AND personProfile.isDeceased = 0 AND personProfile.doNotContact = 0 AND personProfile.hasMoved = 0
        ORDER BY CASE personScore.band WHEN 'purple' THEN 3 WHEN 'red' THEN 2 WHEN 'amber' THEN 1 ELSE 0 END DESC,
            personProfile.lastContactDay IS NOT NULL, personProfile.lastContactDay, personScore.score DESC, personScore.personId
        LIMIT 100);
        """
    }

    struct Measurement {
        var seconds: Double
        var peakMebibytes: Double
    }

    private func measure(_ executable: String, _ arguments: [String]) throws -> Measurement {
        let started = Date()
        let (status, usage) = try ChildProcess.run(executable: executable, arguments: arguments)
        guard status == 0 else { throw ValidationError("\(executable) \(arguments.first ?? "") failed (exit \(status)).") }
        return Measurement(seconds: Date().timeIntervalSince(started), peakMebibytes: Double(usage.ru_maxrss) / 1024)
    }

    private func report(_ name: String, _ measurement: Measurement, target: Double?) {
        let verdict = target.map { String(format: "< %.0f s: %@", $0, measurement.seconds < $0 ? "met" : "missed") } ?? "—"
        print(
            name.padding(toLength: 57, withPad: " ", startingAt: 0)
                + String(format: " %-9.2f %-10.0f ", measurement.seconds, measurement.peakMebibytes) + verdict
        )
        fflush(nil)
    }
}

/// Builds every kept profile from scratch in the store (used by `persons`).
struct ProfilesOne: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "profiles-one", abstract: "Build every kept profile (used by persons).")

    @Option var db: String

    func run() throws {
        let database = try KithDatabase.open(path: db)
        try database.profiles.removeAll()
        let built = try ProfileTable(database: database).refresh()
        FileHandle.standardError.write(Data("  built \(built) profiles\n".utf8))
    }
}

/// Makes an area's contact list the old way, rebuilding every profile from every row (used by `persons`).
struct OutreachRebuiltOne: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "outreach-rebuilt-one", abstract: "The old contact list (used by persons).")

    @Option var db: String
    @Option var asOf: String
    @Option var area: String

    func run() throws {
        let database = try KithDatabase.open(path: db)
        guard let date = CivilDate(iso: asOf) else { throw ValidationError("--as-of is not a date") }
        let list = try OutreachList.rebuilt(database: database, filter: OutreachFilter(area: area, limit: 100), referenceDate: date)
        FileHandle.standardError.write(Data("  listed \(list.entries.count)\n".utf8))
    }
}
