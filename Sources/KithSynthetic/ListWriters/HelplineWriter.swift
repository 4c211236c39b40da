import KithSpreadsheet

/// "Helpline call log": calls to the council's community helpline over the eight weeks before the extract.
///
/// Windows-1252 CSV (Excel's plain "CSV" on a UK PC), comma; call dates `05-Nov-2026`, dates of birth `5/7/85`
/// or blank. One row per call, so repeat callers appear several times, each spelt as that call handler heard it.
/// Residents of the hidden under-served neighbourhoods (``UnderservedAreas``) ring about a third as often as their
/// need would suggest.
/// Notes hold commas, quotes, a line break, `£` and dashes.
enum HelplineWriter {
    static let source = "Helpline call log"
    static let fileName = "helpline-calls.csv"

    static let rates = NoiseRates(
        typo: 0.05,
        nickname: 0.08,
        initialOnly: 0.02,
        accentDropped: 0.25,
        allCaps: 0.05,
        lowerCase: 0.04,
        outerSpaces: 0.04,
        maidenName: 0.3,
        oldAddress: 0.15,
        postcodeWithoutSpace: 0.12,
        postcodeLowerCase: 0.08,
        postcodeMissing: 0.05,
        streetAbbreviated: 0.25,
        dateSwapped: 0.03,
        dateMistyped: 0.01,
        dateMissing: 0.45,
        phoneStyles: [3, 4, 1, 1, 1, 0.5, 0.5]
    )

    enum Need: String, CaseIterable {
        case food = "Food"
        case prescriptions = "Prescriptions"
        case loneliness = "Loneliness"
        case money = "Money"
        case other = "Other"

        var outcomes: [String] {
            switch self {
            case .food: ["Food parcel arranged", "Referred to food bank", "Shopping volunteer matched"]
            case .prescriptions: ["Prescription delivery arranged", "Volunteer to collect prescription"]
            case .loneliness: ["Befriending referral", "Welfare call booked", "Signposted to community group"]
            case .money: ["Signposted to Citizens Advice", "Referred to welfare rights", "Emergency payment requested"]
            case .other: ["Referred to social care", "Call back requested", "No further action", "Information given"]
            }
        }

        var notes: [String] {
            switch self {
            case .food:
                [
                    "Asked for a food parcel, no money until payday",
                    "Cupboards empty, two children at home, needs delivery",
                    "Caller says \"we're fine for bread, it's tins we need\"",
                    "Halal food please; can't get to the shop",
                ]
            case .prescriptions:
                [
                    "Needs prescription collecting from the chemist\nNeighbour usually helps but is away",
                    "Isolating, asked if a volunteer can pick up insulin",
                    "Repeat prescription ready Thursday – please collect",
                ]
            case .loneliness:
                [
                    "Lives alone, hard of hearing, please call back slowly",
                    "Caller says \"I haven't spoken to anyone in a week\"; befriending offered",
                    "Daughter rang on her behalf, wants a welfare call",
                    "Very low today, talked for 20 mins — agreed weekly call",
                ]
            case .money:
                [
                    "Owes £45 on the electric key – referred to Citizens Advice",
                    "Universal Credit delayed, rent arrears, asked about hardship fund",
                    "Lost job, \"don't know where to start\", benefits check booked",
                    "Gas meter on emergency credit, needs £20 top-up",
                ]
            case .other:
                [
                    "Wants to volunteer as well as get help",
                    "Asked about bin collections, passed to Environment",
                    "Concern about neighbour, not seen for days; welfare check requested",
                    "",
                ]
            }
        }
    }

