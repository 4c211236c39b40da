import Foundation
import KithSpreadsheet

/// Writes four partner lists of generated residents for the linkage benchmark: people in households (shared
/// surname, address, postcode and often phone), each appearing in one or more lists with the usual mess — typos,
/// nicknames, swapped day and month, missing values — and a fifth, small "this week's list" for the incremental run.
///
/// Names come from a few hundred common given names and surnames plus invented ones, so that name frequencies
/// look like a borough's: many Smiths, few of most names.
struct LinkBenchmarkData {
    let records: Int
    var state: UInt64 = 0x5EED

    static let givenNames = [
        "Oliver", "George", "Harry", "Jack", "Jacob", "Noah", "Charlie", "Muhammad", "Thomas", "Oscar", "William", "James",
        "Henry", "Leo", "Alfie", "Joshua", "Freddie", "Archie", "Ethan", "Isaac", "Alexander", "Joseph", "Edward", "Samuel",
        "Max", "Daniel", "Arthur", "Lucas", "Mohammed", "Logan", "Theo", "Harrison", "Benjamin", "Mason", "Sebastian",
        "Finley", "Adam", "Dylan", "Zachary", "Riley", "David", "John", "Michael", "Robert", "Peter", "Paul", "Stephen",
        "Andrew", "Mark", "Richard", "Christopher", "Anthony", "Kevin", "Gary", "Ian", "Wojciech", "Piotr", "Tomasz", "Adewale",
        "Chinedu", "Ahmed", "Ali", "Hassan", "Imran", "Bilal", "Ravi", "Sanjay", "Arjun", "Wei", "Jun",
        "Olivia", "Amelia", "Isla", "Ava", "Emily", "Isabella", "Mia", "Poppy", "Ella", "Lily", "Sophia", "Grace", "Evie",
        "Jessica", "Charlotte", "Ruby", "Sophie", "Chloe", "Freya", "Daisy", "Alice", "Phoebe", "Florence", "Ivy", "Sienna",
        "Margaret", "Patricia", "Susan", "Elizabeth", "Jennifer", "Sarah", "Karen", "Lisa", "Helen", "Deborah", "Julie",
        "Joanne", "Nicola", "Rachel", "Claire", "Zuzanna", "Agnieszka", "Katarzyna", "Aisha", "Fatima", "Ayesha", "Nasreen",
        "Priya", "Anjali", "Chioma", "Ngozi", "Amina", "Hodan", "Mei", "Xin",
    ]
    static let nicknames = [
        "William": "Bill", "Robert": "Bob", "Margaret": "Maggie", "Elizabeth": "Liz", "Michael": "Mike", "Richard": "Dick",
        "Patricia": "Pat", "Susan": "Sue", "Deborah": "Debbie", "Christopher": "Chris", "Anthony": "Tony", "Alexander": "Alex",
        "Joseph": "Joe", "Edward": "Ted", "Samuel": "Sam", "Benjamin": "Ben", "Daniel": "Dan", "Thomas": "Tom",
        "James": "Jim", "Jennifer": "Jenny", "Jessica": "Jess", "Charlotte": "Lottie", "Florence": "Flo", "Andrew": "Andy",
    ]
    static let surnames = [
        "Smith", "Jones", "Williams", "Taylor", "Brown", "Davies", "Evans", "Wilson", "Thomas", "Johnson", "Roberts",
        "Robinson", "Thompson", "Wright", "Walker", "White", "Edwards", "Hughes", "Green", "Hall", "Lewis", "Harris",
        "Clarke", "Patel", "Jackson", "Wood", "Turner", "Martin", "Cooper", "Hill", "Ward", "Morris", "Moore", "Clark",
        "Lee", "King", "Baker", "Harrison", "Morgan", "Allen", "James", "Scott", "Phillips", "Watson", "Davis", "Parker",
        "Price", "Bennett", "Young", "Griffiths", "Mitchell", "Kelly", "Cook", "Carter", "Richardson", "Bailey", "Collins",
        "Bell", "Shaw", "Murphy", "Miller", "Cox", "Richards", "Khan", "Marshall", "Anderson", "Simpson", "Ellis", "Adams",
        "Singh", "Begum", "Wilkinson", "Foster", "Chapman", "Powell", "Webb", "Rogers", "Gray", "Mason", "Ali", "Hunt",
        "Hussain", "Campbell", "Matthews", "Owen", "Palmer", "Holmes", "Mills", "Barnes", "Knight", "Lloyd", "Butler",
        "Russell", "Barker", "Fisher", "Stevens", "Jenkins", "Murray", "Dixon", "Harvey", "Ahmed", "Rahman", "Kowalski",
        "Nowak", "Wiśniewski", "Okafor", "Adeyemi", "Mohamed", "Chen", "Wang", "O'Neill", "Greenhalgh", "Ashworth",
    ]
    static let syllables = [
        "ash", "bar", "ber", "bro", "cal", "car", "dal", "den", "ell", "far", "gar", "ham", "hol", "ing", "kel", "lan",
        "ley", "mar", "mor", "nor", "ock", "pen", "ram", "ros", "sal", "sted", "ton", "ver", "wal", "wick", "worth", "yat",
    ]
    static let streets = [
        "High", "Church", "Mill", "Station", "Park", "Victoria", "Granville", "Heron", "Primrose", "Windsor", "Orchard",
        "Linden", "Bramble", "Sefton", "Warwick", "Blackthorn", "Hawthorn", "Railway", "Castle", "Tanners", "Belgrave",
        "Lowther", "Ribble", "Fern", "Pine", "Oak", "Elm", "Willow", "Cedar", "Maple", "Albert", "Queens", "Kings",
    ]
    static let streetTypes = ["Street", "Road", "Lane", "Avenue", "Drive", "Close", "Gardens", "Place", "Way", "Terrace"]

