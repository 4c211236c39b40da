/// Checks that a stream of bytes is well-formed UTF-8, chunk by chunk, with a fast path for ASCII.
struct UTF8Validator {
    private var pending: [UInt8] = []
    private(set) var isValid = true

    mutating func consume(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard isValid, !bytes.isEmpty else { return }
        var index = 0
        if !pending.isEmpty {
            // Finish the sequence split across the previous chunk's end.
            while index < bytes.count, pending.count < Self.sequenceLength(pending[0]) {
                pending.append(bytes[index])
                index += 1
            }
            guard pending.count == Self.sequenceLength(pending[0]) else { return }
            isValid = Self.isValidSequence(pending[...])
            pending.removeAll()
            guard isValid else { return }
        }
        let count = bytes.count
        while index < count {
            // Skip eight ASCII bytes at a time.
            while index + 8 <= count {
                let word = UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self)
                if word & 0x8080_8080_8080_8080 != 0 { break }
                index += 8
            }
            guard index < count else { break }
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let length = Self.sequenceLength(lead)
            guard length > 1 else {
                isValid = false
                return
            }
            if index + length > count {
                pending = Array(bytes[index..<count])
                return
            }
            guard Self.isValidSequence(bytes[index..<(index + length)]) else {
                isValid = false
                return
            }
            index += length
        }
    }

    /// Whether everything consumed was valid UTF-8 and no sequence was left unfinished.
    func finish() -> Bool {
        isValid && pending.isEmpty
    }

    private static func sequenceLength(_ lead: UInt8) -> Int {
        switch lead {
        case 0xC2...0xDF: 2
        case 0xE0...0xEF: 3
        case 0xF0...0xF4: 4
        default: lead < 0x80 ? 1 : 0
        }
    }

    private static func isValidSequence<C: Collection>(_ bytes: C) -> Bool where C.Element == UInt8 {
        var iterator = bytes.makeIterator()
        guard let lead = iterator.next(), let second = iterator.next() else { return false }
        switch lead {
        case 0xE0: guard (0xA0...0xBF).contains(second) else { return false }
        case 0xED: guard (0x80...0x9F).contains(second) else { return false }
        case 0xF0: guard (0x90...0xBF).contains(second) else { return false }
        case 0xF4: guard (0x80...0x8F).contains(second) else { return false }
        default: guard (0x80...0xBF).contains(second) else { return false }
        }
        while let next = iterator.next() {
            guard (0x80...0xBF).contains(next) else { return false }
        }
        return true
    }
}
