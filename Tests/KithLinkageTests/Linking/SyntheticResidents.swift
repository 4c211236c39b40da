import Foundation
import KithSpreadsheet
import KithTestSupport

@testable import KithLinkage

/// A small, deterministic borough for linkage tests: households of two to four people sharing a surname, an address,
/// a postcode and a phone, each person on one to three partner lists with the small typos lists have.
///
/// Every record's ``Resident/id`` says which person it really is, so tests can check the engine's persons.
struct SyntheticResidents {
    /// One person as they really are.
    struct Resident: Sendable {
        var id: Int
        var household: Int
        var givenName: String
        var familyName: String
        var birthDate: CivilDate
        var sex: String
        var nhsNumber: String?
        var address: String
        var postcode: String
        var phone: String

        /// The person as a list would hold them, without typos.
        func record(key: String, source: String) -> PersonRecord {
            PersonRecord(
                key: key, source: source, givenName: givenName, familyName: familyName, birthDate: birthDate, sex: sex,
                nhsNumber: source == "gp" ? nhsNumber : nil, postcode: postcode, address: address, phone: phone
            )
        }
    }

    static let femaleNames = [
        "Olivia", "Amelia", "Isla", "Ava", "Mia", "Ivy", "Lily", "Isabella", "Rosie", "Sophia", "Grace", "Willow", "Freya",
        "Florence", "Emily", "Ella", "Poppy", "Evie", "Elsie", "Charlotte", "Aisha", "Fatima", "Zainab", "Priya", "Anita",
        "Chloe", "Hannah", "Megan", "Bethan", "Siobhan", "Agnieszka", "Katarzyna", "Ngozi", "Adaeze", "Mariam", "Layla",
    ]
    static let maleNames = [
        "Noah", "Oliver", "George", "Arthur", "Muhammad", "Leo", "Harry", "Oscar", "Archie", "Henry", "Theodore", "Freddie",
        "Jack", "Charlie", "Theo", "Alfie", "Jacob", "Thomas", "Finley", "Arlo", "Rhys", "Dylan", "Owen", "Tariq", "Imran",
        "Sanjay", "Rajesh", "Piotr", "Krzysztof", "Chinedu", "Emeka", "Kwame", "Yusuf", "Omar", "Callum", "Declan",
    ]
    static let surnames = [
        "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Patel", "Robinson", "Wright",
        "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall", "Thomas", "Clarke", "Jackson", "Wood", "Harris",
        "Edwards", "Turner", "Martin", "Cooper", "Hill", "Ward", "Hughes", "Moore", "Clark", "King", "Harrison", "Lewis",
        "Baker", "Lee", "Allen", "Morris", "Khan", "Scott", "Watson", "Davis", "Parker", "James", "Bennett", "Young",
        "Phillips", "Richardson", "Mitchell", "Bailey", "Carter", "Cook", "Singh", "Shaw", "Bell", "Collins", "Morgan",
        "Kelly", "Begum", "Miller", "Cox", "Hussain", "Marshall", "Simpson", "Price", "Anderson", "Adams", "Wilkinson",
        "Ali", "Ahmed", "Foster", "Ellis", "Murphy", "Chapman", "Mason", "Gray", "Richards", "Webb", "Griffiths", "Hunt",
        "Palmer", "Campbell", "Holmes", "Mills", "Rogers", "Barnes", "Knight", "Matthews", "Barker", "Powell", "Stevens",
        "Kaur", "Fisher", "Butler", "Dixon", "Russell", "Harvey", "Pearson", "Graham", "Kowalski", "Nowak", "Okafor",
        "Mensah", "Nguyen", "Ahmadi", "Rahman", "Chowdhury", "Sharma", "Gill", "Reid", "Fraser", "Byrne", "Doyle",
    ]
    static let streets = [
        "Granville", "Oak", "Elm", "Birch", "Station", "Church", "Victoria", "Albert", "Mill", "Park", "Kings", "Queens",
        "Manor", "Chapel", "Meadow", "Orchard", "Springfield", "Highfield", "Windsor", "York", "Clarence", "Alexandra",
        "Beech", "Cedar", "Willow", "Ash", "Hawthorn", "Rowan", "Holly", "Laburnum",
    ]
    static let sources = ["council-tax", "school", "gp", "food-bank"]

    /// NHS numbers tests use for their own residents, never given to the borough's.
    static let reservedNHSNumbers: Set<String> = ["9434765919", "9434765870", "4010232137", "9876543210", "4505577104"]

    /// A valid NHS number (Modulus 11) from a seeded generator.
    static func nhsNumber(using generator: inout SplitMix64) -> String {
        while true {
            var digits = [Int.random(in: 4...9, using: &generator)]
            for _ in 0..<8 { digits.append(Int.random(in: 0...9, using: &generator)) }
            let sum = digits.enumerated().reduce(0) { $0 + $1.element * (10 - $1.offset) }
            let check = 11 - sum % 11
            if check == 10 { continue }
            digits.append(check == 11 ? 0 : check)
            let number = digits.map(String.init).joined()
            if reservedNHSNumbers.contains(number) { continue }
            return number
        }
    }

