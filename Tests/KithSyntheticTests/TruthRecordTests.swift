import Foundation
import KithSpreadsheet
import Testing

@testable import KithSynthetic

/// `truth/records.csv` points at the right rows: one record per data row, row numbers as Excel shows them.
struct TruthRecordTests {
    static func records(for file: String) -> [[String: String]] {
        Fixture.records.filter { $0["file"] == file }
    }

    /// Reads a list and returns its rows keyed by the row number Excel would show (header on row 1).
    static func rowsByNumber(_ file: String, delimiter: Character, windows1252: Bool = false) throws -> [Int: [String]] {
        let table = try CSVTable(file: Fixture.directory.appendingPathComponent(file), delimiter: delimiter, windows1252: windows1252)
        var rows: [Int: [String]] = [:]
        for (offset, row) in table.rows.enumerated() { rows[offset + 2] = row }
        return rows
    }

    @Test func everyDataRowHasExactlyOneRecord() throws {
        for list in Fixture.summary.lists {
            let file = "lists/" + list.file.lastPathComponent
            let numbers = Self.records(for: file).map { Int($0["row_number"]!)! }.sorted()
            let first = list.sheet == "Open cases" ? 5 : 2
            #expect(numbers == Array(first..<(first + list.rows)), "\(file) row numbers are not contiguous from \(first)")
            #expect(Self.records(for: file).allSatisfy { $0["source"] == list.source && $0["sheet"] == (list.sheet ?? "") })
        }
    }

    @Test func recordsPointAtTheRightPeople() {
        for record in Fixture.records {
            let person = Fixture.peopleByID[record["person_id"]!]
            #expect(person != nil)
            #expect(person?["household_id"] == record["household_id"])
        }
    }

    @Test func schoolRowsCarryTheRecordedPupilsUPN() throws {
        let rows = try Self.rowsByNumber("lists/school-attendance.csv", delimiter: ";")
        let records = Self.records(for: "lists/school-attendance.csv")
        #expect(!records.isEmpty)
        for record in records {
            let row = rows[Int(record["row_number"]!)!]!
            let person = Fixture.peopleByID[record["person_id"]!]!
            #expect(row[0] == person["upn"], "row \(record["row_number"]!) is not \(record["person_id"]!)")
            #expect(row[5] == person["school_urn"])
        }
    }

    @Test func shieldingRowsMostlyCarryTheRecordedNHSNumber() throws {
        let rows = try Self.rowsByNumber("lists/nhs-shielding-list.csv", delimiter: ",")
        let records = Self.records(for: "lists/nhs-shielding-list.csv")
        var agree = 0
        for record in records {
            let row = rows[Int(record["row_number"]!)!]!
            let person = Fixture.peopleByID[record["person_id"]!]!
            if row[0].filter(\.isNumber) == person["nhs_number"] { agree += 1 }
            #expect(row[9].isEmpty == false)
        }
        // Noise spoils a few per cent of numbers, no more.
        #expect(Double(agree) / Double(records.count) > 0.85)
        #expect(agree < records.count, "the shielding list should carry some bad NHS numbers")
    }

    @Test func helplineAndFoodBankRowsNameTheRecordedPerson() throws {
        let helpline = try Self.rowsByNumber("lists/helpline-calls.csv", delimiter: ",", windows1252: true)
        var agree = 0
        let helplineRecords = Self.records(for: "lists/helpline-calls.csv")
        for record in helplineRecords {
            let row = helpline[Int(record["row_number"]!)!]!
            let person = Fixture.peopleByID[record["person_id"]!]!
            let surname = nameKey(row[2])
            if surname == nameKey(person["family_name"]!) || surname == nameKey(person["birth_family_name"]!) { agree += 1 }
        }
        #expect(Double(agree) / Double(helplineRecords.count) > 0.85)

        let foodBank = try Self.rowsByNumber("lists/food-bank-referrals.csv", delimiter: "|")
        agree = 0
        let foodBankRecords = Self.records(for: "lists/food-bank-referrals.csv")
        for record in foodBankRecords {
            let row = foodBank[Int(record["row_number"]!)!]!
            let person = Fixture.peopleByID[record["person_id"]!]!
            let name = nameKey(row[1])
            if name.contains(nameKey(person["family_name"]!)) || name.contains(nameKey(person["birth_family_name"]!)) { agree += 1 }
        }
        #expect(Double(agree) / Double(foodBankRecords.count) > 0.85)
    }

    @Test func workbookRecordsFollowTheTableRows() {
        let borough = Borough(configuration: Fixture.configuration)
        for table in [AdultSocialCareWriter.make(borough), ChildrensServicesWriter.make(borough)] {
            let records = Self.records(for: "lists/" + table.fileName).sorted {
                Int($0["row_number"]!)! < Int($1["row_number"]!)!
            }
            #expect(records.count == table.rows.count)
            for (record, person) in zip(records, table.people) {
                #expect(record["person_id"] == borough.residents[person].id)
            }
            // The truth's children's-services rows start below the title block.
            #expect(records.first.map { Int($0["row_number"]!)! } == table.firstDataRow)
        }
    }
}
