import Foundation
import KithSpreadsheet
import KithStore
import KithTestSupport
import Testing

/// `kith directory` as a user runs it: the generated borough's directory imported, imported again without
/// duplicates, a bad feed's items reported, the template filled in and imported, an export read back, and each import
/// and export in the audit trail.
struct DirectoryCommandTests {
    static let operatorName = "directory-operator"
    static let by = ["--by", operatorName]

    /// A folder holding a generated borough (lists and directory).
    static func borough() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        let generated = try kith(["generate", "--out", "borough", "--people", "300", "--seed", "5"], in: folder)
        #expect(generated.status == 0, "\(generated.errors)")
        #expect(generated.output.contains("Services directory: "))
        return folder
    }

    static func kith(_ arguments: [String], in folder: TemporaryFolder) throws -> ProcessRun {
        try CommandLineTests.kith(arguments, in: folder.url)
    }

    /// The generated feed's services, as JSON objects.
    static func feedServices(_ folder: TemporaryFolder) throws -> [[String: Any]] {
        let data = try Data(contentsOf: folder.path("borough/directory/services.json"))
        let page = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        return try #require(page["contents"] as? [[String: Any]])
    }

    static func count(_ folder: TemporaryFolder, db: String = "kith.sqlite") throws -> Int {
        try KithDatabase.open(path: folder.path(db).path).directory.serviceCount()
    }

    @Test func importsTheGeneratedDirectoryThenUpdatesItInPlace() throws {
        let folder = try Self.borough()
        let services = try Self.feedServices(folder)
        #expect(services.count >= 100)

        let first = try Self.kith(["directory", "import", "borough/directory/services.json"] + Self.by, in: folder)
        #expect(first.status == 0, "\(first.errors)")
        #expect(first.output.contains("Imported services.json (ORUK JSON): \(services.count) services added, 0 updated in place, 0 refused"))
        #expect(try Self.count(folder) == services.count)

        let again = try Self.kith(["directory", "import", "borough/directory"] + Self.by, in: folder)
        #expect(again.status == 0, "\(again.errors)")
        #expect(again.output.contains("0 services added, \(services.count) updated in place"), "\(again.output)")
        #expect(try Self.count(folder) == services.count, "no service is stored twice")

        let list = try Self.kith(["directory", "list"], in: folder)
        #expect(list.status == 0)
        #expect(list.output.hasPrefix("Service"))
        #expect(list.output.contains("\(services.count) services."))
        let name = try #require(services.first?["name"] as? String)
        #expect(list.output.contains(String(name.prefix(20))))
    }

    @Test func aLaterFeedMayNameAStoredOrganisationWithoutNestingIt() throws {
        let folder = try Self.borough()
        let imported = try Self.kith(["directory", "import", "borough/directory/services.json"] + Self.by, in: folder)
        #expect(imported.status == 0, "\(imported.errors)")
        // A partner's own system sends one new service, naming its organisation by id only.
        var service = try #require(try Self.feedServices(folder).first)
        let organization = try #require(service["organization"] as? [String: Any])
        service.removeValue(forKey: "organization")
        service["id"] = "0b1c2d3e-4f50-4a61-8b72-93a4b5c6d7e8"
        service["name"] = "Winter Warmth Hub"
        service["organization_id"] = organization["id"]
        for key in ["service_at_locations", "attributes", "contacts", "phones", "schedules", "metadata"] { service.removeValue(forKey: key) }
        _ = try folder.file("new.json", bytes: Array(try JSONSerialization.data(withJSONObject: service)))
        let added = try Self.kith(["directory", "import", "new.json"] + Self.by, in: folder)
        #expect(added.status == 0, "\(added.output) \(added.errors)")
        #expect(added.output.contains("1 services added") || added.output.contains("1 service added"), "\(added.output)")
        let stored = try #require(
            try KithDatabase.open(path: folder.path("kith.sqlite").path).directory.service(id: "0b1c2d3e-4f50-4a61-8b72-93a4b5c6d7e8"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(stored.json.utf8)) as? [String: Any])
        #expect(
            (json["organization"] as? [String: Any])?["name"] as? String == organization["name"] as? String, "stored whole, its organisation nested")
    }

    @Test func aBadFeedReportsEachRefusedServiceByIdFieldAndReason() throws {
        let folder = try Self.borough()
        var services = Array(try Self.feedServices(folder).prefix(3))
        let badID = try #require(services[1]["id"] as? String)
        services[1]["status"] = "closed"
        let noName = try #require(services[2]["id"] as? String)
        services[2].removeValue(forKey: "name")
        try JSONSerialization.data(withJSONObject: services).write(to: folder.path("bad.json"))

        let run = try Self.kith(["directory", "import", "bad.json"] + Self.by, in: folder)
        #expect(run.status == 0, "one service was good: \(run.errors)")
        #expect(run.output.contains("1 service added, 0 updated in place, 2 refused, of 3 read"), "\(run.output)")
        #expect(run.output.contains("Error: service \(badID)"))
        #expect(run.output.contains("field status: \"closed\" is not a service status"))
        #expect(run.output.contains("Error: service \(noName)"))
        #expect(run.output.contains("field name: is missing."))
        #expect(try Self.count(folder) == 1)

        try JSONSerialization.data(withJSONObject: Array(services.dropFirst())).write(to: folder.path("worse.json"))
        let none = try Self.kith(["directory", "import", "worse.json", "--db", "other.sqlite"] + Self.by, in: folder)
        #expect(none.status == 1)
        #expect(none.output.contains("Nothing was imported from worse.json"))
        #expect(none.errors.contains("no service in worse.json could be imported"))

        try Data("not json".utf8).write(to: folder.path("broken.json"))
        let broken = try Self.kith(["directory", "import", "broken.json"] + Self.by, in: folder)
        #expect(broken.status == 2)
        #expect(broken.errors.contains("broken.json: is not JSON"))
    }

    @Test func aTemplateFilledInByAPartnerIsImported() throws {
        let folder = try TemporaryFolder()
        let blank = try Self.kith(["directory", "template", "--out", "blank.xlsx"], in: folder)
        #expect(blank.status == 0, "\(blank.errors)")
        #expect(try TableReader(url: folder.path("blank.xlsx")).sheetNames.starts(with: ["Organisations", "Services"]))

        // A partner fills in the two sheets it needs, keeping the headers and the tag row.
        let organization = "0b1c2d3e-4f50-4a61-8b72-000000000001"
        let service = "0b1c2d3e-4f50-4a61-8b72-000000000002"
        let writer = try XLSXWriter(url: folder.path("filled.xlsx"))
        try writer.beginSheet(named: "Organisations")
        try writer.appendRow([.text("Organisation id"), .text("Name"), .text("What it does")])
        try writer.appendRow([.text("#org +id"), .text("#org +name"), .text("#org +description")])
        try writer.appendRow([.text(organization), .text("Hythe Street Pantry"), .text("A community pantry.")])
        try writer.beginSheet(named: "Services")
        let headers = [
            "Service id", "Organisation id", "Name", "Web page", "Status", "Accepting referrals", "Capacity updated at", "Capacity updated by",
        ]
        let tags = [
            "#x_service +id", "#org +id", "#x_service +name", "#x_service +url", "#x_service +status", "#x_service +capacity +accepting",
            "#x_service +capacity +updated", "#x_service +capacity +by",
        ]
        try writer.appendRow(headers.map { .text($0) })
        try writer.appendRow(tags.map { .text($0) })
        try writer.appendRow(
            [
                .text(service), .text(organization), .text("Pantry"), .text("https://example.org/pantry"), .text("active"), .text("waiting_list"),
                .text("2026-11-16T09:30:00Z"), .text("Sarah"),
            ])
        try writer.finish()

        let imported = try Self.kith(["directory", "import", "filled.xlsx"] + Self.by, in: folder)
        #expect(imported.status == 0, "\(imported.output)\n\(imported.errors)")
        #expect(imported.output.contains("Imported filled.xlsx (directory template): 1 service added"), "\(imported.output)")
        let stored = try #require(try KithDatabase.open(path: folder.path("kith.sqlite").path).directory.service(id: service))
        #expect(stored.name == "Pantry" && stored.acceptingReferrals == "waiting_list" && stored.capacityUpdatedBy == "Sarah")

        // The stored directory as a filled template, imported into another store, gives the same service.
        #expect(try Self.kith(["directory", "template", "--filled", "--out", "ours.xlsx"] + Self.by, in: folder).status == 0)
        let back = try Self.kith(["directory", "import", "ours.xlsx", "--db", "other.sqlite"] + Self.by, in: folder)
        #expect(back.status == 0, "\(back.output)\n\(back.errors)")
        let copy = try #require(try KithDatabase.open(path: folder.path("other.sqlite").path).directory.service(id: service))
        #expect(copy.json == stored.json)
    }

    @Test func anORUKExportReadsBackAsTheSameServicesAndEveryImportAndExportIsAudited() async throws {
        let folder = try Self.borough()
        let database = try KithDatabase.open(path: folder.path("kith.sqlite").path)
        let watch = AuditTrailWatch(database: database)
        let imported = try await watch.entries { () throws in
            #expect(try Self.kith(["directory", "import", "borough/directory/services.json"] + Self.by, in: folder).status == 0)
        }
        #expect(imported == [AuditEntry(.importDirectory, by: Self.operatorName, subject: "services.json")])
        #expect(imported.first?.detail.hasPrefix("services.json (ORUK JSON) through the command line: ") == true)

        let exported = try await watch.entries { () throws in
            let run = try Self.kith(["directory", "export", "--format", "oruk", "--out", "export.json"] + Self.by, in: folder)
            #expect(run.status == 0, "\(run.errors)")
        }
        #expect(exported == [AuditEntry(.exportDirectory, by: Self.operatorName, subject: "export.json")])
        let asTemplate = try await watch.entries { () throws in
            #expect(try Self.kith(["directory", "export", "--format", "xlsx", "--out", "export.xlsx"] + Self.by, in: folder).status == 0)
            #expect(try Self.kith(["directory", "template", "--filled", "--out", "filled.xlsx"] + Self.by, in: folder).status == 0)
        }
        #expect(
            asTemplate == [
                AuditEntry(.exportDirectory, by: Self.operatorName, subject: "export.xlsx"),
                AuditEntry(.exportDirectory, by: Self.operatorName, subject: "filled.xlsx"),
            ])
        let unaudited = try await watch.entries { () throws in
            #expect(try Self.kith(["directory", "list"], in: folder).status == 0)
            #expect(try Self.kith(["directory", "template", "--out", "blank.xlsx"] + Self.by, in: folder).status == 0)
        }
        #expect(unaudited.isEmpty, "a listing and a blank template show no stored data")

        // Read back into a fresh store, the export gives exactly the same file again.
        let back = try Self.kith(["directory", "import", "export.json", "--db", "copy.sqlite"] + Self.by, in: folder)
        #expect(back.status == 0 && back.output.contains("0 refused"), "\(back.output)")
        #expect(try Self.kith(["directory", "export", "--out", "again.json", "--db", "copy.sqlite"] + Self.by, in: folder).status == 0)
        let first = try Data(contentsOf: folder.path("export.json"))
        #expect(try Data(contentsOf: folder.path("again.json")) == first)
        let page = try #require(try JSONSerialization.jsonObject(with: first) as? [String: Any])
        #expect(page["total_items"] as? Int == (try Self.feedServices(folder).count))
        #expect(page["total_pages"] as? Int == 1)
    }
}
