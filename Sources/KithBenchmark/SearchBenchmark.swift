import ArgumentParser
import Dispatch
import Foundation
import KithIngest
import KithLinkage
import KithPersons
import KithSpreadsheet
import KithStandard
import KithStore
import KithSynthetic

#if canImport(Glibc)
    import Glibc
#endif

/// `kith-benchmark search`: loads the person search index from a linked store of generated residents (made once and
/// kept, or given with `--db`) and times a mix of realistic queries drawn from stored rows, typos included, one at
/// a time and from concurrent tasks, printing percentiles per kind of query.
struct SearchBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Time person search over a linked store of about 1,000,000 generated rows, alone and from 20 concurrent tasks."
    )

    @Option(help: "Stored rows wanted: a borough of residents giving about this many list rows is generated.")
    var rows = 1_000_000

    @Option(help: "Queries in the mix, shared equally among the kinds of query.")
    var queries = 2_000

    @Option(help: "Times the mix is asked, one query at a time and then concurrently.")
    var rounds = 1

    @Option(help: "Concurrent tasks in the second run, each asking its queries one after another.")
    var tasks = 20

    @Option(help: "A linked store to search instead of a generated one.")
    var db: String?

    @Option(help: "Folder kept between runs for the generated borough and its linked store (default: one per --rows in the temporary folder).")
    var dir: String?

    @Option(help: "Seed of the generated borough and of the queries.")
    var seed: UInt64 = 1

    @Flag(help: "Generate, import and link again even when the folder already holds a linked store.")
    var fresh = false

    /// List rows a generated borough gives per resident (most residents are on no list).
    static let rowsPerResident = 0.282
    /// The most residents this benchmark generates (about 2.8 million rows); the generator's four-digit school
    /// establishment numbers (`SchoolDirectory`) last to about 18 million.
    static let largestBorough = 10_000_000

    func run() throws {
        let load = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").first.map(String.init) ?? "?"
        print("Kith person search benchmark, \(ProcessInfo.processInfo.activeProcessorCount) cores, load average \(load) at the start")
        #if DEBUG
            print("Warning: this is a debug build; figures mean nothing. Run: swift run -c release kith-benchmark search")
        #endif
        let store = try prepareStore()
        let database = try KithDatabase.open(path: store)

        let before = Self.residentMebibytes()
        let started = Date()
        let index = try PersonSearchIndex.load(from: database)
        let loadSeconds = Date().timeIntervalSince(started)
        let after = Self.residentMebibytes()
        print(
            String(
                format: "Loaded the index of %d rows, %d persons, %d name words in %.2f s", index.rowCount, index.personCount,
                index.nameWordCount, loadSeconds
            )
        )
        print(String(format: "Resident memory (/proc/self/statm): %.0f MiB before loading, %.0f MiB after", before, after))

        var random = SplitMix64(seed: seed)
        let mix = try QueryMix.draw(from: database, count: queries, random: &random)
        print("Drew \(mix.count) queries from stored rows (\(QueryKind.allCases.count) kinds, typos injected where named)")
        let personOfRow = try database.linkage.personAssignments()

        // One at a time: a first pass warms caches, the next are timed, by the clock and by CPU time
        // (which other programs on the machine do not inflate).
        for query in mix.prefix(200) { _ = index.search(query.query) }
        var samples: [Sample] = []
        var cpuSamples: [Sample] = []
        var found: [QueryKind: Int] = [:]
        for round in 0..<rounds {
            for query in mix {
                let start = DispatchTime.now().uptimeNanoseconds
                let cpuStart = Self.cpuMicroseconds()
                let results = index.search(query.query)
                cpuSamples.append(Sample(kind: query.kind, milliseconds: Double(Self.cpuMicroseconds() - cpuStart) / 1e3))
                samples.append(Sample(kind: query.kind, milliseconds: Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6))
                if round == 0, let person = personOfRow[query.rowID], results.contains(where: { $0.personID == person }) {
                    found[query.kind, default: 0] += 1
                }
            }
        }
        print("")
        let counts = Dictionary(grouping: mix, by: \.kind).mapValues(\.count)
        Self.report(samples, title: "One query at a time, by the clock (ms)", found: found, counts: counts)
        print("")
        Self.report(cpuSamples, title: "One query at a time, CPU time (ms)", found: nil, counts: nil)

        let concurrent = Self.runConcurrently(mix, rounds: rounds, tasks: tasks, index: index)
        print("")
        Self.report(
            concurrent.waited,
            title: "\(tasks) concurrent tasks, from asking to answer, waiting for a core included (ms)", found: nil, counts: nil
        )
        let service = Self.percentiles(concurrent.working.map(\.milliseconds))
        print(
            String(
                format: "  working time alone: p50 %.2f, p99 %.2f, max %.2f ms; %.0f queries/s over %.1f s",
                service.p50, service.p99, service.max, Double(concurrent.waited.count) / concurrent.seconds, concurrent.seconds
            )
        )
    }

    /// The store to search: `--db`, else the folder's store, made when it is missing or `--fresh` is asked for.
    func prepareStore() throws -> String {
        if let db { return db }
        let folder = dir ?? FileManager.default.temporaryDirectory.appendingPathComponent("kith-search-benchmark-\(rows)").path
        let store = URL(fileURLWithPath: folder).appendingPathComponent("kith.sqlite").path
        if !fresh, FileManager.default.fileExists(atPath: store), (try? KithDatabase.open(path: store).linkage.latestRun()) != nil {
            print("Reusing the linked store \(store) (--fresh makes a new one)")
            return store
        }
        _ = try BenchmarkFolder.prepare(folder)
        print("Generating a borough, importing its lists and linking them in \(folder)")
        fflush(nil)
        let started = Date()
        let (status, usage) = try ChildProcess.run(
            executable: ChildProcess.currentExecutable(),
            arguments: ["search-prepare-one", "--dir", folder, "--rows", String(rows), "--seed", String(seed)]
        )
        guard status == 0 else { throw ValidationError("search-prepare-one failed (exit \(status)).") }
        print(
            String(
                format: "Generated, imported and linked in %.1f s, peak memory %.0f MiB", Date().timeIntervalSince(started),
                Double(usage.ru_maxrss) / 1024
            )
        )
        return store
    }

    // MARK: Concurrency

    /// Runs the mix `rounds` times from `tasks` tasks at once, each asking its share one query after another. A
    /// query's wait counts from when it is asked: the task yields first, as a server's request waits its turn for a core.
    private static func runConcurrently(
        _ mix: [BenchmarkQuery], rounds: Int, tasks: Int, index: PersonSearchIndex
    ) -> (waited: [Sample], working: [Sample], seconds: Double) {
        let outcome = ConcurrentOutcome()
        let done = DispatchSemaphore(value: 0)
        let started = DispatchTime.now().uptimeNanoseconds
        Task.detached {
            let samples = await withTaskGroup(of: [(Sample, Sample)].self) { group in
                for task in 0..<tasks {
                    group.addTask {
                        var samples: [(Sample, Sample)] = []
                        let share = stride(from: task, to: mix.count, by: tasks).map { mix[$0] }
                        for query in (0..<rounds).flatMap({ _ in share }) {
                            let asked = DispatchTime.now().uptimeNanoseconds
                            await Task.yield()
                            let begun = DispatchTime.now().uptimeNanoseconds
                            _ = index.search(query.query)
                            let ended = DispatchTime.now().uptimeNanoseconds
                            samples.append(
                                (
                                    Sample(kind: query.kind, milliseconds: Double(ended - asked) / 1e6),
                                    Sample(kind: query.kind, milliseconds: Double(ended - begun) / 1e6)
                                )
                            )
                        }
                        return samples
                    }
                }
                var all: [(Sample, Sample)] = []
                for await samples in group { all += samples }
                return all
            }
            outcome.set(samples)
            done.signal()
        }
        done.wait()
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        let samples = outcome.samples
        return (samples.map(\.0), samples.map(\.1), seconds)
    }

    // MARK: Reporting

    struct Sample: Sendable {
        var kind: QueryKind
        var milliseconds: Double
    }

    private static func report(_ samples: [Sample], title: String, found: [QueryKind: Int]?, counts: [QueryKind: Int]?) {
        print(title)
        print("kind                    queries   p50      p95      p99      max" + (found == nil ? "" : "      found in top 50"))
        let byKind = Dictionary(grouping: samples, by: \.kind)
        for kind in QueryKind.allCases {
            guard let times = byKind[kind]?.map(\.milliseconds) else { continue }
            var line = row(kind.rawValue, times)
            if let found, let count = counts?[kind], count > 0 {
                line += String(format: "   %5.1f%%", Double(found[kind, default: 0]) * 100 / Double(count))
            }
            print(line)
        }
        print(row("all", samples.map(\.milliseconds)))
    }

    private static func row(_ name: String, _ times: [Double]) -> String {
        let figures = percentiles(times)
        return name.padding(toLength: 24, withPad: " ", startingAt: 0)
            + String(format: "%-9d %-8.2f %-8.2f %-8.2f %-8.2f", times.count, figures.p50, figures.p95, figures.p99, figures.max)
    }

    private static func percentiles(_ times: [Double]) -> (p50: Double, p95: Double, p99: Double, max: Double) {
        let sorted = times.sorted()
        guard let last = sorted.last else { return (0, 0, 0, 0) }
        func at(_ share: Double) -> Double { sorted[min(sorted.count - 1, Int(Double(sorted.count) * share))] }
        return (at(0.5), at(0.95), at(0.99), last)
    }

    /// CPU time this process has used, in microseconds (its only busy thread, while queries run one at a time).
    static func cpuMicroseconds() -> Int {
        Int(clock()) * 1_000_000 / Int(CLOCKS_PER_SEC)
    }

    /// This process's resident set size, from `/proc/self/statm` (pages in memory now, not the peak).
    static func residentMebibytes() -> Double {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Double(fields[1]) else { return 0 }
        return pages * Double(sysconf(Int32(_SC_PAGESIZE))) / 1_048_576
    }
}

