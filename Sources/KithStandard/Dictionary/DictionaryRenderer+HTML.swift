extension DictionaryRenderer {
    /// A standalone HTML5 page in GOV.UK style: no external resources, no JavaScript, every value escaped.
    ///
    /// It has a skip link, one `h1`, an `h2` per hashtag, and a table per hashtag with a caption, column headers
    /// and the label as each row's header. Special category rows say "Special category" in words, not by colour alone.
    static func html(_ dictionary: DataDictionary) -> String {
        let title = "Kith data dictionary, version \(dictionary.version)"
        let groups = groups(of: dictionary)
        var page = """
            <!DOCTYPE html>
            <html lang="en-GB">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(HTMLText.escaped(title))</title>
            <style>\(HTMLPage.style)</style>
            </head>
            <body>
            <a class="skip-link" href="#main">Skip to main content</a>
            <header class="site-header"><p>Kith</p></header>
            <main id="main">
            <h1>Kith data dictionary</h1>
            <p class="lead">Version \(HTMLText.escaped(dictionary.version)) · \(dictionary.entries.count) entries</p>
            <p>\(HTMLText.inline(introduction))</p>
            <h2 id="tagging">How to tag a spreadsheet</h2>
            <p>\(HTMLText.inline(taggingAdvice))</p>

            """
        page += htmlSample(dictionary)
        page += """
            <h2 id="sensitivity">Sensitivity</h2>
            <p>\(HTMLText.inline(sensitivityAdvice))</p>
            <nav aria-labelledby="contents"><h2 id="contents">Contents</h2><ul>

            """
        for group in groups {
            let name = group.tagText.isEmpty ? group.title : "\(group.title) (\(group.tagText))"
            page +=
                "<li><a href=\"#\(HTMLText.escaped(group.anchor))\">\(HTMLText.escaped(name))</a> "
                + "(\(group.entries.count))</li>\n"
        }
        page += "</ul></nav>\n"
        for group in groups { page += htmlSection(group) }
        page += """
            <p class="footnote">Every example value is invented: no real person is in this dictionary.</p>
            </main>
            </body>
            </html>

            """
        return page
    }

    /// A table showing headers, the hashtag row under them and a row of data.
    private static func htmlSample(_ dictionary: DataDictionary) -> String {
        let sample = sampleEntries(of: dictionary)
        guard !sample.isEmpty else { return "" }
        var html = "<div class=\"table-wrap\"><table>\n<caption>Example: a list with its hashtag row</caption>\n<thead><tr>"
        html += sample.map { "<th scope=\"col\">\(HTMLText.escaped($0.label))</th>" }.joined()
        html += "</tr></thead>\n<tbody>\n<tr>"
        html += sample.map { "<td><code>\(HTMLText.escaped($0.tag))</code></td>" }.joined()
        html += "</tr>\n<tr>"
        html += sample.map { "<td>\(HTMLText.escaped($0.examples[0]))</td>" }.joined()
        html += "</tr>\n</tbody>\n</table></div>\n"
        return html
    }

    private static func htmlSection(_ group: Group) -> String {
        let anchor = HTMLText.escaped(group.anchor)
        let caption =
            group.tagText.isEmpty
            ? "\(group.title): \(group.entries.count) entries"
            : "\(group.title): tags starting \(group.tagText), \(group.entries.count) entries"
        var html = "<section aria-labelledby=\"\(anchor)\">\n"
        html += "<h2 id=\"\(anchor)\">\(HTMLText.escaped(group.title))"
        if !group.tagText.isEmpty { html += " <code>\(HTMLText.escaped(group.tagText))</code>" }
        html += "</h2>\n"
        html += "<div class=\"table-wrap\" role=\"region\" aria-labelledby=\"\(anchor)-caption\" tabindex=\"0\"><table>\n"
        html += "<caption id=\"\(anchor)-caption\">\(HTMLText.escaped(caption))</caption>\n<thead><tr>"
        for column in ["Tag", "Label", "Description", "Type", "Format", "Sensitivity", "Allowed values", "Examples", "Synonyms"] {
            html += "<th scope=\"col\">\(column)</th>"
        }
        html += "</tr></thead>\n<tbody>\n"
        for entry in group.entries { html += htmlRow(entry) }
        html += "</tbody>\n</table></div>\n</section>\n"
        return html
    }

    private static func htmlRow(_ entry: DictionaryEntry) -> String {
        let sensitivity = entry.sensitivity
        let allowed = entry.allowed.map { "<li><code>\(HTMLText.escaped($0.code))</code> \(HTMLText.escaped($0.label))</li>" }
        let examples = entry.examples.map { "<li>\(HTMLText.escaped($0))</li>" }
        let synonyms = entry.synonyms.map { HTMLText.escaped($0) }.joined(separator: ", ")
        let cells = [
            "<td><code>\(HTMLText.escaped(entry.tag))</code></td>",
            "<th scope=\"row\">\(HTMLText.escaped(entry.label))</th>",
            "<td>\(HTMLText.escaped(entry.description))</td>",
            "<td>\(HTMLText.escaped(entry.type.rawValue))</td>",
            "<td>\(HTMLText.escaped(entry.format))</td>",
            "<td><strong class=\"tag tag-\(sensitivity.rawValue)\">\(sensitivity.displayName)</strong></td>",
            "<td>\(allowed.isEmpty ? "None" : "<ul class=\"plain\">" + allowed.joined() + "</ul>")</td>",
            "<td>\(examples.isEmpty ? "None" : "<ul class=\"plain\">" + examples.joined() + "</ul>")</td>",
            "<td>\(synonyms.isEmpty ? "None" : synonyms)</td>",
        ]
        return "<tr class=\"\(sensitivity.rawValue)\">" + cells.joined() + "</tr>\n"
    }
}

