import Foundation
import KithStandard
import Testing

/// Publishing the dictionary as JSON, CSV, Markdown and HTML.
@Suite struct DictionaryRendererTests {
    let dictionary: DataDictionary

    init() throws {
        dictionary = try DataDictionary.load()
    }

    /// A small dictionary with text that must be escaped in every form.
    static let crafted = DataDictionary(
        version: "9.9.9-test",
        entries: [
            DictionaryEntry(
                tag: "#x_test +script", label: "Label <script>alert(\"x\")</script>",
                description: "Holds <b>bold</b> & \"quotes\", commas, and\na line break | pipe.", type: .code,
                format: "<em>any</em>", allowed: [AllowedValue(code: "<A>", label: "A & B")], sensitivity: .specialCategory,
                examples: ["=1+2", "O'Neill"], synonyms: ["a <header>", "b, with comma"]
            ),
            DictionaryEntry(
                tag: "#contact +email", label: "Email", description: "An email address.", type: .email,
                format: "name@domain", sensitivity: .personal, examples: ["someone@example.org"], synonyms: ["email"]
            ),
        ]
    )

    @Test func everyFormatRenders() {
        for format in DictionaryFormat.allCases {
            #expect(!DictionaryRenderer.render(dictionary, as: format).isEmpty, "\(format)")
        }
        #expect(DictionaryFormat.allCases.map(\.fileExtension) == ["md", "csv", "json", "html"])
    }

    // MARK: JSON

    @Test func jsonIsAnArrayOfEveryEntry() throws {
        let text = DictionaryRenderer.render(dictionary, as: .json)
        let objects = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
        #expect(objects.count == dictionary.entries.count)
        for (object, entry) in zip(objects, dictionary.entries) {
            #expect(object["tag"] as? String == entry.tag)
            #expect(object["label"] as? String == entry.label)
            #expect(object["description"] as? String == entry.description)
            #expect(object["type"] as? String == entry.type.rawValue)
            #expect(object["synonyms"] as? [String] == entry.synonyms)
            #expect(object["format"] as? String == entry.format)
            #expect(object["sensitivity"] as? String == entry.sensitivity.rawValue)
            #expect(object["examples"] as? [String] == entry.examples)
            #expect(object["dictionary_version"] as? String == "1.2.0")
            let allowed = try #require(object["allowed"] as? [[String: String]])
            #expect(allowed.map { AllowedValue(code: $0["code"] ?? "", label: $0["label"] ?? "") } == entry.allowed)
        }
    }

    @Test func jsonKeepsTextExactly() throws {
        let text = DictionaryRenderer.render(Self.crafted, as: .json)
        let objects = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
        #expect(objects.first?["description"] as? String == Self.crafted.entries[0].description)
        #expect(objects.first?["dictionary_version"] as? String == "9.9.9-test")
    }

    // MARK: CSV

    @Test func csvHasAHeaderAndOneRecordPerEntry() throws {
        let records = try Self.csvRecords(DictionaryRenderer.render(dictionary, as: .csv))
        #expect(records.count == dictionary.entries.count + 1)
        #expect(records.first == ["tag", "label", "description", "type", "format", "sensitivity", "allowed", "examples", "synonyms"])
        #expect(records.allSatisfy { $0.count == 9 })
        for (record, entry) in zip(records.dropFirst(), dictionary.entries) {
            #expect(record[0] == entry.tag)
            #expect(record[3] == entry.type.rawValue)
            #expect(record[8] == entry.synonyms.joined(separator: " | "))
        }
        let sex = try #require(records.first { $0[0] == "#x_person +sex" })
        #expect(sex[6].hasPrefix("M = Male | F = Female"))
    }

    @Test func csvQuotesCommasQuotesAndLineBreaks() throws {
        let text = DictionaryRenderer.render(Self.crafted, as: .csv)
        #expect(text.hasSuffix("\r\n"))
        let records = try Self.csvRecords(text)
        #expect(records.count == 3)
        let entry = Self.crafted.entries[0]
        #expect(records[1][1] == entry.label)
        #expect(records[1][2] == entry.description)
        #expect(records[1][6] == "<A> = A & B")
        #expect(records[1][8] == "a <header> | b, with comma")
        // A cell Excel would run as a formula is made text.
        #expect(records[1][7] == "'=1+2 | O'Neill")
    }

