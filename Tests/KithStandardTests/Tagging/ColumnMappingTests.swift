import Foundation
import KithTestSupport
import Testing

@testable import KithStandard

struct ColumnMappingTests {
    @Test func roundTripsThroughYAMLAndAppliesByHeader() throws {
        let folder = try TemporaryFolder()
        let nhs = try #require(DataDictionary.standard.entries.first { $0.type == .nhsNumber })
        let mapping = ColumnMapping(
            source: "Helpline call log",
            columns: [.init(header: "Ref No", tag: nhs.tag), .init(header: "Notes", tag: nil)],
            required: [nhs.tag]
        )
        let file = folder.path("helpline.yaml")
        try mapping.save(to: file)
        let loaded = try ColumnMapping.load(from: file)
        #expect(loaded == mapping)
        #expect(loaded.column(forHeader: "REF-NO")?.tag == nhs.tag)

        let url = try Lists.csv([["Ref No", "Notes"], ["9434765918", "x"]], in: folder)
        let report = try Lists.check(url, mapping: loaded)
        #expect(report.columns[0].origin == "mapping")
        #expect(report.rows(of: "nhs-number.check-digit") == [2])
    }

    @Test func refusesAMappingWithABadTagNamingTheFile() throws {
        let folder = try TemporaryFolder()
        let file = try folder.file("bad.yaml", text: "columns:\n  - header: Name\n    tag: first name\n")
        let error = try #require(throws: MappingError.self) { try ColumnMapping.load(from: file) }
        #expect(error.description.hasPrefix("bad.yaml: "))
        #expect(error.description.contains("\"first name\""))
    }
}

extension ColumnMappingTests {
    @Test func writesTheYAMLYamsWouldWrite() throws {
        let awkward = [
            "Ref No", "", " spaced ", "true", "no", "null", "~", "123", "0x1F", "1e3", "12:30", "2011-07-05", "a: b", "- dash", "#hash",
            "'quoted'", "\"double\"", "line one\nline two", "tab\there", "Zoë Brontë", "日本", "[list]", "{map}", "*star", "&amp", "!bang",
            "% percent", "@at", "`tick`", "?", ":", "|", ">", "trailing:", "Column 16384",
        ]
        let mapping = ColumnMapping(
            source: "Helpline: \"call\" log",
            columns: awkward.enumerated().map { index, header in
                ColumnMapping.Column(
                    header: header, tag: index % 3 == 0 ? nil : "#x_person +name +given",
                    dateOrder: index % 4 == 0 ? .monthFirst : index % 4 == 1 ? .dayFirst : nil
                )
            },
            required: ["#x_person +name +given", "#date +birth"]
        )
        #expect(try mapping.yaml() == mapping.yamlFromEncoder())
        #expect(try ColumnMapping(yaml: mapping.yaml()) == mapping)
        let bare = ColumnMapping(source: nil, columns: [], required: nil)
        #expect(try bare.yaml() == bare.yamlFromEncoder())
        #expect(try ColumnMapping(yaml: bare.yaml()) == bare)
    }

    @Test func savesTheMappingOfAWideListInLinearTime() throws {
        let mapping = ColumnMapping(source: "Wide", columns: (1...16_384).map { .init(header: "Column \($0)", tag: nil) })
        let started = Date()
        let text = try mapping.yaml()
        #expect(Date().timeIntervalSince(started) < 10)
        let loaded = try ColumnMapping(yaml: text)
        #expect(loaded.columns.count == 16_384)
        #expect(loaded.column(forHeader: "COLUMN-16384") == .init(header: "Column 16384", tag: nil))
    }
}
