import Foundation

/// The tools a benchmark times on the same input in the same run, so that its targets are ratios that hold on any
/// machine: Splink (`Benchmarks/reference/splink_peer.py`, in the virtual environment beside it), `frictionless`
/// from the same environment, and `sqlite3`. A missing tool is skipped with a line saying how to install it.
enum ReferenceTools {
    /// `Benchmarks/reference` of the repository: found from the current folder, or from this program's
    /// (`.build/release/kith-benchmark`), upwards. `KITH_REFERENCE_DIR` names it instead.
    static let folder: URL? = {
        let fileManager = FileManager.default
        if let given = ProcessInfo.processInfo.environment["KITH_REFERENCE_DIR"] { return URL(fileURLWithPath: given) }
        let starts = [
            URL(fileURLWithPath: fileManager.currentDirectoryPath),
            URL(fileURLWithPath: ChildProcess.currentExecutable()).deletingLastPathComponent(),
        ]
        for start in starts {
            var folder = start.standardizedFileURL
            while folder.path != "/" {
                let candidate = folder.appendingPathComponent("Benchmarks/reference")
                if fileManager.fileExists(atPath: candidate.appendingPathComponent("splink_peer.py").path) { return candidate }
                folder = folder.deletingLastPathComponent()
            }
        }
        return nil
    }()

    /// How to install the references, for the "reference skipped" lines.
    static let installHint =
        "python3 -m venv Benchmarks/reference/.venv && Benchmarks/reference/.venv/bin/pip install -r Benchmarks/reference/requirements.txt"

    /// The virtual environment's Python: `KITH_REFERENCE_PYTHON`, else `Benchmarks/reference/.venv/bin/python`.
    static var python: String? {
        if let given = ProcessInfo.processInfo.environment["KITH_REFERENCE_PYTHON"] { return given }
        guard let folder else { return nil }
        let python = folder.appendingPathComponent(".venv/bin/python").path
        return FileManager.default.isExecutableFile(atPath: python) ? python : nil
    }

    /// The Python that can run Splink, and the script; or why not.
    static func splink() -> Result<(python: String, script: String), Missing> {
        guard let folder else { return .failure(Missing(what: "Benchmarks/reference/splink_peer.py not found (run from the repository)")) }
        guard let python else { return .failure(Missing(what: "no Python environment at Benchmarks/reference/.venv")) }
        guard (try? ChildProcess.run(executable: python, arguments: ["-c", "import splink, duckdb"], output: "/dev/null").status) == 0 else {
            return .failure(Missing(what: "\(python) cannot import splink and duckdb"))
        }
        return .success((python, folder.appendingPathComponent("splink_peer.py").path))
    }

    /// `frictionless` from the virtual environment, else from the `PATH`.
    static func frictionless() -> Result<String, Missing> {
        if let python {
            let beside = URL(fileURLWithPath: python).deletingLastPathComponent().appendingPathComponent("frictionless").path
            if FileManager.default.isExecutableFile(atPath: beside) { return .success(beside) }
        }
        if let found = ChildProcess.onPath("frictionless") { return .success(found) }
        return .failure(Missing(what: "frictionless is not installed"))
    }

    static func sqlite3() -> Result<String, Missing> {
        ChildProcess.onPath("sqlite3").map { .success($0) } ?? .failure(Missing(what: "sqlite3 is not installed", install: "apt-get install sqlite3"))
    }

    struct Missing: Error {
        var what: String
        var install: String = ReferenceTools.installHint

        /// The line a benchmark prints instead of the reference's figures.
        var line: String { "reference skipped: \(what); install with: \(install)" }
    }

    /// `kith / reference` as a ratio line against a target ratio.
    static func ratioLine(_ name: String, kith: Double, reference: Double, atMost target: Double, targetText: String) -> String {
        let ratio = kith / reference
        return name.padding(toLength: 45, withPad: " ", startingAt: 0)
            + String(format: " %.2f  (target ≤ %@: %@)", ratio, targetText, ratio <= target ? "met" : "MISSED")
    }
}
