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
