import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Starts a program and waits for it with `wait4`, which reports the child's own peak memory.
enum ChildProcess {
    struct LaunchFailure: Error, CustomStringConvertible {
        var code: Int32
        var description: String { "could not start the child process (error \(code))" }
    }

    static func currentExecutable() -> String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }

    static func run(executable: String, arguments: [String]) throws -> (status: Int32, usage: rusage) {
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let code = posix_spawn(&pid, executable, nil, nil, argv, environ)
        guard code == 0 else { throw LaunchFailure(code: code) }
        var status: Int32 = 0
        var usage = rusage()
        _ = wait4(pid, &status, 0, &usage)
        let exitStatus = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        return (exitStatus, usage)
    }
}
