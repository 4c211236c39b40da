import Foundation

/// Where a CSV file's bytes do not fit the encoding it is read in, found field by field while it is read.
///
/// Two cases: a UTF-8 file with stray bytes that are not UTF-8 (each read as U+FFFD), and a file read as
/// Windows-1252 that also holds characters written as UTF-8 (each read as two or three wrong letters, "Ã©" for "é").
struct EncodingFindings {
    enum Kind {
        /// Read as UTF-8; the places are bytes that are not UTF-8.
        case invalidUTF8
        /// Read as Windows-1252; the places are characters written as UTF-8.
        case utf8InWindows1252
    }

    /// One field with a finding: its row as Excel numbers it and its zero-based column.
    struct Place: Equatable {
        var row: Int
        var column: Int
    }

    /// How many places are named in the warning.
    static let placesNamed = 5

    let kind: Kind
    /// Every finding, in all fields.
    private(set) var count = 0
    /// The first fields with one, in file order.
    private(set) var places: [Place] = []

    init(kind: Kind) {
        self.kind = kind
    }

    /// Looks at one field's raw bytes.
    mutating func examine(_ field: UnsafeBufferPointer<UInt8>, row: Int, column: Int) {
        // Only bytes of 0x80 and above can be either; most fields have none.
        guard field.contains(where: { $0 >= 0x80 }) else { return }
        var validator = UTF8Validator()
        validator.consume(field)
        let found = kind == .invalidUTF8 ? validator.invalidSequencesAtEnd : validator.multibyteCharacters
        guard found > 0 else { return }
        count += found
        if places.count < Self.placesNamed { places.append(Place(row: row, column: column)) }
    }

    /// The warning for the file, naming the first places by row, column letter and (when known) header.
    /// - Parameters:
    ///   - columnNames: the table's column names, or none when the header is not known.
    ///   - headerRowNumber: the row of the header; places on it or above are not named by a header.
    func warning(columnNames: [String], headerRowNumber: Int) -> TableWarning? {
        guard let first = places.first else { return nil }
        let named = places.map { place -> String in
            var text = "row \(place.row), column \(ColumnLetters.letters(forIndex: place.column))"
            if place.row > headerRowNumber, place.column < columnNames.count {
                let header = columnNames[place.column].trimmingCharacters(in: .whitespaces)
                if !header.isEmpty { text += " (\(header))" }
            }
            return text
        }
        let more = count > places.count ? " and elsewhere" : ""
        let where_ = named.joined(separator: "; ") + more
        let remedy =
            "Open the file in Excel and save it again as \"CSV UTF-8 (Comma delimited)\" (or ask the partner to), then check those cells and import it again."
        switch kind {
        case .invalidUTF8:
            return TableWarning(
                check: "file.invalid-utf8", row: first.row, column: ColumnLetters.letters(forIndex: first.column),
                message: "The file is UTF-8 text, but \(Self.count(count, "character is", "characters are")) not UTF-8 (stray bytes, often pasted "
                    + "from a file saved as plain \"CSV\"). The file was read as UTF-8, so accented names elsewhere read correctly, and each "
                    + "stray byte shows as \"\u{FFFD}\": \(where_). \(remedy)"
            )
        case .utf8InWindows1252:
            return TableWarning(
                check: "file.mixed-encoding", row: first.row, column: ColumnLetters.letters(forIndex: first.column),
                message: "The file is read as Windows-1252 (Excel's plain \"CSV\"), but \(Self.count(count, "character is", "characters are")) "
                    + "written as UTF-8, and each of those reads as two or three wrong letters (such as \"Ã©\" for \"é\"): \(where_). \(remedy)"
            )
        }
    }

    private static func count(_ number: Int, _ one: String, _ many: String) -> String {
        number == 1 ? "1 \(one)" : "\(SpreadsheetError.grouped(number)) \(many)"
    }
}
