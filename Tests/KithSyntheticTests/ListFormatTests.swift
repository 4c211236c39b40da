import Foundation
import KithSpreadsheet
import Testing

@testable import KithSynthetic

/// Every list is written in its partner's own format: file type, delimiter, encoding, header names.
struct ListFormatTests {
    @Test func everyListExistsWithRows() {
        let summary = Fixture.summary
        #expect(summary.people == 2_000)
        #expect(summary.neighbourhoods == 7)
        #expect(summary.smallAreas >= 7)
        #expect(summary.households > 500 && summary.households < 1_200)
        let expected = [
            ("NHS shielding list", "nhs-shielding-list.csv", nil as String?),
            ("Adult social care", "adult-social-care.xlsx", "Clients"),
            ("Children's services", "childrens-services.xlsx", "Open cases"),
            ("School attendance", "school-attendance.csv", nil),
            ("Helpline call log", "helpline-calls.csv", nil),
            ("Food bank referrals", "food-bank-referrals.csv", nil),
        ]
        #expect(summary.lists.map(\.source) == expected.map(\.0))
        for (list, (_, file, sheet)) in zip(summary.lists, expected) {
            #expect(list.file.lastPathComponent == file)
            #expect(list.sheet == sheet)
            #expect(list.rows > 0, "\(list.source) is empty")
            #expect(FileManager.default.fileExists(atPath: list.file.path))
        }
        for truth in ["people.csv", "households.csv", "records.csv", "areas.csv", "schools.csv"] {
            #expect(FileManager.default.fileExists(atPath: Fixture.directory.appendingPathComponent("truth/" + truth).path))
        }
    }

