import Foundation
import KithStore
import KithTestSupport
import Testing

/// Every `kith` command that acts on residents, accounts, tokens or who owns a list leaves exactly one entry in the
/// store's audit trail, by the operator `--by` names, about record ids only, never a password or token: the libraries
/// audit what they do, whichever door calls them.
struct AuditedCommandsTests {
    static let operatorName = "cli-operator"
    static let by = ["--by", operatorName]
    static let asOf = ["--as-of", "2026-11-16"]

    @Test func eachAuditedCommandWritesOneEventByItsOperator() async throws {
        let folder = try TemporaryFolder()
        let generated = try kith(["generate", "--out", "borough", "--people", "400", "--seed", "3"], in: folder)
        #expect(generated.status == 0, "\(generated.errors)")
        let database = try KithDatabase.open(path: folder.path("kith.sqlite").path)
        let watch = AuditTrailWatch(database: database)
        let (by, asOf) = (Self.by, Self.asOf)

        for (file, source) in [("nhs-shielding-list.csv", "NHS shielding list"), ("helpline-calls.csv", "Helpline call log")] {
            let imported = try await entries(watch, ["import", "borough/lists/\(file)", "--source", source] + by + asOf, in: folder)
            let id = try #require(try database.imports.imports(ofSourceNamed: source).first?.id)
            #expect(imported == [AuditEntry(.importList, by: Self.operatorName, subject: "import \(id)")])
            #expect(imported.first?.detail.hasPrefix("\(file) as \"\(source)\" through the command line:") == true)
        }

        let linked = try await entries(watch, ["link"] + by + asOf, in: folder)
        let run = try #require(try database.linkage.latestRun())
        #expect(linked == [AuditEntry(.link, by: Self.operatorName, subject: "link run \(run.id ?? 0)")])

        let rowPersons = Set(try [1, 2].compactMap { try database.linkage.personOfRow($0) })
        #expect(!rowPersons.isEmpty, "the linked rows belong to persons")
        let decided = try await entries(watch, ["review", "--decide", "1", "2", "different"] + by, in: folder)
        #expect(decided == [AuditEntry(.reviewDecision, by: Self.operatorName, subject: "rows 1 and 2", personIDs: rowPersons)])
        #expect(decided.first?.detail == "not the same person (command line)")

        let scored = try await entries(watch, ["score"] + by + asOf, in: folder)
        let scoreRun = try #require(try database.outreach.scoreRuns(limit: 1).first?.id)
        #expect(scored == [AuditEntry(.score, by: Self.operatorName, subject: "score run \(scoreRun)")])

        let exported = try await entries(watch, ["outreach", "--out", "list.csv"] + by + asOf, in: folder)
        let written = try String(contentsOf: folder.path("list.csv"), encoding: .utf8).split(whereSeparator: \.isNewline).dropFirst(2)
            .compactMap { $0.split(separator: ",").first.map(String.init) }
        #expect(!written.isEmpty)
        #expect(exported == [AuditEntry(.exportOutreach, by: Self.operatorName, subject: "list.csv", personIDs: Set(written))])

        let person = try #require(written.first)
        let viewed = try await entries(watch, ["person", person] + by + asOf, in: folder)
        #expect(viewed == [AuditEntry(.viewPerson, by: Self.operatorName, subject: person, personIDs: [person])])

        let contacted = try await entries(watch, ["contact", person, "--outcome", "reached"] + by, in: folder)
        #expect(contacted == [AuditEntry(.recordContact, by: Self.operatorName, subject: person, personIDs: [person])])

        let added = try await entries(watch, ["user", "add", "new-analyst", "--role", "analyst"] + by, in: folder)
        let account = try #require(try database.access.account(named: "new-analyst")?.id)
        #expect(added == [AuditEntry(.addAccount, by: Self.operatorName, subject: "account \(account)")])

        let issued = try await entries(watch, ["token", "issue", "new-analyst", "--label", "reports"] + by, in: folder)
        let token = try #require(try database.access.tokens().compactMap(\.id).max())
        #expect(issued == [AuditEntry(.issueToken, by: Self.operatorName, subject: "token \(token)")])

        let revoked = try await entries(watch, ["token", "revoke", "\(token)"] + by, in: folder)
        #expect(revoked == [AuditEntry(.revokeToken, by: Self.operatorName, subject: "token \(token)")])
        #expect(revoked.first?.detail == "\"reports\" for new-analyst")

        var password = ""
        let changed = try await watch.entries {
            let run = try kith(["user", "password", "new-analyst"] + by, in: folder)
            #expect(run.status == 0, "\(run.errors)")
            password = run.output.split(separator: "\n").first { $0.hasPrefix("Password (shown once): ") }?.dropFirst(23).description ?? ""
        }
        #expect(!password.isEmpty)
        #expect(changed == [AuditEntry(.changePassword, by: Self.operatorName, subject: "account \(account)")])
        for (command, action) in [("unlock", AuditTrail.Action.unlockAccount), ("disable", .disableAccount), ("enable", .enableAccount)] {
            let changed = try await entries(watch, ["user", command, "new-analyst"] + by, in: folder)
            #expect(changed == [AuditEntry(action, by: Self.operatorName, subject: "account \(account)")], "kith user \(command)")
        }

        let source = "Helpline call log"
        let given = try await entries(watch, ["source", source, "--organisation", "Helpline Trust"] + by, in: folder)
        #expect(given == [AuditEntry(.assignList, by: Self.operatorName, subject: "source \"\(source)\"")])
        #expect(given.first?.detail == "given to Helpline Trust, had no organisation")
        let again = try kith(["source", source, "--organisation", " Helpline Trust "] + by, in: folder)
        #expect(again.status == 0 && again.output.contains("already belongs to Helpline Trust: nothing changed"), "\(again.output)")
        let blank = try kith(["source", source, "--organisation", " "] + by, in: folder)
        #expect(blank.status != 0 && blank.errors.contains("--clear"), "\(blank.errors)")
        #expect(try watch.entries().filter { $0.action == AuditTrail.Action.assignList.rawValue }.count == 1, "no change, no entry")
        let taken = try await entries(watch, ["source", source, "--clear"] + by, in: folder)
        #expect(taken == [AuditEntry(.assignList, by: Self.operatorName, subject: "source \"\(source)\"")])
        #expect(taken.first?.detail == "given to no organisation, was Helpline Trust")
        #expect(try await entries(watch, ["source", source], in: folder).isEmpty, "reading a list's owner changes nothing")

        // Nothing a list says about a resident is in the trail: not even the name of the person viewed.
        let shown = try kith(["person", person] + asOf, in: folder).output.split(separator: "\n").first ?? ""
        let name = shown.dropFirst(person.count).trimmingCharacters(in: .whitespaces)
        #expect(!name.isEmpty)
        for entry in try watch.entries() {
            #expect(!"\(entry.subject) \(entry.detail)".localizedCaseInsensitiveContains(name), "\(entry) names the resident")
            #expect(!"\(entry.subject) \(entry.detail)".contains(password), "\(entry) gives the new password")
        }
    }

