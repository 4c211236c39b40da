import KithSpreadsheet

/// Creates the households and residents: composition, names, dates of birth, identifiers and contacts.
///
/// Households fill the small areas in turn, so each area holds about the same number of people; a
/// household's heritage leans on its neighbourhood's diversity, and its composition on its heritage.
struct PopulationBuilder {
    /// A member before names and identifiers are given.
    private struct Planned {
        var role: Resident.Role
        var sex: Sex
        var age: Int
        /// Index of an earlier planned member born the same day (a twin).
        var twinOf: Int?
        /// Index of an earlier planned member whose given name this one shares (junior/senior).
        var namedAfter: Int?
        /// Heritage when it differs from the household's (a partner from another family background, a sharer).
        var heritage: Heritage?
    }

    let extractDate: CivilDate
    let people: Int
    private var random: RandomSource
    private var identifiers: RandomSource
    private(set) var households: [Household] = []
    private(set) var residents: [Resident] = []
    private var nhsNumbers: Set<String> = []
    private var mobiles = UniqueNumbers(range: 100_000...999_999)
    private var landlines = UniqueNumbers(range: 200_000...999_999)
    private var emails: Set<String> = []

    init(people: Int, extractDate: CivilDate, seed: UInt64) {
        self.people = people
        self.extractDate = extractDate
        random = RandomSource(seed: seed, stream: "population")
        identifiers = RandomSource(seed: seed, stream: "identifiers")
    }

    /// Builds every household until the borough holds exactly `people` residents.
    mutating func build(neighbourhoods: [Neighbourhood], areas: [SmallArea], addressBook: inout AddressBook) {
        households.reserveCapacity(people / 2)
        residents.reserveCapacity(people)
        while residents.count < people {
            let area = min(areas.count - 1, residents.count * areas.count / people)
            let neighbourhood = areas[area].neighbourhood
            let heritage = pickHeritage(diversity: neighbourhoods[neighbourhood].diversity)
            var composition = pickComposition(heritage: heritage)
            var plan = self.plan(composition, heritage: heritage)
            if plan.count > people - residents.count {
                composition = .singleAdult
                plan = self.plan(.singleAdult, heritage: heritage)
            }
            let address = addressBook.dwelling(inArea: area)
            let practices = neighbourhoods[neighbourhood].gpPractices
            var household = Household(
                id: "H" + zeroPad(households.count + 1, width: 6),
                composition: composition,
                heritage: heritage,
                address: address,
                previousAddress: nil,
                landline: nil,
                latentNeed: householdNeed(area: areas[area], composition: composition),
                gpPractice: practices[random.below(practices.count)]
            )
            household.landline = landlineChance(composition) ? newLandline() : nil
            if random.chance(0.045) {
                household.previousAddress = addressBook.takeVacant(avoidingArea: area)
            }
            addMembers(plan, to: &household)
            households.append(household)
        }
    }

    // MARK: - Choosing a household

    private mutating func pickHeritage(diversity: Double) -> Heritage {
        let weights = Heritage.allCases.map { $0.isMinority ? $0.weight * diversity : $0.weight }
        return Heritage.allCases[random.weightedIndex(weights)]
    }

    private mutating func pickComposition(heritage: Heritage) -> Composition {
        let weights = Composition.allCases.map { composition -> Double in
            switch composition {
            case .olderPersonAlone, .olderCouple: composition.weight * heritage.olderPeopleTilt
            case .multiGenerational: composition.weight * heritage.multiGenerationalTilt
            default: composition.weight
            }
        }
        return Composition.allCases[random.weightedIndex(weights)]
    }

    private mutating func householdNeed(area: SmallArea, composition: Composition) -> Double {
        let z = -1.1 + 2.6 * (area.need - 0.45) + composition.needBias + random.normal(deviation: 0.75)
        return squash(z)
    }

    private mutating func landlineChance(_ composition: Composition) -> Bool {
        switch composition {
        case .olderPersonAlone, .olderCouple: random.chance(0.85)
        case .multiGenerational, .adultChildrenAtHome: random.chance(0.6)
        case .coupleWithChildren, .couple: random.chance(0.4)
        case .loneParent, .singleAdult: random.chance(0.2)
        case .houseShare: random.chance(0.05)
        }
    }

    // MARK: - Planning members

