import Foundation

/// An HXL 1.1 column tag: a hashtag with attributes, `#contact +phone +mobile`.
///
/// Matching is case-insensitive and the order of attributes does not matter, as HXL requires:
/// `#Contact+Mobile +PHONE` equals `#contact +phone +mobile`.
public struct HXLTag: Hashable, Sendable, CustomStringConvertible {
    /// The hashtag, lower-case, without `#`: `contact`.
    public let hashtag: String
    /// The attributes, lower-case, without `+`, sorted.
    public let attributes: [String]

    public init(hashtag: String, attributes: [String] = []) {
        self.hashtag = hashtag.lowercased()
        self.attributes = Array(Set(attributes.map { $0.lowercased() })).sorted()
    }

    /// Parses `#hashtag +attribute …`; nil unless the text is one well-formed tag specification.
    public init?(parsing text: some StringProtocol) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.first == "#" else { return nil }
        // Spaces may sit around the + signs, never inside a token.
        let parts = trimmed.dropFirst().split(separator: "+", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.allSatisfy(Self.isToken) else { return nil }
        self.init(hashtag: parts[0], attributes: Array(parts.dropFirst()))
    }

    /// Whether the tag has every one of `attributes`.
    public func has(_ attributes: String...) -> Bool {
        attributes.allSatisfy { self.attributes.contains($0.lowercased()) }
    }

    /// `#contact +mobile +phone`: the canonical spelling.
    public var description: String {
        (["#" + hashtag] + attributes.map { "+" + $0 }).joined(separator: " ")
    }

    /// An HXL token: a letter, then letters, digits and underscores.
    static func isToken(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first.isASCII, first.properties.isAlphabetic else { return false }
        return text.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_") }
    }
}
