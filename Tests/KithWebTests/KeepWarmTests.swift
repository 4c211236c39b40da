import Foundation
import KithSpreadsheet
import KithOutreach
import KithVulnerability
import Testing

@testable import KithWeb

/// The server keeps every contact list's order up to date by itself: after a change made elsewhere (here a score run,
/// as `kith score` in another process would make), the order is made again without any request asking for it.
struct KeepWarmTests {
    @Test func theContactListsOrderIsMadeAgainAfterAScoreRunWithoutARequest() async throws {
        let borough = try await WebBorough.make()
        let today = borough.app.configuration.today
        let keeper = Task { await borough.app.keepWarm(every: .milliseconds(50)) }
        defer { keeper.cancel() }
        #expect(try await Self.becomesCurrent(borough.app, today))

        _ = try VulnerabilityScoring(database: borough.database, matrix: .standard, referenceDate: WebBorough.asOf).run(scoredBy: "test")
        #expect(await !borough.app.profiles.holdsCurrentRanking(referenceDate: today), "a new score run makes the kept order old")
        #expect(try await Self.becomesCurrent(borough.app, today))
    }

    /// Whether the app's kept order is current within a minute.
    static func becomesCurrent(_ app: WebApp, _ today: CivilDate) async throws -> Bool {
        for _ in 0..<600 {
            if await app.profiles.holdsCurrentRanking(referenceDate: today) { return true }
            try await Task.sleep(for: .milliseconds(100))
        }
        return false
    }
}
