import Foundation
import KithSpreadsheet

/// Generates four partner lists of a large borough, with their truth, for measuring linkage at the sizes councils
/// run (100,000 to 1,000,000 records and more), in seconds rather than the minutes ``BoroughGenerator``'s richer
/// lists and workbooks take.
///
/// The lists are what makes linkage hard at scale: an NHS shielding list, adult social care clients, helpline
/// callers and a school roll, each with its own headers and date style; households sharing surname, address and
/// phone (siblings a few years apart, twins); women who changed surname on marriage; households that moved, with
/// older lists holding the old address and phone and the helpline often holding no date of birth; typos,
/// nicknames, swapped day and month, missing and mistyped NHS numbers. With ``NamePool/small`` a few dozen given
/// names and surnames are shared by everyone, so at a million records thousands of strangers share a full name
/// and hundreds share a name and a date of birth.
///
/// Writes `lists/shielding.csv`, `lists/adult-social-care.csv`, `lists/helpline.csv`, `lists/school-roll.csv`
/// and `truth/records.csv` (`file,row_number,person_id,household_id`, the format ``BoroughGenerator`` writes), and
/// with `stacked` also `stacked.csv`: every record in one file with Splink's input columns (`record_id,
/// person_id, source_system, first_name, surname, dob, sex, postcode, address_line1, phone, email, nhs_number`).
///
/// ```swift
/// let lists = try LinkageBorough(records: 1_000_000, names: .small, seed: 1).write(to: folder)
/// ```
public struct LinkageBorough: Sendable {
    /// Where names come from.
    public enum NamePool: String, CaseIterable, Sendable {
        /// Names by heritage and period of birth, as ``BoroughGenerator`` gives them, with a long tail of rarer
        /// surnames: about how often names repeat in an English borough.
        case realistic
        /// Twenty-four given names for each sex and thirty surnames: many strangers share a name.
        case small
    }

    /// Records wanted across the four lists (the lists come within a few per cent of it).
    public var records: Int
    public var names: NamePool
    public var seed: UInt64
    /// Also write `stacked.csv` for Splink.
    public var stacked = false
    /// The day the lists were extracted.
    public var extractDate = CivilDate(year: 2026, month: 11, day: 16)!

    public init(records: Int, names: NamePool = .realistic, seed: UInt64 = 1, stacked: Bool = false) {
        self.records = records
        self.names = names
        self.seed = seed
        self.stacked = stacked
    }

    /// The files of a borough written to a folder.
    public struct Files: Sendable {
        public var lists: [URL]
        public var truth: URL
        public var stacked: URL?
        public var records: Int
        public var people: Int
    }

    /// Writes the lists and the truth into `directory`.
    public func write(to directory: URL) throws -> Files {
        var population = Population(seed: seed, names: names, extractDate: extractDate)
        population.build(people: max(records * 3 / 5, 10))
        let lists = directory.appendingPathComponent("lists", isDirectory: true)
        let truthFolder = directory.appendingPathComponent("truth", isDirectory: true)
        try FileManager.default.createDirectory(at: lists, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: truthFolder, withIntermediateDirectories: true)
        let truth = try CSVWriter(url: truthFolder.appendingPathComponent("records.csv"))
        try truth.appendRow(["file", "row_number", "person_id", "household_id"])
        let stackedURL = stacked ? directory.appendingPathComponent("stacked.csv") : nil
        let stackedWriter = try stackedURL.map { try CSVWriter(url: $0) }
        try stackedWriter?.appendRow([
            "record_id", "person_id", "source_system", "first_name", "surname", "dob", "sex", "postcode",
            "address_line1", "phone", "email", "nhs_number",
        ])
        var files: [URL] = []
        var written = 0
        for kind in ListKind.allCases {
            let url = lists.appendingPathComponent(kind.fileName)
            let members = population.members(of: kind, records: Int(Double(records) * kind.share))
            var noise = Noise(seed: seed, stream: "linkage." + kind.fileName, rates: kind.rates)
            let writer = try CSVWriter(url: url)
            try writer.appendRow(kind.header)
            for (index, member) in members.enumerated() {
                let row = population.row(for: member, in: kind, number: index + 1, noise: &noise)
                try writer.appendRow(row.fields)
                let person = population.people[member]
                try truth.appendRow([kind.fileName, String(index + 2), "P\(member + 1)", "H\(person.household + 1)"])
                try stackedWriter?.appendRow([
                    kind.fileName + ":" + String(index + 2), "P\(member + 1)", kind.rawValue, row.given, row.family,
                    row.birth?.description ?? "", row.sex, row.postcode, row.address, row.phone, "", row.nhs,
                ])
            }
            try writer.finish()
            files.append(url)
            written += members.count
        }
        try truth.finish()
        try stackedWriter?.finish()
        return Files(
            lists: files, truth: truthFolder.appendingPathComponent("records.csv"), stacked: stackedURL, records: written,
            people: population.people.count
        )
    }
}

