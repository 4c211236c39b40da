import Testing

@testable import KithPlaces

@Suite struct IndicatorTableTests {
    typealias Row = IndicatorTable.Row

    static let metadataHeader = ["id", "name", "domain", "source", "date", "unit", "denominator", "higher_is_more_need"]
    static let metadata: [Row] = [
        Row(number: 2, cells: ["population", "Residents", "Population", "Census", "2021", "persons", "", "no"]),
        Row(number: 3, cells: ["claimants", "Claimant count", "Employment", "DWP", "2026-Q3", "persons", "population", "yes"]),
        Row(number: 4, cells: ["broadband", "Homes with broadband", "Access", "Ofcom", "2026", "%", "", "no"]),
    ]

    @Test func readsAWideTableWithDenominatorsFromItsOwnColumns() {
        let table = IndicatorTable(
            header: ["area_code", "area_name", "population", "claimants", "broadband"],
            rows: [
                Row(number: 2, cells: ["A1", "Alpha", "1,000", "50", "80%"]),
                Row(number: 3, cells: ["A2", "Beta", "2000", "c", "90"]),
            ],
            metadata: (Self.metadataHeader, Self.metadata))
        #expect(table.layout == .wide)
        #expect(!table.hasErrors)
        #expect(table.indicators.map(\.id) == ["population", "claimants", "broadband"])
        #expect(
            table.values["claimants"] == [
                IndicatorValue(area: "A1", value: 50, denominator: 1000), IndicatorValue(area: "A2", value: nil, denominator: 2000),
            ])
        #expect(table.values["broadband"]?.first?.value == 80)
        #expect(table.indicators.first { $0.id == "broadband" }?.higherIsMoreNeed == false)
    }

    @Test func readsALongTableWithItsMetadataInline() {
        let table = IndicatorTable(
            header: ["Area code", "Indicator", "Value", "Denominator", "Domain", "Name", "Higher is more need"],
            rows: [
                Row(number: 2, cells: ["A1", "food_parcels", "12", "400", "Food", "Food parcels", "yes"]),
                Row(number: 3, cells: ["A2", "food_parcels", "30", "500", "Food", "Food parcels", "yes"]),
            ])
        #expect(table.layout == .long)
        #expect(!table.hasErrors)
        #expect(table.indicators == [Indicator(id: "food_parcels", name: "Food parcels", domain: "Food", higherIsMoreNeed: true)])
        #expect(table.values["food_parcels"]?.last == IndicatorValue(area: "A2", value: 30, denominator: 500))
    }

    @Test func takesDenominatorsAlreadyStored() {
        let table = IndicatorTable(
            header: ["area_code", "claimants"], rows: [Row(number: 2, cells: ["A1", "40"])], metadata: (Self.metadataHeader, Self.metadata),
            knownDenominators: ["population": ["A1": 800]])
        #expect(table.values["claimants"] == [IndicatorValue(area: "A1", value: 40, denominator: 800)])
    }

    @Test func namesEveryMistakeByRowAndColumn() {
        let table = IndicatorTable(
            header: ["area_code", "claimants", "mystery"],
            rows: [
                Row(number: 2, cells: ["A1", "forty", "1"]),
                Row(number: 3, cells: ["", "3", "1"]),
                Row(number: 4, cells: ["A1", "3", "1"]),
                Row(number: 5, cells: ["Z9", "3", "1"]),
            ],
            metadata: (Self.metadataHeader, Self.metadata), knownAreas: ["A1", "A2"])
        #expect(table.hasErrors)
        let text = table.findings.map(\.description)
        #expect(text.contains("row 2, column B: “forty” is not a number. Give a number, or leave it blank when it is not known."))
        #expect(text.contains("row 3, column A: No area code. Give the area's code, or delete the row."))
        #expect(text.contains { $0.hasPrefix("row 4, column A: Area A1 appears twice") })
        #expect(text.contains { $0.hasPrefix("row 5, column A: Area Z9 is not among the areas loaded") })
        #expect(text.contains { $0.hasPrefix("Indicator mystery has no metadata.") })
        #expect(table.findings.first { $0.row == 5 }?.severity == .warning)
    }

    @Test func warnsWhenACountIsMoreThanItsDenominator() {
        let table = IndicatorTable(
            header: ["area_code", "population", "claimants"], rows: [Row(number: 2, cells: ["A1", "100", "120"])],
            metadata: (Self.metadataHeader, Self.metadata))
        #expect(!table.hasErrors)
        #expect(table.findings.map(\.description) == ["Area A1: claimants is 120, more than its population (100)."])
    }

    @Test func refusesATableWithNoAreaCodes() {
        let table = IndicatorTable(header: ["ward", "value"], rows: [Row(number: 2, cells: ["x", "1"])])
        #expect(table.hasErrors)
    }

    @Test func columnLettersGoPastZ() {
        #expect(IndicatorTable.letter(0) == "A")
        #expect(IndicatorTable.letter(25) == "Z")
        #expect(IndicatorTable.letter(26) == "AA")
        #expect(IndicatorTable.letter(27) == "AB")
    }
}
