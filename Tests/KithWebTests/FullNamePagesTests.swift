import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KithAccess
import KithIngest
import KithPersons
import KithSpreadsheet
import KithStore
import KithTestSupport
import KithWeb
import Testing

/// Issue 12: a list with one full-name column (`GILL, Savita`) reads as the same name as a list with given and family
/// name columns on the review page and the person page, and review shows dates as read.
@Suite struct FullNamePagesTests {
    @Test func theReviewPageComparesAFullNameWithGivenAndFamilyNamesOnTheSameLines() async throws {
        let fixture = try await WebFixture(referenceDate: Self.asOf)
        let rows = try Self.importLists(into: fixture.database)
        // Two pairs left for review: Savita Gill at the GP and in the food bank's one name column, and the same for
        // Beatriz Rodriguez, written with an accent in capitals by the food bank.
        let evidence =
            #"{"reason":"Names agree; dates of birth differ as written","fields":[{"field":"given_name","level":"exact","weight":3.2},{"field":"family_name","level":"exact","weight":5.1},{"field":"birth_date","level":"exact","weight":6.0}]}"#
        _ = try fixture.database.linkage.saveRun(
            LinkRun(
                startedAt: "2026-11-16T09:00:00Z", finishedAt: "2026-11-16T09:00:01Z", mode: .full, recordCount: 4, newRecordCount: 4,
                personCount: 4, candidatePairs: 2, autoLinks: 0, reviewPairs: 2, upperThreshold: 0.95, lowerThreshold: 0.5,
                lastSourceRowId: rows.values.max() ?? 0, model: "{}", report: "{}"
            ),
            replacingPairs: true, newPersons: [], merges: [], assignments: [],
            pairs: [
                RecordPair(
                    leftRowId: rows["gp Savita"]!, rightRowId: rows["food bank Savita"]!, matchProbability: 0.8, matchWeight: 2,
                    decision: .review, evidence: evidence),
                RecordPair(
                    leftRowId: rows["gp Beatriz"]!, rightRowId: rows["food bank Beatriz"]!, matchProbability: 0.7, matchWeight: 1.5,
                    decision: .review, evidence: evidence),
            ],
            snapshot: nil
        ) { _ in AuditTrail.note(.link, by: "test", subject: "a run for review", detail: "") }
        try await fixture.run { client in
            let browser = try await fixture.signIn(client, as: WebFixture.analyst)
            let savita = Self.reviewLines(try await browser.get("/review").text)
            #expect(savita["Given name"]?.left == "Savita")
            #expect(savita["Given name"]?.right == "Savita (from the full name “GILL, Savita”)")
            #expect(savita["Family name"]?.left == "Gill" && savita["Family name"]?.right == "Gill")
            #expect(savita["Full name"] == nil && savita["Name"] == nil, "the full name is shown on the given and family name lines")
            #expect(savita.values.allSatisfy { !$0.isOneSided && !$0.differs }, "\(savita)")
            #expect(savita["Given name"]?.evidence == "exact, +3.2" && savita["Family name"]?.evidence == "exact, +5.1")
            let born = try #require(savita["Date of birth"])
            #expect(born.left == "4 August 1980 (written 4/8/80)")
            #expect(born.right == "4 August 1980 (written 08/04/1980)")

            let beatriz = Self.reviewLines(try await browser.get("/review?skip=1").text)
            #expect(beatriz["Family name"]?.left == "Rodriguez" && beatriz["Family name"]?.right == "Rodríguez")
            #expect(beatriz["Family name"]?.differs == false, "an accent and capitals are no difference worth flagging")
            #expect(beatriz["Date of birth"]?.right == "25 July 1975 (written 07/25/1975)")
            #expect(beatriz["Date of birth"]?.left == "25 July 1975 (written 25/07/1975)")
        }
    }