// MARK: - Lists

extension LinkageBorough {
    enum ListKind: String, CaseIterable {
        case shielding, adultSocialCare, helpline, schoolRoll

        var fileName: String {
            switch self {
            case .shielding: "shielding.csv"
            case .adultSocialCare: "adult-social-care.csv"
            case .helpline: "helpline.csv"
            case .schoolRoll: "school-roll.csv"
            }
        }

        /// The list's share of all records.
        var share: Double {
            switch self {
            case .shielding: 0.27
            case .adultSocialCare: 0.2
            case .helpline: 0.3
            case .schoolRoll: 0.23
            }
        }

        var header: [String] {
            switch self {
            case .shielding:
                ["NHS Number", "Forename", "Surname", "Date of Birth", "Sex", "Address Line 1", "Postcode", "Telephone"]
            case .adultSocialCare:
                ["Client ID", "NHS No", "First Name", "Last Name", "DOB", "Gender", "Address", "Post Code", "Phone"]
            case .helpline:
                ["Call Ref", "Caller First Name", "Caller Surname", "Date of Birth", "Address", "Postcode", "Contact Number"]
            case .schoolRoll:
                ["UPN", "Legal Forename", "Legal Surname", "DOB", "Gender", "Address", "Postcode", "Parent Phone"]
            }
        }

        var rates: NoiseRates {
            var rates = NoiseRates()
            rates.typo = 0.02
            rates.nickname = 0.04
            rates.initialOnly = 0.005
            rates.allCaps = 0.03
            rates.outerSpaces = 0.01
            rates.postcodeWithoutSpace = 0.05
            rates.postcodeMissing = 0.03
            rates.streetAbbreviated = 0.1
            rates.dateSwapped = 0.01
            rates.dateMistyped = 0.01
            rates.nhsSpaced = 0.2
            rates.phoneStyles = [4, 2, 1, 1, 1, 0.5, 0.5]
            switch self {
            case .shielding:
                rates.nhsMissing = 0.02
                rates.nhsDigitWrong = 0.005
                rates.nhsTransposed = 0.003
                rates.nhsPlaceholder = 0.002
                rates.maidenName = 0.3
                rates.oldAddress = 0.5
            case .adultSocialCare:
                rates.nhsMissing = 0.3
                rates.nhsDigitWrong = 0.005
                rates.nhsTransposed = 0.003
                rates.maidenName = 0.4
                rates.oldAddress = 0.6
                rates.dateMissing = 0.01
            case .helpline:
                rates.nickname = 0.12
                rates.typo = 0.04
                rates.dateMissing = 0.35
                rates.postcodeMissing = 0.1
                rates.oldAddress = 0.2
            case .schoolRoll:
                rates.nickname = 0
                rates.initialOnly = 0
                rates.oldAddress = 0.1
            }
            return rates
        }
    }

    /// One list row and the fields Splink reads.
    struct Row {
        var fields: [String]
        var given = ""
        var family = ""
        var birth: CivilDate?
        var sex = ""
        var postcode = ""
        var address = ""
        var phone = ""
        var nhs = ""
    }
}