/// The samples the concurrent tasks hand back, kept for the waiting caller.
private final class ConcurrentOutcome: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [(SearchBenchmark.Sample, SearchBenchmark.Sample)] = []

    func set(_ samples: [(SearchBenchmark.Sample, SearchBenchmark.Sample)]) {
        lock.lock()
        stored = samples
        lock.unlock()
    }

    var samples: [(SearchBenchmark.Sample, SearchBenchmark.Sample)] {
        lock.lock()
        defer { lock.unlock() }
        return stored
    }
}

/// What a person searching types, by kind; typos are one edit (a letter changed, dropped, added, or two swapped).
enum QueryKind: String, CaseIterable, Sendable {
    case surname
    case givenAndSurname = "given + surname"
    case typoSurname = "typo surname"
    case birthDate = "date of birth"
    case birthDateAndSurname = "DOB + surname"
    case birthDateAndTypoSurname = "DOB + typo surname"
    case nhsNumber = "NHS number"
    case postcode
    case outwardCode = "outward code"
}

/// One query of the mix, with the stored row it was drawn from.
struct BenchmarkQuery: Sendable {
    var kind: QueryKind
    var query: PersonSearchQuery
    var rowID: Int64
}

/// Draws the mix from random stored rows, read as linkage reads them.
enum QueryMix {
    static let referenceDate = CivilDate(year: 2026, month: 11, day: 16)!

