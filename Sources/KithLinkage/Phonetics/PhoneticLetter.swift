/// The ASCII capitals (and the digit zero) the phonetic encoders compare and write. Each encoder's file calls it
/// `Letter` through a private type alias.
enum PhoneticLetter {
    static let a = UInt8(ascii: "A")
    static let b = UInt8(ascii: "B")
    static let c = UInt8(ascii: "C")
    static let d = UInt8(ascii: "D")
    static let e = UInt8(ascii: "E")
    static let f = UInt8(ascii: "F")
    static let g = UInt8(ascii: "G")
    static let h = UInt8(ascii: "H")
    static let i = UInt8(ascii: "I")
    static let j = UInt8(ascii: "J")
    static let k = UInt8(ascii: "K")
    static let l = UInt8(ascii: "L")
    static let m = UInt8(ascii: "M")
    static let n = UInt8(ascii: "N")
    static let o = UInt8(ascii: "O")
    static let p = UInt8(ascii: "P")
    static let q = UInt8(ascii: "Q")
    static let r = UInt8(ascii: "R")
    static let s = UInt8(ascii: "S")
    static let t = UInt8(ascii: "T")
    static let u = UInt8(ascii: "U")
    static let v = UInt8(ascii: "V")
    static let w = UInt8(ascii: "W")
    static let x = UInt8(ascii: "X")
    static let y = UInt8(ascii: "Y")
    static let z = UInt8(ascii: "Z")
    static let zero = UInt8(ascii: "0")
    static let space = UInt8(ascii: " ")

    /// `A E I O U` (not `Y`).
    @inline(__always)
    static func isVowel(_ byte: UInt8) -> Bool {
        byte == a || byte == e || byte == i || byte == o || byte == u
    }
}
