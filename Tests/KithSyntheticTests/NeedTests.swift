import Foundation
import KithSpreadsheet
import Testing

@testable import KithSynthetic

/// Latent need drives who appears on the lists, so a vulnerability score can be tested against it.
struct NeedTests {
    static func mean(_ values: [Double]) -> Double {
        values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count)
    }

    @Test func needIsBetweenZeroAndOne() {
        for person in Fixture.people {
            let need = Double(person["latent_need"]!)!
            #expect(need >= 0 && need <= 1)
        }
    }

    @Test func peopleOnCareListsHaveHigherNeed() {
        let everyone = Self.mean(Fixture.people.map { Double($0["latent_need"]!)! })
        for flag in ["adult_social_care", "shielding"] {
            let flagged = Self.mean(Fixture.people.filter { $0[flag] == "true" }.map { Double($0["latent_need"]!)! })
            #expect(flagged > everyone + 0.15, "\(flag): \(flagged) vs \(everyone)")
        }
        let children = Fixture.people.filter { $0["role"] == "child" }
        let childrenMean = Self.mean(children.map { Double($0["latent_need"]!)! })
        let known = children.filter { $0["child_in_need"] == "true" || $0["child_protection"] == "true" || $0["looked_after"] == "true" }
        #expect(!known.isEmpty)
        #expect(Self.mean(known.map { Double($0["latent_need"]!)! }) > childrenMean + 0.15)
    }

    @Test func listMembershipRisesWithNeed() {
        var listed: Set<String> = []
        for record in Fixture.records where record["source"] != "School attendance" { listed.insert(record["person_id"]!) }
        let sorted = Fixture.people.sorted { Double($0["latent_need"]!)! < Double($1["latent_need"]!)! }
        let quarter = sorted.count / 4
        let lowest = sorted.prefix(quarter).filter { listed.contains($0["person_id"]!) }.count
        let highest = sorted.suffix(quarter).filter { listed.contains($0["person_id"]!) }.count
        #expect(highest > lowest * 3, "top quarter \(highest) vs bottom quarter \(lowest)")
    }

    @Test func persistentAbsenceGathersInHighNeedHouseholds() throws {
        let table = try CSVTable(file: Fixture.directory.appendingPathComponent("lists/school-attendance.csv"), delimiter: ";")
        var needByHousehold: [String: Double] = [:]
        for household in Fixture.households { needByHousehold[household["household_id"]!] = Double(household["latent_need"]!)! }
        let records = Fixture.records.filter { $0["source"] == "School attendance" }
        var pupils: [(need: Double, persistent: Bool)] = []
        for (row, record) in zip(table.rows, records.sorted { Int($0["row_number"]!)! < Int($1["row_number"]!)! }) {
            let possible = Double(row[8])!
            let attended = Double(row[9])!
            pupils.append((needByHousehold[record["household_id"]!]!, attended < 0.9 * possible))
        }
        pupils.sort { $0.need < $1.need }
        let half = pupils.count / 2
        let lowRate = Double(pupils.prefix(half).filter(\.persistent).count) / Double(half)
        let highRate = Double(pupils.suffix(half).filter(\.persistent).count) / Double(half)
        #expect(highRate > lowRate * 2, "persistent absence: high-need half \(highRate), low-need half \(lowRate)")
    }
}
