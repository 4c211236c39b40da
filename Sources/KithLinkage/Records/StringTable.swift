/// Distinct strings numbered from 1 (0 means "none"), with their UTF-8 bytes kept contiguously, so that records hold
/// small integer codes: equal values compare as equal codes, and the few comparisons that need the text read it
/// without allocating.
public struct StringTable: Sendable {
    private var codes: [String: Int32] = [:]
    /// Bytes of every string, one after another; string `c` occupies `offsets[c]..<offsets[c + 1]`.
    public private(set) var bytes: [UInt8] = []
    public private(set) var offsets: [Int32] = [0, 0]
    /// How many records hold each string, for term frequencies.
    public private(set) var counts: [Int32] = [0]

    public init() {}

    /// A table from its saved parts; the lookup from string to code is rebuilt.
    init(bytes: [UInt8], offsets: [Int32], counts: [Int32]) {
        self.bytes = bytes
        self.offsets = offsets
        self.counts = counts
        codes.reserveCapacity(counts.count)
        for code in 1..<max(1, counts.count) { codes[string(Int32(code))] = Int32(code) }
    }

    /// Number of distinct strings.
    public var count: Int { counts.count - 1 }

    /// The code of a string, adding it if new; counted once more when `counting` is true.
    public mutating func code(for string: String, counting: Bool = true) -> Int32 {
        if let code = codes[string] {
            if counting { counts[Int(code)] += 1 }
            return code
        }
        let code = Int32(counts.count)
        codes[string] = code
        bytes.append(contentsOf: string.utf8)
        offsets.append(Int32(bytes.count))
        counts.append(counting ? 1 : 0)
        return code
    }

    /// The code of a string already in the table.
    public func existingCode(for string: String) -> Int32? { codes[string] }

    public func string(_ code: Int32) -> String {
        let range = Int(offsets[Int(code)])..<Int(offsets[Int(code) + 1])
        return String(decoding: bytes[range], as: UTF8.self)
    }

    /// Calls `body` with the bytes of two strings.
    @inline(__always)
    public func withBytes<Result>(
        _ first: Int32, _ second: Int32, _ body: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>) -> Result
    ) -> Result {
        bytes.withUnsafeBufferPointer { all in
            let a = UnsafeBufferPointer(rebasing: all[Int(offsets[Int(first)])..<Int(offsets[Int(first) + 1])])
            let b = UnsafeBufferPointer(rebasing: all[Int(offsets[Int(second)])..<Int(offsets[Int(second) + 1])])
            return body(a, b)
        }
    }

    /// The number of bytes of a string.
    public func length(_ code: Int32) -> Int { Int(offsets[Int(code) + 1] - offsets[Int(code)]) }

    /// The first byte of a string, 0 for the empty string or none.
    public func firstByte(_ code: Int32) -> UInt8 {
        code == 0 || length(code) == 0 ? 0 : bytes[Int(offsets[Int(code)])]
    }
}