    @Test func revokingATokenTwiceAuditsItOnceAndAnUnknownTokenIsRefused() async throws {
        let folder = try TemporaryFolder()
        let database = try KithDatabase.open(path: folder.path("kith.sqlite").path)
        let watch = AuditTrailWatch(database: database)
        _ = try await entries(watch, ["user", "add", "reporter", "--role", "analyst"] + Self.by, in: folder)
        var issuedOutput = ""
        _ = try await watch.entries { issuedOutput = try kith(["token", "issue", "reporter", "--label", "reports"] + Self.by, in: folder).output }
        let token = try #require(try database.access.tokens().first?.id)
        #expect(try await entries(watch, ["token", "revoke", "\(token)"] + Self.by, in: folder).map(\.action) == ["revoke-token"])
        var again: ProcessRun?
        #expect(try await watch.entries { again = try kith(["token", "revoke", "\(token)"] + Self.by, in: folder) }.isEmpty)
        #expect(again?.status == 0 && again?.output.contains("revoked already") == true)
        var unknown: ProcessRun?
        #expect(try await watch.entries { unknown = try kith(["token", "revoke", "\(token + 1)"] + Self.by, in: folder) }.isEmpty)
        #expect(unknown?.status == 2 && unknown?.errors.contains("There is no token \(token + 1)") == true)
        // The trail never holds the token itself, only its number.
        let secret = try #require(issuedOutput.split(separator: "\n").first { $0.hasPrefix("Token (shown once): ") }?.dropFirst(20))
        for entry in try watch.entries() {
            #expect(!"\(entry.subject) \(entry.detail)".contains(secret), "\(entry) gives the token")
        }
    }

    @Test func aRefusedImportIsNotAudited() async throws {
        let folder = try TemporaryFolder()
        _ = try folder.file("list.csv", text: "NHS Number,Forename,Surname\n943 476 5919,Ann,Smith\n")
        let database = try KithDatabase.open(path: folder.path("kith.sqlite").path)
        let watch = AuditTrailWatch(database: database)
        let command = ["import", "list.csv", "--source", "Shielding"] + Self.by
        #expect(try await entries(watch, command, in: folder) == [AuditEntry(.importList, by: Self.operatorName, subject: "import 1")])
        var again: ProcessRun?
        let refused = try await watch.entries { again = try kith(command, in: folder) }
        #expect(again?.status == 2 && refused.isEmpty)
    }

    /// Runs a command that must succeed, and returns the audit entries it wrote.
    private func entries(_ watch: AuditTrailWatch, _ arguments: [String], in folder: TemporaryFolder) async throws -> [AuditEntry] {
        try await watch.entries {
            let run = try kith(arguments, in: folder)
            #expect(run.status == 0, "kith \(arguments.joined(separator: " ")): \(run.errors)")
        }
    }

    private func kith(_ arguments: [String], in folder: TemporaryFolder) throws -> ProcessRun {
        try CommandLineTests.kith(arguments, in: folder.url)
    }
}
