import Foundation
import KithLinkage
import KithSpreadsheet
import KithStandard

/// Reads a partner's CSV or XLSX file into records for linking: tags the columns with the data standard (the
/// file's own hashtag row, then a mapping, then suggestions), normalises the tagged cells and builds each row's
/// ``PersonRecord``, reading on two background threads.
public struct ListFileLoader: Sendable {
    public var mapping: ColumnMapping?
    public var referenceDate: CivilDate
    /// The header of a column holding the partner's own id for each row.
    public var idColumn: String?
    public var limits = ReadLimits()
    public var dictionary = DataDictionary.standard

    public init(mapping: ColumnMapping? = nil, referenceDate: CivilDate, idColumn: String? = nil) {
        self.mapping = mapping
        self.referenceDate = referenceDate
        self.idColumn = idColumn
    }

    /// Reads one file. Throws ``LinkableListError`` when the file cannot be read or holds nothing to link on.
    public func load(_ file: URL, source: String? = nil, sheet: String? = nil) throws -> LinkableList {
        try load(TableReader(url: file, limits: limits), source: source, sheet: sheet)
    }

    /// Reads one list from a file already open, such as one sheet of a workbook whose other sheets are lists too.
    /// Errors name the sheet when one is given.
    public func load(_ reader: TableReader, source: String? = nil, sheet: String? = nil) throws -> LinkableList {
        let file = reader.url
        let source = source ?? file.deletingPathExtension().lastPathComponent
        let place = file.lastPathComponent + (sheet.map { ", sheet \"\($0)\"" } ?? "")
        let tagger = Tagger(dictionary: dictionary, referenceDate: referenceDate)
        let context = ReadingContext(referenceDate: referenceDate)
        let mapping = mapping
        let idColumn = idColumn
        var tagging: TableTagging?
        var records: [PersonRecord] = []
        var rowNumbers: [Int] = []
        var ids: [String]? = idColumn == nil ? nil : []
        struct Prepared: Sendable {
            var tagging: TableTagging
            var normaliser: RowNormaliser
            var builder: PersonRecordBuilder
            var idPosition: Int?
        }
        try reader.readInBackground(
            sheet: sheet, mapping: mapping, tagger: tagger,
            prepare: { sample in
                let tagging = sample.tagging
                let idPosition = idColumn.flatMap { wanted in
                    sample.layout.columnNames.firstIndex { $0.trimmingCharacters(in: .whitespaces).caseInsensitiveCompare(wanted) == .orderedSame }
                }
                return Prepared(
                    tagging: tagging, normaliser: RowNormaliser(tagging: tagging, context: context),
                    builder: PersonRecordBuilder(tags: tagging.columns.map(\.tag)), idPosition: idPosition
                )
            },
            transform: { prepared, row in
                let changes = prepared.normaliser.changes(row.cells)
                let record = prepared.builder.record(key: source + ":" + String(row.number), source: source, cells: row.cells) { position in
                    changes.first { $0.position == position }.map { .some($0.value) } ?? .none
                }
                let id = prepared.idPosition.map { $0 < row.cells.count ? row.cells[$0] : "" }
                return (row.number, record, id)
            },
            onStart: { layout, prepared in
                tagging = prepared.tagging
                guard prepared.builder.canLink else {
                    throw LinkableListError.nothingToLinkOn(file: place, unplaced: Self.unplaced(prepared.tagging))
                }
                if let idColumn, prepared.idPosition == nil {
                    throw LinkableListError.noIdColumn(file: place, column: idColumn, headers: layout.columnNames)
                }
            },
            onItems: { items in
                for (number, record, id) in items {
                    rowNumbers.append(number)
                    records.append(record)
                    if let id { ids?.append(id) }
                }
            }
        )
        guard let tagging else { throw LinkableListError.nothingToLinkOn(file: place, unplaced: []) }
        return LinkableList(
            source: source, fileName: file.lastPathComponent, sheet: sheet, records: records, rowNumbers: rowNumbers, ids: ids,
            tagging: tagging, unplacedHeaders: Self.unplaced(tagging)
        )
    }

    /// The headers no tag was found for.
    static func unplaced(_ tagging: TableTagging) -> [String] {
        tagging.columns.filter { $0.tag == nil && !$0.header.isEmpty }.map { "\($0.letter) \"\($0.header)\"" }
    }
}

/// Why a list cannot be linked, with what to do.
public enum LinkableListError: Error, CustomStringConvertible {
    case nothingToLinkOn(file: String, unplaced: [String])
    case noIdColumn(file: String, column: String, headers: [String])

    public var description: String {
        switch self {
        case .nothingToLinkOn(let file, let unplaced):
            let columns = unplaced.isEmpty ? "" : " Columns it could not place: \(unplaced.joined(separator: ", "))."
            return "\(file): no column holds a name, NHS number or UPN, so its rows cannot be linked.\(columns) "
                + "Place them with --map FILE (a mapping like `kith tag FILE --save-mapping` writes)."
        case .noIdColumn(let file, let column, let headers):
            return "\(file): there is no column \"\(column)\" for --id-column. Its headers are: \(headers.joined(separator: ", "))."
        }
    }
}