    static func draw(from database: KithDatabase, count: Int, random: inout SplitMix64) throws -> [BenchmarkQuery] {
        var builders: [Int64: PersonRecordBuilder] = [:]
        for (importID, columns) in try database.linkage.linkableColumns() {
            var tags = [HXLTag?](repeating: nil, count: (columns.map(\.position).max() ?? -1) + 1)
            for column in columns { tags[column.position] = column.tag.flatMap { HXLTag(parsing: $0) } }
            builders[importID] = PersonRecordBuilder(tags: tags)
        }
        guard let lastRow = try database.linkage.latestRun()?.lastSourceRowId, lastRow > 0 else {
            throw ValidationError("The store has not been linked: run kith link first.")
        }
        let kinds = QueryKind.allCases
        let perKind = max(1, count / kinds.count)
        var drawn: [QueryKind: [BenchmarkQuery]] = [:]
        var attempts = 0
        while kinds.contains(where: { drawn[$0, default: []].count < perKind }), attempts < 200 {
            attempts += 1
            let ids = (0..<1_000).map { _ in Int64(random.next() % UInt64(lastRow)) + 1 }
            for row in try database.linkage.linkableRows(ids: Array(Set(ids)).sorted()) {
                guard let builder = builders[row.importId] else { continue }
                let record = builder.record(key: String(row.rowId), source: row.sourceName, cells: row.cells) { row.normalised[$0] }
                let kind = kinds[Int(random.next() % UInt64(kinds.count))]
                guard drawn[kind, default: []].count < perKind, let text = text(of: kind, from: record, random: &random) else { continue }
                drawn[kind, default: []].append(
                    BenchmarkQuery(kind: kind, query: PersonSearchQuery(text: text, referenceDate: referenceDate), rowID: row.rowId)
                )
            }
        }
        // Interleaved, as people would ask them.
        var mix: [BenchmarkQuery] = []
        for position in 0..<perKind {
            for kind in kinds where position < drawn[kind, default: []].count { mix.append(drawn[kind, default: []][position]) }
        }
        return mix
    }

