import Foundation
import KithStore

/// Sends what waits in the directory's outbox through a ``Mailer``, recording each try: sent, or why not (it is
/// tried again next time).
public struct NoticeSender: Sendable {
    /// What one run sent and what failed.
    public struct Outcome: Sendable, Equatable {
        public var sent = 0
        public var failed: [(id: Int64, error: String)] = []

        public static func == (a: Outcome, b: Outcome) -> Bool {
            a.sent == b.sent && a.failed.map(\.id) == b.failed.map(\.id) && a.failed.map(\.error) == b.failed.map(\.error)
        }
    }

    public let database: any Store
    public let mailer: any Mailer

    public init(database: any Store, mailer: any Mailer) {
        self.database = database
        self.mailer = mailer
    }

    /// Sends every message that waits, oldest first.
    public func sendWaiting() throws -> Outcome {
        var outcome = Outcome()
        for notice in try database.directory.notices(unsentOnly: true).reversed() {
            guard let id = notice.id else { continue }
            do {
                try mailer.send(to: notice.recipient, subject: notice.subject, body: notice.body)
                try database.directory.recordSending(ofNotice: id, sentAt: Timestamp.text(Date()), error: nil)
                outcome.sent += 1
            } catch {
                let reason = String(describing: error)
                try database.directory.recordSending(ofNotice: id, sentAt: nil, error: reason)
                outcome.failed.append((id, reason))
            }
        }
        return outcome
    }
}
