import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Starts a program and waits for it with `wait4`, which reports the child's own peak memory (as `/usr/bin/time -v`
/// does).
enum ChildProcess {
    struct LaunchFailure: Error, CustomStringConvertible {
        var code: Int32
        var description: String { "could not start the child process (error \(code))" }
    }

    static func currentExecutable() -> String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }

    /// Runs `executable` with `arguments`.
    /// - Parameters:
    ///   - output: a file for the child's standard output and error, replaced; nil leaves them as this program's.
    ///   - environment: variables to set for the child on top of this program's.
    static func run(
        executable: String, arguments: [String], output: String? = nil, environment: [String: String] = [:]
    ) throws -> (status: Int32, usage: rusage) {
        fflush(nil)  // what this program printed so far shows before the child's minutes, also in a file
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var variables = ProcessInfo.processInfo.environment
        variables.merge(environment) { $1 }
        let envp = variables.map { strdup($0.key + "=" + $0.value) } + [nil]
        defer { envp.forEach { free($0) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if let output {
            posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            posix_spawn_file_actions_adddup2(&actions, 1, 2)
        }
        var pid: pid_t = 0
        let code = posix_spawn(&pid, executable, &actions, nil, argv, envp)
        guard code == 0 else { throw LaunchFailure(code: code) }
        var status: Int32 = 0
        var usage = rusage()
        _ = wait4(pid, &status, 0, &usage)
        let exitStatus = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        return (exitStatus, usage)
    }

    /// Runs a program as ``run(executable:arguments:output:environment:)`` does and returns its seconds and peak
    /// memory, throwing when it fails.
    static func measure(
        executable: String, arguments: [String], output: String? = nil, environment: [String: String] = [:]
    ) throws -> (seconds: Double, peakMebibytes: Double) {
        // The step before may have left hundreds of megabytes waiting to be written (an import's store); written
        // back during this step, they would be timed as this step's. Every step, Kith's and the references', starts
        // with them on disk.
        sync()
        let started = DispatchTime.now().uptimeNanoseconds
        let (status, usage) = try run(executable: executable, arguments: arguments, output: output, environment: environment)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        guard status == 0 else {
            let name = URL(fileURLWithPath: executable).lastPathComponent
            throw ChildFailure(description: "\(name) \(arguments.first ?? "") failed (exit \(status))" + (output.map { "; see \($0)" } ?? ""))
        }
        return (seconds, Double(usage.ru_maxrss) / 1024)
    }

    struct ChildFailure: Error, CustomStringConvertible {
        var description: String
    }

    /// The first executable called `name` on the `PATH`.
    static func onPath(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = String(folder) + "/" + name
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}
