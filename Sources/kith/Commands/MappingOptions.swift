import ArgumentParser
import Foundation
import KithStandard
import KithStore

/// Where a command gets a column mapping: a YAML file (`--mapping`), or the one saved for a source (`--source`).
struct MappingOptions: ParsableArguments {
    @Option(help: "A column mapping (YAML) to use; see `kith tag --save-mapping`.")
    var mapping: String?

    /// Loads the mapping file, or else the mapping saved for `source` in the store when there is one.
    func load(source: String?, store: StoreOptions?) throws -> ColumnMapping? {
        if let mapping {
            do {
                return try ColumnMapping.load(from: URL(fileURLWithPath: mapping))
            } catch let error as MappingError {
                try CommandFailure.exit(saying: error.description)
            }
        }
        guard let source, let store, FileManager.default.fileExists(atPath: store.db) else { return nil }
        guard let saved = try store.open().imports.mapping(forSourceNamed: source) else { return nil }
        return try ColumnMapping(yaml: saved.mapping)
    }
}
