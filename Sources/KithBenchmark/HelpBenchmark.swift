import ArgumentParser
import Foundation
import KithAccess
import KithDirectory
import KithHelp
import KithHelpDesk
import KithSpreadsheet
import KithStore

/// Times ranking volunteers for a request: 10,000 generated volunteers around a borough (the matcher alone, in
/// memory), and, given a store (`--db`, as `scripts/benchmark-help-web` builds), the help desk's whole step: reading
/// the active volunteers and their open tasks from the store, then ranking them for an open request. The reference in
/// the same run is SQLite itself answering the nearest-volunteers question as one query over the same table.
struct HelpBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "help", abstract: "Time ranking 10,000 volunteers for a request (target: under 20 ms), in memory and over a store.")

    @Option(help: "Volunteers generated for the in-memory run.") var volunteers = 10_000
    @Option(help: "Rankings timed.") var rounds = 500
    @Option(help: "A store with volunteers and open requests (scripts/benchmark-help-web makes one).") var db: String?

    func run() throws {
        #if DEBUG
            print("Warning: this is a debug build; figures mean nothing. Run: swift run -c release kith-benchmark help")
        #endif
        var random = SplitMix64(seed: 7)
        func unit() -> Double { Double(random.next() >> 11) / Double(1 << 53) }
        let needs = HelpNeed.standard
        let centre = GeoPoint(latitude: 53.55, longitude: -2.1)
        let today = CivilDate(year: 2026, month: 12, day: 4)!
        var pool: [Volunteer] = []
        for index in 0..<volunteers {
            let offers = Set(needs.filter { _ in unit() < 0.35 }.map(\.id) + ["food"])
            let slots = TimeSlot.all.filter { _ in unit() < 0.3 }.map(\.availability)
            pool.append(
                Volunteer(
                    id: String(index + 1), name: "Volunteer \(index + 1)", offers: offers, availability: slots,
                    home: GeoPoint(latitude: centre.latitude + (unit() - 0.5) * 0.12, longitude: centre.longitude + (unit() - 0.5) * 0.2),
                    travelMetres: [800.0, 1_600, 3_200, 4_800][Int(unit() * 4)], languages: unit() < 0.15 ? ["polish"] : [], drives: unit() < 0.45,
                    dbs: unit() < 0.6 ? DBSCheck(level: .enhancedWithBarredLists, number: "001234567890", validUntil: today.adding(days: 400)) : nil,
                    status: unit() < 0.8 ? .active : .paused, openTasks: Int(unit() * 4)))
        }
        var times: [Double] = []
        var found = 0
        for round in 0..<rounds {
            let task = HelpTask(
                need: needs[round % needs.count],
                place: GeoPoint(latitude: centre.latitude + (unit() - 0.5) * 0.1, longitude: centre.longitude + (unit() - 0.5) * 0.16),
                at: round.isMultiple(of: 3) ? LocalMoment(date: today, minutes: 600) : nil, language: round.isMultiple(of: 5) ? "polish" : nil,
                today: today)
            let started = DispatchTime.now().uptimeNanoseconds
            let ranked = VolunteerMatcher.rank(task, among: pool)
            times.append(Double(DispatchTime.now().uptimeNanoseconds - started) / 1e6)
            found += ranked.count
        }
        print(
            "Ranking \(volunteers.formatted()) volunteers in memory, \(rounds) requests: \(Self.figures(times)); \(found / max(1, rounds)) suggested on average"
        )
        guard let db else { return }
        let database = try KithDatabase.open(path: db)
        let desk = HelpDesk(database: database)
        let open = Array(try database.help.openRequests())
        guard !open.isEmpty else { throw ValidationError("\(db) holds no open requests.") }
        let account = Account(name: "benchmark", role: "call-handler", passwordHash: "", createdAt: "", createdBy: "")
        let signedIn = SignedIn(account: account, role: .callHandler, csrfToken: nil, sessionDigest: nil)
        func rank(_ record: HelpRequestRecord) throws -> (Double, Int) {
            let need = String(record.needs.split(separator: ",")[0])
            let started = DispatchTime.now().uptimeNanoseconds
            let count = try desk.matches(for: record.id ?? 0, need: need, by: signedIn).count
            return (Double(DispatchTime.now().uptimeNanoseconds - started) / 1e6, count)
        }
        // The first ranking reads the bureau into the desk's memory; the rest read only what changes (open tasks).
        let first = try rank(open[0])
        var whole: [Double] = []
        var matched = 0
        for round in 0..<rounds {
            let (time, count) = try rank(open[round % open.count])
            whole.append(time)
            matched += count
        }
        let stored = try database.help.volunteers(statuses: ["active"]).count
        print(
            String(
                format: "The help desk's step over the store (%@ active volunteers), first ranking reading the bureau: %.1f ms", stored.formatted(),
                first.0)
        )
        print(
            "  then \(rounds) rankings of its \(open.count) open requests (open tasks counted, request and place read, ranked): \(Self.figures(whole)); \(matched / max(1, rounds)) suggested on average"
        )
    }

    static func figures(_ times: [Double]) -> String {
        let sorted = times.sorted()
        func at(_ share: Double) -> Double { sorted[min(sorted.count - 1, Int(Double(sorted.count) * share))] }
        let verdict = at(0.99) < 20 ? "met" : "missed"
        return String(format: "p50 %.2f ms, p99 %.2f ms, max %.2f ms (target p99 under 20 ms: %@)", at(0.5), at(0.99), sorted.last ?? 0, verdict)
    }
}
