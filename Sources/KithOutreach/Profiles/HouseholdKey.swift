import KithSpreadsheet

/// Who lives together: people at the same UPRN, or failing that the same house number and street at the same
/// postcode, are one household.
///
/// The key is hashed into a short id (`HH-3f9a1c22b0`) so that it can go in lists and logs without the address.
enum HouseholdKey {
    /// Words that come before the number of a flat rather than naming the street.
    static let unitWords: Set<String> = ["flat", "apartment", "apt", "unit", "room", "no"]

    static func id(uprn: String?, address: String?, postcode: String?) -> String? {
        if let uprn, !uprn.isEmpty { return hashed("U" + uprn) }
        guard let postcode, let address else { return nil }
        let code = String(postcode.uppercased().unicodeScalars.filter { $0 != " " })
        guard code.count >= 5 else { return nil }
        var numbers: [String] = []
        var street: String?
        for word in words(of: address) {
            if word.first?.isNumber == true {
                numbers.append(word)
            } else if !unitWords.contains(word) {
                street = word
                break
            }
        }
        guard let street, !numbers.isEmpty || words(of: address).count >= 2 else { return nil }
        let house = numbers.isEmpty ? words(of: address).prefix(2).joined(separator: " ") : numbers.joined(separator: "/")
        return hashed(code + "|" + house + "|" + street)
    }

    /// Lower-case letters-and-digits words: `Flat 2, 10 Mill St` → `flat 2 10 mill st`.
    static func words(of address: String) -> [String] {
        address.lowercased().split { !($0.isLetter || $0.isNumber) }.map(String.init)
    }

    /// FNV-1a, 40 bits, as hex: stable across runs and machines, unlike Swift's hashing.
    static func hashed(_ key: String) -> String {
        let hex = String(StableHash.fnv1a(key) & 0xff_ffff_ffff, radix: 16)
        return "HH-" + String(repeating: "0", count: 10 - hex.count) + hex
    }
}
