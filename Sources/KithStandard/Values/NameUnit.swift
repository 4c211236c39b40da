/// One character of a name as ``NameNormaliser`` sees it: a byte of an all-ASCII name, or a Unicode scalar of any
/// other. The normaliser is written once, generically, and specialised for each.
protocol NameUnit {
    /// A space, tab, line break or other white space that separates words.
    var isWordSeparator: Bool { get }
    /// A hyphen or dash, which separates the parts of a name.
    var isHyphen: Bool { get }
    /// `'`, `’`, `‘` or `` ` ``.
    var isApostrophe: Bool { get }
    /// The character as an ASCII byte, or nil when it is not ASCII.
    var ascii: UInt8? { get }
    var isLetter: Bool { get }
    var isLowercase: Bool { get }
    var isUppercase: Bool { get }
    /// Writes the character's UTF-8 bytes as they are, or in lower or upper case.
    func write(into buffer: UnsafeMutableBufferPointer<UInt8>, at index: inout Int, upper: Bool?)
    /// Writes the upper-case ASCII letters the character contributes to a matching key.
    func writeKey(into buffer: UnsafeMutableBufferPointer<UInt8>, at index: inout Int)
}

extension NameUnit {
    /// The byte ``NameNormaliser/markCapitals(_:_:)`` works on.
    var titleCaseUnit: UInt8 {
        if let ascii {
            if ByteText.isLetter(ascii) { return ByteText.lower(ascii) }
            if ascii == UInt8(ascii: "-") || ascii == UInt8(ascii: ".") { return ascii }
        }
        if isApostrophe { return UInt8(ascii: "'") }
        if isHyphen { return UInt8(ascii: "-") }
        return isLetter ? NameNormaliser.nonASCIILetter : NameNormaliser.otherCharacter
    }
}

extension UInt8: NameUnit {
    var isWordSeparator: Bool { ByteText.isSpace(self) }
    var isHyphen: Bool { self == UInt8(ascii: "-") }
    var isApostrophe: Bool { self == UInt8(ascii: "'") || self == UInt8(ascii: "`") }
    var ascii: UInt8? { self }
    var isLetter: Bool { ByteText.isLetter(self) }
    var isLowercase: Bool { ByteText.isLower(self) }
    var isUppercase: Bool { ByteText.isUpper(self) }

    @inline(__always)
    func write(into buffer: UnsafeMutableBufferPointer<UInt8>, at index: inout Int, upper: Bool?) {
        switch upper {
        case nil: buffer[index] = self
        case true?: buffer[index] = ByteText.upper(self)
        case false?: buffer[index] = ByteText.lower(self)
        }
        index += 1
    }

    @inline(__always)
    func writeKey(into buffer: UnsafeMutableBufferPointer<UInt8>, at index: inout Int) {
        guard ByteText.isLetter(self) else { return }
        buffer[index] = ByteText.upper(self)
        index += 1
    }
}

extension Unicode.Scalar: NameUnit {
    var isWordSeparator: Bool {
        value < 0x80 ? ByteText.isSpace(UInt8(value)) : value == 0xA0 || properties.isWhitespace
    }

    var isHyphen: Bool { value == 0x2D || (0x2010...0x2014).contains(value) }

    var isApostrophe: Bool { value == 0x27 || value == 0x60 || value == 0x2019 || value == 0x2018 || value == 0x2BC }

    var ascii: UInt8? { value < 0x80 ? UInt8(value) : nil }

    var isLetter: Bool { value < 0x80 ? ByteText.isLetter(UInt8(value)) : LatinLetterTable.shared.isLetter(self) }

    var isLowercase: Bool { value < 0x80 ? ByteText.isLower(UInt8(value)) : LatinLetterTable.shared.isLowercase(self) }

    var isUppercase: Bool { value < 0x80 ? ByteText.isUpper(UInt8(value)) : LatinLetterTable.shared.isUppercase(self) }

    func write(into buffer: UnsafeMutableBufferPointer<UInt8>, at index: inout Int, upper: Bool?) {
        if value < 0x80 {
            UInt8(value).write(into: buffer, at: &index, upper: upper)
            return
        }
        func encode(_ scalar: Unicode.Scalar) {
            for byte in UTF8.encode(scalar)! {
                buffer[index] = byte
                index += 1
            }
        }
        guard let upper else { return encode(self) }
        encode(LatinLetterTable.shared.changeCase(of: self, toUpper: upper))
    }

    func writeKey(into buffer: UnsafeMutableBufferPointer<UInt8>, at index: inout Int) {
        if value < 0x80 { return UInt8(value).writeKey(into: buffer, at: &index) }
        LatinLetterTable.shared.keyLetters(of: self) { letter in
            buffer[index] = letter
            index += 1
        }
    }
}
