import Foundation

/// Runs a program to its end and keeps what it printed: the `kith` binary as a user runs it, or python3 with
/// openpyxl as an independent XLSX implementation.
public struct ProcessRun: Sendable {
    public var status: Int32
    public var output: String
    public var errors: String

    /// Runs `executable` with `arguments` in `folder` (the current folder when nil).
    public init(_ executable: URL, _ arguments: [String], in folder: URL? = nil) throws {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = folder }
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        // Read standard error on another thread, so that a chatty program cannot fill one pipe and stall.
        let errorData = ErrorData()
        let reader = Thread { errorData.set(errors.fileHandleForReading.readDataToEndOfFile()) }
        reader.start()
        let printed = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        status = process.terminationStatus
        self.output = String(decoding: printed, as: UTF8.self)
        self.errors = String(decoding: errorData.wait(), as: UTF8.self)
    }

    /// Runs `python3` from the PATH.
    public static func python(_ arguments: [String]) throws -> ProcessRun {
        try ProcessRun(URL(fileURLWithPath: "/usr/bin/env"), ["python3"] + arguments)
    }

    /// Standard error's bytes, handed from the reading thread.
    private final class ErrorData: @unchecked Sendable {
        private let condition = NSCondition()
        private var data: Data?

        func set(_ value: Data) {
            condition.lock()
            data = value
            condition.broadcast()
            condition.unlock()
        }

        func wait() -> Data {
            condition.lock()
            defer { condition.unlock() }
            while data == nil { condition.wait() }
            return data!
        }
    }
}