// MARK: - People

extension LinkageBorough {
    struct Person {
        var given: String
        var family: String
        /// The surname before marriage, for women who changed it.
        var birthFamily: String?
        var sex: Sex
        var birth: CivilDate
        var household: Int
        var nhs: String
        var upn: String?
        var need: Double
        var mobile: String?
    }

    struct Home {
        var address: String
        var postcode: String
        var phone: String?
        var previousAddress: String?
        var previousPostcode: String?
        var previousPhone: String?
    }

    struct Population {
        var random: RandomSource
        let names: NamePool
        let extractDate: CivilDate
        var people: [Person] = []
        var homes: [Home] = []
        /// Streets with their postcode district and sector, and their place among the sector's streets.
        var streets: [(name: String, district: Int, sector: Int, ordinal: Int)] = []
        var nhsIndex = 0
        /// Where the household being built starts in ``people``.
        var firstOfHousehold = 0

        init(seed: UInt64, names: NamePool, extractDate: CivilDate) {
            random = RandomSource(seed: seed, stream: "linkage.population")
            self.names = names
            self.extractDate = extractDate
        }

        mutating func build(people target: Int) {
            people.reserveCapacity(target + 8)
            // About 40 homes a street, 15 a postcode unit, 3,000 people a postcode sector, 30,000 a district.
            let streetCount = max(target / 90, 4)
            let districts = max(target / 30_000, 1)
            for index in 0..<streetCount {
                let name = random.pick(LinkageNames.streetStems) + " " + random.pick(LinkageNames.streetTypes)
                let qualified = name + (index >= 400 ? " " + LinkageNames.streetQualifier(index / 400) : "")
                streets.append((qualified, index % districts + 1, index / districts % 10, index / (districts * 10)))
            }
            while people.count < target {
                addHousehold()
            }
        }

        private mutating func newHome() -> Home {
            let street = random.below(streets.count)
            let number = 1 + random.below(120)
            let (name, district, sector, ordinal) = streets[street]
            let flat = random.chance(0.12) ? "Flat \(1 + random.below(8)), " : ""
            // A postcode unit is one stretch of one street (fifteen house numbers), as in the real thing.
            let letters = LinkageNames.unitLetters
            let unit = (ordinal * 8 + number / 15) % (letters.count * letters.count)
            let postcode = "HY\(district) \(sector)\(letters[unit / letters.count])\(letters[unit % letters.count])"
            let phone: String? = random.chance(0.75) ? (random.chance(0.5) ? "01632 " : "07700 ") + zeroPad(random.below(1_000_000), width: 6) : nil
            return Home(address: "\(flat)\(number) \(name)", postcode: postcode, phone: phone)
        }

        private mutating func addHousehold() {
            var home = newHome()
            if random.chance(0.08) {
                let old = newHome()
                home.previousAddress = old.address
                home.previousPostcode = old.postcode
                home.previousPhone = random.chance(0.5) ? old.phone : home.phone
            }
            let household = homes.count
            homes.append(home)
            firstOfHousehold = people.count
            let heritage = Heritage.allCases[random.weightedIndex(Heritage.allCases.map(\.weight))]
            let familyName = surname(heritage)
            let need = random.unit() * random.unit()
            let year = extractDate.year
            switch random.weightedIndex([30, 33, 15, 13, 6, 3]) {
            case 0:
                add(adult: year - 18 - random.below(75), family: familyName, heritage: heritage, household: household, need: need)
            case let size:
                let parentYear = year - 22 - random.below(size == 1 ? 70 : 30)
                let first = add(adult: parentYear, family: familyName, heritage: heritage, household: household, need: need)
                let loneParent = size >= 2 && random.chance(0.2)
                if !loneParent {
                    add(
                        adult: parentYear + random.below(7) - 3, family: familyName, heritage: heritage, household: household,
                        need: need, partnerOf: first
                    )
                }
                var childYear = max(parentYear + 22 + random.below(10), year - 17)
                for _ in 0..<(loneParent ? size : size - 1) where childYear <= year {
                    let twin = random.chance(0.03)
                    let child = addChild(year: childYear, family: familyName, heritage: heritage, household: household, need: need)
                    if twin {
                        addChild(year: childYear, family: familyName, heritage: heritage, household: household, need: need, twinOf: child)
                    }
                    childYear += 1 + random.below(4)
                }
            }
        }