    private mutating func plan(_ composition: Composition, heritage: Heritage) -> [Planned] {
        switch composition {
        case .singleAdult:
            let age = 19 + Int(46 * (0.65 * random.unit() + 0.35 * random.unit() * random.unit()))
            return [Planned(role: .head, sex: random.chance(0.55) ? .male : .female, age: age)]
        case .olderPersonAlone:
            return [Planned(role: .head, sex: random.chance(0.66) ? .female : .male, age: olderAge())]
        case .couple:
            let age = 21 + Int(44 * random.unit())
            return couple(manAge: age, heritage: heritage)
        case .olderCouple:
            return couple(manAge: min(98, olderAge() + 1), heritage: heritage)
        case .coupleWithChildren:
            let children = childAges(count: 1 + random.weightedIndex([0.38, 0.4, 0.15, 0.07]))
            let mother = max(18, children[0].age + clamp(Int(random.normal(mean: 29.5, deviation: 5)), 17, 45))
            var members = couple(manAge: max(18, mother + Int(random.normal(mean: 2.5, deviation: 3.5))), heritage: heritage)
            members[1].age = mother
            appendChildren(children, to: &members, heritage: heritage)
            return members
        case .loneParent:
            let children = childAges(count: 1 + random.weightedIndex([0.5, 0.33, 0.17]))
            let parentAge = max(18, children[0].age + clamp(Int(random.normal(mean: 25, deviation: 5.5)), 16, 45))
            var members = [Planned(role: .head, sex: random.chance(0.88) ? .female : .male, age: parentAge)]
            appendChildren(children, to: &members, heritage: heritage)
            return members
        case .multiGenerational:
            let children = childAges(count: random.weightedIndex([0.15, 0.35, 0.3, 0.2]))
            let motherAge =
                children.isEmpty
                ? random.int(in: 24...45) : max(20, children[0].age + clamp(Int(random.normal(mean: 27, deviation: 4.5)), 17, 44))
            let sonAge = max(20, motherAge + Int(random.normal(mean: 3, deviation: 3)))
            var members = couple(manAge: sonAge, heritage: heritage)
            members[1].age = motherAge
            let grandfatherAge = min(99, sonAge + random.int(in: 22...36))
            let grandmotherAge = max(sonAge + 18, grandfatherAge - random.int(in: 0...6))
            if random.chance(0.55) { members.append(Planned(role: .grandparent, sex: .male, age: grandfatherAge)) }
            members.append(Planned(role: .grandparent, sex: .female, age: grandmotherAge))
            appendChildren(children, to: &members, heritage: heritage)
            return members
        case .houseShare:
            let count = 2 + random.weightedIndex([0.45, 0.3, 0.18, 0.07])
            return (0..<count).map { index in
                let sharerHeritage = random.chance(0.5) ? heritage : Heritage.allCases[random.weightedIndex(Heritage.allCases.map(\.weight))]
                return Planned(
                    role: index == 0 ? .head : .sharer,
                    sex: random.chance(0.5) ? .male : .female,
                    age: 19 + Int(22 * random.unit() * random.unit()) + random.below(4),
                    heritage: sharerHeritage
                )
            }
        case .adultChildrenAtHome:
            let youngestAdult = random.int(in: 18...30)
            var members = couple(manAge: youngestAdult + random.int(in: 24...38), heritage: heritage)
            members[1].age = max(youngestAdult + 18, members[0].age - random.int(in: 0...5))
            members.append(Planned(role: .adultChild, sex: random.chance(0.55) ? .male : .female, age: youngestAdult))
            if random.chance(0.35) {
                members.append(
                    Planned(role: .adultChild, sex: random.chance(0.5) ? .male : .female, age: youngestAdult + random.int(in: 1...6))
                )
            }
            return members
        }
    }

    /// A man (head) and a woman (partner); about one couple in twelve crosses heritages.
    private mutating func couple(manAge: Int, heritage: Heritage) -> [Planned] {
        let womanAge = max(18, manAge - Int(random.normal(mean: 2.5, deviation: 3)))
        let partnerHeritage: Heritage? =
            random.chance(0.08) ? Heritage.allCases[random.weightedIndex(Heritage.allCases.map(\.weight))] : nil
        return [
            Planned(role: .head, sex: .male, age: manAge),
            Planned(role: .partner, sex: .female, age: womanAge, heritage: partnerHeritage),
        ]
    }