    // MARK: Markdown

    @Test func markdownHasEveryTagAndTheVersion() {
        let markdown = DictionaryRenderer.render(dictionary, as: .markdown)
        #expect(markdown.hasPrefix("# Kith data dictionary, version 1.2.0"))
        for entry in dictionary.entries {
            #expect(markdown.contains("`\(entry.tag)`"), "\(entry.tag) is missing")
            #expect(markdown.contains("### \(entry.label.replacingOccurrences(of: "_", with: "\\_"))"))
        }
        #expect(markdown.contains("`forename`"))
        #expect(markdown.contains("| `WBRI` | White - British |"))
        #expect(markdown.contains("Special category"))
    }

    @Test func markdownEscapesTablesAndMarkup() {
        let markdown = DictionaryRenderer.render(Self.crafted, as: .markdown)
        #expect(!markdown.contains("<script>"))
        #expect(markdown.contains("\\<script\\>"))
        #expect(markdown.contains("line break \\| pipe"))
        #expect(!markdown.contains("and\na line"))
    }

    // MARK: HTML

    @Test func htmlIsAnAccessibleStandalonePage() {
        let html = DictionaryRenderer.render(dictionary, as: .html)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<html lang=\"en-GB\">"))
        #expect(html.contains("<title>Kith data dictionary, version 1.2.0</title>"))
        #expect(html.contains("<a class=\"skip-link\" href=\"#main\">"))
        #expect(html.contains("<main id=\"main\">"))
        #expect(html.contains("<h1>"))
        #expect(html.contains("<h2"))
        #expect(html.contains("<caption"))
        #expect(html.contains("<th scope=\"col\">Tag</th>"))
        #expect(html.contains("Special category"))
        #expect(html.hasSuffix("</html>\n"))
        for entry in dictionary.entries {
            #expect(html.contains("<code>\(entry.tag)</code>"), "\(entry.tag) is missing")
        }
        // Standalone: nothing fetched, nothing run.
        #expect(!html.contains("<script"))
        #expect(!html.contains("<link"))
        #expect(!html.contains("http://") && !html.contains("https://"))
        let specialRows = html.components(separatedBy: "<tr class=\"special-category\">").count - 1
        #expect(specialRows == dictionary.entries.filter { $0.sensitivity == .specialCategory }.count)
    }

    @Test func htmlEscapesEveryValue() {
        let html = DictionaryRenderer.render(Self.crafted, as: .html)
        #expect(!html.contains("<script>"))
        #expect(!html.contains("<b>bold"))
        #expect(!html.contains("<em>any"))
        #expect(!html.contains("<A>"))
        #expect(!html.contains("<header>"))
        #expect(html.contains("Label &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"))
        #expect(html.contains("&lt;b&gt;bold&lt;/b&gt; &amp; &quot;quotes&quot;"))
        #expect(html.contains("<code>&lt;A&gt;</code> A &amp; B"))
        #expect(html.contains("O&#39;Neill"))
        #expect(html.contains("<strong class=\"tag tag-special-category\">Special category</strong>"))
        #expect(html.contains("<caption"))
        #expect(html.contains("lang=\"en-GB\""))
    }

    // MARK: An RFC 4180 reader for checking the CSV form

    struct MalformedCSV: Error {}

    /// Splits RFC 4180 text into records of fields: quoted fields may hold commas, doubled quotes and line breaks.
    static func csvRecords(_ text: String) throws -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var quoted = false
        var characters = Array(text)[...]
        while let character = characters.popFirst() {
            if quoted {
                if character == "\"" {
                    if characters.first == "\"" {
                        field.append("\"")
                        characters.removeFirst()
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(character)
                }
            } else if character == "\"" {
                guard field.isEmpty else { throw MalformedCSV() }
                quoted = true
            } else if character == "," {
                record.append(field)
                field = ""
            } else if character == "\r\n" || character == "\n" {
                record.append(field)
                records.append(record)
                record = []
                field = ""
            } else {
                field.append(character)
            }
        }
        guard !quoted else { throw MalformedCSV() }
        if !field.isEmpty || !record.isEmpty {
            record.append(field)
            records.append(record)
        }
        return records
    }
}
