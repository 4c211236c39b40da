import Foundation
import Hummingbird
import HummingbirdTesting
import KithAccess
import Testing

@testable import KithWeb

/// Many signed-in users at once are all answered. Under load (50 users on two cores) `kith serve` once stopped
/// answering for good: every store reader was held by a finished read waiting for one of the concurrency pool's
/// threads, while every pool thread waited for a reader in a synchronous read. A deadlock cannot fail an `#expect`
/// (the test would simply never end), so a watchdog on a thread of its own stops the test process with a message.
struct ServerUnderLoadTests {
    static let users = 50
    static let requestsPerUser = 6
    /// Far beyond what the requests need (a few seconds on two cores); with the old deadlock they never ended.
    static let deadline: TimeInterval = 180

    @Test func fiftySignedInUsersAtOnceAreAllAnswered() async throws {
        let borough = try await WebBorough.make()
        let name = try #require(WebBorough.accountNames[.analyst])
        let people = Array(try borough.scoredPersonIDs().prefix(Self.users))
        try #require(people.count == Self.users)
        let watchdog = Watchdog(deadline: Self.deadline, what: "\(Self.users) users' requests")
        defer { watchdog.disarm() }

        try await Application(router: borough.app.makeRouter()).test(.router) { client in
            // Sign in one session per user first: the load is on pages, not on the password hash.
            var cookies: [String] = []
            for _ in 0..<Self.users {
                let browser = BrowserSession(client: client)
                let signedIn = try await browser.signIn(name, password: WebBorough.password)
                #expect(signedIn.status == .seeOther)
                cookies.append(browser.cookieHeader)
            }
            let statuses = try await withThrowingTaskGroup(of: [HTTPResponse.Status].self) { group in
                for (user, cookie) in cookies.enumerated() {
                    let person = people[user]
                    group.addTask {
                        // Each user reads pages that take the store's readers in both ways: the session check on
                        // every request, async reads (home, outreach), and reads of a person off the request's thread.
                        let paths = ["/", "/persons/\(person)", "/outreach", "/persons?q=a", "/persons/\(person)", "/outreach?page=2"]
                        var statuses: [HTTPResponse.Status] = []
                        for path in paths.prefix(Self.requestsPerUser) {
                            let response = try await client.execute(uri: path, method: .get, headers: [.cookie: cookie], body: nil)
                            statuses.append(response.status)
                        }
                        return statuses
                    }
                }
                return try await group.reduce(into: []) { $0 += $1 }
            }
            #expect(statuses.count == Self.users * Self.requestsPerUser)
            #expect(statuses.allSatisfy { $0 == .ok }, "\(Set(statuses.map(\.code)))")
        }
    }
}

/// Stops the test process with a message if it is not disarmed in time. It runs on a thread of its own, outside
/// Swift's concurrency pool, so that it still runs when every thread of the pool is stuck.
final class Watchdog: @unchecked Sendable {
    private let lock = NSLock()
    private var armed = true

    init(deadline: TimeInterval, what: String) {
        let thread = Thread { [self] in
            let end = Date().addingTimeInterval(deadline)
            while Date() < end {
                if !isArmed { return }
                Thread.sleep(forTimeInterval: 0.2)
            }
            guard isArmed else { return }
            FileHandle.standardError.write(
                Data("Watchdog: \(what) were not all answered within \(Int(deadline)) s. The server is deadlocked.\n".utf8)
            )
            exit(70)
        }
        thread.start()
    }

    private var isArmed: Bool { lock.withLock { armed } }

    func disarm() { lock.withLock { armed = false } }
}
