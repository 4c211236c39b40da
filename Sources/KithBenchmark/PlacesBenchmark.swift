import ArgumentParser
import Foundation
import KithPlaces

/// Times the neighbourhood index: 30 indicators over 10,000 areas in five domains (target: under 1 s), against the
/// reference of SQLite ranking the same 300,000 figures with `PERCENT_RANK()` in the same run (only the first step
/// of the index: the reference shows what ranking alone costs in a tool built for it).
struct PlacesBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "places",
        abstract: "Time the index of 30 indicators over 10,000 areas (target: under 1 s), against sqlite3 ranking the same figures.")

    @Option(help: "Areas.") var areas = 10_000
    @Option(help: "Indicators, spread over five domains.") var indicators = 30
    @Option(help: "Times the index is made; the median is reported.") var rounds = 5

    func run() throws {
        #if DEBUG
            print("Warning: this is a debug build; figures mean nothing. Run: swift run -c release kith-benchmark places")
        #endif
        var state: UInt64 = 17
        func next() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53)
        }
        let codes = (0..<areas).map { "E0\(1_000_000 + $0)" }
        var table: [Indicator] = []
        var values: [String: [IndicatorValue]] = [:]
        var csv = "indicator,area,value\n"
        for number in 0..<indicators {
            let id = "i\(number)"
            table.append(Indicator(id: id, name: id, domain: "d\(number % 5)", denominator: number.isMultiple(of: 2) ? "residents" : nil))
            values[id] = codes.map { code in
                let value = next() < 0.01 ? nil : next() * 500
                let denominator = 1_000 + next() * 2_000
                csv += "\(id),\(code),\(value.map { String($0 / denominator * 1_000) } ?? "")\n"
                return IndicatorValue(area: code, value: value, denominator: denominator)
            }
        }
        let method = IndexMethod(
            domains: (0..<5).map { domain in
                .init(
                    id: "d\(domain)", name: "Domain \(domain)", weight: 1,
                    indicators: (0..<indicators).filter { $0 % 5 == domain }.map { .init(id: "i\($0)") })
            })
        var times: [Double] = []
        var index: PlaceIndex?
        for _ in 0..<rounds {
            let started = Date()
            index = try PlaceIndex(areas: codes, indicators: table, values: values, method: method)
            times.append(Date().timeIntervalSince(started))
        }
        times.sort()
        let median = times[times.count / 2]
        print(
            String(
                format: "Index of %d indicators over %@ areas: median %.3f s of %d (fastest %.3f s); target under 1 s: %@; top area %@", indicators,
                areas.formatted(), median, rounds, times[0], median < 1 ? "met" : "missed", index?.areas.first?.code ?? "-"))
        guard let sqlite = ChildProcess.onPath("sqlite3") else {
            print("reference skipped: sqlite3 is not installed (apt-get install sqlite3)")
            return
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kith-places-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("figures.csv")
        try Data(csv.utf8).write(to: file)
        let database = folder.appendingPathComponent("reference.sqlite").path
        _ = try ChildProcess.run(executable: sqlite, arguments: [database, ".mode csv", ".import \(file.path) figures"])
        let query = """
            CREATE TABLE ranked AS SELECT indicator, area, PERCENT_RANK() OVER (PARTITION BY indicator ORDER BY CAST(NULLIF(value, '') AS REAL)) AS rank FROM figures;
            """
        let reference = try ChildProcess.measure(executable: sqlite, arguments: [database, query])
        print(
            String(
                format:
                    "Reference, sqlite3 ranking the same %@ figures per indicator (PERCENT_RANK, the index's first step only): %.3f s; Kith's whole index is %.2f× that",
                (areas * indicators).formatted(), reference.seconds, median / reference.seconds))
    }
}
