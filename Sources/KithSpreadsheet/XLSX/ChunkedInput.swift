import Foundation

/// A file read in 1 MiB chunks, with the two operations an XML scanner needs: copy text up to the next
/// `<`, and read one whole tag.
struct ChunkedInput {
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var index = 0
    private var atEnd = false
    static let chunkSize = 1 << 20
    /// Longest tag accepted: real tags are tens of bytes; a run-away one is a damaged file.
    static let maximumTagBytes = 1 << 20

    init(handle: FileHandle) {
        self.handle = handle
    }

    /// Reads more of the file, keeping the unread bytes. Returns false at the end of the file.
    private mutating func refill() throws -> Bool {
        guard !atEnd else { return false }
        guard let chunk = try handle.read(upToCount: Self.chunkSize), !chunk.isEmpty else {
            atEnd = true
            return false
        }
        if index > 0 {
            buffer.removeSubrange(0..<index)
            index = 0
        }
        buffer.append(contentsOf: chunk)
        return true
    }

    /// Copies the text before the next `<` onto the end of `text` when `keep` is true, or skips it.
    /// Returns false at the end of the file.
    mutating func copyText(into text: inout [UInt8], keep: Bool) throws -> Bool {
        while true {
            let start = index
            let end = buffer.withUnsafeBufferPointer { bytes -> Int in
                var position = start
                while position < bytes.count, bytes[position] != 0x3C { position += 1 }
                return position
            }
            if keep, end > start {
                text.append(contentsOf: buffer[start..<end])
            }
            index = end
            if end < buffer.count { return true }
            guard try refill() else { return false }
        }
    }

    /// Reads the tag starting at the current `<`.
    mutating func readTag() throws -> XMLTag {
        while buffer.count - index < 9, try refill() {}
        // Comments, CDATA and processing instructions end with their own markers, which may contain '>'.
        let next = index + 1 < buffer.count ? buffer[index + 1] : 0
        if next == 0x21 || next == 0x3F {
            return try readSpecialTag()
        }
        let bytes = try consumeTag()
        if bytes.count >= 2, bytes[bytes.startIndex + 1] == 0x2F { return XMLTag(kind: .end, bytes: bytes) }
        if bytes.count >= 3, bytes[bytes.endIndex - 2] == 0x2F { return XMLTag(kind: .empty, bytes: bytes) }
        return XMLTag(kind: .start, bytes: bytes)
    }

    private mutating func readSpecialTag() throws -> XMLTag {
        if hasPrefix("<!--") { return XMLTag(kind: .comment, bytes: try consume(through: Array("-->".utf8))) }
        if hasPrefix("<![CDATA[") {
            let bytes = try consume(through: Array("]]>".utf8))
            return XMLTag(kind: .characterData(Array(bytes.dropFirst(9).dropLast(3))), bytes: [])
        }
        if hasPrefix("<?") { return XMLTag(kind: .processingInstruction, bytes: try consume(through: Array("?>".utf8))) }
        return XMLTag(kind: .declaration, bytes: [])
    }

    private func hasPrefix(_ text: String) -> Bool {
        let prefix = Array(text.utf8)
        return buffer.count - index >= prefix.count && buffer[index..<(index + prefix.count)].elementsEqual(prefix)
    }

    /// Consumes `<…>`, where `>` inside a quoted attribute value does not end the tag.
    private mutating func consumeTag() throws -> ArraySlice<UInt8> {
        var position = index + 1
        var quote: UInt8 = 0
        while true {
            while position < buffer.count {
                let byte = buffer[position]
                if quote != 0 {
                    if byte == quote { quote = 0 }
                } else if byte == 0x22 || byte == 0x27 {
                    quote = byte
                } else if byte == 0x3E {
                    let tag = buffer[index...position]
                    index = position + 1
                    return tag
                }
                position += 1
            }
            let consumed = position - index
            guard consumed < Self.maximumTagBytes else { throw ScanError.tagTooLong }
            let offset = index
            guard try refill() else { throw ScanError.unexpectedEnd }
            position = position - offset + index
        }
    }

    private mutating func consume(through terminator: [UInt8]) throws -> ArraySlice<UInt8> {
        var searchFrom = index
        while true {
            if let found = Self.find(terminator, in: buffer, from: searchFrom) {
                let bytes = buffer[index..<(found + terminator.count)]
                index = found + terminator.count
                return bytes
            }
            guard buffer.count - index < Self.maximumTagBytes * 4 else { throw ScanError.tagTooLong }
            let offset = index
            searchFrom = max(index, buffer.count - terminator.count)
            guard try refill() else { throw ScanError.unexpectedEnd }
            searchFrom = searchFrom - offset + index
        }
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard haystack.count >= needle.count, start <= haystack.count - needle.count else { return nil }
        for position in start...(haystack.count - needle.count) where haystack[position] == needle[0] {
            if haystack[position..<(position + needle.count)].elementsEqual(needle) { return position }
        }
        return nil
    }

    enum ScanError: Error {
        case unexpectedEnd
        case tagTooLong
    }
}
