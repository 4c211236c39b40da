/// A pair's comparison levels packed four bits per field into one integer, so that millions of pairs take four
/// bytes each and the few hundred distinct combinations can be counted and weighed once.
public struct PackedLevels: Hashable, Sendable {
    public var rawValue: UInt32

    public init(rawValue: UInt32) {
        self.rawValue = rawValue
    }

    public init(_ levels: [UInt8]) {
        var raw: UInt32 = 0
        for (field, level) in levels.enumerated() { raw |= UInt32(level & 0xF) << (4 * UInt32(field)) }
        rawValue = raw
    }

    @inline(__always)
    public subscript(field: LinkageField) -> UInt8 {
        UInt8((rawValue >> (4 * UInt32(field.rawValue))) & 0xF)
    }

    @inline(__always)
    public mutating func set(_ field: LinkageField, _ level: UInt8) {
        let shift = 4 * UInt32(field.rawValue)
        rawValue = (rawValue & ~(0xF << shift)) | (UInt32(level) << shift)
    }

    public var vector: ComparisonVector {
        ComparisonVector(LinkageField.allCases.map { self[$0] })
    }
}
