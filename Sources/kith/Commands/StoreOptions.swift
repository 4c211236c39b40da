import ArgumentParser
import KithStore

/// The `--db PATH` option every command that touches the store takes.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: "The Kith store, a SQLite file (created if missing).")
    var db: String = KithDatabase.defaultPath

    func open() throws -> KithDatabase {
        do {
            return try KithDatabase.open(path: db)
        } catch {
            throw ValidationError("Cannot open the store \(db): \(error). Check the path, or pass another with --db.")
        }
    }
}
