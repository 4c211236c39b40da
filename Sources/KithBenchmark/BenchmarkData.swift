import Foundation
import KithSpreadsheet

/// Writes the benchmark's files: generated residents, 12 columns, with the awkward parts of real lists
/// (quoted addresses with commas, notes with line breaks and quotes, accented names).
enum BenchmarkData {
    static let header = [
        "Person ID", "Forename", "Surname", "Date of Birth", "Sex", "NHS Number", "Address", "Postcode", "Telephone",
        "Email", "Need", "Notes",
    ]
    private static let forenames = ["Amara", "Siân", "Wojciech", "Zoë", "Mohammed", "Aisha", "Oliver", "Niamh", "Priya", "Chen", "Grace", "Tomás"]
    private static let surnames = [
        "Okafor", "O'Neill", "Kowalski", "Smith", "Rahman", "Khan", "Jones", "Müller", "Patel", "Wang", "Brown", "Ní Bhriain",
    ]
    private static let streets = ["High Street", "Church Road", "Mill Lane", "Station Road", "Park Avenue", "Victoria Street"]
    private static let needs = ["Food", "Prescriptions", "Loneliness", "Money", "Other"]

    static func fields(_ index: Int) -> [String] {
        let forename = forenames[index % forenames.count]
        let surname = surnames[(index / 7) % surnames.count]
        let day = index % 28 + 1
        let month = index / 28 % 12 + 1
        let year = 1930 + index % 90
        let note: String
        switch index % 9 {
        case 0: note = "Called back, \"no answer\"\nTry again Tuesday"
        case 1: note = "Lives alone, needs shopping"
        default: note = ""
        }
        return [
            "P\(String(index).leftPadded(to: 8))", forename, surname,
            "\(String(day).leftPadded(to: 2))/\(String(month).leftPadded(to: 2))/\(year)", index % 2 == 0 ? "F" : "M",
            nhsNumber(index), index % 5 == 0 ? "Flat \(index % 9 + 1), \(index % 200) \(streets[index % 6])" : "\(index % 200) \(streets[index % 6])",
            "OL\(index % 16 + 1) \(index % 9 + 1)\(["AB", "BD", "EF", "GH"][index % 4])", "07700 \(String(index % 1_000_000).leftPadded(to: 6))",
            index % 3 == 0 ? "resident\(index)@example.org" : "", needs[index % needs.count], note,
        ]
    }

    /// A valid NHS number (Modulus 11) for each index: stems that cannot take a check digit are skipped.
    static func nhsNumber(_ index: Int) -> String {
        var stem = 400_000_000 + index * 11
        while true {
            var digits = String(stem).compactMap { $0.wholeNumberValue }
            let sum = zip(digits, [10, 9, 8, 7, 6, 5, 4, 3, 2]).reduce(0) { $0 + $1.0 * $1.1 }
            var check = 11 - sum % 11
            if check == 11 { check = 0 }
            if check != 10 {
                digits.append(check)
                return digits.map(String.init).joined()
            }
            stem += 1
        }
    }

    static func writeCSV(to url: URL, rows: Int) throws {
        let writer = try CSVWriter(url: url)
        try writer.appendRow(header)
        for index in 0..<rows { try writer.appendRow(fields(index)) }
        try writer.finish()
    }

    static func writeXLSX(to url: URL, rows: Int) throws {
        let writer = try XLSXWriter(url: url)
        try writer.beginSheet(named: "Residents", frozenRows: 1)
        try writer.appendRow(header.map(CellValue.text), style: .bold)
        for index in 0..<rows {
            var cells = fields(index).map(CellValue.text)
            cells[3] = .date(CivilDate(year: 1930 + index % 90, month: index / 28 % 12 + 1, day: index % 28 + 1)!)
            cells[5] = .integer(Int(nhsNumber(index))!)
            try writer.appendRow(cells)
        }
        try writer.finish()
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
