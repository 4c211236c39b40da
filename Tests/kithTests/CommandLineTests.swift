import Foundation
import KithTestSupport
import Testing

/// Runs the `kith` executable that `swift build` made, the way the README tells a user to.
struct CommandLineTests {
    /// The package's debug build of `kith`, next to this test bundle's build products.
    static let executable: URL = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return root.appendingPathComponent(".build/debug/kith")
    }()

    static func kith(_ arguments: [String], in folder: URL) throws -> ProcessRun {
        try ProcessRun(executable, arguments, in: folder)
    }

    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("kith-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func importsAListThenRefusesItAgainUnlessForced() throws {
        #expect(FileManager.default.isExecutableFile(atPath: Self.executable.path), "build kith first: swift build")
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("NHS Number,Forename,Surname\n943 476 5919,Ann,Smith\n401 023 2137,Bill,Jones\n".utf8)
            .write(to: folder.appendingPathComponent("shielding.csv"))

        let first = try Self.kith(["import", "shielding.csv", "--source", "NHS shielding list", "--by", "analyst"], in: folder)
        #expect(first.status == 0, "\(first.errors)")
        #expect(first.output.contains("Imported shielding.csv as \"NHS shielding list\""))
        #expect(first.output.contains("2 rows × 3 columns"))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("kith.sqlite").path))

        let again = try Self.kith(["import", "shielding.csv", "--source", "NHS shielding list"], in: folder)
        #expect(again.status == 2)
        #expect(again.errors.contains("already imported"))
        #expect(again.errors.contains("--force"))

        let forced = try Self.kith(["import", "shielding.csv", "--source", "NHS shielding list", "--force"], in: folder)
        #expect(forced.status == 0)

        let history = try Self.kith(["imports"], in: folder)
        #expect(history.status == 0)
        #expect(history.output.components(separatedBy: "shielding.csv").count == 3)
    }

    @Test func refusesABrokenFileWithAClearMessageAndUsesTheGivenStore() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 2_048))
            .write(to: folder.appendingPathComponent("old.xls"))
        let outcome = try Self.kith(["import", "old.xls", "--source", "Adult social care", "--db", "other.sqlite"], in: folder)
        #expect(outcome.status == 2)
        #expect(outcome.errors.contains("old.xls: This is an old-style Excel 97–2003 workbook"))
        #expect(outcome.errors.contains("Nothing was imported"))
        let history = try Self.kith(["imports", "--db", "other.sqlite"], in: folder)
        #expect(history.output.contains("Nothing has been imported"))
    }

    @Test func demoGeneratesABoroughAndImportsEveryList() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try Self.kith(["demo", "--people", "600", "--dir", "borough", "--no-serve"], in: folder)
        #expect(outcome.status == 0, "\(outcome.errors)")
        for source in [
            "NHS shielding list", "Adult social care", "Children's services", "School attendance", "Helpline call log", "Food bank referrals",
        ] {
            #expect(outcome.output.contains("as \"\(source)\""), "\(source) was not imported")
        }
        #expect(outcome.output.contains("The store is"))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("borough/truth").path))
    }

    @Test func checksAListAndExitsOneOnlyWhenThereAreErrors() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let header = "Client Forename,Client Surname,D.O.B,NHS No.,Post Code\n"
        try Data((header + "Ann,Lee,01/02/1950,9434765919,OL1 1AA\nBob,Hall,25/12/1960,4010232137,OL1 2AB\n").utf8)
            .write(to: folder.appendingPathComponent("good.csv"))
        try Data((header + "Ann,Lee,01/02/2050,9434765918,OL1 1AA\n").utf8).write(to: folder.appendingPathComponent("bad.csv"))

        let good = try Self.kith(["check", "good.csv", "--as-of", "2026-11-16"], in: folder)
        #expect(good.status == 0, "\(good.output)")
        #expect(good.output.contains("Summary by check:"))

        let bad = try Self.kith(["check", "bad.csv", "--as-of", "2026-11-16", "--format", "json"], in: folder)
        #expect(bad.status == 1)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(bad.output.utf8)) as? [String: Any])
        let checks = (report["findings"] as? [[String: Any]] ?? []).compactMap { $0["check"] as? String }
        #expect(checks.contains("nhs-number.check-digit"))
        #expect(checks.contains("date.future-birth"))

        let unreadable = try Self.kith(["check", "missing.csv"], in: folder)
        #expect(unreadable.status == 2)
    }

    @Test func printsTheDataStandardAndWritesATaggedCopy() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let standard = try Self.kith(["standard", "--format", "json"], in: folder)
        #expect(standard.status == 0)
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(standard.output.utf8)) as? [[String: Any]])
        #expect(entries.count >= 60)
        #expect(entries.allSatisfy { $0["tag"] is String && $0["label"] is String && $0["synonyms"] is [Any] })

        try Data("Forename,Surname,Postcode\nAnn,Lee,OL1 1AA\n".utf8).write(to: folder.appendingPathComponent("list.csv"))
        let tag = try Self.kith(["tag", "list.csv", "--write", "tagged.csv", "--save-mapping", "list.yaml"], in: folder)
        #expect(tag.status == 0, "\(tag.errors)")
        #expect(tag.output.contains("3 of 3 columns tagged"))
        let copy = try String(contentsOf: folder.appendingPathComponent("tagged.csv"), encoding: .utf8)
        let lines = copy.split(separator: "\r\n").map(String.init)
        #expect(lines[1].hasPrefix("#x_person"))
        #expect(lines[2] == "Ann,Lee,OL1 1AA")
        let mapping = try String(contentsOf: folder.appendingPathComponent("list.yaml"), encoding: .utf8)
        #expect(mapping.contains("header: Forename"))
        let checked = try Self.kith(["check", "tagged.csv", "--as-of", "2026-11-16"], in: folder)
        #expect(checked.output.contains("hashtag row"))
    }
}
