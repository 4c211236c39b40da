import Foundation

/// Reads the sheets of an Excel workbook (.xlsx) row by row, without holding a sheet in memory.
///
/// Built on ZIPFoundation and Foundation's streaming `XMLParser(stream:)`. Reads shared and inline
/// strings, numbers, booleans, errors, formulas (their cached values) and dates in both the 1900 and
/// 1904 systems, taking the date-ness of a number from its cell's format. Guards against zip bombs,
/// DTDs and entity expansion, and parts that are not worksheets.
public final class XLSXReader {
    public let url: URL
    public let limits: ReadLimits
    private let package: XLSXPackage
    private let directory: WorkbookDirectory
    private var formats: CellFormats?
    private var sharedStrings: [String]?
    private let workingDirectory: URL

    /// The names of the workbook's sheets, in tab order.
    public var sheetNames: [String] { directory.sheets.map(\.name) }

    /// What a tab of a workbook holds: cells, a chart, or an old Excel 5 dialog.
    public enum SheetKind: String, Sendable, Equatable {
        case worksheet
        case chartsheet
        case dialogsheet
    }

    /// One tab of the workbook as its list of sheets describes it.
    public struct SheetDescription: Sendable, Equatable {
        public var name: String
        public var kind: SheetKind
        /// Hidden or "very hidden" in Excel: not shown as a tab.
        public var isHidden: Bool

        public init(name: String, kind: SheetKind, isHidden: Bool) {
            self.name = name
            self.kind = kind
            self.isHidden = isHidden
        }
    }

    /// The workbook's tabs in order, with what each holds and whether it is hidden.
    public var sheets: [SheetDescription] {
        directory.sheets.map { SheetDescription(name: $0.name, kind: $0.kind, isHidden: $0.isHidden) }
    }
    /// The workbook's date system.
    public var dateSystem: ExcelDateSystem { directory.dateSystem }

    public init(url: URL, limits: ReadLimits = ReadLimits()) throws {
        self.url = url
        self.limits = limits
        package = try XLSXPackage(url: url, limits: limits)
        directory = try WorkbookDirectory(package: package)
        workingDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("kith-read-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: workingDirectory, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: workingDirectory)
    }

    /// The sheet to read: the one named, or else the first visible worksheet that has any value in it.
    public func resolveSheet(named name: String?) throws -> String {
        if let name {
            guard
                let entry = directory.sheets.first(where: { $0.name == name })
                    ?? directory.sheets.first(where: { $0.name.lowercased() == name.lowercased() })
            else {
                throw SpreadsheetError(
                    .sheetNotFound, file: url.lastPathComponent, sheet: name, problem: "The workbook has no such sheet.",
                    remedy: "Its sheets are: " + sheetNames.map { "\"\($0)\"" }.joined(separator: ", ") + "."
                )
            }
            return entry.name
        }
        for entry in directory.sheets where !entry.isHidden {
            let part = try unpack(entry)
            if Self.hasAnyValue(part) { return entry.name }
        }
        throw SpreadsheetError(
            .noData, file: url.lastPathComponent, problem: "No sheet of the workbook has any data in it.",
            remedy: "Check this is the right file; the partner may have sent an empty template."
        )
    }

    /// Whether a sheet holds any cell value, found by a byte search that stops at the first one; false for a
    /// sheet the workbook does not have.
    public func hasData(inSheet name: String) throws -> Bool {
        guard let entry = directory.sheets.first(where: { $0.name == name }) else { return false }
        return Self.hasAnyValue(try unpack(entry))
    }

    /// The merged cell ranges of a sheet, such as a title across the table or a header over several columns.
    public func mergedRanges(inSheet name: String) throws -> [CellRange] {
        guard let entry = directory.sheets.first(where: { $0.name == name }) else { return [] }
        return MergedCellScanner.mergedRanges(inWorksheetAt: try unpack(entry))
    }

    /// Calls `body` with each row that has a value, in order, numbered as Excel shows them.
    public func forEachRow(inSheet name: String, _ body: (SheetRow) throws -> Void) throws {
        guard let entry = directory.sheets.first(where: { $0.name == name }) else {
            _ = try resolveSheet(named: name)
            return
        }
        let part = try unpack(entry)
        let scanner = WorksheetScanner(
            sharedStrings: try loadSharedStrings(), formats: try loadFormats(), dateSystem: directory.dateSystem,
            limits: limits, fileName: url.lastPathComponent, sheetName: name
        )
        try scanner.scan(part, onRow: body)
    }

    private func unpack(_ entry: WorkbookDirectory.SheetEntry) throws -> URL {
        let destination = workingDirectory.appendingPathComponent(
            XLSXPackage.normalise(entry.path).replacingOccurrences(of: "/", with: "_")
        )
        if FileManager.default.fileExists(atPath: destination.path) { return destination }
        guard try package.extract(entry.path, to: destination) else {
            throw SpreadsheetError(
                .brokenWorkbook, file: url.lastPathComponent, sheet: entry.name,
                problem: "The workbook lists this sheet but does not contain it (\(entry.path)).",
                remedy: "Open it in Excel, save it again as .xlsx and import that."
            )
        }
        return destination
    }

    private func loadFormats() throws -> CellFormats {
        if let formats { return formats }
        var loaded = CellFormats()
        if let path = directory.stylesPath, let data = try package.data(of: path) {
            loaded = CellFormats(data: data)
        }
        formats = loaded
        return loaded
    }

    private func loadSharedStrings() throws -> [String] {
        if let sharedStrings { return sharedStrings }
        var loaded: [String] = []
        if let path = directory.sharedStringsPath {
            let destination = workingDirectory.appendingPathComponent("sharedStrings.xml")
            if try package.extract(path, to: destination) {
                let table = SharedStrings(maximumCount: limits.maximumSharedStrings)
                try table.load(from: destination, fileName: url.lastPathComponent)
                loaded = table.strings
                try? FileManager.default.removeItem(at: destination)
            }
        }
        sharedStrings = loaded
        return loaded
    }

    /// Whether a worksheet part holds any cell value, found by a byte search that stops at the first one.
    private static func hasAnyValue(_ part: URL) -> Bool {
        guard let handle = try? FileHandle(forReadingFrom: part) else { return false }
        defer { try? handle.close() }
        let markers = [Data("<v>".utf8), Data("<v ".utf8), Data(":v>".utf8), Data("<is>".utf8), Data(":is>".utf8)]
        var carry = Data()
        while let chunk = try? handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            let window = carry + chunk
            if markers.contains(where: { window.range(of: $0) != nil }) { return true }
            carry = window.suffix(8)
        }
        return false
    }
}
