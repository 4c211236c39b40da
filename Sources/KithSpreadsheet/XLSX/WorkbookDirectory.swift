import Foundation

/// What `xl/workbook.xml` and its relationships say: the sheets in tab order, where each one's XML
/// lives, and which date system the workbook counts in.
struct WorkbookDirectory {
    /// One tab of the workbook.
    struct SheetEntry {
        var name: String
        /// The part's path inside the zip, e.g. `xl/worksheets/sheet1.xml`.
        var path: String
        var isHidden: Bool
        var kind: XLSXReader.SheetKind
    }

    var sheets: [SheetEntry] = []
    var dateSystem: ExcelDateSystem = .from1900
    var stylesPath: String?
    var sharedStringsPath: String?

    init(package: XLSXPackage) throws {
        let fileName = package.url.lastPathComponent
        func broken(_ problem: String) -> SpreadsheetError {
            SpreadsheetError(
                .brokenWorkbook, file: fileName, problem: problem,
                remedy: "Open it in Excel; if it opens, save it again as .xlsx and import that, otherwise ask the partner to resend it."
            )
        }
        // The package relationships name the workbook part; Excel always uses xl/workbook.xml.
        var workbookPath = "xl/workbook.xml"
        if let rootRelationships = try package.data(of: "_rels/.rels") {
            let relationships = try Self.relationships(in: rootRelationships, folder: "", fileName: fileName)
            if let target = relationships.first(where: { $0.type.hasSuffix("/officeDocument") })?.target {
                workbookPath = target
            }
        }
        guard let workbook = try package.data(of: workbookPath) else {
            throw broken("The workbook has no \(workbookPath) part.")
        }
        let folder = workbookPath.split(separator: "/").dropLast().joined(separator: "/")
        let relationshipsPath = (folder.isEmpty ? "" : folder + "/") + "_rels/" + (workbookPath.split(separator: "/").last ?? "") + ".rels"
        var targets: [String: (type: String, target: String)] = [:]
        if let data = try package.data(of: relationshipsPath) {
            for relationship in try Self.relationships(in: data, folder: folder, fileName: fileName) {
                targets[relationship.id] = (relationship.type, relationship.target)
                if relationship.type.hasSuffix("/styles") { stylesPath = relationship.target }
                if relationship.type.hasSuffix("/sharedStrings") { sharedStringsPath = relationship.target }
            }
        }
        var sheets: [SheetEntry] = []
        var dateSystem = ExcelDateSystem.from1900
        let collector = XMLElementCollector { name, attributes, _ in
            switch name {
            case "workbookPr":
                if let value = attributes["date1904"]?.lowercased(), value == "1" || value == "true" {
                    dateSystem = .from1904
                }
            case "sheet":
                let id = attributes.first { XMLElementCollector.localName($0.key) == "id" }?.value
                guard let sheetName = attributes["name"], let id, let target = targets[id],
                    target.type.hasSuffix("/worksheet")
                        || target.type.hasSuffix("/chartsheet") || target.type.hasSuffix("/dialogsheet")
                else { return }
                let kind: XLSXReader.SheetKind =
                    target.type.hasSuffix("/chartsheet") ? .chartsheet : target.type.hasSuffix("/dialogsheet") ? .dialogsheet : .worksheet
                sheets.append(
                    SheetEntry(
                        name: sheetName, path: target.target, isHidden: attributes["state"] != nil && attributes["state"] != "visible",
                        kind: kind
                    )
                )
            default:
                break
            }
        }
        guard collector.parse(workbook) else { throw broken("The workbook's list of sheets (\(workbookPath)) is not well-formed XML.") }
        guard !sheets.isEmpty else { throw broken("The workbook lists no sheets.") }
        self.sheets = sheets
        self.dateSystem = dateSystem
        stylesPath = stylesPath ?? (package.contains("xl/styles.xml") ? "xl/styles.xml" : nil)
        sharedStringsPath = sharedStringsPath ?? (package.contains("xl/sharedStrings.xml") ? "xl/sharedStrings.xml" : nil)
    }

    private static func relationships(
        in data: Data, folder: String, fileName: String
    ) throws -> [(id: String, type: String, target: String)] {
        var found: [(id: String, type: String, target: String)] = []
        let collector = XMLElementCollector { name, attributes, _ in
            guard name == "Relationship", let id = attributes["Id"], let type = attributes["Type"],
                let target = attributes["Target"], attributes["TargetMode"] != "External"
            else { return }
            found.append((id, type, XLSXPackage.resolve(target, relativeTo: folder)))
        }
        guard collector.parse(data) else {
            throw SpreadsheetError(
                .brokenWorkbook, file: fileName, problem: "The workbook's relationships are not well-formed XML.",
                remedy: "Open it in Excel, save it again as .xlsx and import that."
            )
        }
        return found
    }
}
