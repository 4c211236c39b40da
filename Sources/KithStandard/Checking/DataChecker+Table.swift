import Foundation
import KithSpreadsheet

extension DataChecker {
    /// Checks a whole list: tags its columns (hashtag row, then `mapping`, then suggestions), then every row.
    public static func check(
        _ reader: TableReader, sheet: String?, mapping: ColumnMapping?, referenceDate: CivilDate, dictionary: DataDictionary = .standard
    ) throws -> CheckReport {
        let tagger = Tagger(dictionary: dictionary, referenceDate: referenceDate)
        var checker: DataChecker?
        var sheetName: String?
        let context = ReadingContext(referenceDate: referenceDate)
        let fileBytes = reader.fingerprint.byteCount
        // The file is parsed on one thread, its rows' cells read on both cores, and this thread adds them up.
        // The sample that tags the list also judges whether values fit their tags.
        let statistics = try reader.readInBackground(
            sheet: sheet, mapping: mapping, tagger: tagger,
            prepare: { sample in (sample.tagging, sample.rows, RowExaminer(tagging: sample.tagging, context: context)) },
            transform: { prepared, row in prepared.2.examine(row) },
            onStart: { layout, prepared in
                sheetName = layout.sheet
                checker = DataChecker(
                    tagging: prepared.0, context: context, format: layout.format,
                    headerRowNumber: layout.hashtagRow?.number ?? layout.headerRowNumber, sample: prepared.1, dictionary: dictionary,
                    expectedRows: Self.expectedRows(fileBytes: fileBytes, sample: prepared.1)
                )
            },
            onItems: { rows in checker?.check(rows) }
        )
        guard let checker else {
            throw SpreadsheetError(
                .noData, file: reader.url.lastPathComponent, sheet: sheet, problem: "There are no rows with data.",
                remedy: "Check this is the right file."
            )
        }
        checker.noteReadingWarnings(statistics.warnings)
        return checker.report(file: reader.url.lastPathComponent, sheet: sheetName)
    }

    /// About how many rows a file holds: its size over the first rows' average length. A workbook's size is
    /// compressed, so it is guessed low, which only means less room made at the start.
    static func expectedRows(fileBytes: Int64, sample: [SheetRow]) -> Int {
        guard !sample.isEmpty else { return 0 }
        let sampleBytes = sample.reduce(0) { total, row in row.cells.reduce(total + 1) { $0 + $1.utf8.count + 1 } }
        return Int(fileBytes / Int64(max(1, sampleBytes / sample.count)))
    }

    /// Adds what the file reader noticed (such as a quote left open at the end of a CSV) to the findings.
    func noteReadingWarnings(_ warnings: [TableWarning]) {
        for warning in warnings {
            recordReadingWarning(warning)
        }
    }
}
