import Crypto
import Foundation
import KithAccess

/// A signed time on a public form, against bots without a third-party service: the form carries when it was made
/// and for what, signed with a key only this server holds. A post whose stamp is forged, older than two hours, or
/// sent sooner than a person could fill the form in is refused. The key lives for the life of the process, so a form
/// opened before a restart is refused too, with a fresh form to send again.
struct FormStamp: Sendable {
    /// A person takes longer than this to type a name and a phone number.
    static let quickest: TimeInterval = 3
    static let longest: TimeInterval = 2 * 3_600
    /// The field of every public form a person never sees (it is hidden, and says to leave it empty); a bot fills in
    /// every field, and is told its post went while nothing is kept.
    static let honeypot = "website"

    enum Verdict: Equatable {
        case good
        /// Forged, for another form, or from before a restart.
        case unreadable
        case tooQuick
        case expired
    }

    private let key = SymmetricKey(size: .bits256)

    /// The stamp for a form about `subject` (a service's id) made at `time`.
    func stamp(for subject: String, at time: Date = Date()) -> String {
        let seconds = String(Int(time.timeIntervalSince1970))
        return seconds + "." + signature(subject, seconds)
    }

    func check(_ stamp: String?, for subject: String, at time: Date = Date()) -> Verdict {
        guard let stamp, let dot = stamp.firstIndex(of: "."), let seconds = Int(stamp[..<dot]) else { return .unreadable }
        // Compared in constant time: the stamp is a secret's output.
        guard SecretToken.matches(String(stamp[stamp.index(after: dot)...]), signature(subject, String(seconds))) else { return .unreadable }
        let age = time.timeIntervalSince1970 - Double(seconds)
        if age < Self.quickest { return .tooQuick }
        if age > Self.longest { return .expired }
        return .good
    }

    private func signature(_ subject: String, _ seconds: String) -> String {
        let code = HMAC<SHA256>.authenticationCode(for: Data((subject + "|" + seconds).utf8), using: key)
        return Data(code).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
