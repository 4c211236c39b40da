import Foundation
import KithSpreadsheet

/// The Data Checker: reads every cell of a list's tagged columns and looks at the table as a whole,
/// and reports what a partner should fix before anyone relies on the list.
///
/// Rows are given one at a time, so a list of any length is checked in one pass with little memory
/// (a hash per row, to find duplicates, and the values of identifier columns). Per cell it checks the
/// value against its tag's reader (NHS numbers, postcodes, dates, …) and for stray spaces; per column,
/// mixed kinds of value, case noise, day/month order, and whether another tag fits the values better;
/// per table, required columns, duplicate rows and ids, blank and ragged rows.
public final class DataChecker {
    /// At most this many findings of one check in one column are listed; the rest are counted in the summary.
    public static let findingsListedPerCheck = 200
    /// The most rows whose hashes are made room for before they come (a file's estimate can be wrong).
    static let mostRowsMadeRoomFor = 5_000_000

    private let tagging: TableTagging
    private let columns: [ColumnState]
    /// Reads each row's cells; ``check(_:sheet:mapping:referenceDate:dictionary:)`` runs it on the reading threads.
    let examiner: RowExaminer
    private let context: ReadingContext
    private let columnCount: Int
    private let isCSV: Bool
    private var findings: [Finding] = []
    private var counts: [String: CheckReport.CheckCount] = [:]
    private var listed: [String: Int] = [:]
    private var notListed = 0
    private var totals: [Severity: Int] = [:]
    /// Each row's hash at its row number, for repeated rows.
    private var rowHashes: RepeatFinder
    private var rows = 0
    private var lastRowNumber: Int
    private var finished = false

    /// What the checker keeps about one column while rows go by.
    private final class ColumnState {
        let tagging: ColumnTagging
        let isDate: Bool
        /// For an identifier column, each value's hash, at its place in ``identifiers``, for repeated values.
        var identifierHashes = RepeatFinder()
        /// For an identifier column, the row and the text of each value, for the findings about repeats.
        var identifiers: [(row: Int, text: String)] = []
        var shapes = (number: 0, date: 0, text: 0)
        var shapeExample: (number: Int?, date: Int?, text: Int?) = (nil, nil, nil)
        var letterCase = (capitals: 0, lower: 0, mixed: 0)
        var capitalsExample: Int?
        var lowerExample: Int?
        var dateOrder = DateOrderSummary()

        init(_ tagging: ColumnTagging) {
            self.tagging = tagging
            let kind = tagging.entry?.type
            isDate = RowExaminer.isDate(kind)
        }
    }

    /// Starts checking a list.
    /// - Parameters:
    ///   - sample: the first data rows, to judge whether values fit another tag better.
    ///   - headerRowNumber: the Excel row of the header (or of the hashtag row under it), to tell blank rows.
    ///   - expectedRows: about how many rows will come, to make room for their hashes at once rather than by
    ///     doubling (at a million rows, growing the tables cost a quarter of a second); 0 when not known.
    public init(
        tagging: TableTagging, context: ReadingContext, format: SpreadsheetFormat, headerRowNumber: Int, sample: [SheetRow],
        dictionary: DataDictionary = .standard, expectedRows: Int = 0
    ) {
        self.tagging = tagging
        self.context = context
        let states = tagging.columns.map { ColumnState($0) }
        columns = states
        examiner = RowExaminer(tagging: tagging, context: context)
        let room = min(max(expectedRows, 0), Self.mostRowsMadeRoomFor)
        rowHashes = RepeatFinder(expected: room)
        for state in states where RowExaminer.isIdentifier(state.tagging.entry?.type) {
            state.identifierHashes = RepeatFinder(expected: room)
            state.identifiers.reserveCapacity(room)
        }
        columnCount = tagging.columns.count
        isCSV = format == .csv
        lastRowNumber = headerRowNumber
        checkRequiredColumns()
        checkTagFit(sample: sample, dictionary: dictionary)
    }

    // MARK: - Rows

    /// Checks one data row.
    public func check(_ row: SheetRow) {
        check(examiner.examine(row))
    }

