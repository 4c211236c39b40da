/// How a CSV file separates its fields, found by looking at its first lines.
public enum CSVDialect {
    /// The delimiters partners' tools write: comma, semicolon (European Excel), tab and pipe.
    public static let candidates: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t"), UInt8(ascii: "|")]

    /// The delimiter that splits the sample's lines most consistently, outside quotes.
    ///
    /// Each candidate is scored by how many of the first lines have its most common non-zero count;
    /// ties go to the one that makes more columns, then to the comma.
    public static func sniffDelimiter(in sample: [UInt8]) -> UInt8 {
        var counts = [[Int]](repeating: [], count: candidates.count)
        var current = [Int](repeating: 0, count: candidates.count)
        var inQuotes = false
        var lines = 0
        var lineHasContent = false
        for byte in sample {
            if byte == 0x22 {
                inQuotes.toggle()
                lineHasContent = true
            } else if !inQuotes, byte == 0x0A || byte == 0x0D {
                if lineHasContent {
                    for index in candidates.indices { counts[index].append(current[index]) }
                    lines += 1
                }
                current = [Int](repeating: 0, count: candidates.count)
                lineHasContent = false
                if lines >= 50 { break }
            } else if !inQuotes, let index = candidates.firstIndex(of: byte) {
                current[index] += 1
                lineHasContent = true
            } else {
                lineHasContent = true
            }
        }
        if lineHasContent, lines < 50 {
            for index in candidates.indices { counts[index].append(current[index]) }
        }
        var best = (delimiter: candidates[0], consistency: 0, columns: 0)
        for (index, perLine) in counts.enumerated() {
            var frequency: [Int: Int] = [:]
            for count in perLine where count > 0 { frequency[count, default: 0] += 1 }
            guard let (mode, lines) = frequency.max(by: { ($0.value, $0.key) < ($1.value, $1.key) }) else { continue }
            if lines > best.consistency || (lines == best.consistency && mode > best.columns) {
                best = (candidates[index], lines, mode)
            }
        }
        return best.delimiter
    }

    /// A readable name for a delimiter, for summaries: "comma", "semicolon", "tab", "pipe".
    public static func name(of delimiter: UInt8) -> String {
        switch delimiter {
        case UInt8(ascii: ","): "comma"
        case UInt8(ascii: ";"): "semicolon"
        case UInt8(ascii: "\t"): "tab"
        case UInt8(ascii: "|"): "pipe"
        default: "'\(Character(Unicode.Scalar(delimiter)))'"
        }
    }
}
