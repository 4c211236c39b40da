import Foundation
import KithDirectory
import KithSpreadsheet
import KithTestSupport
import Testing

/// The spreadsheet template: written as a real XLSX file, read back into the same model, findings by cell.
struct DirectoryTemplateTests {
    /// The fixture cut to what the template holds, with the link ids the template reader fills in.
    static func templateShaped() throws -> Service {
        var service = try Fixtures.decodedService()
        service.metadata = nil
        service.spaceToShare = SpaceToShare(what: "Cold store", people: 0)
        service.volunteersWanted = VolunteersWanted(roles: ["Driver"], skills: ["Polish speaker"])
        service.serviceAtLocations![0].location!.accessibility![0].locationId = Fixtures.locationID
        service.serviceAtLocations![0].schedules![0].serviceAtLocationId = service.serviceAtLocations![0].id
        service.costOptions![0].serviceId = service.id
        service.contacts![0].serviceId = service.id
        service.contacts![0].phones![0].contactId = service.contacts![0].id
        // The template has one column for a term, read into both HSDS's `name` and ORUK's `term`.
        service.attributes![0].taxonomyTerm!.name = service.attributes![0].taxonomyTerm!.term
        return service
    }

    @Test func aFilledInTemplateRoundTripsThroughARealXLSXFile() throws {
        let folder = try TemporaryFolder()
        let file = folder.path("directory.xlsx")
        let service = try Self.templateShaped()
        try DirectoryTemplateWriter.write(services: [service], to: file)
        let reader = try TableReader(url: file)
        #expect(reader.sheetNames == DirectoryTemplate.sheets.map(\.name))
        let reading = try DirectoryTemplateReader().read(url: file)
        #expect(reading.findings.filter { $0.severity == .error }.isEmpty, "\(reading.findings)")
        #expect(reading.services == [service])
    }

    @Test func aBlankTemplateHasHeadersAndTagsAndReadsAsEmpty() throws {
        let folder = try TemporaryFolder()
        let file = folder.path("blank.xlsx")
        try DirectoryTemplateWriter.write(services: [], to: file)
        let reading = try DirectoryTemplateReader().read(url: file)
        #expect(reading.services.isEmpty && reading.findings.isEmpty)
    }

    @Test func badCellsAreNamedBySheetRowAndColumn() throws {
        let folder = try TemporaryFolder()
        let file = folder.path("bad.xlsx")
        var service = try Self.templateShaped()
        service.minimumAge = 30
        service.maximumAge = 20
        try DirectoryTemplateWriter.write(services: [service], to: file)
        // Write a second copy whose Services row holds words where numbers and a status go.
        let writer = try XLSXWriter(url: folder.path("typed.xlsx"))
        try writer.beginSheet(named: "Services")
        try writer.appendRow(DirectoryTemplate.services.columns.map { .text($0.header) })
        try writer.appendRow(DirectoryTemplate.services.columns.map { .text($0.tag) })
        var cells = [CellValue](repeating: .empty, count: DirectoryTemplate.services.columns.count)
        cells[0] = .text(Fixtures.serviceID)
        cells[2] = .text("Job Club")
        cells[6] = .text("open")
        cells[7] = .text("eighteen")
        try writer.appendRow(cells)
        try writer.finish()

        let typed = try DirectoryTemplateReader().read(url: folder.path("typed.xlsx"))
        #expect(typed.services.isEmpty)
        let status = try #require(typed.findings.first { $0.cell?.column == "Status" })
        #expect(status.cell == TemplateCell(sheet: "Services", row: 3, column: "Status"))
        #expect(status.itemID == Fixtures.serviceID)
        #expect(status.description.contains("\"open\" is not a service status"))
        #expect(typed.findings.contains { $0.cell?.column == "Minimum age" && $0.problem.contains("not a number") })

        let ranged = try DirectoryTemplateReader().read(url: file)
        let age = try #require(ranged.findings.first { $0.field == "minimum_age" })
        #expect(age.cell?.sheet == "Services" && age.cell?.row == 3)
        #expect(ranged.services.isEmpty)
    }
}