    @Test func shieldingListIsCommaSeparatedUTF8() throws {
        let bytes = try Fixture.bytes("lists/nhs-shielding-list.csv")
        #expect(!bytes.starts(with: [0xEF, 0xBB, 0xBF]))
        #expect(String(validating: bytes, as: UTF8.self) != nil)
        let table = try CSVTable(file: Fixture.directory.appendingPathComponent("lists/nhs-shielding-list.csv"))
        #expect(
            table.header == [
                "NHS Number", "Title", "Forename", "Surname", "Date of Birth", "Address Line 1", "Address Line 2", "Postcode",
                "Telephone", "GP Practice",
            ]
        )
        #expect(table.rows.allSatisfy { $0.count == 10 })
        let dates = try Regex("^[0-3][0-9]/[01][0-9]/(19|20)[0-9]{2}$")
        #expect(table.rows.allSatisfy { $0[4].wholeMatch(of: dates) != nil })
    }

    @Test func schoolAttendanceHasABOMAndSemicolons() throws {
        let bytes = try Fixture.bytes("lists/school-attendance.csv")
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))
        #expect(String(validating: bytes, as: UTF8.self) != nil)
        let firstLine = String(decoding: bytes.dropFirst(3).prefix { $0 != 0x0D }, as: UTF8.self)
        #expect(firstLine.hasPrefix("UPN;Legal Surname;Legal Forename;DOB;Gender;School URN;"))
        let table = try CSVTable(file: Fixture.directory.appendingPathComponent("lists/school-attendance.csv"), delimiter: ";")
        #expect(table.header.count == 15)
        #expect(Array(table.header.suffix(3)) == ["FSM", "SEN", "Young Carer"])
        #expect(table.rows.allSatisfy { $0.count == 15 })
        let iso = try Regex("^(19|20)[0-9]{2}-[01][0-9]-[0-3][0-9]$")
        #expect(table.rows.allSatisfy { $0[3].wholeMatch(of: iso) != nil })
        let codes: Set<String> = ["", "I", "M", "C", "R", "E", "O", "N", "G", "U"]
        for row in table.rows {
            #expect(codes.contains(row[11]), "\(row[11]) is not a 2024 absence code")
            #expect(["M", "F"].contains(row[4]))
            let possible = Int(row[8])!, attended = Int(row[9])!, unauthorised = Int(row[10])!
            #expect(attended <= possible && unauthorised <= possible - attended)
            #expect(["Y", "N"].contains(row[12]), "FSM \(row[12])")
            #expect(["E", "K", "N"].contains(row[13]), "SEN \(row[13]) is not a school census code")
            #expect(["Y", ""].contains(row[14]), "Young Carer \(row[14])")
        }
        for column in 12...13 {
            #expect(Set(table.rows.map { $0[column] }).count > 1, "\(table.header[column]) never varies")
        }
    }

    @Test func helplineIsWindows1252AndNotUTF8() throws {
        let bytes = try Fixture.bytes("lists/helpline-calls.csv")
        #expect(!bytes.contains { Windows1252Decoder.undefined.contains($0) }, "holds a byte Windows-1252 leaves undefined")
        #expect(bytes.contains { $0 >= 0x80 })
        #expect(String(validating: bytes, as: UTF8.self) == nil, "a Windows-1252 file with accents is not valid UTF-8")
        let table = try CSVTable(file: Fixture.directory.appendingPathComponent("lists/helpline-calls.csv"), windows1252: true)
        #expect(table.header.first == "Call Date")
        #expect(table.rows.allSatisfy { $0.count == 11 })
        // Accented names survive the code page.
        let names = table.rows.map { $0[1] + " " + $0[2] }
        #expect(names.contains { $0.unicodeScalars.contains { $0.value >= 0xC0 && $0.value <= 0xFF } })
        // Notes are quoted: commas, doubled quotes and a line break inside one field.
        let notes = table.rows.map { $0[10] }
        #expect(notes.contains { $0.contains(",") })
        #expect(notes.contains { $0.contains("\"") })
        #expect(notes.contains { $0.contains("\n") })
        let callDate = try Regex("^[0-3][0-9]-(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)-20[0-9]{2}$")
        #expect(table.rows.allSatisfy { $0[0].wholeMatch(of: callDate) != nil })
    }

    @Test func foodBankIsPipeDelimitedWithUSDates() throws {
        let table = try CSVTable(file: Fixture.directory.appendingPathComponent("lists/food-bank-referrals.csv"), delimiter: "|")
        #expect(
            table.header == [
                "Ref", "Client Name", "DOB", "Household Size", "Post Code", "Referral Date", "Referring Agency", "Dietary Needs",
            ]
        )
        #expect(table.rows.allSatisfy { $0.count == 8 })
        // Month first: the second field can exceed 12, the first never does.
        let referralDates = table.rows.map { $0[5].split(separator: "/").map { Int($0)! } }
        #expect(referralDates.allSatisfy { $0[0] <= 12 })
        #expect(referralDates.contains { $0[1] > 12 })
        #expect(table.rows.contains { $0[1].contains(", ") }, "some names are written SURNAME, Forename")
    }

    @Test func workbooksAreZipPackages() throws {
        for file in ["lists/adult-social-care.xlsx", "lists/childrens-services.xlsx"] {
            let bytes = try Fixture.bytes(file)
            #expect(bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]), "\(file) is not a zip")
            #expect(bytes.count > 1_000)
        }
    }

    @Test func childrensServicesHasATitleBlock() {
        let borough = Borough(configuration: Fixture.configuration)
        let table = ChildrensServicesWriter.make(borough)
        #expect(table.preamble.count == 3)
        #expect(table.preamble[1] == [.text("Extract date: 16/11/2026 — OFFICIAL-SENSITIVE")])
        #expect(table.preamble[2].isEmpty)
        #expect(table.merges == ["A1:P1"])
        #expect(table.header.count == 16)
        #expect(Array(table.header.suffix(3)) == ["Domestic Abuse", "Parental Mental Health", "Parental Substance Misuse"])
        #expect(table.firstDataRow == 5)
        for row in table.rows {
            guard case .text(let category) = row[8] else {
                Issue.record("category is not text")
                continue
            }
            #expect(["CIN", "CP", "LAC"].contains(category))
            if category == "CP" {
                guard case .text(let abuse) = row[9] else {
                    Issue.record("CP row without a category of abuse")
                    continue
                }
                #expect(["NEG", "PHY", "EMO", "SAB", "MUL"].contains(abuse))
            }
            for column in 13...15 {
                guard case .text(let flag) = row[column] else {
                    Issue.record("\(table.header[column]) is not text")
                    continue
                }
                #expect(["Y", "N"].contains(flag), "\(table.header[column]) \(flag)")
            }
        }
        // Siblings share a case, so they share its factors.
        var factors: [Int: [CellValue]] = [:]
        for (row, person) in zip(table.rows, table.people) {
            let household = borough.residents[person].household
            if let earlier = factors[household] { #expect(earlier == Array(row[13...15])) }
            factors[household] = Array(row[13...15])
        }
    }

    @Test func adultSocialCareUsesDateAndBooleanCells() {
        let borough = Borough(configuration: Fixture.configuration)
        let table = AdultSocialCareWriter.make(borough)
        #expect(table.firstDataRow == 2)
        #expect(table.rows.allSatisfy { if case .boolean = $0[12] { true } else { false } })
        #expect(table.rows.allSatisfy { if case .date = $0[11] { true } else { false } })
        #expect(table.rows.contains { if case .date = $0[4] { true } else { false } })
        #expect(table.rows.allSatisfy { if case .text(let id) = $0[0] { id.hasPrefix("ASC") } else { false } })
    }
}
