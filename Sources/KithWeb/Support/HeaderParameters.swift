import Foundation

/// A header value with parameters, as `Content-Type` and `Content-Disposition` write them:
/// `form-data; name="file"; filename="Food bank.csv"`. Quoted values may hold `;`; a backslash is kept as it is,
/// as browsers send it (the HTML standard escapes `"` as `%22` instead). An RFC 5987 `filename*=UTF-8''…` wins over
/// the plain parameter of the same name.
struct HeaderParameters: Sendable {
    /// The part before the first `;`, lower-cased: `form-data`, `multipart/form-data`.
    var value: String
    /// Parameters by lower-cased name.
    var parameters: [String: String]

    init(_ header: String) {
        var pieces: [String] = []
        var current = ""
        var quoted = false
        for character in header {
            if character == "\"" {
                current.append(character)
                quoted.toggle()
            } else if character == ";" && !quoted {
                pieces.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        pieces.append(current)
        value = pieces[0].trimmingCharacters(in: .whitespaces).lowercased()
        var parameters: [String: String] = [:]
        var extended: [String: String] = [:]
        for piece in pieces.dropFirst() {
            guard let equals = piece.firstIndex(of: "=") else { continue }
            let name = piece[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
            let raw = piece[piece.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            if name.hasSuffix("*") {
                extended[String(name.dropLast())] = Self.decodeExtended(raw)
            } else {
                parameters[name] = Self.unquote(raw)
            }
        }
        for (name, text) in extended { parameters[name] = text }
        self.parameters = parameters
    }

    subscript(name: String) -> String? {
        parameters[name.lowercased()]
    }

    private static func unquote(_ text: String) -> String {
        guard text.count >= 2, text.hasPrefix("\""), text.hasSuffix("\"") else { return text }
        return String(text.dropFirst().dropLast())
    }

    /// `UTF-8''Food%20bank.csv` → `Food bank.csv`.
    private static func decodeExtended(_ text: String) -> String? {
        let parts = text.split(separator: "'", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].lowercased() == "utf-8" else { return nil }
        return String(parts[2]).removingPercentEncoding
    }
}
