import Foundation
import Hummingbird

/// The fields of a submitted form (`application/x-www-form-urlencoded`) or of a query string, by name. A name given
/// more than once keeps every value, in order.
struct FormFields: Sendable {
    private(set) var values: [String: [String]] = [:]

    init(encoded text: Substring) {
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = Self.decode(parts[0])
            let value = parts.count > 1 ? Self.decode(parts[1]) : ""
            values[name, default: []].append(value)
        }
    }

    /// The body of a form post, read whole (form posts are small: the context's upload limit applies).
    static func read(_ request: inout Request, context: WebRequestContext) async throws -> FormFields {
        let buffer = try await request.collectBody(upTo: context.maxUploadSize)
        return FormFields(encoded: Substring(String(buffer: buffer)))
    }

    /// The query string of a request.
    static func query(of request: Request) -> FormFields {
        FormFields(encoded: Substring(request.uri.query ?? ""))
    }

    subscript(name: String) -> String? {
        values[name]?.first
    }

    /// The value, trimmed, or nil when blank.
    func text(_ name: String) -> String? {
        guard let value = values[name]?.first?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else { return nil }
        return value
    }

    func all(_ name: String) -> [String] {
        values[name] ?? []
    }

    private static func decode(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }
}
