import Foundation

/// How much of a directory feed Kith will read, so that a hostile or broken file is refused with a clear
/// message instead of exhausting memory or time.
public struct DirectoryLimits: Sendable, Equatable {
    /// The largest file, in bytes.
    public var maximumFileBytes = 64 << 20
    /// The most services in one file, or in one folder.
    public var maximumItems = 50_000
    /// The deepest nesting of objects and arrays; a real ORUK service nests about 8 deep.
    public var maximumDepth = 32
    /// The longest single string, in bytes.
    public var maximumStringBytes = 256 << 10
    /// The most files in a folder.
    public var maximumFiles = 2_000

    public init() {}
}

/// Why a whole directory file could not be read, with what to do about it.
public struct DirectoryReadError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var problem: String
    public var remedy: String

    public init(file: String, problem: String, remedy: String) {
        self.file = file
        self.problem = problem
        self.remedy = remedy
    }

    public var description: String { "\(file): \(problem) \(remedy)" }
}

/// Scans JSON bytes once, before any decoding, for nesting too deep or a string too long.
enum JSONShape {
    /// The first byte that is not white space, or nil for an empty file.
    static func firstByte(_ bytes: UnsafeRawBufferPointer) -> UInt8? {
        bytes.first { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 && $0 != 0xEF && $0 != 0xBB && $0 != 0xBF }
    }

    /// Returns a problem in words, or nil when the shape is within the limits.
    static func problem(in bytes: UnsafeRawBufferPointer, limits: DirectoryLimits) -> String? {
        var depth = 0
        var inString = false
        var escaped = false
        var stringStart = 0
        for (index, byte) in bytes.enumerated() {
            if inString {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                } else if index - stringStart > limits.maximumStringBytes {
                    return "has a text value longer than \(limits.maximumStringBytes / 1024) KB (from byte \(stringStart))."
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""):
                inString = true
                stringStart = index
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
                if depth > limits.maximumDepth {
                    return "nests objects and lists more than \(limits.maximumDepth) deep (at byte \(index)); no ORUK feed does."
                }
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
            default:
                break
            }
        }
        return nil
    }
}
