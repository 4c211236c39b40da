import ArgumentParser
import Foundation
import KithSpreadsheet
import KithStandard
import KithStore

/// `kith tag FILE`: suggests a tag for each column, and can write a tagged copy or save the mapping.
struct Tag: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Suggest a data-standard tag for each column of a list, from its header and its values.",
        discussion: """
            Suggestions at or above 60% confidence are applied; the rest are shown for you to decide. Save the \
            tagging as a YAML mapping (--save-mapping), edit it if need be, and give it to `kith check` or \
            `kith import` with --mapping; or save it for a source in the store (--source NAME --save), so that \
            the partner's next list is tagged the same way.
            """
    )

    @Argument(help: "The file to tag (.csv or .xlsx).")
    var file: String

    @Option(help: "For workbooks: the sheet to read (default: the first with data).")
    var sheet: String?

    @Option(help: "Start from the mapping saved for this source in the store.")
    var source: String?

    @Option(help: "Write a tagged copy (.csv or .xlsx): the HXL hashtag row inserted under the header.")
    var write: String?

    @Option(name: .customLong("save-mapping"), help: "Save the tagging as a YAML mapping file.")
    var saveMapping: String?

    @Flag(help: "Save the tagging in the store as the mapping of --source.")
    var save = false

    @Option(help: "Who is saving the mapping, for the record (default: your user name).")
    var by: String = ProcessInfo.processInfo.environment["USER"] ?? NSUserName()

    @OptionGroup var mappingOptions: MappingOptions
    @OptionGroup var referenceDate: ReferenceDateOption
    @OptionGroup var store: StoreOptions

    func validate() throws {
        if save && source == nil { throw ValidationError("--save needs --source NAME: the source the mapping is for.") }
    }

    func run() throws {
        let url = URL(fileURLWithPath: file)
        let tagger = Tagger(referenceDate: try referenceDate.date())
        let mapping = try mappingOptions.load(source: source, store: store)
        let sample: TaggedSample?
        do {
            sample = try TableReader(url: url).readTaggedSample(sheet: sheet, mapping: mapping, tagger: tagger)
        } catch let error as SpreadsheetError {
            try CommandFailure.exit(saying: error.description)
        }
        guard let sample else { throw ValidationError("\(file) has no rows with data.") }
        let (layout, tagging) = (sample.layout, sample.tagging)
        print(TagReport.text(file: url.lastPathComponent, layout: layout, tagging: tagging))
        if let saveMapping {
            try tagging.mapping(forSource: source).save(to: URL(fileURLWithPath: saveMapping))
            print("Saved the mapping to \(saveMapping).")
        }
        if save, let source {
            try store.open().imports.saveMapping(
                try tagging.mapping(forSource: source).yaml(), forSourceNamed: source, by: by, at: Timestamp.text(Date())
            )
            print("Saved the mapping for \"\(source)\" in \(store.db); its next import uses it.")
        }
        if let write {
            let rows = try TaggedCopy.write(from: url, sheet: layout.sheet, tagging: tagging, to: URL(fileURLWithPath: write))
            print("Wrote a tagged copy to \(write) (\(rows) rows).")
        }
    }
}

/// How tag suggestions are shown in the terminal.
enum TagReport {
    static func text(file: String, layout: TableLayout, tagging: TableTagging) -> String {
        var lines = ["Tags for \(file)\(layout.sheet.map { ", sheet \"\($0)\"" } ?? "") (header on row \(layout.headerRowNumber)):", ""]
        lines.append("col  header                     tag                                 confidence  why")
        for (column, suggestion) in zip(tagging.columns, tagging.suggestions) {
            let tag: String
            let confidence: String
            let why: String
            switch column.origin {
            case .none:
                tag = suggestion.tag.map { "(\($0)?)" } ?? "-"
                confidence = suggestion.tag == nil ? "" : "\(Int(suggestion.confidence * 100))%"
                why = suggestion.tag == nil ? suggestion.reason : "not applied: " + suggestion.reason
            case .mapping:
                tag = column.tag?.description ?? "-"
                confidence = "mapping"
                why = "the mapping"
            case .hashtagRow, .suggestion:
                tag = column.tag?.description ?? "-"
                confidence = "\(Int(column.confidence * 100))%"
                why = suggestion.reason
            }
            var order = ""
            if let kind = column.entry?.type, kind == .date || kind == .dateOfBirth { order = " [\(column.dateOrder.rawValue)]" }
            lines.append(
                column.letter.padding(4) + " " + (column.header.isEmpty ? "(no header)" : column.header).padding(26) + " "
                    + tag.padding(35) + " " + confidence.padding(11) + " " + why + order
            )
        }
        let tagged = tagging.columns.count { $0.tag != nil }
        lines.append("")
        lines.append("\(tagged) of \(tagging.columns.count) columns tagged. Look a tag up with `kith standard`.")
        return lines.joined(separator: "\n")
    }
}
