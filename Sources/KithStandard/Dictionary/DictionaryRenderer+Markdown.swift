extension DictionaryRenderer {
    /// A Markdown document: title, how tagging works, a contents list, then a section per hashtag with one
    /// subsection per entry.
    static func markdown(_ dictionary: DataDictionary) -> String {
        var lines: [String] = []
        lines.append("# Kith data dictionary, version \(MarkdownText.escaped(dictionary.version))")
        lines.append("")
        lines.append(MarkdownText.inline(introduction))
        lines.append("")
        lines.append(MarkdownText.inline(taggingAdvice) + " For example:")
        lines.append("")
        lines.append(contentsOf: markdownSample(dictionary))
        lines.append(MarkdownText.inline(sensitivityAdvice))
        lines.append("")
        lines.append("This version has \(dictionary.entries.count) entries.")
        lines.append("")
        let groups = groups(of: dictionary)
        lines.append("## Contents")
        lines.append("")
        for group in groups {
            lines.append("- \(MarkdownText.escaped(group.title)) (\(MarkdownText.code(group.tagText))): \(group.entries.count)")
        }
        lines.append("")
        for group in groups {
            lines.append("## \(MarkdownText.escaped(group.title)) \(MarkdownText.code(group.tagText))")
            lines.append("")
            for entry in group.entries {
                lines.append(contentsOf: markdownSection(entry))
            }
        }
        return lines.joined(separator: "\n")
    }

    /// A small table showing headers, the hashtag row and a row of data.
    private static func markdownSample(_ dictionary: DataDictionary) -> [String] {
        let sample = sampleEntries(of: dictionary)
        guard !sample.isEmpty else { return [] }
        func row(_ cells: [String]) -> String { "| " + cells.joined(separator: " | ") + " |" }
        return [
            row(sample.map { MarkdownText.escaped($0.label) }),
            row(sample.map { _ in "---" }),
            row(sample.map { MarkdownText.cell(MarkdownText.code($0.tag)) }),
            row(sample.map { MarkdownText.escaped($0.examples[0]) }),
            "",
        ]
    }

    private static func markdownSection(_ entry: DictionaryEntry) -> [String] {
        var lines = [
            "### \(MarkdownText.escaped(entry.label))",
            "",
            MarkdownText.paragraph(entry.description),
            "",
            "| Field | Value |",
            "|---|---|",
            "| Tag | \(MarkdownText.cell(MarkdownText.code(entry.tag))) |",
            "| Type | \(MarkdownText.cell(MarkdownText.code(entry.type.rawValue))) |",
            "| Format | \(MarkdownText.cell(MarkdownText.escaped(entry.format))) |",
            "| Sensitivity | \(entry.sensitivity.displayName) |",
        ]
        if !entry.examples.isEmpty {
            lines.append("| Examples | \(MarkdownText.cell(entry.examples.map(MarkdownText.code).joined(separator: ", "))) |")
        }
        if !entry.synonyms.isEmpty {
            lines.append("| Synonyms | \(MarkdownText.cell(entry.synonyms.map(MarkdownText.code).joined(separator: ", "))) |")
        }
        lines.append("")
        if !entry.allowed.isEmpty {
            lines.append("Allowed values:")
            lines.append("")
            lines.append("| Code | Meaning |")
            lines.append("|---|---|")
            for value in entry.allowed {
                lines.append("| \(MarkdownText.cell(MarkdownText.code(value.code))) | \(MarkdownText.cell(MarkdownText.escaped(value.label))) |")
            }
            lines.append("")
        }
        return lines
    }
}

/// Escaping for text placed in Markdown (CommonMark with GitHub tables).
enum MarkdownText {
    private static let punctuation: Set<Character> = ["\\", "`", "*", "_", "[", "]", "<", ">", "|"]

    /// Text with Markdown's active characters backslash-escaped and line breaks turned into spaces.
    static func escaped(_ text: String) -> String {
        var result = ""
        for character in text {
            if character.isNewline {
                result.append(" ")
            } else {
                if punctuation.contains(character) { result.append("\\") }
                result.append(character)
            }
        }
        return result
    }

    /// Text escaped to stand as a paragraph of its own: a leading `-`, `+`, `=`, `#` or `1.` cannot start a list or heading.
    static func paragraph(_ text: String) -> String {
        let body = escaped(text)
        let digits = body.prefix { $0.isASCII && $0.isNumber }
        let afterDigits = body.dropFirst(digits.count).first
        if let first = body.first, "-+=#".contains(first) { return "\\" + body }
        if !digits.isEmpty, afterDigits == "." || afterDigits == ")" {
            return digits + "\\" + body.dropFirst(digits.count)
        }
        return body
    }

    /// A paragraph from text marking code with backticks: "a hashtag such as `#contact`".
    static func inline(_ text: String) -> String {
        text.split(separator: "`", omittingEmptySubsequences: false).enumerated().map { part in
            let text = String(part.element)
            if !part.offset.isMultiple(of: 2) { return code(text) }
            return part.offset == 0 ? paragraph(text) : escaped(text)
        }.joined()
    }

    /// A code span that shows `text` literally, whatever backticks it holds.
    static func code(_ text: String) -> String {
        let flat = String(text.map { $0.isNewline ? " " : $0 })
        guard !flat.isEmpty else { return "" }
        var longestRun = 0
        var run = 0
        for character in flat {
            run = character == "`" ? run + 1 : 0
            longestRun = max(longestRun, run)
        }
        let fence = String(repeating: "`", count: longestRun + 1)
        let padding = flat.first == "`" || flat.last == "`" || longestRun > 0 ? " " : ""
        return fence + padding + flat + padding + fence
    }

    /// Already-formatted Markdown made safe for a table cell: unescaped pipes are escaped.
    static func cell(_ markdown: String) -> String {
        var result = ""
        var escaping = false
        for character in markdown {
            if character == "|", !escaping { result.append("\\") }
            escaping = character == "\\" && !escaping
            result.append(character)
        }
        return result
    }
}