    private mutating func olderAge() -> Int {
        switch random.weightedIndex([0.42, 0.37, 0.21]) {
        case 0: return random.int(in: 62...74)
        case 1: return random.int(in: 75...84)
        default: return 85 + Int(15 * random.unit() * random.unit())
        }
    }

    /// Ages of children, oldest first, 0…17. `twinOfNext` marks the first of a pair of twins.
    private mutating func childAges(count: Int) -> [(age: Int, twinOfNext: Bool)] {
        guard count > 0 else { return [] }
        // Build youngest first, then keep only those under 18.
        var ascending: [(age: Int, twinOfPrevious: Bool)] = [(random.int(in: 0...13), false)]
        for _ in 1..<count {
            let last = ascending[ascending.count - 1].age
            if random.chance(0.02) {
                ascending.append((last, true))
            } else {
                let next = last + 1 + random.weightedIndex([0.25, 0.35, 0.22, 0.12, 0.06])
                if next > 17 { break }
                ascending.append((next, false))
            }
        }
        // Oldest first: the later twin of a pair moves in front of its partner.
        var result: [(age: Int, twinOfNext: Bool)] = []
        for child in ascending.reversed() {
            result.append((child.age, child.twinOfPrevious))
        }
        return result
    }

    private mutating func appendChildren(_ children: [(age: Int, twinOfNext: Bool)], to members: inout [Planned], heritage: Heritage) {
        for (offset, child) in children.enumerated() {
            var planned = Planned(role: .child, sex: random.chance(0.51) ? .male : .female, age: child.age)
            if offset > 0, children[offset - 1].twinOfNext {
                planned.twinOf = members.count - 1
            }
            if planned.sex == .male, members[0].sex == .male, random.chance(heritage.juniorChance) {
                planned.namedAfter = 0
            }
            members.append(planned)
        }
    }

    // MARK: - Making residents

    private mutating func addMembers(_ plan: [Planned], to household: inout Household) {
        let heritage = household.heritage
        let base = NameBank.familyName(heritage: heritage, using: &random)
        // A lone parent's children sometimes carry the absent parent's name.
        let childrenFamily =
            household.composition == .loneParent && random.chance(0.2) ? NameBank.familyName(heritage: heritage, using: &random) : base
        var dates: [CivilDate] = []
        var givenNames: [String] = []
        for planned in plan {
            let personHeritage = planned.heritage ?? heritage
            let dateOfBirth = planned.twinOf.map { dates[$0] } ?? birthDate(age: planned.age)
            var given = ""
            if let senior = planned.namedAfter {
                given = givenNames[senior]
            } else {
                for _ in 0..<12 {
                    given = NameBank.givenName(heritage: personHeritage, sex: planned.sex, birthYear: dateOfBirth.year, using: &random)
                    if !givenNames.contains(given) { break }
                }
            }
            var family: String
            var birthFamily: String
            var recentlyMarried = false
            switch planned.role {
            case .head where household.composition == .houseShare, .sharer:
                birthFamily = NameBank.familyName(
                    NameBank.familyName(heritage: personHeritage, using: &random),
                    for: planned.sex,
                    heritage: personHeritage
                )
                family = birthFamily
            case .head where planned.sex == .female && household.composition == .loneParent && random.chance(0.4):
                // Formerly married: carries the children's family name, born with another.
                family = NameBank.familyName(childrenFamily, for: .female, heritage: heritage)
                birthFamily = NameBank.familyName(NameBank.womansOwnFamilyName(heritage: heritage, using: &random), for: .female, heritage: heritage)
            case .partner where planned.sex == .female, .grandparent where planned.sex == .female:
                birthFamily = NameBank.familyName(
                    NameBank.womansOwnFamilyName(heritage: personHeritage, using: &random),
                    for: .female,
                    heritage: personHeritage
                )
                if random.chance(heritage.wifeTakesHusbandsName) {
                    family = NameBank.familyName(base, for: .female, heritage: heritage)
                    recentlyMarried = planned.age < 45 && random.chance(0.2)
                } else {
                    family = birthFamily
                }
            case .child:
                var childBase = childrenFamily
                if planned.sex == .female, heritage == .bangladeshi || heritage == .pakistani, random.chance(0.25) {
                    childBase = NameBank.womansOwnFamilyName(heritage: heritage, using: &random)
                }
                family = NameBank.familyName(childBase, for: planned.sex, heritage: heritage)
                birthFamily = family
            default:
                family = NameBank.familyName(base, for: planned.sex, heritage: heritage)
                birthFamily = family
            }
            if family == birthFamily { recentlyMarried = false }
            var resident = Resident(
                id: "P" + zeroPad(residents.count + 1, width: 6),
                household: households.count,
                role: planned.role,
                givenName: given,
                familyName: family,
                birthFamilyName: birthFamily,
                sex: planned.sex,
                dateOfBirth: dateOfBirth,
                heritage: personHeritage
            )
            resident.recentlyMarried = recentlyMarried
            resident.nhsNumber = newNHSNumber()
            addContacts(to: &resident, age: planned.age)
            resident.isDoctor = planned.age >= 30 && random.chance(0.008)
            dates.append(dateOfBirth)
            givenNames.append(given)
            household.members.append(residents.count)
            residents.append(resident)
        }
    }