    /// Adds up a batch of examined rows, in order.
    func check(_ rows: [ExaminedRow]) {
        for row in rows { check(row) }
    }

    /// Adds up one examined row: rows must come in order.
    func check(_ row: ExaminedRow) {
        rows += 1
        if row.number > lastRowNumber + 1 {
            for blank in (lastRowNumber + 1)..<row.number {
                record(
                    .info, row: blank, column: nil, value: nil, check: "row.blank", message: "The row is blank.", suggestion: "Delete the blank row.")
            }
        }
        lastRowNumber = row.number
        if row.hasValuesPastHeader {
            record(
                .warning, row: row.number, column: ColumnLetters.letters(forIndex: columnCount), value: nil, check: "row.ragged",
                message: "The row has \(row.cellCount) cells but the header has \(columnCount) columns: some values sit under no header.",
                suggestion: "Check the row for an extra delimiter or a value typed past the last column."
            )
        } else if isCSV && row.cellCount < columnCount {
            record(
                .warning, row: row.number, column: nil, value: nil, check: "row.ragged",
                message: "The row has \(row.cellCount) cells but the header has \(columnCount) columns.",
                suggestion: "Check the row for a missing delimiter or a line break inside an unquoted value."
            )
        }
        for (position, cell) in row.cells.enumerated() {
            guard let cell else { continue }
            add(cell, column: columns[position], row: row.number)
        }
        rowHashes.note(row.hash, at: row.number)
    }

    private func add(_ cell: ExaminedCell, column state: ColumnState, row: Int) {
        let text = cell.text ?? ""
        let tagging = state.tagging
        if cell.isUntidy {
            let cleaned = text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\u{A0}" }).joined(separator: " ")
            record(
                .warning, row: row, column: tagging, value: text, check: "cell.whitespace",
                message: "The value has spaces at its start or end, or doubled spaces inside.", suggestion: cleaned
            )
        }
        switch cell.shape {
        case .number:
            state.shapes.number += 1
            if state.shapeExample.number == nil { state.shapeExample.number = row }
        case .date:
            state.shapes.date += 1
            if state.shapeExample.date == nil { state.shapeExample.date = row }
        case .text:
            state.shapes.text += 1
            if state.shapeExample.text == nil { state.shapeExample.text = row }
        }
        switch cell.letterCase {
        case .capitals?:
            state.letterCase.capitals += 1
            if state.capitalsExample == nil { state.capitalsExample = row }
        case .lower?:
            state.letterCase.lower += 1
            if state.lowerExample == nil { state.lowerExample = row }
        case .mixed?: state.letterCase.mixed += 1
        case nil: break
        }
        for problem in cell.problems {
            record(
                problem.severity, row: row, column: tagging, value: text, check: problem.check, message: problem.message,
                suggestion: problem.suggestion)
        }
        if let reading = cell.dateReading { state.dateOrder.add(reading) }
        if let hash = cell.identifierHash {
            state.identifierHashes.note(hash, at: state.identifiers.count)
            state.identifiers.append((row, text))
        }
    }

    /// Reports repeated rows, and values repeated in identifier columns, once every row is in.
    private func checkRepeats() {
        for (row, first) in rowHashes.repeats() {
            record(
                .warning, row: row, column: nil, value: nil, check: "row.duplicate", message: "The row repeats row \(first) exactly.",
                suggestion: "Delete the repeated row."
            )
        }
        for state in columns where !state.identifiers.isEmpty {
            let tagging = state.tagging
            let isRecordID = tagging.entry?.type == .identifier
            for (place, firstPlace) in state.identifierHashes.repeats() {
                let (row, text) = state.identifiers[place]
                let firstRow = state.identifiers[firstPlace].row
                record(
                    isRecordID ? .error : .warning, row: row, column: tagging, value: text, check: "id.duplicate",
                    message: isRecordID
                        ? "The id is also on row \(firstRow): a record id must be unique in a list."
                        : "The same \(tagging.entry?.label ?? "number") is also on row \(firstRow): one person listed twice, or a mistyped number.",
                    suggestion: "Check rows \(firstRow) and \(row)."
                )
            }
        }
    }

    // MARK: - Columns and table

