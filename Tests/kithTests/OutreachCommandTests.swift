import Foundation
import KithTestSupport
import Testing

/// `kith demo`, `score`, `person`, `outreach` and `contact` run as a user runs them, from the README.
struct OutreachCommandTests {
    static func kith(_ arguments: [String], in folder: URL) throws -> ProcessRun {
        try CommandLineTests.kith(arguments, in: folder)
    }

    @Test func theDemoScoresAndTheCommandsActOnIt() throws {
        let folder = try CommandLineTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let demo = try Self.kith(["demo", "--people", "3000", "--dir", "demo", "--no-serve"], in: folder)
        #expect(demo.status == 0, "\(demo.errors)")
        #expect(demo.output.contains("Scored "))
        #expect(demo.output.contains("Top of the contact list:"))
        let db = ["--db", "demo/kith.sqlite", "--as-of", "2026-11-16"]

        let out = try Self.kith(["outreach", "--band", "purple,red", "--out", "list.csv", "--by", "analyst"] + db, in: folder)
        #expect(out.status == 0, "\(out.errors)")
        let text = try String(contentsOf: folder.appendingPathComponent("list.csv"), encoding: .utf8)
        let lines = text.split(whereSeparator: \.isNewline)
        #expect(lines.first?.contains("OFFICIAL-SENSITIVE") == true)
        #expect(lines.dropFirst().first?.hasPrefix("person_id,given_name,family_name") == true)
        let firstPerson = try #require(lines.dropFirst(2).first?.split(separator: ",").first).description
        #expect(firstPerson.hasPrefix("KP-"))

        let person = try Self.kith(["person", firstPerson, "--by", "worker"] + db, in: folder)
        #expect(person.status == 0, "\(person.errors)")
        #expect(person.output.contains("Rating (score run 1"))
        #expect(person.output.contains("Suggested action:"))
        #expect(person.output.contains("Known to "))

        let contact = try Self.kith(["contact", firstPerson, "--outcome", "reached", "--note", "Home visit", "--db", "demo/kith.sqlite"], in: folder)
        #expect(contact.status == 0, "\(contact.errors)")
        let after = try Self.kith(["person", firstPerson] + db, in: folder)
        #expect(after.output.contains("reached, recorded by"))
        #expect(after.output.contains("Home visit"))

        let bad = try Self.kith(["contact", firstPerson, "--outcome", "maybe", "--db", "demo/kith.sqlite"], in: folder)
        #expect(bad.status != 0)
        #expect(bad.errors.contains("--outcome is one of: reached, no-answer, referred, declined, moved"))

        let matrix = try Self.kith(["score", "--show-matrix"], in: folder)
        let broken = matrix.output.replacingOccurrences(of: "weights: {children: 40, households: 30}", with: "wieghts: {children: 40}")
        try Data(broken.utf8).write(to: folder.appendingPathComponent("matrix.yaml"))
        let refused = try Self.kith(["score", "--matrix", "matrix.yaml"] + db, in: folder)
        #expect(refused.status != 0)
        #expect(refused.errors.contains("matrix.yaml has 2 problems; nothing was scored"))
        #expect(refused.errors.contains("Did you mean \"weights\"?"))

        let again = try Self.kith(["score"] + db, in: folder)
        #expect(again.status == 0, "\(again.errors)")
        #expect(again.output.contains("Changes since the previous score run:"))
    }
}
