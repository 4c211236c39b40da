import Foundation
import KithSpreadsheet
import KithTestSupport
import Testing

@testable import KithStandard

struct TaggerTests {
    /// A helpline log whose headers are not the dictionary's labels.
    static let helplineRows = [
        ["Caller First Name", "Caller Surname", "NHS No.", "D.O.B", "Post Code", "Contact Number", "E-mail", "Notes"],
        ["Zoë", "O'Brien", "943 476 5919", "05/07/1948", "ol1 1aa", "07700 900123", "zoe@example.org", "Needs food"],
        ["Bill", "Smith", "4010232137", "25/12/1950", "OL1 2AB", "01632 960123", "", "Lives alone"],
        ["Amara", "Okafor", "4857773457", "14/03/1939", "OL2 3BD", "+44 7700 900456", "amara@example.net", ""],
        ["Jan", "Kowalski", "6000000006", "01/02/1944", "OL3 4EF", "07700900789", "jan@example.com", "Called back"],
        ["Siân", "Jones", "7000000015", "30/11/1952", "OL4 5GH", "07700 900999", "", ""],
    ]

    @Test func suggestsTagsFromHeadersThatAreNotTheDictionaryLabels() throws {
        let folder = try TemporaryFolder()
        let suggestions = try Lists.suggestions(Lists.csv(Self.helplineRows, in: folder))
        let kinds = suggestions.map(\.entry?.type)
        #expect(Array(kinds.prefix(7)) == [.name, .name, .nhsNumber, .dateOfBirth, .postcode, .phone, .email])
        #expect(kinds[7] == .text || kinds[7] == nil)
        #expect(suggestions[0].entry?.synonyms.contains("first name") == true)
        #expect(suggestions[1].entry?.synonyms.contains("surname") == true)
        #expect(suggestions.prefix(7).allSatisfy { $0.confidence >= ColumnSuggestion.applyThreshold })
        #expect(suggestions[3].dateOrder == .dayFirst)
        #expect(suggestions[2].reason.contains("100%"))
    }

    @Test func recognisesColumnsFromTheirValuesWhenHeadersSayNothing() throws {
        let folder = try TemporaryFolder()
        var rows = [["Col1", "Col2", "Col3"]]
        for (index, number) in ["9434765919", "4010232137", "4857773457", "6000000006", "7000000015", "7389100109"].enumerated() {
            rows.append([number, ["SW1A 1AA", "OL1 1AA", "M1 1AE", "EH1 1YZ", "B33 8TH", "CR2 6XH"][index], "x\(index)"])
        }
        let suggestions = try Lists.suggestions(Lists.csv(rows, in: folder))
        #expect(suggestions[0].entry?.type == .nhsNumber)
        #expect(suggestions[1].entry?.type == .postcode)
        #expect(suggestions[2].entry == nil)
        #expect(suggestions[0].reason.contains("of values"))
    }

    @Test func letsValuesOverruleAHeaderTheyContradict() throws {
        let folder = try TemporaryFolder()
        var rows = [["Phone"]]
        for number in ["9434765919", "4010232137", "4857773457", "6000000006", "7000000015", "7389100109"] { rows.append([number]) }
        let suggestions = try Lists.suggestions(Lists.csv(rows, in: folder))
        #expect(suggestions[0].entry?.type == .nhsNumber)
    }

    @Test func findsMonthFirstDatesFromTheirValues() throws {
        let folder = try TemporaryFolder()
        let rows = [["DOB"], ["07/19/1976"], ["11/05/1995"], ["06/16/1964"], ["01/02/1950"]]
        let suggestions = try Lists.suggestions(Lists.csv(rows, in: folder))
        #expect(suggestions[0].entry?.type == .dateOfBirth)
        #expect(suggestions[0].dateOrder == .monthFirst)
    }

    @Test func takesAnHXLHashtagRowAsItIs() throws {
        let folder = try TemporaryFolder()
        let dictionary = DataDictionary.standard
        let nhs = try #require(dictionary.entries.first { $0.type == .nhsNumber })
        let rows = [["Reference", "Whatever"], ["#meta +id", nhs.tag], ["R1", "9434765919"], ["R2", "4010232137"]]
        let url = try Lists.csv(rows, in: folder)
        var layout: TableLayout?
        var data: [SheetRow] = []
        try TableReader(url: url).read(sheet: nil) {
            layout = $0
        } onRow: {
            data.append($0)
        }
        #expect(layout?.hashtagRow?.number == 2)
        #expect(data.map(\.number) == [3, 4])
        let suggestions = try Lists.suggestions(url)
        #expect(suggestions[1].tag == nhs.hxlTag)
        #expect(suggestions[1].isFromHashtagRow)
        #expect(suggestions[0].tag == HXLTag(parsing: "#meta+id"))
    }
}
