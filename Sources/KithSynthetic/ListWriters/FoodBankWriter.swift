import KithSpreadsheet

/// "Food bank referrals": vouchers issued to households by referring agencies over the last three months.
///
/// Pipe-delimited UTF-8 text from a US-configured system, so dates are `mm/dd/yyyy`. The client's full name
/// sits in one column, sometimes as `SURNAME, Forename`; some households are referred more than once.
enum FoodBankWriter {
    static let source = "Food bank referrals"
    static let fileName = "food-bank-referrals.csv"

    static let rates = NoiseRates(
        typo: 0.04,
        nickname: 0.06,
        initialOnly: 0.01,
        accentDropped: 0.3,
        allCaps: 0.03,
        lowerCase: 0.02,
        outerSpaces: 0.03,
        maidenName: 0.2,
        oldAddress: 0.1,
        postcodeWithoutSpace: 0.08,
        postcodeLowerCase: 0.05,
        postcodeMissing: 0.02,
        streetAbbreviated: 0,
        dateSwapped: 0.02,
        dateMistyped: 0.01,
        dateMissing: 0.02
    )

    static func make(_ borough: Borough) -> ListTable {
        var table = ListTable(
            source: source,
            fileName: fileName,
            format: .csv(delimiter: "|", encoding: .utf8),
            header: [
                "Ref", "Client Name", "DOB", "Household Size", "Post Code", "Referral Date", "Referring Agency",
                "Dietary Needs",
            ]
        )
        let seed = borough.configuration.seed
        var noise = Noise(seed: seed, stream: "food-bank", rates: rates)
        var random = RandomSource(seed: seed, stream: "food-bank")
        var dates: [CivilDate] = []
        var tiebreaks: [Int] = []

        for household in borough.households {
            let h = household.latentNeed
            guard household.foodInsecure, random.chance(0.75) else { continue }
            let adults = borough.adults(of: household)
            guard !adults.isEmpty else { continue }
            let referrals = random.chance(0.3 + 0.3 * h) ? 2 + random.below(2) : 1
            let children = household.members.filter { borough.residents[$0].role == .child }
            let hasBaby = children.contains { borough.residents[$0].age(on: borough.extractDate) < 2 }
            let diet = dietaryNeeds(heritage: household.heritage, baby: hasBaby, random: &random)
            for referral in 0..<referrals {
                let client =
                    referral > 0 && adults.count > 1 && random.chance(0.15)
                    ? adults[random.below(adults.count)] : borough.mainContact(of: household)
                let person = borough.residents[client]
                let date = borough.extractDate.adding(days: -random.int(in: 0...90))
                let given = noise.givenName(person.givenName)
                let family = noise.familyName(person.familyName, birth: person.birthFamilyName, recentlyMarried: person.recentlyMarried)
                let name =
                    random.chance(0.35)
                    ? family.trimmingSpaces().uppercased() + ", " + given.trimmingSpaces() : given + " " + family
                var size = household.members.count
                if random.chance(0.08) { size = max(1, size + (random.chance(0.5) ? 1 : -1)) }
                let address = noise.address(of: household)
                table.append(
                    [
                        "",
                        name,
                        noise.dateOfBirth(person.dateOfBirth).map(DateText.monthDayYear) ?? "",
                        String(size),
                        noise.postcode(address.postcode),
                        DateText.monthDayYear(date),
                        agency(household: household, children: !children.isEmpty, random: &random),
                        diet,
                    ],
                    person: client
                )
                dates.append(date)
                tiebreaks.append(random.below(1_000_000))
            }
        }
        table.sort { dates[$0].daysSinceEpoch * 1_000_000 + tiebreaks[$0] }
        let year = borough.extractDate.year % 100
        for row in table.rows.indices {
            table.rows[row][0] = .text("FB\(zeroPad(year, width: 2))-" + zeroPad(row + 1, width: 5))
        }
        return table
    }

    private static func agency(household: Household, children: Bool, random: inout RandomSource) -> String {
        var options: [(String, Double)] = [
            ("Citizens Advice", 3), ("Council helpline", 3), ("Jobcentre Plus", 2), ("Housing association", 1.5),
            ("GP surgery", 1), ("Community mental health team", 0.5), ("Social worker", 0.7),
        ]
        if children { options += [("School", 2), ("Family hub", 2), ("Health visitor", 1)] }
        if household.composition == .olderPersonAlone || household.composition == .olderCouple {
            options += [("Older people's advice service", 2)]
        }
        return options[random.weightedIndex(options.map { $0.1 })].0
    }

    private static func dietaryNeeds(heritage: Heritage, baby: Bool, random: inout RandomSource) -> String {
        if baby, random.chance(0.6) { return "Baby food & nappies" }
        switch heritage {
        case .pakistani, .bangladeshi, .somali, .arab:
            return random.pick(["Halal", "Halal", "Halal", "No pork", "None"])
        case .indian:
            return random.pick(["Vegetarian", "Vegetarian", "None", "No beef"])
        default:
            return ["None", "None", "None", "None", "Diabetic", "Gluten free", "Vegetarian", "Vegan", "No pork", ""][random.below(10)]
        }
    }
}

extension String {
    /// Without leading or trailing spaces.
    func trimmingSpaces() -> String {
        var slice = Substring(self)
        while slice.first == " " { slice = slice.dropFirst() }
        while slice.last == " " { slice = slice.dropLast() }
        return String(slice)
    }
}