    /// Households until at least `minimumRecords` records are listed; people and their records, each record with its
    /// person's id. The same seed gives the same borough.
    static func borough(minimumRecords: Int, seed: UInt64) -> (residents: [Resident], records: [PersonRecord], truth: [Int]) {
        var generator = SplitMix64(seed: seed)
        var residents: [Resident] = []
        var records: [PersonRecord] = []
        var truth: [Int] = []
        var surnamesLeft = surnames
        var household = 0
        var nhsNumbers = Set<String>()
        while records.count < minimumRecords {
            // One surname per household, never reused, so that two households are not mistaken for one.
            let family = surnamesLeft.remove(at: Int.random(in: 0..<surnamesLeft.count, using: &generator))
            let street = streets[household % streets.count]
            let address = "\(household / streets.count * 40 + Int.random(in: 1...39, using: &generator)) \(street) Road"
            let district = household % 9 + 1
            let letters = Array("ABDEFGHJLNPQRSTUWXYZ")
            let postcode = "HY\(district) \(household % 10)\(letters[household % letters.count])\(letters[(household / 3) % letters.count])"
            let phone = "07700 9\(String(format: "%05d", 10_000 + household * 7))"
            let members = Int.random(in: 2...4, using: &generator)
            var usedGiven = Set<String>()
            var usedBirthYears = Set<Int>()
            for member in 0..<members {
                let isAdult = member < min(2, members - 1)
                let sex = Bool.random(using: &generator) ? "F" : "M"
                var given: String
                repeat {
                    given = (sex == "F" ? femaleNames : maleNames).randomElement(using: &generator)!
                } while usedGiven.contains(given)
                usedGiven.insert(given)
                var year: Int
                repeat {
                    year = isAdult ? Int.random(in: 1960...1992, using: &generator) : Int.random(in: 2004...2020, using: &generator)
                } while usedBirthYears.contains(year)
                usedBirthYears.insert(year)
                let born = CivilDate(year: year, month: Int.random(in: 1...12, using: &generator), day: Int.random(in: 1...28, using: &generator))!
                var nhs: String?
                if Double.random(in: 0..<1, using: &generator) < 0.6 {
                    var number: String
                    repeat { number = nhsNumber(using: &generator) } while nhsNumbers.contains(number)
                    nhsNumbers.insert(number)
                    nhs = number
                }
                let resident = Resident(
                    id: residents.count, household: household, givenName: given, familyName: family, birthDate: born, sex: sex,
                    nhsNumber: nhs, address: address, postcode: postcode, phone: phone
                )
                residents.append(resident)
                let listed = sources.shuffled(using: &generator).prefix(Int.random(in: 1...3, using: &generator))
                for source in listed {
                    records.append(noisy(resident, key: "\(source):\(resident.id)", source: source, using: &generator))
                    truth.append(resident.id)
                }
            }
            household += 1
        }
        return (residents, records, truth)
    }

    /// The person as a list holds them: now and then a letter swapped, a day mistyped, a street type abbreviated,
    /// a phone or postcode left out.
    static func noisy(_ resident: Resident, key: String, source: String, using generator: inout SplitMix64) -> PersonRecord {
        var record = resident.record(key: key, source: source)
        if Double.random(in: 0..<1, using: &generator) < 0.12 { record.givenName = swapLetters(resident.givenName, using: &generator) }
        if Double.random(in: 0..<1, using: &generator) < 0.08 { record.familyName = swapLetters(resident.familyName, using: &generator) }
        if Double.random(in: 0..<1, using: &generator) < 0.05 {
            let date = resident.birthDate
            record.birthDate = CivilDate(year: date.year, month: date.month, day: date.day % 28 + 1)
        }
        if Double.random(in: 0..<1, using: &generator) < 0.3 { record.address = resident.address.replacingSuffix(" Road", with: " Rd") }
        if Double.random(in: 0..<1, using: &generator) < 0.3 { record.phone = nil }
        if Double.random(in: 0..<1, using: &generator) < 0.1 { record.postcode = nil }
        if Double.random(in: 0..<1, using: &generator) < 0.2 { record.sex = nil }
        return record
    }

    /// Two neighbouring letters after the first swapped: `Olivia` → `Oilvia`.
    static func swapLetters(_ name: String, using generator: inout SplitMix64) -> String {
        var letters = Array(name)
        guard letters.count >= 4 else { return name }
        let index = Int.random(in: 1..<(letters.count - 1), using: &generator)
        letters.swapAt(index, index + 1)
        return String(letters)
    }
}

extension String {
    fileprivate func replacingSuffix(_ suffix: String, with replacement: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) + replacement : self
    }
}

extension LinkageResult {
    /// Every record's person id, by record key.
    var personIDsByKey: [String: String] {
        var ids: [String: String] = [:]
        for (index, key) in state.records.keys.enumerated() { ids[key] = state.personID(ofRecord: index) }
        return ids
    }

    /// The person id of the record with this key.
    func personID(of key: String) -> String? {
        state.records.keys.firstIndex(of: key).map { state.personID(ofRecord: $0) }
    }
}