        @discardableResult
        private mutating func add(
            adult year: Int, family: String, heritage: Heritage, household: Int, need: Double, partnerOf partner: Int? = nil
        ) -> Int {
            let sex: Sex = partner.map { people[$0].sex.opposite } ?? (random.chance(0.5) ? .female : .male)
            var familyName = family
            var birthFamily: String?
            if partner != nil, random.chance(0.15) {
                familyName = surname(heritage)
            } else if partner != nil, sex == .female {
                birthFamily = random.chance(0.1) ? surname(heritage) : nil
            }
            return append(
                Person(
                    given: givenName(heritage, sex: sex, year: year), family: familyName, birthFamily: birthFamily, sex: sex,
                    birth: birthday(year), household: household, nhs: "", upn: nil, need: min(1, need + random.unit() * 0.3),
                    mobile: random.chance(0.5) ? "07700 " + zeroPad(random.below(1_000_000), width: 6) : nil
                )
            )
        }

        @discardableResult
        private mutating func addChild(
            year: Int, family: String, heritage: Heritage, household: Int, need: Double, twinOf twin: Int? = nil
        ) -> Int {
            let sex: Sex = random.chance(0.5) ? .female : .male
            // Parents do not give two children one name; a few sons take their father's.
            let taken = Set(people[firstOfHousehold...].filter { $0.birth.year >= year - 16 }.map(\.given))
            var given = givenName(heritage, sex: sex, year: year)
            for _ in 0..<20 where taken.contains(given) { given = givenName(heritage, sex: sex, year: year) }
            if sex == .male, random.chance(0.03),
                let father = people[firstOfHousehold...].first(where: { $0.sex == .male && $0.birth.year < year - 16 })
            {
                given = father.given
            }
            let birth = twin.map { people[$0].birth } ?? birthday(year)
            // Unique by construction: the establishment and serial are the person's place in the borough.
            let upn: String? =
                (4...17).contains(extractDate.year - birth.year)
                ? UniquePupilNumber.make(
                    localAuthority: 999, establishment: 1000 + people.count / 1000, year: birth.year, serial: people.count % 1000
                )
                : nil
            return append(
                Person(
                    given: given, family: family, birthFamily: nil, sex: sex, birth: birth, household: household, nhs: "",
                    upn: upn, need: need, mobile: nil
                )
            )
        }

        private mutating func append(_ person: Person) -> Int {
            var person = person
            person.nhs = Self.nhsNumber(&nhsIndex)
            people.append(person)
            return people.count - 1
        }

        private mutating func birthday(_ year: Int) -> CivilDate {
            let start = CivilDate(year: year, month: 1, day: 1)!.daysSinceEpoch
            return CivilDate(daysSinceEpoch: start + random.below(CivilDate.isLeapYear(year) ? 366 : 365))
        }

        private mutating func givenName(_ heritage: Heritage, sex: Sex, year: Int) -> String {
            switch names {
            case .realistic: NameBank.givenName(heritage: heritage, sex: sex, birthYear: year, using: &random)
            case .small: random.pick(sex == .female ? LinkageNames.smallFemale : LinkageNames.smallMale)
            }
        }

        private mutating func surname(_ heritage: Heritage) -> String {
            switch names {
            case .small:
                return random.pick(LinkageNames.smallFamily)
            case .realistic:
                // Beyond the common names of each heritage, a long tail: in a real borough about half of residents
                // carry a surname shared by fewer than one in a thousand.
                if random.chance(0.45) { return NameBank.familyName(heritage: heritage, using: &random) }
                let parts = LinkageNames.surnameParts
                let name = random.pick(parts) + random.pick(parts) + (random.chance(0.3) ? random.pick(parts) : "")
                return name.prefix(1).uppercased() + name.dropFirst()
            }
        }

