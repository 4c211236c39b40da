/// One markup token from ``ChunkedInput``: a start, end or empty-element tag with its raw bytes, or a
/// comment, processing instruction, declaration or CDATA section.
struct XMLTag {
    enum Kind: Equatable {
        case start
        case end
        case empty
        case comment
        case processingInstruction
        case declaration
        case characterData([UInt8])
    }

    var kind: Kind
    /// The whole tag, `<` to `>`.
    var bytes: ArraySlice<UInt8>

    /// The SpreadsheetML elements a worksheet scan acts on; every other element is `.other`.
    enum Element {
        case worksheet, sheetData, row, cell, value, inlineString, text, phonetic, other
    }

    /// Which element this tag opens or closes, from its local name.
    var element: Element {
        guard let name = localName else { return .other }
        switch name.count {
        case 1:
            switch name.first! {
            case UInt8(ascii: "c"): return .cell
            case UInt8(ascii: "v"): return .value
            case UInt8(ascii: "t"): return .text
            default: return .other
            }
        case 2: return name.elementsEqual("is".utf8) ? .inlineString : .other
        case 3: return name.elementsEqual("row".utf8) ? .row : name.elementsEqual("rPh".utf8) ? .phonetic : .other
        case 9: return name.elementsEqual("worksheet".utf8) ? .worksheet : name.elementsEqual("sheetData".utf8) ? .sheetData : .other
        default: return .other
        }
    }

    /// The raw value of a one-letter attribute with no prefix (`r`, `s`, `t`), without copying; nil when absent.
    func shortAttribute(_ letter: UInt8) -> ArraySlice<UInt8>? {
        var position = bytes.startIndex + 1
        let end = bytes.endIndex
        while position < end, !Self.isSpace(bytes[position]), bytes[position] != 0x3E, bytes[position] != 0x2F { position += 1 }
        while position < end {
            while position < end, Self.isSpace(bytes[position]) { position += 1 }
            let nameStart = position
            while position < end, bytes[position] != 0x3D, !Self.isSpace(bytes[position]), bytes[position] != 0x3E, bytes[position] != 0x2F {
                position += 1
            }
            guard position > nameStart else { return nil }
            let isWanted = position == nameStart + 1 && bytes[nameStart] == letter
            while position < end, Self.isSpace(bytes[position]) { position += 1 }
            guard position < end, bytes[position] == 0x3D else { return nil }
            position += 1
            while position < end, Self.isSpace(bytes[position]) { position += 1 }
            guard position < end, bytes[position] == 0x22 || bytes[position] == 0x27 else { return nil }
            let quote = bytes[position]
            position += 1
            let valueStart = position
            while position < end, bytes[position] != quote { position += 1 }
            guard position < end else { return nil }
            if isWanted { return bytes[valueStart..<position] }
            position += 1
        }
        return nil
    }

    /// The element's name without its namespace prefix: `row` for `<x:row r="1">`.
    var localName: ArraySlice<UInt8>? {
        var start = bytes.startIndex + 1
        if start < bytes.endIndex, bytes[start] == 0x2F { start += 1 }
        var end = start
        var nameStart = start
        while end < bytes.endIndex {
            let byte = bytes[end]
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x2F || byte == 0x3E { break }
            if byte == 0x3A { nameStart = end + 1 }
            end += 1
        }
        return end > nameStart ? bytes[nameStart..<end] : nil
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }
}

/// Decodes XML's predefined entities and character references in place. No other entity exists in a
/// workbook part, since DTDs are refused.
enum XMLEntities {
    /// Decodes `&…;` from `start` onwards; returns false on an unknown or malformed entity.
    static func decode(_ text: inout [UInt8], from start: Int) -> Bool {
        guard let first = text[start...].firstIndex(of: 0x26) else { return true }
        var output = Array(text[..<first])
        var position = first
        while position < text.count {
            let byte = text[position]
            guard byte == 0x26 else {
                output.append(byte)
                position += 1
                continue
            }
            guard let semicolon = text[position...].prefix(12).firstIndex(of: 0x3B) else { return false }
            let name = text[(position + 1)..<semicolon]
            switch String(decoding: name, as: UTF8.self) {
            case "amp": output.append(0x26)
            case "lt": output.append(0x3C)
            case "gt": output.append(0x3E)
            case "quot": output.append(0x22)
            case "apos": output.append(0x27)
            case let reference where reference.hasPrefix("#"):
                let digits = reference.dropFirst()
                let value = digits.hasPrefix("x") ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
                guard let value, let scalar = Unicode.Scalar(value) else { return false }
                output.append(contentsOf: Array(String(Character(scalar)).utf8))
            default:
                return false
            }
            position = semicolon + 1
        }
        text = output
        return true
    }
}
