import KithSpreadsheet

/// Gives each resident a hidden level of need and, from it, illness, shielding and care involvement.
///
/// Need flows from small area to household to person: a person's need is their household's, moved by
/// age and a long-term condition. Every service flag is then drawn with a probability that rises with
/// need, so a vulnerability score computed from the lists can be checked against ``Resident/latentNeed``.
///
/// It then adds the factors of a vulnerability matrix, each from its own stream so none of the draws above move:
/// family risks at a children's services assessment (``assignFamilyRisks(households:residents:extractDate:seed:)``)
/// and school census flags for children of school age (``SchoolNeedsAssignment``).
enum CareAssignment {
    static func assign(households: inout [Household], residents: inout [Resident], extractDate: CivilDate, seed: UInt64) {
        var random = RandomSource(seed: seed, stream: "care")
        for householdIndex in households.indices {
            let household = households[householdIndex]
            let householdZ = unsquash(household.latentNeed)
            for member in household.members {
                let age = residents[member].age(on: extractDate)
                let conditionBase: Double =
                    switch age {
                    case ..<18: 0.02
                    case 18..<40: 0.05
                    case 40..<65: 0.12
                    case 65..<75: 0.25
                    case 75..<85: 0.38
                    default: 0.5
                    }
                let condition = random.chance(conditionBase * (0.6 + 0.8 * household.latentNeed))
                let ageTerm: Double =
                    switch age {
                    case ..<18: 0.1
                    case 18..<65: 0
                    case 65..<75: 0.2
                    case 75..<85: 0.6
                    default: 1.0
                    }
                let z = householdZ + ageTerm + (condition ? 0.8 : 0) + random.normal(deviation: 0.45)
                let need = squash(z)
                residents[member].latentNeed = need
                residents[member].longTermCondition = condition
                let shieldingAge: Double =
                    switch age {
                    case ..<18: 0.25
                    case 18..<50: 0.5
                    case 50..<70: 1.0
                    default: 1.4
                    }
                residents[member].shielding = condition && random.chance((0.15 + 0.4 * need) * shieldingAge)
                if age >= 18 {
                    let ageBase: Double =
                        switch age {
                        case ..<65: 0.006
                        case 65..<75: 0.015
                        case 75..<85: 0.05
                        default: 0.14
                        }
                    let alone = household.members.count == 1 ? 1.4 : 1.0
                    let probability = ageBase * (0.2 + 3 * need * need) * (condition ? 2 : 1) * alone
                    residents[member].adultSocialCare = random.chance(min(0.9, probability))
                }
            }
            // Children's social care is a household matter: siblings usually share a case.
            let h = household.latentNeed
            var insecurity = 0.006 + 0.45 * h * h * h
            if household.composition == .loneParent { insecurity += 0.04 }
            let children = household.members.filter { residents[$0].age(on: extractDate) < 18 }
            defer { households[householdIndex].foodInsecure = random.chance(min(0.9, insecurity)) }
            guard !children.isEmpty else { continue }
            if random.chance(0.005 + 0.4 * h * h * h) {
                insecurity += 0.2
                let category: Resident.ChildrenCategory =
                    switch random.weightedIndex([0.65, 0.22, 0.13]) {
                    case 0: .childInNeed
                    case 1: .childProtection
                    default: .lookedAfter
                    }
                for child in children where random.chance(category == .lookedAfter ? 0.7 : 0.92) {
                    residents[child].childrenCategory = category
                    residents[child].latentNeed = max(residents[child].latentNeed, min(1, h + 0.1))
                }
            }
        }
        // Later steps, each on its own stream, so the draws above are the same as before they existed.
        assignFamilyRisks(households: &households, residents: residents, extractDate: extractDate, seed: seed)
        SchoolNeedsAssignment.assign(households: households, residents: &residents, extractDate: extractDate, seed: seed)
    }

    /// The factors a children's services assessment records for a family (domestic abuse, a parent's mental health
    /// or substance misuse), shared by the siblings of one case; and domestic abuse known only to police or MARAC
    /// in a few other households with children.
    ///
    /// Three draws for every household from the stream "family-risks", used or not, so one household's factors
    /// never depend on another's.
    static func assignFamilyRisks(households: inout [Household], residents: [Resident], extractDate: CivilDate, seed: UInt64) {
        var random = RandomSource(seed: seed, stream: "family-risks")
        for index in households.indices {
            let draws = (abuse: random.unit(), mentalHealth: random.unit(), substances: random.unit())
            let household = households[index]
            let h = household.latentNeed
            if let category = household.members.lazy.compactMap({ residents[$0].childrenCategory }).first {
                let abuse: Double =
                    switch category {
                    case .childProtection: 0.5
                    case .childInNeed: 0.35
                    case .lookedAfter: 0.3
                    }
                // Cases gather at high need; the lift is 1 at need 0.6.
                let lift = 0.7 + 0.5 * h
                households[index].domesticAbuse = draws.abuse < min(0.9, abuse * lift)
                households[index].parentalMentalHealth = draws.mentalHealth < min(0.9, 0.35 * lift)
                households[index].parentalSubstanceMisuse = draws.substances < min(0.9, 0.2 * lift)
            } else if household.members.contains(where: { residents[$0].age(on: extractDate) < 18 }) {
                households[index].domesticAbuse = draws.abuse < 0.008 + 0.08 * h * h
            }
        }
    }

    /// The inverse of ``squash(_:)``.
    static func unsquash(_ value: Double) -> Double {
        let y = clamp(2 * value - 1, -0.999, 0.999)
        return y / (1 - abs(y))
    }
}