    private func checkRequiredColumns() {
        let tags = tagging.columns.compactMap(\.tag)
        for required in tagging.requiredTags where !tags.contains(required) {
            record(
                .error, row: nil, column: nil, value: nil, check: "column.required-missing",
                message: "The list has no column tagged \(required), which lists from this source must have.",
                suggestion: "Add the column, or tag the column that holds it."
            )
        }
        let kinds = Set(tagging.columns.compactMap(\.entry?.type))
        guard kinds.contains(.name) || kinds.contains(.dateOfBirth) || kinds.contains(.nhsNumber) else { return }
        if !kinds.contains(.name) {
            record(
                .error, row: nil, column: nil, value: nil, check: "column.required-missing",
                message: "The list is about people but has no name column, so nobody can be recognised from it.",
                suggestion: "Add the residents' names, or tag the column that holds them."
            )
        }
        let identifying: Set<ValueKind> = [.dateOfBirth, .nhsNumber, .uniquePupilNumber, .postcode, .uprn]
        if kinds.isDisjoint(with: identifying) {
            record(
                .error, row: nil, column: nil, value: nil, check: "column.required-missing",
                message:
                    "The list has names but no date of birth, NHS number, pupil number, postcode or UPRN, so people cannot be told apart or linked.",
                suggestion: "Add at least a date of birth or a postcode."
            )
        }
    }

    /// Reports tagged columns whose values fit another kind much better, and untagged columns that look like a known kind.
    private func checkTagFit(sample: [SheetRow], dictionary: DataDictionary) {
        let sniffer = ValueSniffer(dictionary: dictionary, referenceDate: context.referenceDate)
        for state in columns {
            let column = state.tagging
            var values: [String] = []
            for row in sample where column.position < row.cells.count {
                let value = row.cells[column.position].trimmingCharacters(in: .whitespaces)
                if !value.isEmpty { values.append(value) }
                if values.count >= Tagger.sampleSize { break }
            }
            guard values.count >= 5 else { continue }
            let fits = sniffer.fits(values, order: column.dateOrder).sorted { $0.share > $1.share }
            guard let best = fits.first, best.share >= 0.8 else { continue }
            if let entry = column.entry {
                guard ValueSniffer.checkable.contains(entry.type) || entry.type == .text || entry.type == .identifier else { continue }
                let own = fits.first { $0.entry.type == entry.type }?.share ?? 0
                let bothDates = [ValueKind.date, .dateOfBirth].contains(entry.type) && [ValueKind.date, .dateOfBirth].contains(best.entry.type)
                guard own < 0.5, !bothDates else { continue }
                record(
                    .warning, row: nil, column: column, value: nil, check: "column.better-tag",
                    message:
                        "\(Tagger.percent(best.share)) of the column's values look like \(Self.article(for: best.entry.label)) \(best.entry.label.lowercased()), but it is tagged \(entry.label.lowercased()).",
                    suggestion: "Tag it \(best.entry.tag)."
                )
            } else if best.entry.type != .date && best.entry.type != .dateOfBirth {
                record(
                    .info, row: nil, column: column, value: nil, check: "column.better-tag",
                    message:
                        "The column is not tagged, but \(Tagger.percent(best.share)) of its values look like \(Self.article(for: best.entry.label)) \(best.entry.label.lowercased()).",
                    suggestion: "Tag it \(best.entry.tag)."
                )
            }
        }
    }