        /// A valid NHS number (Modulus 11), the next in a sequence that skips stems that cannot take a check digit.
        static func nhsNumber(_ index: inout Int) -> String {
            while true {
                let stem = 600_000_000 + index * 7
                index += 1
                var digits = String(stem).compactMap(\.wholeNumberValue)
                let sum = zip(digits, [10, 9, 8, 7, 6, 5, 4, 3, 2]).reduce(0) { $0 + $1.0 * $1.1 }
                var check = 11 - sum % 11
                if check == 11 { check = 0 }
                if check == 10 { continue }
                digits.append(check)
                return digits.map(String.init).joined()
            }
        }

        // MARK: Lists

        /// Who is on a list, drawn by need (and age) without repeats, then a few repeated rows: a duplicated
        /// client, a second call.
        mutating func members(of kind: ListKind, records: Int) -> [Int] {
            let today = extractDate
            var weights: [(index: Int, key: Double)] = []
            weights.reserveCapacity(people.count)
            for (index, person) in people.enumerated() {
                let age = today.year - person.birth.year
                let weight: Double
                switch kind {
                case .shielding: weight = age < 18 ? 0.15 * person.need : person.need * (0.3 + Double(min(age, 90)) / 60)
                case .adultSocialCare: weight = age < 18 ? 0 : person.need * person.need * (0.2 + Double(min(age, 95)) / 50)
                case .helpline: weight = age < 18 ? 0.05 * person.need : 0.2 + person.need
                case .schoolRoll: weight = (4...17).contains(age) && person.upn != nil ? 1 : 0
                }
                guard weight > 0 else { continue }
                // Efraimidis–Spirakis: the largest u^(1/w) are a weighted sample without replacement.
                weights.append((index, log(max(random.unit(), 1e-300)) / weight))
            }
            let repeats = kind == .helpline ? records / 6 : kind == .adultSocialCare ? records / 50 : 0
            let distinct = min(records - repeats, weights.count)
            weights.sort { $0.key > $1.key }
            var chosen = weights.prefix(distinct).map(\.index)
            for _ in 0..<min(repeats, chosen.count) { chosen.append(chosen[random.below(distinct)]) }
            random.shuffle(&chosen)
            return chosen
        }

        /// A person's row in a list, as that partner writes it.
        mutating func row(for index: Int, in kind: ListKind, number: Int, noise: inout Noise) -> Row {
            let person = people[index]
            let home = homes[person.household]
            let moved = home.previousAddress != nil && noise.random.chance(noise.rates.oldAddress)
            var given = noise.givenName(person.given)
            if noise.random.chance(noise.rates.typo) { given = Noise.typo(given, using: &noise.random) }
            var family = person.birthFamily.map { noise.random.chance(noise.rates.maidenName) ? $0 : person.family } ?? person.family
            if noise.random.chance(noise.rates.typo) { family = Noise.typo(family, using: &noise.random) }
            family = noise.decorate(family)
            let birth = noise.dateOfBirth(person.birth)
            let address = noise.street(moved ? home.previousAddress! : home.address)
            let postcode = noise.postcode(moved ? home.previousPostcode! : home.postcode)
            let rawPhone = kind == .schoolRoll ? home.phone : person.mobile ?? (moved ? home.previousPhone : home.phone)
            let phone = rawPhone.flatMap { noise.random.chance(kind == .helpline ? 0.9 : 0.6) ? noise.phone($0) : nil } ?? ""
            let nhs = noise.nhsNumber(person.nhs)
            var row = Row(fields: [], given: given, family: family, birth: birth, postcode: postcode, address: address, phone: phone)
            switch kind {
            case .shielding:
                row.sex = person.sex.letter
                row.nhs = nhs
                row.fields = [nhs, given, family, birth.map(Self.slashed) ?? "", row.sex, address, postcode, phone]
            case .adultSocialCare:
                row.sex = person.sex.word
                row.nhs = nhs
                row.fields = ["ASC" + zeroPad(number, width: 7), nhs, given, family, birth.map(Self.dashed) ?? "", row.sex, address, postcode, phone]
            case .helpline:
                row.fields = ["HL-" + String(number), given, family, birth.map(Self.short) ?? "", address, postcode, phone]
            case .schoolRoll:
                row.sex = person.sex.letter
                row.fields = [person.upn ?? "", given, family, birth?.description ?? "", row.sex, address, postcode, phone]
            }
            return row
        }

