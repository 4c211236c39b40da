import Foundation
import KithDirectory
import KithTestSupport
import Testing

/// Reading ORUK feeds: pages, single services, lists, folders; bad items named; hostile input refused.
struct ORUKReaderTests {
    let reader = ORUKReader()

    @Test func aSingleNestedServiceIsRead() throws {
        let reading = try reader.read(data: Data(Fixtures.service.utf8))
        #expect(reading.itemsRead == 1)
        #expect(reading.services.map(\.id) == [Fixtures.serviceID])
        #expect(reading.findings.filter { $0.severity == .error }.isEmpty)
        #expect(reading.organizations.map(\.id) == [Fixtures.organizationID])
    }

    @Test func aPageKeepsGoodItemsAndNamesTheBadOneByIDAndField() throws {
        let badID = "5c1f1a7e-0000-4000-8000-000000000002"
        let bad = Fixtures.service(replacing: "\"status\": \"active\"", with: "\"status\": \"closed\"")
            .replacingOccurrences(of: "\"id\": \"\(Fixtures.serviceID)\"", with: "\"id\": \"\(badID)\"")
        let reading = try reader.read(data: Data(Fixtures.page([Fixtures.service, bad]).utf8))
        #expect(reading.itemsRead == 2)
        #expect(reading.services.map(\.id) == [Fixtures.serviceID])
        let finding = try #require(reading.findings.first { $0.severity == .error })
        #expect(finding.itemID == badID)
        #expect(finding.position == 2)
        #expect(finding.field == "status")
        #expect(finding.description.contains("\"closed\" is not a service status"))
        #expect(finding.description.contains("Use one of: active, inactive, defunct, temporarily closed"))
    }

    @Test func aMissingRequiredFieldIsNamedWithItsPath() throws {
        let json = Fixtures.service(replacing: "\"address_1\": \"12 Albion Road\", ", with: "")
        let reading = try reader.read(data: Data("[\(json)]".utf8))
        #expect(reading.services.isEmpty)
        let finding = try #require(reading.findings.first)
        #expect(finding.itemID == Fixtures.serviceID)
        #expect(finding.field == "service_at_locations[0].location.addresses[0].address_1")
        #expect(finding.problem == "is missing.")
    }

    @Test func aValueOfTheWrongKindIsNamed() throws {
        let json = Fixtures.service(replacing: "\"minimum_age\": 18", with: "\"minimum_age\": \"eighteen\"")
        let reading = try reader.read(data: Data(json.utf8))
        let finding = try #require(reading.findings.first)
        #expect(finding.field == "minimum_age")
        #expect(finding.problem.contains("a number"))
    }

    @Test func anItemThatIsNotAnObjectIsNamedByPosition() throws {
        let reading = try reader.read(data: Data("[\(Fixtures.service), 42]".utf8))
        #expect(reading.services.count == 1)
        let finding = try #require(reading.findings.first)
        #expect(finding.itemID == nil)
        #expect(finding.position == 2)
        #expect(finding.description.contains("service number 2"))
    }

    @Test func aFolderOfPagesIsReadInNameOrderAndDuplicatesAcrossFilesAreCaught() throws {
        let folder = try TemporaryFolder()
        _ = try folder.file("page-1.json", text: Fixtures.page([Fixtures.service]))
        _ = try folder.file("page-2.json", text: Fixtures.page([Fixtures.service]))
        _ = try folder.file("notes.txt", text: "not a feed")
        let reading = try reader.read(url: folder.url)
        #expect(reading.itemsRead == 2)
        #expect(reading.services.count == 1)
        #expect(reading.findings.contains { $0.field == "id" && $0.position == 2 && $0.problem.contains("service number 1") })
    }

    @Test func deepNestingIsRefusedBeforeDecoding() {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect {
            _ = try reader.read(data: Data(deep.utf8))
        } throws: { error in
            (error as? DirectoryReadError)?.problem.contains("more than 32 deep") == true
        }
    }

    @Test func aHugeStringIsRefused() {
        let huge = Fixtures.service(
            replacing: "\"alert\": \"Closed on 25 December.\"", with: "\"alert\": \"\(String(repeating: "x", count: 300_000))\"")
        #expect {
            _ = try reader.read(data: Data(huge.utf8))
        } throws: { error in
            (error as? DirectoryReadError)?.problem.contains("text value longer than") == true
        }
    }

    @Test func tooManyItemsAndTooLargeFilesAreRefused() {
        var limits = DirectoryLimits()
        limits.maximumItems = 3
        #expect(throws: DirectoryReadError.self) {
            _ = try ORUKReader(limits: limits).read(data: Data("[\(Array(repeating: Fixtures.service, count: 4).joined(separator: ","))]".utf8))
        }
        limits.maximumFileBytes = 1_000
        #expect {
            _ = try ORUKReader(limits: limits).read(data: Data(Fixtures.service.utf8))
        } throws: { error in
            (error as? DirectoryReadError)?.problem.contains("MB allowed") == true
        }
    }

    @Test func garbageIsRefusedWithAClearError() {
        for text in ["", "hello", "{\"contents\": 7}", "{\"name\": ", "\u{FEFF}nonsense"] {
            #expect(throws: DirectoryReadError.self, "\(text)") { _ = try reader.read(data: Data(text.utf8)) }
        }
    }
}
