import ArgumentParser
import Foundation
import KithStore

/// `kith imports`: the import history, newest first.
struct Imports: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List what has been imported, newest first.")

    @Option(help: "Only imports of this source.")
    var source: String?

    @OptionGroup var store: StoreOptions

    func run() throws {
        let repository = try store.open().imports
        let sources = Dictionary(uniqueKeysWithValues: try repository.sources().map { ($0.id ?? 0, $0.name) })
        let imports = try repository.imports(ofSourceNamed: source)
        guard !imports.isEmpty else {
            print(source == nil ? "Nothing has been imported into \(store.db) yet." : "Nothing from \"\(source!)\" has been imported.")
            return
        }
        print("id  source                         file                             sheet         rows    cols  by        when")
        for item in imports {
            print(
                [
                    String(item.id ?? 0).padding(3), (sources[item.sourceId] ?? "?").padding(30), item.fileName.padding(32),
                    (item.sheetName ?? "-").padding(12), String(item.rowCount).padding(7), String(item.columnCount).padding(5),
                    item.importedBy.padding(9), item.startedAt,
                ].joined(separator: " ")
            )
        }
    }
}

extension String {
    /// Pads or cuts to a column width for terminal tables.
    func padding(_ width: Int) -> String {
        count > width ? String(prefix(width - 1)) + "…" : self + String(repeating: " ", count: width - count)
    }
}
