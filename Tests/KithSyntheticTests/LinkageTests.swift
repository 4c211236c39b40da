import Foundation
import KithSpreadsheet
import Testing

@testable import KithSynthetic

/// The lists overlap the way a real borough's do, and the hard cases for matching are present.
struct LinkageTests {
    @Test func residentsAppearInSeveralLists() {
        var sources: [String: Set<String>] = [:]
        for record in Fixture.records { sources[record["person_id"]!, default: []].insert(record["source"]!) }
        let inTwoOrMore = sources.values.filter { $0.count >= 2 }.count
        #expect(inTwoOrMore >= 20, "only \(inTwoOrMore) residents are on two or more lists")
        // Particular pairs that a council would expect to link.
        func overlap(_ a: String, _ b: String) -> Int { sources.values.filter { $0.contains(a) && $0.contains(b) }.count }
        #expect(overlap("NHS shielding list", "Adult social care") > 0)
        #expect(overlap("Children's services", "School attendance") > 0)
        #expect(overlap("Helpline call log", "Food bank referrals") > 0)
    }

    @Test func repeatCallersAppearMoreThanOnce() {
        var calls: [String: Int] = [:]
        for record in Fixture.records where record["source"] == "Helpline call log" { calls[record["person_id"]!, default: 0] += 1 }
        #expect(calls.values.contains { $0 > 1 })
    }

    @Test func householdsShareAddressPostcodeAndMostlySurname() {
        var members: [String: [[String: String]]] = [:]
        for person in Fixture.people { members[person["household_id"]!, default: []].append(person) }
        var families = 0
        var sharedSurname = 0
        for household in Fixture.households {
            let people = members[household["household_id"]!] ?? []
            #expect(people.count == Int(household["size"]!))
            #expect(people.allSatisfy { $0["address"] == household["address"] && $0["postcode"] == household["postcode"] })
            if people.count > 1, household["composition"] != "house share" {
                families += 1
                if Set(people.map { $0["family_name"]! }).count == 1 { sharedSurname += 1 }
                let landlines = Set(people.map { $0["landline"]! })
                #expect(landlines.count == 1, "a household shares one landline")
            }
        }
        #expect(Double(sharedSurname) / Double(families) > 0.6)
    }

    @Test func hardCasesArePresent() {
        let borough = Borough(configuration: BoroughConfiguration(people: 5_000, seed: 3))
        var twins = 0
        var juniors = 0
        for household in borough.households {
            let people = household.members.map { borough.residents[$0] }
            let children = people.filter { $0.role == .child }
            for (i, a) in children.enumerated() {
                for b in children[(i + 1)...] where a.dateOfBirth == b.dateOfBirth {
                    twins += 1
                    #expect(a.givenName != b.givenName, "twins need different first names")
                    #expect(a.familyName == b.familyName || a.sex != b.sex)
                }
            }
            if let father = people.first, father.sex == .male,
                children.contains(where: { $0.givenName == father.givenName && $0.sex == .male })
            {
                juniors += 1
            }
        }
        #expect(twins > 0, "no twins")
        #expect(juniors > 0, "no father and son sharing a first name")
        #expect(borough.residents.contains { $0.familyName != $0.birthFamilyName && $0.recentlyMarried })
        #expect(borough.households.contains { $0.previousAddress != nil })
    }

    @Test func someListsHoldMaidenNamesAndOldAddresses() {
        var people: [String: [String: String]] = [:]
        for person in Fixture.people { people[person["person_id"]!] = person }
        let borough = Borough(configuration: BoroughConfiguration(people: 8_000, seed: 5))
        let tables = BoroughGenerator.makeLists(borough)
        var maiden = 0
        var oldPostcode = 0
        for table in tables {
            guard let surnameColumn = table.header.firstIndex(where: { ["Surname", "Last Name", "Caller Surname"].contains($0) }),
                let postcodeColumn = table.header.firstIndex(where: { ["Postcode", "Post Code"].contains($0) })
            else { continue }
            for (row, index) in zip(table.rows, table.people) {
                let person = borough.residents[index]
                let household = borough.households[person.household]
                if case .text(let surname) = row[surnameColumn], person.familyName != person.birthFamilyName,
                    nameKey(surname) == nameKey(person.birthFamilyName)
                {
                    maiden += 1
                }
                if case .text(let postcode) = row[postcodeColumn], let previous = household.previousAddress,
                    nameKey(postcode) == nameKey(previous.postcode)
                {
                    oldPostcode += 1
                }
            }
        }
        #expect(maiden > 0, "no list holds a married woman under her birth name")
        #expect(oldPostcode > 0, "no list holds a mover's previous postcode")
    }

    @Test func namesReflectTheBoroughsDiversity() {
        let heritages = Set(Fixture.people.map { $0["heritage"]! })
        for expected in ["White British", "Irish", "Polish", "Pakistani", "Indian", "Bangladeshi", "Somali", "Nigerian", "Caribbean"] {
            #expect(heritages.contains(expected), "no \(expected) residents")
        }
        let whiteBritish = Fixture.people.filter { $0["heritage"] == "White British" }.count
        #expect(Double(whiteBritish) / Double(Fixture.people.count) > 0.35)
        #expect(Double(whiteBritish) / Double(Fixture.people.count) < 0.8)
    }
}