    @Test func thePersonPageDoesNotSayListsDifferForOneNameWrittenTwoWays() async throws {
        let fixture = try await WebFixture(referenceDate: Self.asOf)
        _ = try Self.importLists(into: fixture.database)
        try PersonIndex(database: fixture.database, referenceDate: Self.asOf).link(by: "test")
        try ListOwnership(database: fixture.database).assign(sourceNamed: "Food bank referrals", to: "Food bank", by: "test")
        let assignments = try fixture.database.linkage.personAssignments()
        let persons = Set(assignments.values)
        #expect(persons.count == 2, "each resident's two rows are linked into one person")
        try await fixture.run { client in
            let analyst = try await fixture.signIn(client, as: WebFixture.analyst)
            let partner = try await fixture.signIn(client, as: WebFixture.partner)
            var seen: [String] = []
            for person in persons.sorted() {
                let page = try await analyst.get("/persons/\(person)")
                #expect(page.status == .ok)
                let name = try #require(
                    page.text.firstMatch(of: /<dt class="summary-list__key">Name( <strong class="tag tag--amber">Lists differ<\/strong>)?<\/dt>/))
                #expect(name.1 == nil, "the lists give one name, in two formats")
                // A value written one way only has no "(also written …)", not an empty "()".
                #expect(!page.text.contains(#"<span class="muted">()</span>"#))
                if page.text.contains("<strong>Savita Gill</strong>") {
                    seen.append("Savita")
                    #expect(page.text.contains("split from its full-name column “GILL, Savita”"))
                    #expect(page.text.contains(#"<h1 class="heading-l">Savita Gill</h1>"#))
                    // The food bank sees only its own row: the name is still given and family name, not one string.
                    let own = try await partner.get("/persons/\(person)")
                    #expect(own.status == .ok && own.text.contains(#"<h1 class="heading-l">Savita Gill</h1>"#))
                }
                if page.text.contains("<strong>Beatriz Rodriguez</strong>") {
                    seen.append("Beatriz")
                    #expect(page.text.contains("(also written Beatriz Rodríguez)"))
                    #expect(page.text.contains("split from its full-name column “Rodríguez, Beatriz”"))
                }
            }
            #expect(seen.sorted() == ["Beatriz", "Savita"])
        }
    }

    // MARK: Support

    static let asOf = CivilDate(year: 2026, month: 11, day: 16)!

    /// Imports a GP register (given and family name columns, UK dates) and a food bank list (one name column, US
    /// dates), each holding Savita Gill and Beatriz Rodriguez; returns the row ids by list and given name.
    static func importLists(into database: KithDatabase) throws -> [String: Int64] {
        let folder = try TemporaryFolder()
        let gp = folder.url.appendingPathComponent("gp-register.csv")
        try """
        Given name,Family name,Date of birth,NHS number,Postcode
        Savita,Gill,4/8/80,4000000004,HY1 2AB
        Beatriz,Rodriguez,25/07/1975,4000000012,HY2 3CD

        """.write(to: gp, atomically: true, encoding: .utf8)
        let foodBank = folder.url.appendingPathComponent("food-bank.csv")
        try """
        Name,Date of birth,NHS number,Postcode
        "GILL, Savita",08/04/1980,4000000004,HY1 2AB
        "RODRÍGUEZ, BEATRIZ",07/25/1975,4000000012,HY2 3CD

        """.write(to: foodBank, atomically: true, encoding: .utf8)
        let importer = Importer(repository: database.imports)
        try importer.run(ImportRequest(file: gp, sourceName: "GP register", importedBy: "test", referenceDate: asOf))
        try importer.run(ImportRequest(file: foodBank, sourceName: "Food bank referrals", importedBy: "test", referenceDate: asOf))
        var rows: [String: Int64] = [:]
        try database.linkage.forEachLinkableRow(after: 0) { row in
            let list = row.sourceName == "GP register" ? "gp" : "food bank"
            rows[list + (row.rowNumber == 2 ? " Savita" : " Beatriz")] = row.rowId
        }
        return rows
    }

    struct ReviewLine: CustomStringConvertible {
        var left: String
        var right: String
        var evidence: String
        var differs: Bool
        var isOneSided: Bool

        var description: String { "\(left) | \(right)\(differs ? " differs" : "")\(isOneSided ? " one-sided" : "")" }
    }

    /// The comparison table's lines by label.
    static func reviewLines(_ html: String) -> [String: ReviewLine] {
        var lines: [String: ReviewLine] = [:]
        let pattern = /<tr( class="differs")?>\s*<th scope="row">([^<]*)(.*?)<\/th>\s*<td>(.*?)<\/td><td>(.*?)<\/td><td class="evidence">(.*?)<\/td>/
        for match in html.matches(of: pattern.dotMatchesNewlines()) {
            let label = match.2.trimmingCharacters(in: .whitespaces)
            lines[label] = ReviewLine(
                left: unescaped(String(match.4)), right: unescaped(String(match.5)), evidence: unescaped(String(match.6)),
                differs: match.1 != nil, isOneSided: match.3.contains("one list only")
            )
        }
        return lines
    }

    static func unescaped(_ html: String) -> String {
        html.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
    }
}
