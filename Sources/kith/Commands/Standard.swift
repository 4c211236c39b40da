import ArgumentParser
import KithStandard

/// `kith standard`: prints Kith's data dictionary.
struct Standard: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print Kith's data standard: every tag, what it means, its format, allowed values and header synonyms."
    )

    @Option(help: "markdown, csv, json or html.")
    var format: DictionaryFormat = .markdown

    func run() throws {
        print(DictionaryRenderer.render(.standard, as: format))
    }
}

extension DictionaryFormat: ExpressibleByArgument {}
