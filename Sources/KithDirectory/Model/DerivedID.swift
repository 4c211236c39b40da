import Foundation

import KithSpreadsheet

/// Makes uuid-shaped ids from names, the same name always giving the same id, so generated directories and
/// template rows without an id of their own keep their ids from one import to the next.
public enum DerivedID {
    /// A version-4-shaped UUID from a name: `DerivedID.make("address of " + locationID)`.
    public static func make(_ name: String) -> String {
        let high = StableHash.fnv1a(name)
        let low = StableHash.fnv1a("kith/" + name + "/" + String(high))
        return format(high: high, low: low)
    }

    /// A version-4-shaped UUID from 128 random bits.
    public static func format(high: UInt64, low: UInt64) -> String {
        let high = (high & 0xFFFF_FFFF_FFFF_0FFF) | 0x0000_0000_0000_4000
        let low = (low & 0x3FFF_FFFF_FFFF_FFFF) | 0x8000_0000_0000_0000
        func hex(_ value: UInt64, _ digits: Int) -> String {
            let text = String(value, radix: 16)
            return String(repeating: "0", count: max(0, digits - text.count)) + text
        }
        return hex(high >> 32, 8) + "-" + hex((high >> 16) & 0xFFFF, 4) + "-" + hex(high & 0xFFFF, 4) + "-" + hex(low >> 48, 4) + "-"
            + hex(low & 0xFFFF_FFFF_FFFF, 12)
    }
}
