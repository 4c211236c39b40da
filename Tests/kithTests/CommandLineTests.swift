import Foundation
import Testing

/// Runs the `kith` executable that `swift build` made, the way the README tells a user to.
struct CommandLineTests {
    struct Outcome {
        var status: Int32
        var output: String
        var errors: String
    }

    /// The package's debug build of `kith`, next to this test bundle's build products.
    static let executable: URL = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return root.appendingPathComponent(".build/debug/kith")
    }()

    static func kith(_ arguments: [String], in folder: URL) throws -> Outcome {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = folder
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let printed = output.fileHandleForReading.readDataToEndOfFile()
        let complained = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(
            status: process.terminationStatus, output: String(decoding: printed, as: UTF8.self),
            errors: String(decoding: complained, as: UTF8.self)
        )
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
        let outcome = try Self.kith(["demo", "--people", "600", "--dir", "borough"], in: folder)
        #expect(outcome.status == 0, "\(outcome.errors)")
        for source in ["NHS shielding list", "Adult social care", "Children's services", "School attendance", "Helpline call log", "Food bank referrals"] {
            #expect(outcome.output.contains("as \"\(source)\""), "\(source) was not imported")
        }
        #expect(outcome.output.contains("The store is"))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("borough/truth").path))
    }
}
