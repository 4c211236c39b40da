/// Reads coded values: one of a column's allowed codes, written as the code or its label in any case
/// (`cp`, `CP` and `Child protection plan` all read as `CP`). The normalised form is the code as the dictionary spells it.
///
/// A value that is neither is an error, with the closest code suggested when one is close (by edit distance, with
/// transpositions). A column with no allowed values takes any value as it is.
public struct CodeReader: ValueReader {
    public let allowed: [AllowedValue]
    /// Upper-cased codes and labels, each to its code.
    private let lookup: [String: String]

    public init(allowed: [AllowedValue]) {
        self.allowed = allowed
        var lookup: [String: String] = [:]
        for value in allowed { lookup[Self.folded(value.label)] = value.code }
        for value in allowed { lookup[Self.folded(value.code)] = value.code }
        self.lookup = lookup
    }

    public func read(_ text: String, context: ReadingContext) -> ValueReading {
        let key = Self.folded(text)
        guard !allowed.isEmpty else { return ValueReading(normalised: key.isEmpty ? nil : Self.trimmed(text)) }
        if let code = lookup[key] { return ValueReading(normalised: code) }
        return ValueReading(
            normalised: nil,
            problems: [
                ValueProblem(
                    check: "code.not-allowed",
                    severity: .error,
                    message: "Is not one of the codes allowed in this column.",
                    suggestion: closestCode(to: key)
                )
            ]
        )
    }

    /// The text trimmed, upper-cased (ASCII without allocating for short values).
    private static func folded(_ text: String) -> String {
        ByteText.withBytes(text) { all in
            let bytes = ByteText.trimmed(all)
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return ByteText.string(bytes).uppercased() }
            return ByteText.make(capacity: bytes.count) { buffer in
                for index in 0..<bytes.count { buffer[index] = ByteText.upper(bytes[index]) }
                return bytes.count
            }
        }
    }

    private static func trimmed(_ text: String) -> String {
        ByteText.withBytes(text) { ByteText.string(ByteText.trimmed($0)) }
    }

    /// The allowed code whose code or label is nearest the value, when it is near enough to be a slip:
    /// at most one edit for codes of up to five characters, a third of the length beyond.
    private func closestCode(to key: String) -> String? {
        guard !key.isEmpty else { return nil }
        let value = Array(key.unicodeScalars)
        var best: (code: String, distance: Int)?
        for candidate in allowed {
            for text in [candidate.code, candidate.label] {
                let target = Array(Self.folded(text).unicodeScalars)
                guard !target.isEmpty else { continue }
                let limit = max(1, target.count / 3)
                let distance = Self.editDistance(value, target)
                if distance <= limit, distance < (best?.distance ?? Int.max) { best = (candidate.code, distance) }
            }
        }
        return best?.code
    }

    /// Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours, each costing 1.
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previousPrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { value = min(value, previousPrevious[j - 2] + 1) }
                current[j] = value
            }
            (previousPrevious, previous, current) = (previous, current, previousPrevious)
        }
        return previous[b.count]
    }
}
