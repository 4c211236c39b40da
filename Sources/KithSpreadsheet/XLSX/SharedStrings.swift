import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The workbook's table of shared strings (`xl/sharedStrings.xml`), which cells of type `s` point into by index.
///
/// Rich-text strings are joined from their runs; phonetic guides (`rPh`) are left out, as Excel shows them.
final class SharedStrings: NSObject, XMLParserDelegate {
    private(set) var strings: [String] = []
    private var current = ""
    private var inItem = false
    private var inText = false
    private var phoneticDepth = 0
    private var tooMany = false
    private let maximumCount: Int

    init(maximumCount: Int) {
        self.maximumCount = maximumCount
    }

    /// Parses the part at `url`; throws a readable error when it is malformed or too large.
    func load(from url: URL, fileName: String) throws {
        guard let stream = InputStream(url: url) else { return }
        let parser = XMLParser(stream: stream)
        parser.shouldResolveExternalEntities = false
        parser.delegate = self
        let succeeded = parser.parse()
        if tooMany {
            throw SpreadsheetError(
                .tooLarge, file: fileName, problem: "The workbook has more than \(maximumCount) distinct strings.",
                remedy: "Split it into smaller workbooks."
            )
        }
        guard succeeded else {
            throw SpreadsheetError(
                .brokenWorkbook, file: fileName,
                problem: "The workbook's shared strings are not well-formed XML (line \(parser.lineNumber)).",
                remedy: "Open it in Excel, save it again as .xlsx and import that."
            )
        }
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName qName: String?,
        attributes attributeDict: [String: String] = [:]
    ) {
        switch XMLElementCollector.localName(elementName) {
        case "si":
            inItem = true
            current = ""
        case "t" where inItem && phoneticDepth == 0:
            inText = true
        case "rPh":
            phoneticDepth += 1
        default:
            break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText { current += string }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        switch XMLElementCollector.localName(elementName) {
        case "si":
            inItem = false
            strings.append(ExcelText.unescape(current))
            if strings.count > maximumCount {
                tooMany = true
                parser.abortParsing()
            }
        case "t":
            inText = false
        case "rPh":
            phoneticDepth -= 1
        default:
            break
        }
    }
}

/// Excel's escape for characters XML cannot hold: `_x000D_` is a carriage return, `_x005F_` an underscore.
enum ExcelText {
    static func unescape(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "_")), text.contains("_x") else { return text }
        var result = ""
        var scalars = Array(text.unicodeScalars)[...]
        while let first = scalars.first {
            if first == "_", scalars.count >= 7, scalars[scalars.startIndex + 1] == "x",
                scalars[scalars.startIndex + 6] == "_",
                let value = UInt32(String(String.UnicodeScalarView(scalars[(scalars.startIndex + 2)...(scalars.startIndex + 5)])), radix: 16),
                let scalar = Unicode.Scalar(value)
            {
                result.unicodeScalars.append(scalar)
                scalars = scalars.dropFirst(7)
            } else {
                result.unicodeScalars.append(first)
                scalars = scalars.dropFirst()
            }
        }
        return result
    }
}
