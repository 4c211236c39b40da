import Foundation

/// Writes bytes to a file through a large buffer, so that a million small appends cost a handful of system calls.
final class ByteFileWriter {
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private let capacity: Int
    let url: URL

    init(creating url: URL, capacity: Int = 1 << 20) throws {
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw SpreadsheetWriteError.cannotCreate(path: url.path)
        }
        self.url = url
        self.handle = try FileHandle(forWritingTo: url)
        self.capacity = capacity
        buffer.reserveCapacity(capacity)
    }

    func write(_ string: String) throws {
        var string = string
        try string.withUTF8 { try write(bytes: $0) }
    }

    func write(bytes: UnsafeBufferPointer<UInt8>) throws {
        if buffer.count + bytes.count > capacity {
            try flush()
        }
        if bytes.count >= capacity {
            try handle.write(contentsOf: Data(bytes))
        } else {
            buffer.append(contentsOf: bytes)
        }
    }

    func write(byte: UInt8) throws {
        if buffer.count >= capacity {
            try flush()
        }
        buffer.append(byte)
    }

    func flush() throws {
        guard !buffer.isEmpty else { return }
        try handle.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    func close() throws {
        try flush()
        try handle.close()
    }
}
