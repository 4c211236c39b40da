import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// An element of a parsed SVG, for tests to look into the drawing rather than match its text.
final class ParsedElement {
    let name: String
    let attributes: [String: String]
    var children: [ParsedElement] = []
    var text = ""

    init(name: String, attributes: [String: String]) {
        self.name = name
        self.attributes = attributes
    }

    subscript(attribute: String) -> String? { attributes[attribute] }

    /// This element and every one inside it, in document order.
    var all: [ParsedElement] { [self] + children.flatMap(\.all) }

    func all(_ name: String) -> [ParsedElement] { all.filter { $0.name == name } }

    /// The elements with a class among their classes.
    func all(class className: String) -> [ParsedElement] {
        all.filter { ($0["class"] ?? "").split(separator: " ").contains(Substring(className)) }
    }

    /// The text of this element and those inside it.
    var allText: String { text + children.map(\.allText).joined() }
}

/// The SVG parsed as XML by Foundation's parser, or nil when it is not well formed.
func parseSVG(_ svg: String) -> ParsedElement? {
    let builder = TreeBuilder()
    let parser = XMLParser(data: Data(svg.utf8))
    parser.delegate = builder
    guard parser.parse() else { return nil }
    return builder.root
}

private final class TreeBuilder: NSObject, XMLParserDelegate {
    var root: ParsedElement?
    var open: [ParsedElement] = []

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String]
    ) {
        let element = ParsedElement(name: elementName, attributes: attributes)
        if let parent = open.last { parent.children.append(element) } else { root = element }
        open.append(element)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        open.removeLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        open.last?.text += string
    }
}
