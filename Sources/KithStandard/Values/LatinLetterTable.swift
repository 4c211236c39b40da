import Foundation

/// Case and matching-key facts for the accented Latin letters names use (U+0080–U+024F and U+1E00–U+1EFF), worked
/// out once with Foundation so that reading a name costs a table lookup per letter instead of a Unicode normalisation.
///
/// Letters outside the table fall back to Unicode properties and Foundation's NFKD, which is slower but rare in
/// UK partner lists.
struct LatinLetterTable: Sendable {
    static let shared = LatinLetterTable()

    /// The key letters of every scalar NFKD and the special folds make ASCII letters of (upper case), by table index.
    private var folds: [[UInt8]] = []
    private var flags: [UInt8] = []
    private var lowercase: [Unicode.Scalar] = []
    private var uppercase: [Unicode.Scalar] = []

    private static let isLetter: UInt8 = 1
    private static let isLower: UInt8 = 2
    private static let isUpper: UInt8 = 4

    private init() {
        let values = Array(0x80..<0x250) + Array(0x1E00..<0x1F00)
        for value in values {
            let scalar = Unicode.Scalar(UInt32(value))!
            let properties = scalar.properties
            var flag: UInt8 = properties.isAlphabetic ? Self.isLetter : 0
            if properties.isLowercase { flag |= Self.isLower }
            if properties.isUppercase { flag |= Self.isUpper }
            flags.append(flag)
            lowercase.append(Self.singleScalar(properties.lowercaseMapping, else: scalar))
            uppercase.append(Self.singleScalar(properties.uppercaseMapping, else: scalar))
            folds.append(Array((Self.specialFold(scalar) ?? Self.fold(decomposing: scalar)).utf8))
        }
    }

    @inline(__always)
    private static func index(_ value: UInt32) -> Int? {
        if value >= 0x80 && value < 0x250 { return Int(value - 0x80) }
        if value >= 0x1E00 && value < 0x1F00 { return Int(value - 0x1E00) + 0x1D0 }
        return nil
    }

    func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        guard let index = Self.index(scalar.value) else { return scalar.properties.isAlphabetic }
        return flags[index] & Self.isLetter != 0
    }

    func isLowercase(_ scalar: Unicode.Scalar) -> Bool {
        guard let index = Self.index(scalar.value) else { return scalar.properties.isLowercase }
        return flags[index] & Self.isLower != 0
    }

    func isUppercase(_ scalar: Unicode.Scalar) -> Bool {
        guard let index = Self.index(scalar.value) else { return scalar.properties.isUppercase }
        return flags[index] & Self.isUpper != 0
    }

    /// The scalar in lower or upper case, as one scalar (see ``singleScalar(_:else:)``).
    @inline(__always)
    func changeCase(of scalar: Unicode.Scalar, toUpper: Bool) -> Unicode.Scalar {
        if let index = Self.index(scalar.value) { return toUpper ? uppercase[index] : lowercase[index] }
        return Self.singleScalar(toUpper ? scalar.properties.uppercaseMapping : scalar.properties.lowercaseMapping, else: scalar)
    }

    /// A case mapping as one scalar: the mapping's first scalar when the rest are combining marks (`İ` → `i` + U+0307
    /// gives `i`), otherwise `scalar` unchanged (`ß` stays `ß` rather than becoming `SS`, so a tidied name reads
    /// back as itself).
    private static func singleScalar(_ mapping: String, else scalar: Unicode.Scalar) -> Unicode.Scalar {
        let scalars = mapping.unicodeScalars
        guard let first = scalars.first else { return scalar }
        return scalars.dropFirst().allSatisfy({ (0x300..<0x370).contains($0.value) }) ? first : scalar
    }

    /// Calls `body` with each upper-case ASCII letter the scalar contributes to a matching key.
    @inline(__always)
    func keyLetters(of scalar: Unicode.Scalar, _ body: (UInt8) -> Void) {
        if let index = Self.index(scalar.value) {
            for letter in folds[index] { body(letter) }
            return
        }
        // Combining marks, left after NFC only when nothing precomposed exists, add nothing.
        if (0x300..<0x370).contains(scalar.value) || !scalar.properties.isAlphabetic && scalar.properties.generalCategory != .otherSymbol {
            return
        }
        for letter in (Self.specialFold(scalar) ?? Self.fold(decomposing: scalar)).utf8 { body(letter) }
    }

    /// NFKD, then each resulting scalar folded: ASCII letters upper-cased, special letters folded, the rest dropped.
    static func fold(decomposing scalar: Unicode.Scalar) -> String {
        var result = ""
        for part in String(scalar).decomposedStringWithCompatibilityMapping.unicodeScalars {
            if part.value < 0x80 {
                let byte = UInt8(part.value)
                if ByteText.isLetter(byte) { result.unicodeScalars.append(Unicode.Scalar(ByteText.upper(byte))) }
            } else if let folded = specialFold(part) {
                result += folded
            }
        }
        return result
    }

    /// Letters NFKD does not decompose, folded to ASCII (research note §4): `ø→O æ→AE œ→OE ß→SS ł→L đ/ð→D þ→TH ı→I ħ→H`.
    static func specialFold(_ scalar: Unicode.Scalar) -> String? {
        switch scalar {
        case "ø", "Ø": "O"
        case "æ", "Æ": "AE"
        case "œ", "Œ": "OE"
        case "ß", "\u{1E9E}": "SS"
        case "ł", "Ł": "L"
        case "đ", "Đ", "ð", "Ð": "D"
        case "þ", "Þ": "TH"
        case "ı": "I"
        case "ħ", "Ħ": "H"
        default: nil
        }
    }
}