    /// A date of birth that gives exactly `age` completed years on the extract date.
    private mutating func birthDate(age: Int) -> CivilDate {
        let latest = yearsBefore(extractDate, age)
        let earliest = yearsBefore(extractDate, age + 1).adding(days: 1)
        let span = latest.daysSinceEpoch - earliest.daysSinceEpoch
        return earliest.adding(days: random.int(in: 0...max(0, span)))
    }

    private func yearsBefore(_ date: CivilDate, _ years: Int) -> CivilDate {
        CivilDate(year: date.year - years, month: date.month, day: date.day)
            ?? CivilDate(year: date.year - years, month: date.month, day: 28)!
    }

    private mutating func addContacts(to resident: inout Resident, age: Int) {
        let mobileChance: Double =
            switch age {
            case ..<13: 0
            case 13..<18: 0.7
            case 18..<65: 0.93
            case 65..<80: 0.75
            default: 0.4
            }
        if random.chance(mobileChance) { resident.mobile = newMobile() }
        let emailChance: Double =
            switch age {
            case ..<18: 0
            case 18..<65: 0.65
            case 65..<80: 0.4
            default: 0.1
            }
        if random.chance(emailChance) { resident.email = newEmail(resident) }
    }

    // MARK: - Identifiers and contacts

    private mutating func newNHSNumber() -> String {
        while true {
            let number = NHSNumber.generate(using: &identifiers)
            if nhsNumbers.insert(number).inserted { return number }
        }
    }

    /// Mobiles in `07700 100000`–`999999`, the block around Ofcom's drama range (`07700 900000`–`900999`); unique to
    /// one person. Past 900,000 mobiles, residents go without.
    private mutating func newMobile() -> String? {
        mobiles.next(using: &identifiers).map { "07700 " + String($0) }
    }

    /// Landlines in `01632`, the area code Ofcom keeps for fiction; unique to one household (up to 800,000).
    private mutating func newLandline() -> String? {
        landlines.next(using: &identifiers).map { "01632 " + String($0) }
    }

    /// An address at one of the reserved example domains (RFC 2606), never a real mailbox.
    private mutating func newEmail(_ resident: Resident) -> String {
        let given = Diacritics.emailPart(resident.givenName)
        let family = Diacritics.emailPart(resident.familyName)
        let year = String(resident.dateOfBirth.year % 100)
        let domain = random.pick(["example.com", "example.org", "example.net", "mail.example.com"])
        let local: String =
            switch random.below(5) {
            case 0: given + "." + family
            case 1: given + "." + family + year
            case 2: String(given.prefix(1)) + family
            case 3: family + given + String(random.int(in: 1...99))
            default: given + "_" + family + String(random.int(in: 1...999))
            }
        var candidate = local + "@" + domain
        var suffix = 2
        while !emails.insert(candidate).inserted {
            candidate = local + String(suffix) + "@" + domain
            suffix += 1
        }
        return candidate
    }
}

/// Maps any real number into 0…1 smoothly, without `exp` (so results match on every platform).
func squash(_ z: Double) -> Double {
    0.5 + 0.5 * z / (1 + abs(z))
}

func clamp<T: Comparable>(_ value: T, _ low: T, _ high: T) -> T {
    min(max(value, low), high)
}