    private func checkColumnsAtEnd() {
        for state in columns {
            let column = state.tagging
            let shapes = [
                (name: "numbers", count: state.shapes.number, example: state.shapeExample.number),
                (name: "dates", count: state.shapes.date, example: state.shapeExample.date),
                (name: "text", count: state.shapes.text, example: state.shapeExample.text),
            ]
            let total = shapes.reduce(0) { $0 + $1.count }
            let ranked = shapes.filter { $0.count > 0 }.sorted { $0.count > $1.count }
            let isFreeColumn = column.entry == nil || [ValueKind.text, .identifier, .integer].contains(column.entry!.type)
            if total >= 5, ranked.count >= 2, isFreeColumn, Double(ranked[1].count) / Double(total) >= 0.05 {
                let (major, minor) = (ranked[0], ranked[1])
                record(
                    .warning, row: nil, column: column, value: nil, check: "column.mixed-types",
                    message: "The column mixes \(major.name) (\(Tagger.percent(Double(major.count) / Double(total)))) and \(minor.name) "
                        + "(\(Tagger.percent(Double(minor.count) / Double(total)))); the first of the \(minor.name) is on row \(minor.example ?? 0).",
                    suggestion: "Keep one kind of value per column; put notes in a column of their own."
                )
            }
            let named = state.letterCase.capitals + state.letterCase.lower + state.letterCase.mixed
            if named >= 5 {
                for (style, count, example) in [
                    ("in capitals", state.letterCase.capitals, state.capitalsExample), ("in lower case", state.letterCase.lower, state.lowerExample),
                ]
                where count > 0 && count * 2 < named {
                    record(
                        .info, row: nil, column: column, value: nil, check: "cell.case",
                        message: "\(count) of \(named) names are written \(style) (the first on row \(example ?? 0)), unlike the rest.",
                        suggestion: "Kith compares names whatever their case; tidy them at source if the list is shared."
                    )
                }
            }
            if state.isDate, let note = state.dateOrder.note(readAs: column.dateOrder) {
                record(note.severity, row: nil, column: column, value: nil, check: note.check, message: note.message, suggestion: note.suggestion)
            }
        }
    }

    // MARK: - Report

    /// Finishes the checks that need every row and returns the report.
    public func report(file: String, sheet: String?) -> CheckReport {
        if !finished {
            finished = true
            checkRepeats()
            checkColumnsAtEnd()
        }
        let ordered = findings.sorted { a, b in
            switch (a.row, b.row) {
            case (nil, nil): return (a.column ?? "") < (b.column ?? "")
            case (nil, _): return true
            case (_, nil): return false
            case (let x?, let y?):
                if x != y { return x < y }
                return ColumnLetters.index(forLetters: a.column ?? "") ?? -1 < ColumnLetters.index(forLetters: b.column ?? "") ?? -1
            }
        }
        let summary = CheckReport.Summary(
            errors: totals[.error] ?? 0, warnings: totals[.warning] ?? 0, info: totals[.info] ?? 0,
            notListed: notListed, byCheck: counts
        )
        return CheckReport(
            file: file, sheet: sheet, rows: rows,
            columns: tagging.columns.map { column in
                CheckReport.Column(
                    letter: column.letter, header: column.header, tag: column.tag?.description, label: column.entry?.label,
                    origin: column.origin.rawValue, confidence: (column.confidence * 100).rounded() / 100
                )
            },
            findings: ordered, summary: summary
        )
    }

    func recordReadingWarning(_ warning: TableWarning) {
        record(.warning, row: warning.row, column: warning.column, value: nil, check: warning.check, message: warning.message, suggestion: nil)
    }

    private func record(
        _ severity: Severity, row: Int?, column: ColumnTagging?, value: String?, check: String, message: String, suggestion: String?
    ) {
        record(
            severity, row: row, column: column?.letter, header: column?.header, tag: column?.tag?.description, value: value, check: check,
            message: message, suggestion: suggestion)
    }

    private func record(
        _ severity: Severity, row: Int?, column letter: String?, header: String? = nil, tag: String? = nil, value: String?,
        check: String, message: String, suggestion: String?
    ) {
        let key = check + "|" + (letter ?? "")
        counts[check, default: CheckReport.CheckCount(severity: severity, count: 0)].count += 1
        if severity > counts[check]!.severity { counts[check]!.severity = severity }
        totals[severity, default: 0] += 1
        let shown = listed[key, default: 0]
        guard shown < Self.findingsListedPerCheck else {
            notListed += 1
            return
        }
        listed[key] = shown + 1
        findings.append(
            Finding(
                severity: severity, row: row, column: letter, header: header, tag: tag, value: value, check: check, message: message,
                suggestion: suggestion)
        )
    }

    /// "an" before a vowel sound as written ("an email address"), else "a" ("a postcode").
    static func article(for label: String) -> String {
        guard let first = label.lowercased().first else { return "a" }
        return "aeiou".contains(first) ? "an" : "a"
    }
}