    /// What someone would type for the row, or nil when the row lacks what the kind needs.
    static func text(of kind: QueryKind, from record: PersonRecord, random: inout SplitMix64) -> String? {
        let family = record.familyName
        let date = record.birthDate.map { String(format: "%02d/%02d/%04d", $0.day, $0.month, $0.year) }
        switch kind {
        case .surname:
            return family
        case .givenAndSurname:
            guard let given = record.givenName, let family else { return nil }
            return given + " " + family
        case .typoSurname:
            return family.flatMap { typo($0, random: &random) }
        case .birthDate:
            return date
        case .birthDateAndSurname:
            guard let family, let date else { return nil }
            return family + " " + date
        case .birthDateAndTypoSurname:
            guard let typo = family.flatMap({ typo($0, random: &random) }), let date else { return nil }
            return typo + " " + date
        case .nhsNumber:
            guard let number = record.nhsNumber.map(Array.init) else { return nil }
            return String(number[0..<3]) + " " + String(number[3..<6]) + " " + String(number[6...])
        case .postcode:
            guard let postcode = record.postcode, postcode.contains(" ") else { return nil }
            return postcode.replacingOccurrences(of: " ", with: "").lowercased()
        case .outwardCode:
            guard let postcode = record.postcode, let space = postcode.firstIndex(of: " ") else { return nil }
            return String(postcode[..<space])
        }
    }

    /// The name's matching key with one edit, in lower case; nil for keys under five letters.
    static func typo(_ name: String, random: inout SplitMix64) -> String? {
        var letters = Array(NameNormaliser.normalise(name).key.lowercased())
        guard letters.count >= 5 else { return nil }
        let position = Int(random.next() % UInt64(letters.count - 1))
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz")
        switch random.next() % 4 {
        case 0:
            let replacement = alphabet[Int(random.next() % 26)]
            letters[position] = replacement == letters[position] ? (replacement == "a" ? "b" : "a") : replacement
        case 1: letters.remove(at: position)
        case 2: letters.insert(alphabet[Int(random.next() % 26)], at: position)
        default: letters.swapAt(position, position + 1)
        }
        return String(letters)
    }
}

/// Generates a borough giving about `--rows` list rows, imports every list into a new store and links it, as
/// `kith generate`, `kith import` and `kith link` would; run as a child so the search benchmark's memory is its own.
struct SearchPrepareOne: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "search-prepare-one", abstract: "Make a linked store (used by search).")

    @Option var dir: String
    @Option var rows: Int
    @Option var seed: UInt64 = 1

    func run() throws {
        let folder = URL(fileURLWithPath: dir)
        let wanted = max(1_000, Int(Double(rows) / SearchBenchmark.rowsPerResident))
        if wanted > SearchBenchmark.largestBorough {
            print("  (\(wanted) residents would be needed; the generator makes at most \(SearchBenchmark.largestBorough))")
        }
        let configuration = BoroughConfiguration(people: min(wanted, SearchBenchmark.largestBorough), seed: seed)
        var started = Date()
        let summary = try BoroughGenerator(configuration: configuration).write(to: folder)
        let listRows = summary.lists.reduce(0) { $0 + $1.rows }
        print(String(format: "  generated %d residents, %d list rows, in %.1f s", summary.people, listRows, Date().timeIntervalSince(started)))
        started = Date()
        let store = folder.appendingPathComponent("kith.sqlite").path
        let database = try KithDatabase.open(path: store)
        let importer = Importer(repository: database.imports)
        for list in summary.lists {
            let request = ImportRequest(
                file: list.file, sourceName: list.source, sheet: list.sheet, importedBy: "benchmark",
                referenceDate: configuration.extractDate
            )
            _ = try importer.run(request)
        }
        print(String(format: "  imported the %d lists in %.1f s", summary.lists.count, Date().timeIntervalSince(started)))
        started = Date()
        let report = try PersonIndex(
            database: database, referenceDate: configuration.extractDate, snapshotFile: PersonIndex.snapshotFile(forStoreAt: store)
        ).link(by: "benchmark")
        print(String(format: "  linked %d records into %d persons in %.1f s", report.records, report.persons, Date().timeIntervalSince(started)))
    }
}