    struct Person {
        var given: String
        var family: String
        var birth: (Int, Int, Int)
        var sex: String
        var nhs: String
        var household: Int
    }

    struct Household {
        var number: Int
        var street: String
        var postcode: String
        var phone: String
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func int(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
    mutating func chance(_ p: Double) -> Bool { Double(next() >> 11) / Double(1 << 53) < p }
    mutating func pick<T>(_ array: [T]) -> T { array[int(array.count)] }

    mutating func surname() -> String {
        if chance(0.6) { return pick(Self.surnames) }
        let name = pick(Self.syllables) + pick(Self.syllables) + (chance(0.5) ? pick(Self.syllables) : "")
        return name.prefix(1).uppercased() + name.dropFirst()
    }

    /// Writes the four lists and the weekly list; returns their URLs. With `stacked`, also writes the four lists' records
    /// into that one file in Splink's input columns (``stackedHeader``), the same records in the same order, with the
    /// person each record really is as `person_id` (which Splink never reads).
    mutating func write(to folder: URL, newRecords: Int, stacked: URL? = nil) throws -> (lists: [URL], weekly: URL) {
        // About 1.6 records per person across the four lists.
        let peopleCount = records * 10 / 16
        var people: [Person] = []
        var households: [Household] = []
        people.reserveCapacity(peopleCount)
        while people.count < peopleCount {
            let household = Household(
                number: int(200) + 1, street: pick(Self.streets) + " " + pick(Self.streetTypes),
                postcode: "HY\(int(9) + 1) \(int(9))\(String(UnicodeScalar(UInt8(65 + int(26)))))\(String(UnicodeScalar(UInt8(65 + int(26)))))",
                phone: "07700 " + String(format: "%06d", int(1_000_000))
            )
            households.append(household)
            let family = surname()
            let size = [1, 1, 2, 2, 2, 3, 3, 4, 4, 5][int(10)]
            let parentYear = 1940 + int(60)
            for member in 0..<size {
                let year = member < 2 ? parentYear + int(5) : parentYear + 20 + int(20)
                let twin = member == 3 && chance(0.05)
                let birth = twin ? people[people.count - 1].birth : (year, int(12) + 1, int(28) + 1)
                people.append(
                    Person(
                        given: pick(Self.givenNames), family: member == 1 && chance(0.2) ? surname() : family, birth: birth,
                        sex: chance(0.5) ? "F" : "M", nhs: Self.nhsNumber(people.count), household: households.count - 1
                    )
                )
            }
        }
        let headers = [
            ["NHS Number", "Forename", "Surname", "Date of Birth", "Sex", "Address Line 1", "Postcode", "Telephone"],
            ["Client ID", "First Name", "Last Name", "DOB", "Gender", "Address", "Post Code", "Phone"],
            ["Ref", "Given Name", "Family Name", "Birth Date", "Sex", "Address", "Postcode", "Mobile"],
            ["Call ID", "Caller First Name", "Caller Surname", "Date of Birth", "Sex", "Address", "Postcode", "Contact Number"],
        ]
        let shares = [0.40, 0.25, 0.20, 0.15]
        var lists: [URL] = []
        let stackedWriter = try stacked.map { try CSVWriter(url: $0) }
        try stackedWriter?.appendRow(Self.stackedHeader)
        for (index, share) in shares.enumerated() {
            let url = folder.appendingPathComponent("link-list-\(index + 1).csv")
            try writeList(
                url, header: headers[index], count: Int(Double(records) * share), people: people, households: households, list: index,
                stacked: stackedWriter
            )
            lists.append(url)
        }
        try stackedWriter?.finish()
        let weekly = folder.appendingPathComponent("link-weekly.csv")
        try writeList(weekly, header: headers[3], count: newRecords, people: people, households: households, list: 3, stacked: nil)
        return (lists, weekly)
    }

    /// Splink's input columns, as `Benchmarks/reference/splink_peer.py` reads them.
    static let stackedHeader = [
        "record_id", "person_id", "source_system", "first_name", "surname", "dob", "sex", "postcode", "address_line1", "phone",
        "email", "nhs_number",
    ]

    private mutating func writeList(
        _ url: URL, header: [String], count: Int, people: [Person], households: [Household], list: Int, stacked: CSVWriter?
    ) throws {
        let writer = try CSVWriter(url: url)
        try writer.appendRow(header)
        for row in 0..<count {
            let personIndex = int(people.count)
            let person = people[personIndex]
            let home = households[person.household]
            var given = person.given
            if chance(0.03), let short = Self.nicknames[given] { given = short }
            if chance(0.02) { given = typo(given) }
            var family = person.family
            if chance(0.02) { family = typo(family) }
            var (year, month, day) = person.birth
            if chance(0.01), day <= 12 { swap(&month, &day) }
            if chance(0.01) { day = day % 28 + 1 }
            let birth = chance(0.03) ? "" : String(format: "%02d/%02d/%04d", day, month, year)
            let id = list == 0 ? (chance(0.05) ? "" : person.nhs) : url.deletingPathExtension().lastPathComponent + "-" + String(row)
            // Drawn in the order the row's cells have always drawn them, so the lists stay as they were.
            let address = "\(home.number) \(chance(0.1) ? home.street.replacingOccurrences(of: "Street", with: "St") : home.street)"
            let postcode = chance(0.03) ? "" : home.postcode
            let phone = chance(0.4) ? "" : home.phone
            try writer.appendRow([id, given, family, birth, person.sex, address, postcode, phone])
            try stacked?.appendRow([
                "\(list + 1)-\(row)", String(personIndex), "List \(list + 1)", given, family,
                birth.isEmpty ? "" : String(format: "%04d-%02d-%02d", year, month, day), person.sex, postcode, address, phone, "",
                list == 0 ? id : "",
            ])
        }
        try writer.finish()
    }

    private mutating func typo(_ text: String) -> String {
        var characters = Array(text)
        guard characters.count > 3 else { return text }
        let position = 1 + int(characters.count - 2)
        if chance(0.5) { characters.swapAt(position, position - 1) } else { characters.remove(at: position) }
        return String(characters)
    }

    static func nhsNumber(_ index: Int) -> String {
        BenchmarkData.nhsNumber(index)
    }
}