/// Escaping for text placed in HTML content or attribute values.
enum HTMLText {
    /// Escaped text in which spans marked with backticks become `<code>` elements.
    static func inline(_ text: String) -> String {
        text.split(separator: "`", omittingEmptySubsequences: false).enumerated().map { part in
            part.offset.isMultiple(of: 2) ? escaped(String(part.element)) : "<code>\(escaped(String(part.element)))</code>"
        }.joined()
    }

    static func escaped(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }
}

/// The page's inline style sheet, after the GOV.UK Design System: Arial, black header, yellow focus, plain tables.
enum HTMLPage {
    static let style = """
        body{margin:0;font-family:arial,sans-serif;font-size:16px;line-height:1.5;color:#0b0c0c;background:#fff}\
        .skip-link{position:absolute;left:-10000px;top:auto;width:1px;height:1px;overflow:hidden}\
        .skip-link:focus{position:static;width:auto;height:auto;display:block;padding:10px 15px;background:#fd0;\
        color:#0b0c0c;outline:3px solid #fd0;text-decoration:underline}\
        .site-header{background:#0b0c0c;color:#fff;padding:10px 15px;border-bottom:10px solid #1d70b8}\
        .site-header p{margin:0;font-size:24px;font-weight:700}\
        main{display:block;max-width:1200px;margin:0 auto;padding:20px 15px 60px}\
        h1{font-size:36px;line-height:1.1;margin:30px 0 15px}\
        h2{font-size:27px;line-height:1.2;margin:45px 0 15px}\
        .lead{font-size:19px}\
        a{color:#1d70b8}a:visited{color:#4c2c92}a:hover{color:#003078}\
        a:focus,.table-wrap:focus{outline:3px solid #fd0;background:#fd0;color:#0b0c0c;box-shadow:0 4px #0b0c0c}\
        code{font-family:"Courier New",monospace;font-size:.95em;background:#f3f2f1;padding:0 3px;white-space:nowrap}\
        .table-wrap{overflow-x:auto;margin-bottom:30px}\
        table{border-collapse:collapse;width:100%;font-size:14px}\
        caption{text-align:left;font-weight:700;font-size:19px;padding-bottom:10px}\
        th,td{text-align:left;vertical-align:top;padding:10px 12px 10px 0;border-bottom:1px solid #b1b4b6}\
        th{font-weight:700}\
        .tag{display:inline-block;padding:2px 6px;font-weight:700;white-space:nowrap}\
        .tag-special-category{color:#2a0b06;background:#f4cdc6}\
        .tag-personal{color:#0c2d4a;background:#bbd4ea}\
        .tag-not-personal{color:#0b0c0c;background:#f3f2f1}\
        tr.special-category td:first-child{border-left:5px solid #d4351c;padding-left:8px}\
        .plain{margin:0;padding:0;list-style:none}\
        .footnote{margin-top:45px;color:#505a5f}
        """
}
