/// SVG written an element at a time, each on its own line, attributes in the order given so the same drawing always
/// gives the same bytes. Attribute values and text are escaped here, so callers never do it themselves.
struct SVGMarkup {
    /// The site's typeface and text colour (kith.css), set once on the root so every `<text>` inherits them.
    static let fontFamily = "Arial, Helvetica, sans-serif"
    static let textColour = "#0b0c0c"
    static let secondaryTextColour = "#505a5f"
    static let ruleColour = "#b1b4b6"

    private(set) var text = ""

    mutating func open(_ name: String, _ attributes: [(String, String)] = []) {
        text += "<" + name + Self.attributes(attributes) + ">\n"
    }

    mutating func close(_ name: String) {
        text += "</" + name + ">\n"
    }

    /// What another piece of markup holds, drawn here (so a part measured first can be drawn later).
    mutating func append(_ other: SVGMarkup) {
        text += other.text
    }

    /// An element with text inside, or an empty one when `content` is nil.
    mutating func element(_ name: String, _ attributes: [(String, String)] = [], content: String? = nil) {
        if let content {
            text += "<" + name + Self.attributes(attributes) + ">" + SVG.escape(content) + "</" + name + ">\n"
        } else {
            text += "<" + name + Self.attributes(attributes) + "/>\n"
        }
    }

    /// A `<text>` of one or more lines, each a `<tspan>` a line height below the last. The spans are written on one
    /// line: white space between them would be drawn as a space at the end of each line, pushing right-aligned text left.
    mutating func lines(_ lines: [String], x: Double, y: Double, lineHeight: Double, _ attributes: [(String, String)] = []) {
        guard lines.count > 1 else {
            element("text", [("x", SVG.number(x)), ("y", SVG.number(y))] + attributes, content: lines.first ?? "")
            return
        }
        text += "<text" + Self.attributes([("x", SVG.number(x)), ("y", SVG.number(y))] + attributes) + ">"
        for (index, line) in lines.enumerated() {
            let attributes = [("x", SVG.number(x)), ("dy", index == 0 ? "0" : SVG.number(lineHeight))]
            text += "<tspan" + Self.attributes(attributes) + ">" + SVG.escape(line) + "</tspan>"
        }
        text += "</text>\n"
    }

    /// The whole drawing: the root `<svg>` named by its `<title>` and `<desc>` (first, so assistive technology finds
    /// them), then what `body` draws.
    static func document(
        idPrefix: String, className: String, width: Double, height: Double, title: String, description: String,
        body: (inout SVGMarkup) -> Void
    ) -> String {
        let prefix = SVG.identifier(idPrefix)
        var markup = SVGMarkup()
        markup.open(
            "svg",
            [
                ("xmlns", SVG.namespace), ("class", className),
                ("viewBox", "0 0 \(SVG.number(width)) \(SVG.number(height))"), ("width", SVG.number(width)), ("height", SVG.number(height)),
                ("role", "img"), ("aria-labelledby", "\(prefix)-title \(prefix)-desc"),
                ("font-family", fontFamily), ("font-size", "14"),
            ])
        markup.element("title", [("id", "\(prefix)-title")], content: title)
        markup.element("desc", [("id", "\(prefix)-desc")], content: description)
        body(&markup)
        markup.close("svg")
        return markup.text
    }

    /// A drawing with nothing to draw: says so rather than showing an empty frame.
    static func noData(idPrefix: String, className: String, width: Double, title: String, description: String, message: String) -> String {
        let height = 120.0
        return document(idPrefix: idPrefix, className: className, width: width, height: height, title: title, description: description) {
            markup in
            markup.element(
                "rect",
                [
                    ("x", "0.5"), ("y", "0.5"), ("width", SVG.number(width - 1)), ("height", SVG.number(height - 1)),
                    ("fill", "#f3f2f1"), ("stroke", ruleColour),
                ])
            markup.element(
                "text",
                [
                    ("class", "kith-no-data"), ("x", SVG.number(width / 2)), ("y", SVG.number(height / 2 + 6)),
                    ("text-anchor", "middle"), ("font-size", "18"), ("fill", textColour),
                ], content: message)
        }
    }

    private static func attributes(_ attributes: [(String, String)]) -> String {
        attributes.map { " \($0.0)=\"\(SVG.escape($0.1))\"" }.joined()
    }
}
