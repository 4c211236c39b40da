import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Parses a small XML part and hands each element's local name and attributes to a closure.
///
/// Used for the workbook, its relationships and its styles, where a SAX pass collecting a few
/// attributes is all that is needed.
final class XMLElementCollector: NSObject, XMLParserDelegate {
    private let onStart: (_ name: String, _ attributes: [String: String], _ depth: Int) -> Void
    private let onEnd: (_ name: String) -> Void
    private var depth = 0

    init(
        onStart: @escaping (_ name: String, _ attributes: [String: String], _ depth: Int) -> Void,
        onEnd: @escaping (_ name: String) -> Void = { _ in }
    ) {
        self.onStart = onStart
        self.onEnd = onEnd
    }

    /// Parses `data`; returns false if the XML is not well formed.
    func parse(_ data: Data) -> Bool {
        let parser = XMLParser(stream: InputStream(data: data))
        parser.shouldResolveExternalEntities = false
        parser.delegate = self
        return parser.parse()
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName qName: String?,
        attributes attributeDict: [String: String] = [:]
    ) {
        onStart(Self.localName(elementName), attributeDict, depth)
        depth += 1
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        depth -= 1
        onEnd(Self.localName(elementName))
    }

    /// `x:row` → `row`: some writers prefix SpreadsheetML elements.
    static func localName(_ name: String) -> String {
        guard let colon = name.lastIndex(of: ":") else { return name }
        return String(name[name.index(after: colon)...])
    }
}
