import Foundation
import KithSpreadsheet
import KithTestSupport
import Testing

@testable import KithLinkage

/// The failure seen at a million records, reproduced at a size a test can link: a small pool of names and dates of
/// birth crowded into two years, so that each date of birth is shared by as many strangers as at a million records
/// (about thirty), many strangers share a full name, and households share a surname, an address and a phone.
///
/// There, expectation maximisation took strangers who share a date of birth and a surname for a second kind of
/// match and linked `Nigel Kelly 2016-09-21` with `Raymond Cole 2016-09-21`, and brothers at one address.
struct CrowdedBoroughTests {
    static let female = ["Olivia", "Amelia", "Emily", "Sophie", "Jessica", "Grace", "Lily", "Chloe", "Sarah", "Emma", "Hannah", "Laura"]
    static let male = ["Oliver", "Jack", "Harry", "George", "Thomas", "James", "William", "Daniel", "Joshua", "Samuel", "Craig", "Duncan"]
    static let family = ["Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Wright", "Kelly", "Cole", "Young", "Khan", "Patel"]

    struct Borough {
        var records: [PersonRecord] = []
        var person: [Int] = []
        var household: [Int] = []
    }

    /// About 6,000 records of 3,700 people; three lists, two with NHS numbers (so about 1,500 pairs share one).
    static func borough() -> Borough {
        var generator = SplitMix64(seed: 1_000_000)
        var borough = Borough()
        var people = 0
        let start = CivilDate(year: 2015, month: 1, day: 1)!.daysSinceEpoch
        for home in 0..<1_500 {
            let surname = family.randomElement(using: &generator)!
            let address = "\(home % 100 + 1) \(["Oak", "Elm", "Mill", "Park", "High"][home / 100 % 5]) \(["Road", "Street", "Lane"][home / 500])"
            let postcode =
                "HY\(home % 9 + 1) \(home / 9 % 10)\(["A", "B", "D", "E", "F"][home / 90 % 5])\(["G", "H", "J", "L", "N", "P", "Q"][home % 7])"
            let phone = "07700 9" + String(format: "%05d", home)
            var givenNames = Set<String>()
            for _ in 0..<Int.random(in: 1...5, using: &generator) {
                let sex = Bool.random(using: &generator)
                var given: String
                repeat { given = (sex ? female : male).randomElement(using: &generator)! } while givenNames.contains(given)
                givenNames.insert(given)
                let born = CivilDate(daysSinceEpoch: start + Int.random(in: 0..<730, using: &generator))
                let nhs = SyntheticResidents.nhsNumber(using: &generator)
                let person = people
                people += 1
                for (list, chance) in [("shielding", 0.7), ("social-care", 0.6), ("helpline", 0.5)] {
                    guard Double.random(in: 0..<1, using: &generator) < chance else { continue }
                    var record = PersonRecord(key: "\(list):\(person)", source: list)
                    record.givenName =
                        Double.random(in: 0..<1, using: &generator) < 0.03
                        ? SyntheticResidents.swapLetters(given, using: &generator) : given
                    record.familyName = surname
                    record.birthDate = list == "helpline" && Double.random(in: 0..<1, using: &generator) < 0.3 ? nil : born
                    record.sex = sex ? "F" : "M"
                    record.nhsNumber = list == "helpline" ? nil : nhs
                    record.address = address
                    record.postcode = postcode
                    record.phone = Double.random(in: 0..<1, using: &generator) < 0.7 ? phone : nil
                    borough.records.append(record)
                    borough.person.append(person)
                    borough.household.append(home)
                }
            }
        }
        return borough
    }

    @Test func linksNoStrangersAndNoHouseholdMembersWhenNamesAndBirthdaysAreCrowded() {
        let borough = Self.borough()
        let result = Linker().link(borough.records)
        var automatic = 0, wrong = 0, householdMembers = 0, birthdayOnly = 0
        for pair in result.pairs where pair.decision == .linked && pair.reason == nil {
            automatic += 1
            let left = Int(pair.left), right = Int(pair.right)
            guard borough.person[left] != borough.person[right] else { continue }
            wrong += 1
            if borough.household[left] == borough.household[right] { householdMembers += 1 }
            if pair.levels[.givenName] == LinkageField.givenName.differentLevel,
                pair.levels[.familyName] == LinkageField.familyName.differentLevel
            {
                birthdayOnly += 1
            }
        }
        #expect(automatic > 500)
        #expect(Double(wrong) / Double(automatic) < 0.01, "\(wrong) of \(automatic) automatic links join different people")
        #expect(householdMembers == 0)
        #expect(birthdayOnly == 0)
        #expect(result.report.training?.warnings == [])
        #expect(result.report.training?.mSource == "pairs sharing an NHS number or UPN")
    }

    @Test func expectsAboutAsManyMatchesAsThereAre() throws {
        let borough = Self.borough()
        var options = LinkageOptions()
        options.minimumProbability = 0
        let result = Linker(options: options).link(borough.records)
        let training = try #require(result.report.training)
        var trueAmongCandidates = 0
        for pair in result.pairs where borough.person[Int(pair.left)] == borough.person[Int(pair.right)] { trueAmongCandidates += 1 }
        let trueShare = Double(trueAmongCandidates) / Double(training.candidatePairs)
        #expect(abs(training.candidateMatchShare - trueShare) < 0.25 * trueShare, "model \(training.candidateMatchShare), truth \(trueShare)")
    }
}