    static func make(_ borough: Borough) -> ListTable {
        var table = ListTable(
            source: source,
            fileName: fileName,
            format: .csv(delimiter: ",", encoding: .windows1252),
            header: [
                "Call Date", "Caller First Name", "Caller Surname", "Contact Number", "Email", "Address", "Postcode",
                "Date of Birth", "Need", "Outcome", "Notes",
            ]
        )
        let seed = borough.configuration.seed
        var noise = Noise(seed: seed, stream: "helpline", rates: rates)
        var random = RandomSource(seed: seed, stream: "helpline")
        // Whether a caller from an under-served neighbourhood rings at all, from a stream of its own: their calls are
        // still made up and then left out, so that every other caller's calls are the same as if none were left out.
        var engagement = RandomSource(seed: seed, stream: "helpline-engagement")
        var sortKeys: [Int] = []

        for household in borough.households {
            let alone = household.members.count == 1
            let hasChildren = household.members.contains { borough.residents[$0].role == .child }
            for index in household.members {
                let person = borough.residents[index]
                let age = person.age(on: borough.extractDate)
                guard age >= 18 else { continue }
                var probability = 0.006 + 0.1 * person.latentNeed * person.latentNeed
                if alone, age >= 65 { probability += 0.03 }
                if person.shielding { probability += 0.04 }
                if person.adultSocialCare { probability += 0.05 }
                if household.foodInsecure, index == borough.mainContact(of: household) { probability += 0.25 }
                guard random.chance(probability) else { continue }
                let need = pickNeed(
                    age: age,
                    alone: alone,
                    children: hasChildren,
                    foodInsecure: household.foodInsecure,
                    shielding: person.shielding,
                    random: &random
                )
                var calls = 1
                while calls < 6, random.chance(0.2 + 0.3 * person.latentNeed) { calls += 1 }
                let callFactor = borough.smallAreas[household.smallArea].callFactor
                let rings = callFactor >= 1 || engagement.chance(callFactor)
                for _ in 0..<calls {
                    var date = borough.extractDate.adding(days: -random.int(in: 1...56))
                    if DateText.weekday(date) >= 5, random.chance(0.7) { date = date.adding(days: 7 - DateText.weekday(date)) }
                    if date >= borough.extractDate { date = borough.extractDate.adding(days: -1) }
                    let callNeed = random.chance(0.75) ? need : Need.allCases[random.below(Need.allCases.count)]
                    let call = row(for: person, in: household, date: date, need: callNeed, noise: &noise, random: &random)
                    let sortKey = date.daysSinceEpoch * 10_000 + random.below(10_000)
                    guard rings else { continue }
                    table.append(call, person: index)
                    sortKeys.append(sortKey)
                }
            }
        }
        table.sort { sortKeys[$0] }
        return table
    }

    private static func pickNeed(
        age: Int,
        alone: Bool,
        children: Bool,
        foodInsecure: Bool,
        shielding: Bool,
        random: inout RandomSource
    ) -> Need {
        let weights: [Double]
        if children {
            weights = [0.5, 0.05, 0.05, 0.3, 0.1]
        } else if foodInsecure {
            weights = [0.55, 0.05, 0.05, 0.3, 0.05]
        } else if age >= 65 {
            weights = [0.25, shielding ? 0.35 : 0.2, alone ? 0.35 : 0.15, 0.08, 0.07]
        } else {
            weights = [0.35, shielding ? 0.25 : 0.1, 0.15, 0.3, 0.1]
        }
        return Need.allCases[random.weightedIndex(weights)]
    }

    private static func row(
        for person: Resident,
        in household: Household,
        date: CivilDate,
        need: Need,
        noise: inout Noise,
        random: inout RandomSource
    ) -> [String] {
        let address = noise.address(of: household)
        let phone = [person.mobile, household.landline].compactMap { $0 }
        var email = ""
        if let real = person.email, random.chance(0.6) {
            email = random.chance(0.05) ? Noise.typo(real, using: &random) : real
            if random.chance(0.1) { email = email.uppercased() }
        }
        let dateOfBirth = noise.dateOfBirth(person.dateOfBirth).map(DateText.shortDayMonthYear) ?? ""
        let fields = [
            DateText.dayMonthNameYear(date),
            noise.givenName(person.givenName),
            noise.familyName(person.familyName, birth: person.birthFamilyName, recentlyMarried: person.recentlyMarried),
            phone.isEmpty || random.chance(0.05) ? "" : noise.phone(phone[random.below(phone.count)]),
            email,
            noise.street(address.streetAddress),
            noise.postcode(address.postcode),
            dateOfBirth,
            need.rawValue,
            need.outcomes[random.below(need.outcomes.count)],
            random.chance(0.8) ? need.notes[random.below(need.notes.count)] : "",
        ]
        // The helpline PC cannot type letters outside Windows-1252; handlers write the nearest plain letter.
        return fields.map(Diacritics.windows1252Safe)
    }
}