        static func slashed(_ date: CivilDate) -> String {
            zeroPad(date.day, width: 2) + "/" + zeroPad(date.month, width: 2) + "/" + String(date.year)
        }
        static func short(_ date: CivilDate) -> String { String(date.day) + "/" + String(date.month) + "/" + String(date.year) }
        static func dashed(_ date: CivilDate) -> String {
            String(date.day) + "-" + LinkageNames.months[date.month - 1] + "-" + String(date.year)
        }
    }
}

/// Word lists for ``LinkageBorough``.
enum LinkageNames {
    static let smallFemale = [
        "Olivia", "Amelia", "Emily", "Sophie", "Jessica", "Grace", "Lily", "Chloe", "Sarah", "Emma", "Hannah", "Laura",
        "Rebecca", "Rachel", "Claire", "Helen", "Susan", "Margaret", "Karen", "Julie", "Lisa", "Amy", "Lucy", "Megan",
    ]
    static let smallMale = [
        "Oliver", "Jack", "Harry", "George", "Thomas", "James", "William", "Daniel", "Joshua", "Samuel", "Matthew",
        "Ryan", "Adam", "Luke", "David", "Michael", "Paul", "Mark", "Andrew", "Peter", "John", "Craig", "Liam", "Ben",
    ]
    static let smallFamily = [
        "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Robinson", "Wright",
        "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall", "Wood", "Jackson", "Clarke", "Khan",
        "Patel", "Hughes", "Edwards", "Turner", "Hill", "Kelly", "Cole", "Young", "Begum",
    ]
    static let surnameParts = [
        "ash", "bar", "ber", "bro", "cal", "car", "dal", "den", "ell", "far", "gar", "ham", "hol", "ing", "kel", "lan",
        "ley", "mar", "mor", "nor", "ock", "pen", "ram", "ros", "sal", "sted", "ton", "ver", "wal", "wick", "worth", "yat",
        "bur", "cot", "ford", "hurst", "lock", "mere", "side", "thorp",
    ]
    static let streetStems = [
        "High", "Church", "Mill", "Station", "Park", "Victoria", "Granville", "Heron", "Primrose", "Windsor", "Orchard",
        "Linden", "Bramble", "Sefton", "Warwick", "Blackthorn", "Hawthorn", "Railway", "Castle", "Tanners", "Belgrave",
        "Lowther", "Ribble", "Fern", "Pine", "Oak", "Elm", "Willow", "Cedar", "Maple", "Albert", "Queens", "Kings",
        "Ashfield", "Brook", "Clifton", "Dale", "Eden", "Foxglove", "Glebe", "Holly", "Ivy", "Juniper", "Kestrel",
    ]
    static let streetTypes = ["Street", "Road", "Lane", "Avenue", "Drive", "Close", "Gardens", "Place", "Way", "Terrace", "Crescent"]
    static let unitLetters = Array("ABDEFGHJLNPQRSTUWXYZ")
    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// A word that tells apart streets sharing a name in a large borough: "Oak Road North".
    static func streetQualifier(_ index: Int) -> String {
        let words = ["North", "South", "East", "West", "Upper", "Lower", "Old", "New", "Great", "Little", "Green", "Hill"]
        return index <= words.count ? words[index - 1] : words[index % words.count] + " " + String(index)
    }
}
